//! Finding sessions: the search box, the filters and "Tout effacer". They are drawn once, as plain
//! markup: the agenda's one listener reads what the visitor does and its one effect shows the
//! result (see [`crate::components::session_list`]), which keeps the wasm small and a keystroke
//! fast on a 1000-session programme.

use crate::texts::Texts;
use agenda_core::filter::{Facet, Selection};
use leptos::prelude::*;

/// The id of the search box: "Tout effacer" gives it focus.
pub const SEARCH_ID: &str = "agenda-search";

fn facet_name(t: &Texts, f: Facet) -> &'static str {
    match f {
        Facet::Track => t.theme,
        Facet::Room => t.room,
        Facet::Format => t.format,
        Facet::Language => t.language,
        Facet::Speaker => t.speakers,
        Facet::Accessibility => t.accessibility,
    }
}

/// The search box. Not in a `<form>`: Enter has nothing to submit, results follow every key.
#[component]
pub fn SearchBox(t: &'static Texts, q: String) -> impl IntoView {
    view! {
        <div role="search" class="agenda-search">
            <input id=SEARCH_ID type="search" aria-label=t.search placeholder=t.search value=q
                autocomplete="off" enterkeyhint="search" />
        </div>
    }
}

/// The filters the programme gives reason for, folded away until asked for (on a phone the
/// agenda comes first), open when the URL already sets one. Each choice is a checkbox
/// (`data-facet` and its value) with room for the number of sessions it would give.
#[component]
pub fn Filters(t: &'static Texts, offered: Vec<(Facet, Vec<String>)>, open: bool) -> impl IntoView {
    if offered.is_empty() {
        return None;
    }
    let groups = offered
        .into_iter()
        .map(|(f, values)| {
            let facet = (f as usize).to_string();
            let options = values
                .into_iter()
                .map(|v| {
                    view! {
                        <li><label>
                            <input type="checkbox" data-facet=facet.clone() value=v.clone() />
                            <span>{v}</span>
                            <span class="agenda-option-count"></span>
                        </label></li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="agenda-facet">
                    <legend>{facet_name(t, f)}</legend>
                    <ul>{options}</ul>
                </fieldset>
            }
        })
        .collect_view();
    Some(view! {
        <details class="agenda-filters" open=open>
            <summary>{t.filters}</summary>
            <div class="agenda-facets">{groups}</div>
        </details>
    })
}

/// "Tout effacer": every filter and the search at once (the day stays). Shown only while
/// searching or filtering (`data-when="filtering"`, or inside the empty result).
#[component]
pub fn ClearAll(label: &'static str) -> impl IntoView {
    view! { <button type="button" class="agenda-clear" data-action="clear">{label}</button> }
}

/// What a change in the finder asks: a new search text, or a filter value turned on or off.
pub enum Change {
    Search(String),
    Toggle(Facet, String),
}

impl Change {
    pub fn apply(self, sel: &mut Selection) {
        match self {
            Change::Search(q) => sel.q = q,
            Change::Toggle(f, v) => sel.toggle(f, &v),
        }
    }
}
