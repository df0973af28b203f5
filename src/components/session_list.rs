//! The agenda proper: "En ce moment / À suivre", the search and filters, the day's choice, list
//! or grid, the count of sessions shown, then the sessions and breaks time slot by time slot: one
//! day, or every day while searching or filtering.
//!
//! Everything but the now panel is drawn once, as HTML. One listener takes what the visitor does
//! (a key in the search box, a checkbox, "Tout effacer", list or grid, the times' zone, "Aller à
//! maintenant") and writes the URL, which is the state, or the choice; one effect then shows the
//! result in a single pass over the DOM ([`dom::show_found`]): which cards are hidden and what in
//! them matched, the count, the filters' numbers, the days' links. Each day's cards are drawn once
//! (the day shown first, the others just after). This keeps a 1000-session programme responsive
//! and the wasm small (one reactive closure of each kind, rather than one per count, option and
//! link).

use crate::components::day_section::DaySection;
use crate::components::finder;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use crate::{dom, markup};
use agenda_core::filter::{Facet, Finder};
use agenda_core::now::parse_now;
use agenda_core::search::{SearchIndex, SearchQuery};
use agenda_core::{Date, Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// More options than this (speakers of a large conference) are left to the search box: a list of
/// hundreds of checkboxes helps nobody.
const MAX_OPTIONS: usize = 40;

#[component]
pub fn SessionList(
    programme: Arc<Programme>,
    index: Arc<SearchIndex>,
    /// Sessions changed since the last visit, marked "modifié".
    changed: Arc<Vec<usize>>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let first = query.with_untracked(|q| Finder::new(&programme, &index).effective(&q.selection()));
    let offered = Finder::new(&programme, &index).offered(&first, MAX_OPTIONS);
    let facets: Vec<Facet> = offered.iter().map(|(f, _)| *f).collect();

    // The day shown; none while a search or filter looks through every day.
    let (p, i) = (programme.clone(), index.clone());
    let day = Memo::new(move |_| query.with(|q| Finder::new(&p, &i).effective(&q.selection()).day));

    // Coming back from a session: where the visitor was, with focus on the link they followed.
    if let Some((y, id)) = route.take_return_point() {
        request_animation_frame(move || {
            dom::scroll_to_y(y);
            dom::focus_id(&crate::markup::link_id(&id));
        });
    }

    // The day shown is drawn first; the other days are drawn after it, one at a time, so that a
    // search, a filter or another day then only shows and hides cards (a keystroke stays fast on
    // 1000 sessions) while the first view comes as soon as it can.
    let later = RwSignal::new(0usize);
    let total = programme.days.len();
    Effect::new(move |_| {
        let n = later.get();
        if n < total {
            set_timeout(
                move || later.set(n + 1),
                std::time::Duration::from_millis(30),
            );
        }
    });
    let days = programme
        .days
        .iter()
        .enumerate()
        .map(|(k, &d)| {
            let drawn = Memo::new(move |_| later.get() > k || day.get().is_none_or(|c| c == d));
            view! { <DaySection programme=programme.clone() day=d lang=lang drawn=drawn /> }
        })
        .collect_view();

    let root = NodeRef::<leptos::html::Div>::new();
    let p = programme.clone();
    let can_grid = programme.rooms.len() > 1;
    // The cards as last shown are handed from one run to the next (see `dom::Drawn`).
    Effect::new(move |drawn: Option<dom::Drawn>| {
        let mut drawn = drawn.unwrap_or_default();
        // Which cards are drawn: the days drawn so far, and the day shown until all are.
        let drawn_days = later.get();
        let key = (drawn_days, day.get().filter(|_| drawn_days < total));
        let Some(root) = root.get() else {
            return drawn;
        };
        query.with(|q| {
            let finder = Finder::new(&p, &index);
            let found = finder.find(&q.selection());
            let search = SearchQuery::new(&found.selection.q);
            let options: Vec<_> = facets
                .iter()
                .copied()
                .zip(finder.options_of(&facets, &found.selection))
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
                &mut drawn,
                key,
            );
        });
        drawn
    });

    // List or grid, once the list is in the page (then on a choice or a new window size, see
    // `on_finder_event`): not at every key.
    Effect::new(move |_| {
        if let Some(root) = root.get() {
            dom::show_layout(&root, can_grid);
        }
    });
    // The stars, as the favourites change and as more days are drawn (a star pressed does not
    // run the search again); and the "modifié" marks.
    let (p, favs) = (programme.clone(), Favs::get());
    Effect::new(move |_| {
        later.track();
        day.track();
        if let (Some(root), Some(favs)) = (root.get(), favs) {
            favs.set.with(|f| dom::show_favourites(&root, f, &p, t));
            dom::mark_changed(&root, &changed, t.modified);
        }
    });

    // What the visitor does in the finder: one listener on the window for its keys and clicks
    // (cheaper in wasm than a listener per element kind), gone with the list. Links, the days'
    // included, are the route's (see `Route::provide`).
    let p = programme.clone();
    let listener = move |ev: web_sys::Event| on_finder_event(route, &p, can_grid, &ev);
    for kind in ["input", "click", "resize"] {
        let handle = window_event_listener_untyped(kind, listener.clone());
        on_cleanup(move || handle.remove());
    }

    let zones = finder::Zones {
        local: route.local_times(),
        visitor: dom::visitor_zone(&programme),
    };
    let finder_html = finder::finder(t, lang, &programme, &offered, &first, can_grid, &zones);

    // "En ce moment / À suivre", by the browser's clock (a new minute redraws it) or `?now=`.
    let fixed_now =
        query.with_untracked(|q| q.now.as_deref().and_then(|n| parse_now(&programme, n)));
    let clock = RwSignal::new(fixed_now.unwrap_or_else(dom::now));
    if fixed_now.is_none() {
        let ticks =
            set_interval_with_handle(move || clock.set(dom::now()), Duration::from_secs(30));
        if let Ok(ticks) = ticks {
            on_cleanup(move || ticks.clear());
        }
    }
    let p = programme.clone();
    let env = dom::env(zones.local);
    let now_panel = move || {
        let html = query.with_untracked(|q| markup::now_panel(t, lang, &p, clock.get(), q, &env));
        (!html.is_empty()).then(|| {
            view! { <section class="agenda-now" aria-labelledby="agenda-now-heading" inner_html=html></section> }
        })
    };

    view! {
        <div class="agenda-list" id=dom::LIST_ID node_ref=root>
            {now_panel}
            <div class="agenda-finder" inner_html=finder_html></div>
            <div>{days}</div>
        </div>
    }
}

/// A key in the search box or a checkbox: the URL follows, without a history entry per key.
/// "Tout effacer": everything cleared, and focus to the search box (the button goes away).
/// "Aller à maintenant": the day of that instant, and its time slot. The event's times or the
/// visitor's: the agenda is drawn anew.
fn on_finder_event(route: Route, programme: &Programme, can_grid: bool, ev: &web_sys::Event) {
    match dom::finder_event(ev) {
        Some(dom::Action::Layout(choice)) => {
            if let Some(choice) = choice {
                dom::remember_layout(&choice);
            }
            dom::layout_changed(can_grid);
        }
        Some(dom::Action::Change(change)) => route.replace_with(|q| {
            let mut sel = q.selection();
            change.apply(&mut sel);
            *q = q.with_selection(sel);
        }),
        Some(dom::Action::Times) => {
            route.toggle_local_times();
            request_animation_frame(|| dom::focus_id(finder::TIMES_ID));
        }
        Some(dom::Action::Now(now)) => {
            let day = route.query().with_untracked(|q| q.day);
            if let Some(d) = programme.day_at(now).filter(|d| Some(*d) != day) {
                route.navigate_with(|q| {
                    q.day = Some(d);
                    q.session = None;
                });
            }
            request_animation_frame(move || dom::show_slot_at(now));
        }
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
