//! The visitor's favourites for the programme shown: kept in this browser's localStorage under
//! the programme's own key (two programmes never share them), saved at each change, followed
//! from other tabs (the `storage` event). A stored text that is damaged gives back what can be
//! recovered; a browser that refuses storage (private browsing, a blocked third-party frame, a
//! full quota) keeps them for the visit, and the page says so.
//!
//! Also here: what the visitor does with them (one click listener for the whole page): a star,
//! a calendar file, and the buttons of "Mes favoris" (a shared selection added or taken instead,
//! changes seen, the share link copied or drawn as a QR code, printing).

use crate::dom::{self, FavClick};
use crate::markup::{QR_ID, SHARE_LINK_ID, TOOL_STATUS_ID};
use crate::state::route::Route;
use crate::texts::{texts, Texts};
use agenda_core::favourites::{storage_key, Favourites};
use agenda_core::tools::Request;
use agenda_core::{Programme, SessionId};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Favs {
    pub set: RwSignal<Favourites>,
    /// Whether the browser keeps them (false once it refused to store them).
    pub kept: RwSignal<bool>,
}

impl Favs {
    /// Reads the programme's favourites, follows other tabs and the clicks that concern them
    /// (anywhere in the page), and provides them.
    pub fn provide(programme: Arc<Programme>, programme_url: &str) -> Favs {
        let key = storage_key(programme_url);
        let stored = dom::remembered(&key).unwrap_or_default();
        let favs = Favs {
            set: RwSignal::new(Favourites::from_storage(&stored).0),
            kept: RwSignal::new(dom::can_store()),
        };
        let k = key.clone();
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(k.as_str()) {
                let text = ev.new_value().unwrap_or_default();
                favs.set.set(Favourites::from_storage(&text).0);
            }
        });
        let url = programme_url.to_owned();
        let route = Route::get();
        let clicks = window_event_listener(leptos::ev::click, move |ev| {
            if let Some(click) = dom::fav_click(&ev) {
                favs.on_click(route, &programme, &key, &url, click);
            }
        });
        on_cleanup(move || {
            storage.remove();
            clicks.remove();
        });
        provide_context(favs);
        favs
    }

    pub fn get() -> Option<Favs> {
        use_context::<Favs>()
    }

    /// Changes the favourites and stores them at once.
    fn change(&self, key: &str, f: impl FnOnce(&mut Favourites)) {
        self.set.update(f);
        let text = self.set.with_untracked(|f| f.to_storage());
        if !dom::store(key, &text) {
            self.kept.set(false);
        }
    }

    fn on_click(
        &self,
        route: Route,
        p: &Programme,
        key: &str,
        programme_url: &str,
        click: FavClick,
    ) {
        let t = texts(route.lang());
        let shared = || {
            route
                .query()
                .with_untracked(|q| q.shared.as_deref().map(Favourites::from_share))
                .unwrap_or_default()
        };
        match click {
            FavClick::Star(id) => self.change(key, |f| f.toggle(p, &id)),
            FavClick::Ics(one) => {
                let ids = match one {
                    Some(id) => vec![id],
                    None => self
                        .set
                        .with_untracked(|f| f.iter().map(|x| x.id.clone()).collect()),
                };
                run(
                    Request::Ics {
                        programme: programme_url.to_owned(),
                        ids,
                        now: dom::now(),
                    },
                    t,
                );
            }
            FavClick::Mine(action) => match action.as_str() {
                "merge" => {
                    let other = shared();
                    self.change(key, |f| f.merge(p, &other));
                    route.replace_with(|q| q.shared = None);
                }
                "replace" => {
                    let other = shared();
                    self.change(key, |f| {
                        *f = Favourites::default();
                        f.merge(p, &other);
                    });
                    route.replace_with(|q| q.shared = None);
                }
                "seen" => self.change(key, |f| f.acknowledge(p)),
                "copy" if dom::copy_link(SHARE_LINK_ID) => dom::say(TOOL_STATUS_ID, t.copied),
                "qr" => run(
                    Request::Qr {
                        text: dom::input_value(SHARE_LINK_ID),
                        label: t.qr_label.to_owned(),
                    },
                    t,
                ),
                "print" => dom::print(),
                _ => {}
            },
        }
    }
}

/// Has the worker make a calendar file (then handed to the browser as a download) or a QR code
/// (then shown under the share link), and says how it went.
fn run(request: Request, t: &'static Texts) {
    let name = match &request {
        Request::Ics { ids, .. } if ids.len() == 1 => file_name(&ids[0]),
        _ => "mes-favoris.ics".to_owned(),
    };
    leptos::task::spawn_local(async move {
        let answer = crate::api::ask_tools(&request).await;
        // A QR code speaks for itself; a calendar file is said to be downloaded.
        if answer.starts_with("<svg") {
            dom::put_html(QR_ID, &answer);
        } else if answer.starts_with("BEGIN:VCALENDAR")
            && dom::download(&name, "text/calendar;charset=utf-8", &answer)
        {
            dom::say(TOOL_STATUS_ID, t.ics_done);
        } else {
            dom::say(TOOL_STATUS_ID, t.tool_failed);
        }
    });
}

/// A calendar file's name for one session: its id, in letters, digits and dashes.
fn file_name(id: &SessionId) -> String {
    let safe: String = id
        .as_str()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("seance-{}.ics", safe.trim_matches('-'))
}
