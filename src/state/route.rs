//! The URL is the state: this context holds the parsed query and keeps it and the address bar in
//! step (pushState for navigation, popstate for back and forward).

use agenda_core::{Lang, Query, SessionId};
use leptos::prelude::*;

/// List or grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    List,
    Grid,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::List => "list",
            Layout::Grid => "grid",
        }
    }

    pub fn parse(s: &str) -> Option<Layout> {
        match s {
            "list" => Some(Layout::List),
            "grid" => Some(Layout::Grid),
            _ => None,
        }
    }
}

/// The current view, as the URL says it. `Copy`, cheap to hand to every component.
#[derive(Clone, Copy)]
pub struct Route {
    query: RwSignal<Query>,
    /// Where the agenda was scrolled when a session was opened from it, and which session, to
    /// return there with focus on the link that was followed.
    return_point: StoredValue<Option<(f64, SessionId)>>,
    /// Whether the current session view was opened from the agenda in this visit (so "back"
    /// can be the browser's back).
    opened_from_agenda: StoredValue<bool>,
    /// Times in the visitor's own zone rather than the event's: their choice, remembered in this
    /// browser (see [`crate::browser::remembered`]). The root renders everything anew when it changes.
    local_times: RwSignal<bool>,
    /// List or grid, as the visitor chose in this visit (it wins over `?view=` and over the
    /// choice stored for their next visits).
    pub layout_choice: RwSignal<Option<Layout>>,
    /// The visitor's time zone, asked of the browser once, when first needed, in idle time.
    visitor_zone: RwSignal<Option<String>>,
    zone_asked: StoredValue<bool>,
    /// The control that takes focus once drawn anew (the times' switch, after the agenda is
    /// drawn in the other times).
    focus_next: StoredValue<Option<&'static str>>,
    /// Whether the address bar is yet to follow a navigation (see [`Route::navigate`]).
    push_pending: StoredValue<bool>,
}

fn location_search() -> String {
    crate::browser::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Whether the address bar shows the view at `href` (as [`Route::href`] writes it) already,
/// whatever its spelling (`programme=a/b.json` or `programme=a%2Fb.json`).
fn in_address_bar(href: &str) -> bool {
    Route::href(&Query::parse(&location_search())) == href
}

/// Where the visitor's choice of language (the switch) is kept.
const LANG_KEY: &str = "agenda-lang";
/// Where the choice of the event's or the visitor's times is kept.
const TIMES_KEY: &str = "agenda-times";

/// The view the address asks for; without `lang=`, in the language the visitor last chose with
/// the switch in this browser, if any (a bookmark of the bare address stays in their language).
fn location_query() -> Query {
    let mut q = Query::parse(&location_search());
    if q.lang.is_none() {
        q.lang = crate::browser::remembered(LANG_KEY)
            .as_deref()
            .and_then(Lang::parse);
    }
    q
}

impl Route {
    /// Reads the URL, follows back/forward, and provides the route to the whole app.
    pub fn provide() -> Route {
        let route = Route {
            query: RwSignal::new(location_query()),
            return_point: StoredValue::new(None),
            opened_from_agenda: StoredValue::new(false),
            layout_choice: RwSignal::new(None),
            visitor_zone: RwSignal::new(None),
            zone_asked: StoredValue::new(false),
            focus_next: StoredValue::new(None),
            push_pending: StoredValue::new(false),
            local_times: RwSignal::new(
                crate::browser::remembered(TIMES_KEY).as_deref() == Some("local"),
            ),
        };
        provide_context(route);
        // Drawn natively (the page's pre-rendered first view): no window to listen to.
        if crate::browser::window().is_none() {
            return route;
        }
        // The agenda restores its own scroll position when a session view closes.
        if let Some(h) = crate::browser::window().and_then(|w| w.history().ok()) {
            let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let q = location_query();
            if q.session.is_none() {
                route.opened_from_agenda.set_value(false);
            }
            route.query.set(q);
        });
        on_cleanup(move || handle.remove());
        // Escape closes what is open: the panel that holds focus (the filters, "À propos"), else
        // the session view.
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() != "Escape" || crate::browser::fold_focused_details() {
                return;
            }
            if route.query.with_untracked(|q| q.session.is_some()) {
                route.close_session();
            }
        });
        on_cleanup(move || keys.remove());
        route
    }

    /// The route provided by [`Route::provide`]. Components are only ever mounted under `App`,
    /// which provides it first; should one not be, it gets a route of its own rather than a panic.
    pub fn get() -> Route {
        use_context::<Route>().unwrap_or_else(Route::provide)
    }

    pub fn query(&self) -> Signal<Query> {
        self.query.into()
    }

    /// The interface language, followed reactively: only the root uses it, to render everything
    /// anew when the language changes (which is rare, and keeps every component simpler).
    pub fn lang_signal(&self) -> Signal<Lang> {
        let q = self.query;
        // A memo: every other change of the URL (a key typed in the search) leaves it unchanged,
        // and must not render the page anew.
        Memo::new(move |_| q.with(|q| q.lang.unwrap_or_default())).into()
    }

    /// The interface language now. Components read it once: the root re-renders them when it
    /// changes.
    pub fn lang(&self) -> Lang {
        self.query.with_untracked(|q| q.lang.unwrap_or_default())
    }

    /// Whether times show in the visitor's zone, followed reactively (by the root only, like the
    /// language).
    pub fn local_times_signal(&self) -> Signal<bool> {
        self.local_times.into()
    }

    /// Whether times show in the visitor's zone, now. Components read it once.
    pub fn local_times(&self) -> bool {
        self.local_times.get_untracked()
    }

    /// "14:05": as the programme writes it, or in the visitor's zone when they chose their own
    /// times.
    pub fn hh_mm(&self, dt: &agenda_core::DateTime) -> String {
        if self.local_times() {
            crate::browser::local_hh_mm(dt)
        } else {
            dt.time.hh_mm()
        }
    }

    /// The visitor's time zone (IANA id), `None` when it is the event's in `p`; known a moment
    /// after the first view (asking the browser costs), then kept for the visit. At once when the
    /// visitor chose their own times: those are shown from the first view, and the line that
    /// names their zone must never say the event's meanwhile.
    pub fn visitor_zone(&self, p: &agenda_core::Programme) -> Option<Signal<Option<String>>> {
        if !crate::browser::zone_differs(p) {
            return None;
        }
        if !self.zone_asked.get_value() {
            self.zone_asked.set_value(true);
            let zone = self.visitor_zone;
            if self.local_times.get_untracked() {
                zone.set(crate::browser::visitor_zone());
            } else {
                crate::browser::when_idle(move || zone.set(crate::browser::visitor_zone()));
            }
        }
        Some(self.visitor_zone.into())
    }

    /// Asks that the control with this id take focus once it is drawn anew.
    pub fn focus_when_drawn(&self, id: &'static str) {
        self.focus_next.set_value(Some(id));
    }

    /// Whether the control with this id, now drawn, is to take focus (once).
    pub fn takes_focus(&self, id: &'static str) -> bool {
        let wanted = self.focus_next.get_value() == Some(id);
        if wanted {
            self.focus_next.set_value(None);
        }
        wanted
    }

    /// Switches between the event's times and the visitor's, and remembers the choice.
    pub fn toggle_local_times(&self) {
        let local = !self.local_times.get_untracked();
        // Refused storage: the choice lasts the visit.
        let _ = crate::browser::store(TIMES_KEY, if local { "local" } else { "event" });
        self.local_times.set(local);
    }

    /// The address of a view: the href of a link to it.
    pub fn href(q: &Query) -> String {
        let search = q.to_search();
        if search.is_empty() {
            crate::browser::page_path()
        } else {
            search
        }
    }

    /// Shows another view, as a new history entry.
    ///
    /// The view follows at once; the address a moment later, once the answer is on screen (a
    /// new history entry costs a phone about 10 ms, and the browser reloads the page's icon):
    /// then with the view as it is, as one entry however many navigations came before it.
    pub fn navigate(&self, q: Query) {
        let opening_session =
            q.session.is_some() && self.query.with_untracked(|c| c.session.is_none());
        if let (true, Some(id)) = (opening_session, &q.session) {
            self.return_point
                .set_value(Some((crate::browser::scroll_y(), id.clone())));
        }
        self.opened_from_agenda.set_value(opening_session);
        // Only the language switch changes the language: it is the visitor's choice, kept for
        // their next visits (refused storage: it lasts this visit, through the URL).
        let lang = q.lang.unwrap_or_default();
        if lang != self.lang() {
            let _ = crate::browser::store(LANG_KEY, lang.tag());
        }
        self.query.set(q);
        if self.push_pending.get_value() {
            return;
        }
        self.push_pending.set_value(true);
        let (query, pending) = (self.query, self.push_pending);
        crate::browser::after_frame(move || {
            pending.try_set_value(false);
            let Some(href) = query.try_with_untracked(Route::href) else {
                return;
            };
            // Unless the view came back to the address meanwhile (a session opened and closed
            // at once, or the browser's back).
            if !in_address_bar(&href) {
                if let Some(h) = crate::browser::window().and_then(|w| w.history().ok()) {
                    let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
                }
            }
        });
    }

    /// The same view with other filters or search: the address follows with `replaceState`, so
    /// typing a word does not leave a history entry per key.
    ///
    /// The view follows at once; the address a moment later, once the answer is on screen
    /// (changing it costs a phone tens of milliseconds), with what the query is then.
    pub fn replace_with(&self, change: impl FnOnce(&mut Query)) {
        let mut q = self.query.get_untracked();
        change(&mut q);
        self.query.set(q);
        let query = self.query;
        let pending = self.push_pending;
        crate::browser::after_frame(move || {
            // A new entry is coming, with the query as it is then.
            if pending.try_get_value() != Some(false) {
                return;
            }
            let Some(href) = query.try_with_untracked(Route::href) else {
                return;
            };
            if let Some(h) = crate::browser::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
        });
    }

    /// A new view derived from the current one.
    pub fn navigate_with(&self, change: impl FnOnce(&mut Query)) {
        let mut q = self.query.get_untracked();
        change(&mut q);
        self.navigate(q);
    }

    /// Opens a session's view from the current one (the agenda, a search, "Mes favoris"), which
    /// its "back" returns to.
    pub fn open_session(&self, id: SessionId) {
        self.navigate_with(|q| q.session = Some(id));
    }

    /// Leaves a session view: the browser's back when the session was opened from the agenda
    /// (so the history stays as the visitor made it), else a new entry for the agenda.
    pub fn close_session(&self) {
        // (While the address is yet to follow the opening, going back would leave the page.)
        if self.opened_from_agenda.get_value() && !self.push_pending.get_value() {
            if let Some(h) = crate::browser::window().and_then(|w| w.history().ok()) {
                if h.back().is_ok() {
                    return;
                }
            }
        }
        self.navigate_with(|q| q.session = None);
    }

    /// Where to scroll back to, and the session whose link gets focus, after a session view
    /// closes; only once.
    pub fn take_return_point(&self) -> Option<(f64, SessionId)> {
        let point = self.return_point.get_value();
        self.return_point.set_value(None);
        point
    }
}

/// Whether a click on a link is an ordinary one, which the app follows in place (its default
/// prevented); a click with a modifier (new tab, new window) or another button is the browser's.
pub fn in_place(ev: &web_sys::MouseEvent) -> bool {
    let plain =
        ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
    if plain {
        ev.prevent_default();
    }
    plain
}
