//! The views a visitor opens now and then — a session (`?session=`), the speakers
//! (`?page=speakers`), "Mes favoris" (`?fav=1`, or a selection shared by a link) — are drawn as
//! HTML by the worker (`agenda_view`: `detail::session`, `markup::speakers`, `markup::mine`), so
//! that none of their code weighs on the page's own download, which only shows them.
//!
//! A view is drawn again when the address changes, and "Mes favoris" when the favourites change
//! too; the stars of any view follow the favourites at once. When a view opens, focus goes to its
//! title (`[data-focus]`), or back to the link the visitor followed from it; later, it stays on
//! the star that was pressed. (Escape closes a session's view: see `Route::provide`.)

use crate::api::{ask_tools, DEFAULT_PROGRAMME};
use crate::dom;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::tools::Request;
use agenda_core::{Page, Programme, Query};
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// The element that shows the view, and the attribute that numbers its drawings.
const VIEW_ID: &str = "agenda-view";
const DRAWING: &str = "data-drawing";
/// The next drawing's number, for the whole page.
static NEXT: AtomicU32 = AtomicU32::new(1);

#[component]
pub fn WorkerView(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let local = route.local_times();
    let favs = Favs::get();
    Effect::new(move |drawn: Option<Query>| {
        let q = query.get();
        // The view's element is found by its id, and each drawing is numbered on it: an answer
        // that comes back after the visitor has moved on (to another view, or on this one) finds
        // another number there, and is dropped.
        let (Some(favs), Some(root)) = (favs, dom::by_id(VIEW_ID)) else {
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
        let n = NEXT.fetch_add(1, Ordering::Relaxed).to_string();
        let first = root.get_attribute(DRAWING).is_none();
        let _ = root.set_attribute(DRAWING, &n);
        let (p, opening) = (programme.clone(), q.session.is_none());
        leptos::task::spawn_local(async move {
            let answer = ask_tools(&request).await;
            // A view left, or a later drawing asked for: this answer is not shown.
            let Some(root) = dom::by_id(VIEW_ID).filter(|r| r.get_attribute(DRAWING) == Some(n)) else {
                return;
            };
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
            let back = if first && opening {
                route.take_return_point()
            } else {
                None
            };
            match back {
                Some((y, id)) => {
                    dom::scroll_to_y(y);
                    dom::focus_id(&crate::markup::link_id(&id));
                }
                None if first || had_focus => dom::focus_marked(&root),
                None => {}
            }
        });
        q
    });
    view! {
        // A <section>, not a <div> like the list's root: when the view changes, the renderer may
        // reuse an element of the same kind for the next view, with this view's HTML still in it.
        <section class="agenda-view" id=VIEW_ID>
            <p class="agenda-loading" aria-busy="true">{t.loading}</p>
        </section>
    }
}
