//! The programme could not be loaded or read: say why in words, offer to retry when that may
//! help, and list the problems for the organiser.

use crate::error::AppError;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::html::Html;
use agenda_core::Query;
use leptos::prelude::*;

#[component]
pub fn ErrorView(error: AppError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let details: Vec<String> = match &error {
        AppError::Programme(e) => e.details().iter().map(|d| d.message(lang)).collect(),
        _ => Vec::new(),
    };
    let custom_programme = route.query().with_untracked(|q| q.programme.is_some());
    let mut h = Html::new();
    h.tag("h1")
        .text(t.error_title)
        .close("h1")
        .tag("p")
        .text(&error.message(lang))
        .close("p");
    if !details.is_empty() {
        h.tag("details")
            .attr("class", "agenda-error-details")
            .attr("open", "");
        h.tag("summary")
            .text(t.error_details)
            .close("summary")
            .tag("ul");
        for d in &details {
            h.tag("li").text(d).close("li");
        }
        h.close("ul").close("details");
    }
    // The actions, as HTML too: "Réessayer" (taken by the listener below), and the default
    // programme (a route link).
    h.tag("p").attr("class", "agenda-error-actions");
    if error.retryable() {
        h.tag("button")
            .attr("type", "button")
            .attr("class", "agenda-button")
            .attr("data-action", "retry")
            .text(t.retry)
            .close("button");
    }
    if custom_programme {
        let home = Query {
            lang: route.query().with_untracked(|q| q.lang),
            ..Query::default()
        };
        h.tag("a")
            .attr("class", "agenda-button agenda-button-quiet")
            .attr("href", &Route::href(&home));
        h.text(t.error_back_to_default).close("a");
    }
    h.close("p");
    let retry = window_event_listener(leptos::ev::click, move |ev| {
        let on_button = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.closest("[data-action=retry]").ok().flatten());
        if on_button.is_some() {
            on_retry.run(());
        }
    });
    on_cleanup(move || retry.remove());
    view! {
        <main class="agenda-main">
            <div class="agenda-error" role="alert" inner_html=h.into_string()></div>
        </main>
    }
}
