//! The views a visitor opens now and then — a session (`?session=`), the speakers
//! (`?page=speakers`), "Mes favoris" (`?fav=1`, or a selection shared by a link) — are drawn as
//! HTML by the worker (`agenda_view`: `detail::session`, `markup::speakers`, `markup::mine`), so
//! that none of their code weighs on the page's own download, which only shows them.
//!
//! A view is drawn again when the address changes, and "Mes favoris" when the favourites change
//! too; the stars of any view follow the favourites at once. When a view opens, focus goes to its
//! title (`[data-focus]`), or back to the link the visitor followed from it; later, it stays on
//! the star that was pressed. (Escape closes a session's view: see `Route::provide`.)

use crate::api::{ask_worker, DEFAULT_PROGRAMME};
use crate::dom;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::tools::Request;
use agenda_core::{Page, Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn WorkerView(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let local = route.local_times();
    let root = NodeRef::<leptos::html::Div>::new();
    let favs = Favs::get();
    // Only the latest drawing is shown: answers can come back out of order.
    let latest = StoredValue::new(0u32);
    Effect::new(move |drawn: Option<Query>| {
        let q = query.get();
        // The element itself, not the NodeRef, goes into the task below: once this view is gone,
        // its NodeRef's slot may hold another view's element.
        let (Some(favs), Some(root)) = (favs, root.get_untracked()) else {
            return q;
        };
        // The stars already drawn say a change at once.
        let favourites = favs.set.with(|f| {
            dom::show_favourites(&root, f, &programme, t);
            f.to_storage()
        });
        let mine = q.session.is_none() && q.page == Page::Agenda;
        if drawn.as_ref() == Some(&q) && !mine {
            return q;
        }
        let request = Request::View {
            programme: q.programme.clone().unwrap_or_else(|| DEFAULT_PROGRAMME.into()),
            favourites,
            query: q.to_search(),
            lang: lang.tag().into(),
            local,
            base: dom::absolute("").unwrap_or_default(),
        };
        let n = latest.get_value() + 1;
        latest.set_value(n);
        let (p, opening) = (programme.clone(), q.session.is_none());
        leptos::task::spawn_local(async move {
            let answer = match web_sys::window() {
                Some(w) => ask_worker(&w, &request.to_text()).await.unwrap_or_default(),
                None => String::new(),
            };
            // A view left, or a later drawing asked for: this answer is not shown.
            if !root.is_connected() || latest.try_get_value() != Some(n) {
                return;
            }
            let star = dom::focused_star();
            let had_focus = dom::has_focus(&root);
            if answer.starts_with("<section") || answer.starts_with("<article") {
                root.set_inner_html(&answer);
                favs.set.with_untracked(|f| dom::show_favourites(&root, f, &p, t));
            } else {
                root.set_text_content(Some(t.tool_failed));
            }
            if star.is_some_and(|id| dom::focus_star(&id)) {
                return;
            }
            let back = if n == 1 && opening {
                route.take_return_point()
            } else {
                None
            };
            match back {
                Some((y, id)) => {
                    dom::scroll_to_y(y);
                    dom::focus_id(&crate::markup::link_id(&id));
                }
                None if n == 1 || had_focus => dom::focus_marked(&root),
                None => {}
            }
        });
        q
    });
    view! {
        <div class="agenda-view" node_ref=root>
            <p class="agenda-loading" aria-busy="true">{t.loading}</p>
        </div>
    }
}
