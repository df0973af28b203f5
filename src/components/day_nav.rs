//! Choosing a day: a row of tabs for a few days; for a programme spread over weeks, a compact
//! list of dates grouped by month.

use crate::components::link::RouteLink;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::{month_heading, short_date};
use agenda_core::{Date, Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn DayNav(programme: Arc<Programme>, #[prop(into)] day: Signal<Option<Date>>) -> impl IntoView {
    if programme.days.len() < 2 {
        return None;
    }
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let link = move |d: Date| {
        let to = query.with(|q| Query {
            day: Some(d),
            session: None,
            ..q.clone()
        });
        let current = Signal::derive(move || (day.get() == Some(d)).then_some("date"));
        let label = short_date(lang, d);
        view! { <li><RouteLink to=to current=current class="agenda-day">{label}</RouteLink></li> }
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
                months
                    .into_iter()
                    .map(|(m, ds)| view! {
                        <div class="agenda-month">
                            <span class="agenda-month-name" aria-hidden="true">{month_heading(lang, m)}</span>
                            <ul>{ds.into_iter().map(link).collect_view()}</ul>
                        </div>
                    })
                    .collect_view()
                    .into_any()
            } else {
                view! { <ul>{days.into_iter().map(link).collect_view()}</ul> }.into_any()
            }}
        </nav>
    })
}
