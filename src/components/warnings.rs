//! Problems that did not stop the programme from showing, reported discreetly for organisers.

use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::html::Html;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

/// At most this many problems are listed; a broken export can have thousands.
const SHOWN: usize = 50;

#[component]
pub fn Warnings(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
    let n = programme.warnings.len();
    (n > 0).then(move || {
        let mut h = Html::new();
        let summary = format!("{} ({n})", texts(lang).warnings_summary);
        h.tag("summary").text(&summary).close("summary").tag("ul");
        for w in programme.warnings.iter().take(SHOWN) {
            h.tag("li").text(&w.message(lang)).close("li");
        }
        if n > SHOWN {
            h.tag("li").text("…").close("li");
        }
        h.close("ul");
        view! { <details class="agenda-warnings" inner_html=h.into_string()></details> }
    })
}
