//! Choosing a day: a row of tabs for a few days; for a programme spread over weeks, a compact
//! list of dates grouped by month. While searching or filtering, "Tous les jours" comes first.
//!
//! The links are drawn once, each with its day in `data-day` ("" for every day): the agenda's
//! effect keeps their address (the day with the current search and filters) and `aria-current`
//! up to date (see [`crate::components::session_list`]); a click goes where the address says.

use crate::texts::texts;
use agenda_core::i18n::{month_heading, short_date};
use agenda_core::{Date, Lang, Programme};
use leptos::prelude::*;
use std::sync::Arc;

fn day_link(day: Option<Date>, label: String) -> impl IntoView {
    let data_day = day.map(|d| d.to_string()).unwrap_or_default();
    // "Tous les jours" is there only while searching or filtering.
    let when = day.is_none().then_some("filtering");
    view! { <li data-when=when hidden=day.is_none()><a class="agenda-day" href="" data-day=data_day data-route="">{label}</a></li> }
}

#[component]
pub fn DayNav(programme: Arc<Programme>, lang: Lang) -> impl IntoView {
    if programme.days.len() < 2 {
        return None;
    }
    let t = texts(lang);
    let link = move |d: Date| day_link(Some(d), short_date(lang, d));
    let all_days = day_link(None, t.all_days.to_owned());
    let compact = programme.days_span_weeks();
    let days = programme.days.clone();
    Some(view! {
        <nav class="agenda-days" class:agenda-days-compact=compact aria-label=t.days>
            {if compact {
                // One short list per month.
                let mut months: Vec<(Date, Vec<Date>)> = Vec::new();
                for d in days {
                    match months.last_mut() {
                        Some((m, ds)) if m.year == d.year && m.month == d.month => ds.push(d),
                        _ => months.push((d, vec![d])),
                    }
                }
                let months = months
                    .into_iter()
                    .map(|(m, ds)| view! {
                        <div class="agenda-month">
                            <span class="agenda-month-name" aria-hidden="true">{month_heading(lang, m)}</span>
                            <ul>{ds.into_iter().map(link).collect_view()}</ul>
                        </div>
                    })
                    .collect_view();
                view! { <ul>{all_days}</ul> {months} }.into_any()
            } else {
                view! { <ul>{all_days}{days.into_iter().map(link).collect_view()}</ul> }.into_any()
            }}
        </nav>
    })
}
