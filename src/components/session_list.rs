//! The agenda proper: the search and filters, the day's choice, the count of sessions shown, then
//! the sessions and breaks in time order: one day, or every day while searching or filtering.
//!
//! Everything but the cards is drawn once. One listener takes what the visitor does in the finder
//! (a key in the search box, a checkbox, "Tout effacer") and writes the URL, which is the
//! state; one effect then shows the result in a single pass over the DOM ([`dom::show_found`]):
//! which cards are hidden and what in them matched, the count, the filters' numbers, the days'
//! links. The cards of a day are rendered once, anew only when the day changes. This keeps a
//! 1000-session programme responsive and the wasm small (one reactive closure of each kind,
//! rather than one per count, option and link).

use crate::components::finder::{self, ClearAll, Filters, SearchBox};
use crate::components::{day_nav::DayNav, session_card::SessionCard};
use crate::dom;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::filter::{Facet, Finder};
use agenda_core::i18n::long_date;
use agenda_core::search::{SearchIndex, SearchQuery};
use agenda_core::{Date, Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

/// More options than this (speakers of a large conference) are left to the search box: a list of
/// hundreds of checkboxes helps nobody.
const MAX_OPTIONS: usize = 40;

#[component]
pub fn SessionList(programme: Arc<Programme>, index: Arc<SearchIndex>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let first = query.with_untracked(|q| Finder::new(&programme, &index).effective(&q.selection()));
    let offered = Finder::new(&programme, &index).offered(&first, MAX_OPTIONS);
    let facets: Vec<Facet> = offered.iter().map(|(f, _)| *f).collect();

    // The day whose cards are drawn; none while a search or filter looks through every day.
    let (p, i) = (programme.clone(), index.clone());
    let day = Memo::new(move |_| query.with(|q| Finder::new(&p, &i).effective(&q.selection()).day));

    // Coming back from a session: where the visitor was, with focus on the link they followed.
    if let Some((y, id)) = route.take_return_point() {
        request_animation_frame(move || {
            dom::scroll_to_y(y);
            dom::focus_id(&crate::components::session_card::link_id(&id));
        });
    }

    let p = programme.clone();
    let days = move || {
        let p = p.clone();
        let days = day.get().map_or_else(|| p.days.clone(), |d| vec![d]);
        days.into_iter()
            .map(|d| {
                let cards = (0..p.sessions.len())
                    .filter(|&at| p.sessions[at].day == d)
                    .map(|at| view! { <SessionCard programme=p.clone() session=p.sessions[at].clone() at=at /> })
                    .collect_view();
                let heading = format!("agenda-day-{d}");
                let labelled_by = heading.clone();
                view! {
                    <section class="agenda-day-section" aria-labelledby=labelled_by>
                        <h2 id=heading class="agenda-day-heading">{long_date(lang, d)}</h2>
                        <div class="agenda-items">{cards}</div>
                    </section>
                }
            })
            .collect_view()
    };

    let root = NodeRef::<leptos::html::Div>::new();
    let p = programme.clone();
    Effect::new(move |_| {
        day.track();
        let Some(root) = root.get() else { return };
        query.with(|q| {
            let finder = Finder::new(&p, &index);
            let found = finder.find(&q.selection());
            let search = SearchQuery::new(&found.selection.q);
            let options: Vec<_> = facets
                .iter()
                .map(|&f| (f, finder.options(f, &found.selection)))
                .collect();
            let day_href = |d: Option<Date>| {
                Route::href(&Query {
                    day: d,
                    session: None,
                    ..q.clone()
                })
            };
            dom::show_found(
                &root,
                &dom::Shown {
                    found: &found,
                    search: &search,
                    status: &found.status(lang),
                    options: &options,
                    day_href: &day_href,
                },
            );
        });
    });

    // What the visitor does in the finder: one listener on the window for its keys and clicks
    // (cheaper in wasm than a listener per element kind), gone with the list. Links, the days'
    // included, are the route's (see `Route::provide`).
    let listener = move |ev: web_sys::Event| on_finder_event(route, &ev);
    for kind in ["input", "click"] {
        let handle = window_event_listener_untyped(kind, listener);
        on_cleanup(move || handle.remove());
    }

    let (q, open) = (first.q.clone(), first.chosen.iter().any(|c| !c.is_empty()));
    view! {
        <div class="agenda-list" node_ref=root>
            <SearchBox t=t q=q />
            <Filters t=t offered=offered open=open />
            <DayNav programme=programme.clone() lang=lang />
            <div class="agenda-count-row">
                <p class="agenda-count" role="status"></p>
                <span data-when="filtering" hidden><ClearAll label=t.clear_all /></span>
            </div>
            {programme.event.time_zone.clone().map(|tz| view! {
                <p class="agenda-tz">{t.time_zone_note}" ("{tz}")"</p>
            })}
            {programme.sessions.is_empty().then(|| view! { <p class="agenda-empty">{t.no_sessions}</p> })}
            <div class="agenda-empty" data-when="empty" hidden>
                <p>{t.no_match}</p>
                <ClearAll label=t.clear_all />
            </div>
            <div>{days}</div>
        </div>
    }
}

/// A key in the search box or a checkbox: the URL follows, without a history entry per key.
/// "Tout effacer": everything cleared, and focus to the search box (the button goes away).
fn on_finder_event(route: Route, ev: &web_sys::Event) {
    match dom::finder_event(ev) {
        Some(dom::Action::Change(change)) => route.replace_with(|q| {
            let mut sel = q.selection();
            change.apply(&mut sel);
            *q = q.with_selection(sel);
        }),
        Some(dom::Action::Clear) => {
            route.replace_with(|q| {
                let mut sel = q.selection();
                sel.clear();
                *q = q.with_selection(sel);
            });
            dom::focus_id(finder::SEARCH_ID);
        }
        None => {}
    }
}
