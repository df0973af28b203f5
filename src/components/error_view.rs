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
    let home = custom_programme.then(|| {
        let home = Query {
            lang: route.query().with_untracked(|q| q.lang),
            ..Query::default()
        };
        view! { <a class="agenda-button agenda-button-quiet" href=Route::href(&home)>{t.error_back_to_default}</a> }
    });
    view! {
        <main class="agenda-main"><div class="agenda-error" role="alert">
            <div inner_html=h.into_string()></div>
            <p class="agenda-error-actions">
                {error.retryable().then(|| view! {
                    <button type="button" class="agenda-button" on:click=move |_| on_retry.run(())>{t.retry}</button>
                })}
                {home}
            </p>
        </div></main>
    }
}
