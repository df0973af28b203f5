//! One day of the agenda: its heading, then its sessions time slot by time slot (a heading with
//! the time, then the sessions that start then; a break is a slot of its own). The same markup is
//! the list (narrow screens, `data-layout="list"`) and the grid (rooms as columns, time flowing
//! down, sessions sized by their duration: `data-layout="grid"`): each card carries its grid place
//! as CSS (see `agenda_core::grid`), and the stylesheet chooses. Screen readers and the keyboard
//! get the same order in both: time order.

use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::grid::Grid;
use agenda_core::i18n::long_date;
use agenda_core::{Date, Lang, Programme};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DaySection(
    programme: Arc<Programme>,
    day: Date,
    lang: Lang,
    /// Whether its cards are drawn yet (see [`crate::components::session_list`]).
    drawn: Memo<bool>,
) -> impl IntoView {
    let heading = format!("agenda-day-{day}");
    let labelled_by = heading.clone();
    let p = programme;
    let route = Route::get();
    let items = move || {
        drawn.get().then(|| {
            let positions: Vec<usize> = (0..p.sessions.len())
                .filter(|&at| p.sessions[at].day == day)
                .collect();
            let grid = Grid::new(&p, &positions);
            let size = format!(
                "--agenda-columns:{};--agenda-rows:{}",
                grid.columns.len().max(1),
                grid.rows
            );
            // Cards link to their session with the view as it is when they are drawn.
            let query = route.query().get_untracked();
            let html = crate::markup::day_items(
                texts(lang),
                &p,
                &positions,
                &grid,
                &query,
                &crate::dom::env(route.local_times()),
            );
            view! { <div class="agenda-items" style=size inner_html=html></div> }
        })
    };
    view! {
        <section class="agenda-day-section" aria-labelledby=labelled_by>
            <h2 id=heading class="agenda-day-heading">{long_date(lang, day)}</h2>
            {items}
        </section>
    }
}
