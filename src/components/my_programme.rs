//! "Mes favoris" (`?fav=1`): the visitor's own programme, or a selection shared by a link
//! (`&shared=`). The worker draws it as HTML (`agenda_view::markup::mine`: clashes, free time,
//! changes, the share link), so that none of it weighs on the page's own download; it is drawn
//! again whenever the favourites or the address change. Focus stays on the star that was
//! pressed, else goes to the view's heading.

use crate::api::{ask_worker, DEFAULT_PROGRAMME};
use crate::dom;
use crate::markup::MINE_HEADING;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::tools::Request;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn MyProgramme(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let local = route.local_times();
    let root = NodeRef::<leptos::html::Section>::new();
    let favs = Favs::get();
    // Only the latest drawing is shown: answers can come back out of order.
    let latest = StoredValue::new(0u32);
    Effect::new(move |_| {
        let Some(favs) = favs else {
            return;
        };
        let q = query.get();
        // The stars already drawn say the change at once; the view follows.
        if let Some(root) = root.get_untracked() {
            favs.set.with(|f| dom::show_favourites(&root, f, &programme, t));
        }
        let request = Request::Mine {
            programme: q.programme.clone().unwrap_or_else(|| DEFAULT_PROGRAMME.into()),
            favourites: favs.set.with(|f| f.to_storage()),
            query: q.to_search(),
            lang: lang.tag().into(),
            local,
            base: dom::absolute("").unwrap_or_default(),
        };
        let n = latest.get_value() + 1;
        latest.set_value(n);
        let p = programme.clone();
        leptos::task::spawn_local(async move {
            let answer = match web_sys::window() {
                Some(w) => ask_worker(&w, &request.to_text()).await.unwrap_or_default(),
                None => String::new(),
            };
            let Some(root) = root.get_untracked().filter(|_| latest.get_value() == n) else {
                return;
            };
            let star = dom::focused_star();
            let had_focus = dom::has_focus(&root);
            if answer.starts_with("<h2") {
                root.set_inner_html(&answer);
                favs.set.with_untracked(|f| dom::show_favourites(&root, f, &p, t));
            } else {
                root.set_text_content(Some(t.tool_failed));
            }
            let kept = star.is_some_and(|id| dom::focus_star(&id));
            if n == 1 || (had_focus && !kept) {
                dom::focus_id(MINE_HEADING);
            }
        });
    });
    view! {
        <section class="agenda-mine" node_ref=root>
            <p class="agenda-loading" aria-busy="true">{t.loading}</p>
        </section>
    }
}
