//! Choosing a day: a row of tabs for a few days; for a programme spread over weeks, a compact
//! list of dates grouped by month.

use crate::components::link::on_route_click;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::{month_heading, short_date};
use agenda_core::{Date, Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DayNav(
    programme: Arc<Programme>,
    /// The day shown; none while a search or filter looks through every day.
    #[prop(into)]
    day: Signal<Option<Date>>,
    /// Whether a search or filter is set: then "Tous les jours" is offered.
    #[prop(into)]
    filtering: Signal<bool>,
) -> impl IntoView {
    if programme.days.len() < 2 {
        return None;
    }
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    // A day's link keeps the current search and filters, which change after it is drawn: its
    // address follows them, and a click goes where the address says.
    let day_link = move |d: Option<Date>, label: String| {
        let to = move || {
            query.with(|q| Query {
                day: d,
                session: None,
                ..q.clone()
            })
        };
        view! {
            <li><a class="agenda-day" href=move || Route::href(&to())
                aria-current=move || (day.get() == d).then_some("date")
                on:click=move |ev| on_route_click(route, to())(ev)>{label}</a></li>
        }
    };
    let link = move |d: Date| day_link(Some(d), short_date(lang, d));
    let all_days = move || {
        filtering
            .get()
            .then(|| day_link(None, t.all_days.to_owned()))
    };
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
