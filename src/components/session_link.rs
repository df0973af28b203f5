//! A link to a session's own view from the view shown (the agenda, a search, "Mes favoris", the
//! speakers), which the session's "back" returns to. Its address keeps the view as it is when
//! drawn (a new tab opens there); an ordinary click opens the session from the view as it is then.

use crate::state::route::{in_place, Route};
use agenda_core::{Query, SessionId};
use leptos::prelude::*;

#[component]
pub fn SessionLink(
    id: SessionId,
    /// The link's DOM id, when focus is to come back to it (see `session_card::link_id`).
    #[prop(optional)]
    dom_id: Option<String>,
    /// The link's element, once drawn (the agenda's cards mark what a search matched in it).
    #[prop(optional)]
    link_ref: Option<NodeRef<leptos::html::A>>,
    children: Children,
) -> impl IntoView {
    let route = Route::get();
    let href = route.query().with_untracked(|q| {
        Route::href(&Query {
            session: Some(id.clone()),
            ..q.clone()
        })
    });
    let open = move |ev: leptos::ev::MouseEvent| {
        if in_place(&ev) {
            route.open_session(id.clone());
        }
    };
    let link_ref = link_ref.unwrap_or_default();
    view! { <a href=href id=dom_id on:click=open node_ref=link_ref>{children()}</a> }
}
