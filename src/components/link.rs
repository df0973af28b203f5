//! Links inside the agenda: real `<a href>` (so they can be opened in a new tab, copied, read by
//! screen readers as links) that switch the view without reloading the page.

use crate::state::route::Route;
use agenda_core::Query;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// Handles a click on a link to `to`: an ordinary left click changes the view in place; a click
/// with a modifier (new tab, new window, download) is left to the browser.
pub fn on_route_click(route: Route, to: Query) -> impl Fn(MouseEvent) + 'static {
    move |ev: MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        route.navigate(to.clone());
    }
}

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
    let route = Route::get();
    let href = Route::href(&to);
    view! {
        <a href=href class=class id=id aria-current=move || current.and_then(|c| c.get()) on:click=on_route_click(route, to)>
            {children()}
        </a>
    }
}
