//! The agenda proper: the search and filters, the day's choice, the count of sessions shown, then
//! the sessions and breaks in time order: one day, or every day while searching or filtering.
//!
//! The cards of a day are rendered once; a keystroke or a filter only shows or hides them and
//! marks what matched, in one pass over the DOM ([`dom::show_selection`]), which keeps a
//! 1000-session programme responsive and the wasm small.

use crate::components::finder::{ClearAll, Filters, SearchBox};
use crate::components::{day_nav::DayNav, session_card::SessionCard};
use crate::dom;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::filter::Finder;
use agenda_core::i18n::{long_date, sessions_count, shown_count};
use agenda_core::search::{SearchIndex, SearchQuery};
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SessionList(programme: Arc<Programme>, index: Arc<SearchIndex>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();

    let (p, i) = (programme.clone(), index.clone());
    let selection = Memo::new(move |_| {
        let wanted = query.with(|q| q.selection());
        Finder::new(&p, &i).effective(&wanted)
    });
    let (p, i) = (programme.clone(), index.clone());
    // Which sessions (by position in the programme) the selection shows.
    let shown = Memo::new(move |_| {
        let mut v = vec![false; p.sessions.len()];
        for at in selection.with(|s| Finder::new(&p, &i).visible(s)) {
            v[at] = true;
        }
        v
    });
    let search = Memo::new(move |_| selection.with(|s| SearchQuery::new(&s.q)));
    let filtering = Memo::new(move |_| selection.with(|s| s.is_filtering()));
    let day = Memo::new(move |_| selection.with(|s| s.day));
    let p = programme.clone();
    let count = Memo::new(move |_| {
        shown.with(|v| {
            p.sessions
                .iter()
                .zip(v)
                .filter(|(s, on)| **on && !p.is_break(s))
                .count()
        })
    });
    let p = programme.clone();
    let status = move || {
        let n = count.get();
        if filtering.get() {
            let total = day
                .get()
                .map_or_else(|| p.session_count(), |d| p.count_on_day(d));
            shown_count(lang, n, total)
        } else {
            sessions_count(lang, n)
        }
    };

    // Coming back from a session: where the visitor was, with focus on the link they followed.
    if let Some((y, id)) = route.take_return_point() {
        request_animation_frame(move || {
            dom::scroll_to_y(y);
            dom::focus_id(&crate::components::session_card::link_id(&id));
        });
    }

    let p = programme.clone();
    // Rendered anew only when the day changes (or "every day" starts or ends).
    let days = move || {
        let p = p.clone();
        let days = day.get().map_or_else(|| p.days.clone(), |d| vec![d]);
        days.into_iter()
            .map(|d| {
                let positions: Vec<usize> = (0..p.sessions.len())
                    .filter(|&at| p.sessions[at].day == d)
                    .collect();
                let cards = positions
                    .into_iter()
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

    // The search and filters show, hide and mark the cards in place.
    let list = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        day.track();
        if let Some(root) = list.get() {
            shown.with(|v| search.with(|q| dom::show_selection(&root, v, q)));
        }
    });

    view! {
        <SearchBox />
        <Filters programme=programme.clone() index=index selection=selection />
        <DayNav programme=programme.clone() day=day filtering=filtering />
        <div class="agenda-count-row">
            <p class="agenda-count" role="status">{status}</p>
            {move || filtering.get().then(|| view! { <ClearAll label=t.clear_all /> })}
        </div>
        {programme.event.time_zone.clone().map(|tz| view! {
            <p class="agenda-tz">{t.time_zone_note}" ("{tz}")"</p>
        })}
        {programme.sessions.is_empty().then(|| view! { <p class="agenda-empty">{t.no_sessions}</p> })}
        {move || (filtering.get() && count.get() == 0).then(|| view! {
            <div class="agenda-empty">
                <p>{t.no_match}</p>
                <ClearAll label=t.clear_all />
            </div>
        })}
        <div node_ref=list>{days}</div>
    }
}
