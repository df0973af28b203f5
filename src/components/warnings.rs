//! Problems that did not stop the programme from showing, reported discreetly for organisers.

use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many problems are listed; a broken export can have thousands.
const SHOWN: usize = 50;

#[component]
pub fn Warnings(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
    let n = programme.warnings.len();
    (n > 0).then(|| {
        let items = programme
            .warnings
            .iter()
            .take(SHOWN)
            .map(|w| view! { <li>{w.message(lang)}</li> })
            .collect_view();
        view! {
            <details class="agenda-warnings">
                <summary>{format!("{} ({n})", texts(lang).warnings_summary)}</summary>
                <ul>
                    {items}
                    {(n > SHOWN).then(|| view! { <li>"…"</li> })}
                </ul>
            </details>
        }
    })
}
