//! Finding sessions: the search box, the filters with the number of sessions each would give, and
//! "Tout effacer". All of it writes the URL (`replaceState`), which is the state.

use crate::state::route::Route;
use crate::texts::{texts, Texts};
use agenda_core::filter::{Facet, FacetOption, Finder, Selection};
use agenda_core::search::SearchIndex;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

/// More options than this (speakers of a large conference) are left to the search box: a list of
/// hundreds of checkboxes helps nobody.
const MAX_OPTIONS: usize = 40;

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

/// The search box: results follow every key, the address bar too (without a history entry per key).
#[component]
pub fn SearchBox() -> impl IntoView {
    let route = Route::get();
    let t = texts(route.lang());
    let query = route.query();
    let input = NodeRef::<leptos::html::Input>::new();
    // Back, forward or "Tout effacer" change the search from outside: the box follows, without
    // touching it (and its caret) while it already says the same.
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if let Some(el) = input.get() {
            if el.value() != q {
                el.set_value(&q);
            }
        }
    });
    view! {
        <form role="search" class="agenda-search" on:submit=|ev| ev.prevent_default()>
            <input node_ref=input id="agenda-search" type="search" aria-label=t.search placeholder=t.search
                value=query.with_untracked(|q| q.q.clone()) autocomplete="off" enterkeyhint="search"
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    route.replace_with(|q| q.q = v);
                } />
        </form>
    }
}

/// Every filter the programme gives reason for, folded away until asked for (on a phone the
/// agenda comes first), open when the URL already sets one. Each choice is a checkbox with the
/// number of sessions it would give with the other current filters.
///
/// The checkboxes are drawn once; one effect sets their state and counts, and one listener on
/// the group handles every change (see [`crate::dom::show_options`]): a few hundred bytes of wasm
/// rather than reactive closures for each part of each option.
#[component]
pub fn Filters(
    programme: Arc<Programme>,
    index: Arc<SearchIndex>,
    selection: Memo<Selection>,
) -> impl IntoView {
    let route = Route::get();
    let t = texts(route.lang());
    let all = Selection::default();
    let mut shown: Vec<Facet> = Vec::new();
    let groups = Facet::ALL
        .into_iter()
        .filter_map(|f| {
            let chosen = selection.with_untracked(|s| s.chosen(f).to_vec());
            let values: Vec<String> = Finder::new(&programme, &index)
                .options(f, &all)
                .into_iter()
                .map(|o| o.value)
                .collect();
            // A choice between one thing is no choice, except an arrangement (LSF, subtitles):
            // finding the one session that has it is the point.
            let worth = values.len() > 1 || (f == Facet::Accessibility && !values.is_empty());
            let values = if values.len() > MAX_OPTIONS {
                chosen
            } else {
                values
            };
            if !worth || values.is_empty() {
                return None;
            }
            shown.push(f);
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
            Some(view! {
                <fieldset class="agenda-facet">
                    <legend>{facet_name(t, f)}</legend>
                    <ul>{options}</ul>
                </fieldset>
            })
        })
        .collect::<Vec<_>>();
    if groups.is_empty() {
        return None;
    }
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(root) = root.get() else { return };
        selection.with(|sel| {
            let finder = Finder::new(&programme, &index);
            let options: Vec<Vec<FacetOption>> =
                shown.iter().map(|&f| finder.options(f, sel)).collect();
            crate::dom::show_options(&root, &|facet, value| {
                let at = shown.iter().position(|f| *f as usize == facet)?;
                let count = options[at]
                    .iter()
                    .find(|o| o.value == value)
                    .map_or(0, |o| o.count);
                Some((sel.chosen(shown[at]).iter().any(|c| c == value), count))
            });
        });
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some((facet, value)) = crate::dom::changed_option(&ev) else {
            return;
        };
        let Some(&f) = Facet::ALL.get(facet) else {
            return;
        };
        route.replace_with(|q| {
            let mut sel = q.selection();
            sel.toggle(f, &value);
            *q = q.with_selection(sel);
        });
    };
    let open = selection.with_untracked(|s| s.chosen.iter().any(|c| !c.is_empty()));
    Some(view! {
        <details class="agenda-filters" open=open>
            <summary>{t.filters}</summary>
            <div class="agenda-facets" node_ref=root on:change=on_change>{groups}</div>
        </details>
    })
}

/// "Tout effacer": every filter and the search at once (the day stays). The button goes away with
/// the filters, so focus goes to the search box rather than being lost.
#[component]
pub fn ClearAll(#[prop(into)] label: &'static str) -> impl IntoView {
    let route = Route::get();
    view! {
        <button type="button" class="agenda-clear" on:click=move |_| {
            route.replace_with(|q| {
                let mut sel = q.selection();
                sel.clear();
                *q = q.with_selection(sel);
            });
            crate::dom::focus_id("agenda-search");
        }>{label}</button>
    }
}
