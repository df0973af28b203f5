//! One day of the agenda: its heading, then its sessions time slot by time slot (a heading with
//! the time, then the sessions that start then; a break is a slot of its own). The same markup is
//! the list (narrow screens, `data-layout="list"`) and the grid (rooms as columns, time flowing
//! down, sessions sized by their duration: `data-layout="grid"`): each card carries its grid place
//! as CSS (see `agenda_core::grid`), and the stylesheet chooses. Screen readers and the keyboard
//! get the same order in both: time order.
//!
//! A day's cards are drawn a few at a time, in time order (`drawn`, see the agenda's list): a
//! thousand cards, or a slot of 25 rooms, never hold the page in one long task.

use crate::components::session_card::{SessionCard, Shown};
use crate::highlight::Marks;
use crate::state::route::Route;
use agenda_core::grid::Grid;
use agenda_core::i18n::long_date;
use agenda_core::{Date, DateTime, Lang, Programme};
use leptos::prelude::*;
use std::sync::Arc;

/// A time slot: the sessions that start at the same time (a break alone), with their places in
/// the day's grid.
pub struct Slot {
    start: DateTime,
    /// The position of its first card among the day's cards (in time order).
    first: usize,
    /// The grid row of its time heading; none for a break, whose time is in its line.
    heading_row: Option<usize>,
    /// Each session's position in the programme and its place in the grid (CSS).
    cards: Vec<(usize, String)>,
}

/// A day as drawn: its slots in time order, its grid's size (CSS) and its columns' names.
pub struct DayPlan {
    pub slots: Vec<Slot>,
    /// How narrow its grid's columns may be, in tenths of a rem (see `Grid::column_min_tenths`).
    pub column_min: usize,
    size: String,
    columns: Vec<String>,
}

/// The slots of `day` in `p`, in time order, placed in the day's grid, its rooms named for a
/// reader of `lang`.
pub fn plan(p: &Programme, day: Date, no_room: &str, lang: Lang) -> DayPlan {
    let positions: Vec<usize> = (0..p.sessions.len())
        .filter(|&at| p.sessions[at].day == day)
        .collect();
    let grid = Grid::new(p, &positions);
    let column_min = grid.column_min_tenths(p);
    let size = format!(
        "--agenda-columns:{};--agenda-rows:{};--agenda-column-min:calc({column_min} * 0.1rem)",
        grid.columns.len().max(1),
        grid.rows
    );
    let mut slots: Vec<Slot> = Vec::new();
    for (k, &at) in positions.iter().enumerate() {
        let s = &p.sessions[at];
        let place = grid.placements.get(k).map(|pl| (pl.css(), pl.row_start));
        let (css, row) = place.unwrap_or_default();
        let is_break = p.is_break(s);
        match slots.last_mut() {
            Some(slot) if !is_break && slot.heading_row.is_some() && slot.start == s.start => {
                slot.cards.push((at, css));
            }
            _ => slots.push(Slot {
                start: s.start,
                first: k,
                heading_row: (!is_break).then_some(row + 2),
                cards: vec![(at, css)],
            }),
        }
    }
    let columns = grid
        .columns
        .iter()
        .map(|room| {
            room.as_ref()
                .and_then(|r| p.room(r))
                .map_or(no_room, |r| p.pick(&r.name, lang))
                .to_owned()
        })
        .collect();
    DayPlan {
        slots,
        column_min,
        size,
        columns,
    }
}

impl DayPlan {
    /// How many cards the day has.
    pub fn cards(&self) -> usize {
        self.slots.last().map_or(0, |s| s.first + s.cards.len())
    }

    /// How many of its slots have a card among the first `drawn`.
    fn slots_begun(&self, drawn: usize) -> usize {
        self.slots.iter().take_while(|s| s.first < drawn).count()
    }
}

impl Slot {
    /// How many of its cards are among the day's first `drawn`.
    fn cards_drawn(&self, drawn: usize) -> usize {
        drawn.saturating_sub(self.first).min(self.cards.len())
    }

    /// Its cards' positions in the programme, in the order drawn.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.cards.iter().map(|(at, _)| *at)
    }

    /// Whether the session at `at` is in this slot.
    pub fn holds(&self, at: usize) -> bool {
        self.cards.iter().any(|(a, _)| *a == at)
    }

    /// The DOM id of the slot's element ("Aller à maintenant" brings it into view).
    pub fn id(&self) -> String {
        format!(
            "agenda-slot-{}",
            self.cards.first().map_or(0, |(at, _)| *at)
        )
    }
}

#[component]
pub fn DaySection(
    programme: Arc<Programme>,
    day: Date,
    plan: Arc<DayPlan>,
    /// How many of its cards are drawn (in time order).
    drawn: RwSignal<usize>,
    /// The day chosen (`None`: every day, while searching or filtering).
    chosen: Memo<Option<Date>>,
    /// Whether each session (by position) passes the search and the filters: one signal each,
    /// so that a card follows only its own.
    flags: Arc<Vec<RwSignal<bool>>>,
    marks: Marks,
    /// Sessions changed since the last visit, marked "modifié".
    changed: Arc<Vec<usize>>,
    /// Whether the agenda is a grid: its slots' times and its cards then take their places in it.
    grid: Signal<bool>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let heading = format!("agenda-day-{day}");
    let labelled = heading.clone();
    // Shown when it is the day chosen (or every day is) and one of its cards drawn so far is:
    // never an empty day (nor an empty grid box that a keyboard could not reach into) while its
    // cards are still being drawn.
    let on_day = {
        let (plan, flags) = (plan.clone(), flags.clone());
        Memo::new(move |_| {
            let drawn = drawn.get();
            chosen.get().is_none_or(|d| d == day)
                && plan.slots[..plan.slots_begun(drawn)].iter().any(|slot| {
                    slot.cards[..slot.cards_drawn(drawn)]
                        .iter()
                        .any(|(at, _)| flags[*at].get())
                })
        })
    };
    // The rooms' names above the grid's columns.
    let rooms = plan
        .columns
        .iter()
        .enumerate()
        .map(|(c, name)| view! { <span style=format!("--column:{}", c + 2)>{name.clone()}</span> })
        .collect_view();
    let size = plan.size.clone();

    let slots_begun = {
        let plan = plan.clone();
        move || 0..plan.slots_begun(drawn.get())
    };
    let slot_view = move |k: usize| {
        let slot = &plan.slots[k];
        // Shown when one of its cards drawn so far is (never a time with no session under it).
        let any_shown = {
            let (plan, flags) = (plan.clone(), flags.clone());
            Memo::new(move |_| {
                let slot = &plan.slots[k];
                slot.cards[..slot.cards_drawn(drawn.get())]
                    .iter()
                    .any(|(at, _)| flags[*at].get())
            })
        };
        let heading = slot.heading_row.map(|row| {
            view! {
                <h3 class="agenda-slot-time" style=move || grid.get().then(|| format!("--row:{row}"))>
                    <time datetime=slot.start.to_string()>{route.hh_mm(&slot.start)}</time>
                </h3>
            }
        });
        let card_view = {
            let (plan, programme, flags, changed) = (
                plan.clone(),
                programme.clone(),
                flags.clone(),
                changed.clone(),
            );
            move |i: usize| {
                let (at, place) = &plan.slots[k].cards[i];
                let at = *at;
                let shown = Shown {
                    shown: flags[at].into(),
                    marks,
                    grid,
                };
                view! {
                    <SessionCard programme=programme.clone() at=at place=place.clone()
                        changed=changed.contains(&at) shown=shown />
                }
            }
        };
        let cards_drawn = {
            let plan = plan.clone();
            move || 0..plan.slots[k].cards_drawn(drawn.get())
        };
        // A slot of one session: on a phone, its card's own time says it (the heading stays for
        // screen readers and the grid).
        let class = if slot.cards.len() == 1 {
            "agenda-slot agenda-slot-one"
        } else {
            "agenda-slot"
        };
        view! {
            <div class=class id=slot.id() data-start=slot.start.instant().to_string() hidden=move || !any_shown.get()>
                {heading}
                <For each=cards_drawn key=|i| *i children=card_view />
            </div>
        }
    };
    view! {
        <section class="agenda-day-section" aria-labelledby=labelled hidden=move || !on_day.get()>
            <h2 id=heading class="agenda-day-heading">{long_date(lang, day)}</h2>
            <div class="agenda-items" style=size>
                <div class="agenda-grid-rooms" aria-hidden="true">{rooms}</div>
                <For each=slots_begun key=|k| *k children=slot_view />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{DayPlan, Slot};
    use agenda_core::DateTime;

    fn slot(first: usize, cards: usize) -> Slot {
        Slot {
            start: DateTime::parse("2026-02-10T09:00+01:00").expect("a date-time"),
            first,
            heading_row: Some(2),
            cards: (first..first + cards)
                .map(|at| (at, String::new()))
                .collect(),
        }
    }

    #[test]
    fn a_day_is_drawn_card_by_card_even_inside_a_slot() {
        let plan = DayPlan {
            slots: vec![slot(0, 1), slot(1, 25), slot(26, 3)],
            column_min: 0,
            size: String::new(),
            columns: Vec::new(),
        };
        assert_eq!(plan.cards(), 29);
        assert_eq!(plan.slots_begun(0), 0, "nothing drawn yet");
        assert_eq!(plan.slots_begun(1), 1);
        assert_eq!(plan.slots_begun(2), 2, "the slot of 25 begun with one card");
        assert_eq!(plan.slots[1].cards_drawn(2), 1);
        assert_eq!(plan.slots[1].cards_drawn(13), 12, "half of it");
        assert_eq!(plan.slots[1].cards_drawn(29), 25);
        assert_eq!(plan.slots[2].cards_drawn(13), 0);
        assert_eq!(plan.slots_begun(29), 3);
        assert_eq!(plan.slots_begun(100), 3);
    }
}
