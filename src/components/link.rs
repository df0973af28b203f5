//! Links inside the agenda: real `<a href>` (so they can be opened in a new tab, copied, read by
//! screen readers as links) that switch the view without reloading the page: an ordinary click on
//! an `a[data-route]` is taken by the route's one click listener (see [`Route::provide`]).

use crate::state::route::Route;
use agenda_core::Query;
use leptos::prelude::*;

/// An `<a>` to another view of the agenda.
#[component]
pub fn RouteLink(
    /// The view it leads to.
    to: Query,
    /// Marks the link as the current one (`aria-current`), e.g. `"page"` or `"date"`.
    #[prop(optional, into)]
    current: Option<Signal<Option<&'static str>>>,
    #[prop(optional, into)] class: Option<&'static str>,
    #[prop(optional, into)] id: Option<String>,
    children: Children,
) -> impl IntoView {
    let href = Route::href(&to);
    view! {
        <a href=href class=class id=id aria-current=move || current.and_then(|c| c.get()) data-route="">
            {children()}
        </a>
    }
}
