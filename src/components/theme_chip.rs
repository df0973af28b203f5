//! A theme: its colour as a mark, always beside its name in text (colour never carries meaning
//! alone).

use leptos::prelude::*;

#[component]
pub fn ThemeChip(name: String, color: Option<String>) -> impl IntoView {
    let style = color.map(|c| format!("--agenda-chip: {c}"));
    view! {
        <span class="agenda-theme" style=style>
            <span class="agenda-theme-mark" aria-hidden="true"></span>
            {name}
        </span>
    }
}
