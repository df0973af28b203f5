//! The programme could not be loaded or read: say why in words, offer to retry when that may
//! help, and list the problems for the organiser.

use crate::error::AppError;
use crate::state::route::{in_place, Route};
use crate::texts::texts;
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
    // Another programme than the default one: a way back to the default.
    let home = route.query().with_untracked(|q| {
        q.programme.is_some().then(|| Query {
            lang: q.lang,
            ..Query::default()
        })
    });
    view! {
        <main class="agenda-main">
            <div class="agenda-error" role="alert">
                <h1>{t.error_title}</h1>
                <p>{error.message(lang)}</p>
                {(!details.is_empty()).then(|| view! {
                    <details class="agenda-error-details" open>
                        <summary>{t.error_details}</summary>
                        <ul>{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
                    </details>
                })}
                <p class="agenda-error-actions">
                    {error.retryable().then(|| view! {
                        <button type="button" class="agenda-button" on:click=move |_| on_retry.run(())>
                            {t.retry}
                        </button>
                    })}
                    {home.map(|home| {
                        let href = Route::href(&home);
                        view! {
                            <a class="agenda-button agenda-button-quiet" href=href
                                on:click=move |ev| if in_place(&ev) { route.navigate(home.clone()) }>
                                {t.error_back_to_default}
                            </a>
                        }
                    })}
                </p>
            </div>
        </main>
    }
}
