//! One day of the agenda: the day's choice, the count of sessions, then every session and break
//! of the day in time order.

use crate::components::{day_nav::DayNav, session_card::SessionCard};
use crate::dom;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::{long_date, sessions_count};
use agenda_core::{Date, Programme};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SessionList(
    programme: Arc<Programme>,
    #[prop(into)] day: Signal<Option<Date>>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let p = programme.clone();
    let count = Memo::new(move |_| day.get().map_or(0, |d| p.count_on_day(d)));

    // Coming back from a session: where the visitor was, with focus on the link they followed.
    if let Some((y, id)) = route.take_return_point() {
        request_animation_frame(move || {
            dom::scroll_to_y(y);
            dom::focus_id(&crate::components::session_card::link_id(&id));
        });
    }

    let p = programme.clone();
    let items = move || {
        let d = day.get()?;
        let p = p.clone();
        let cards = p
            .on_day(d)
            .map(|s| view! { <SessionCard programme=p.clone() session=s.clone() /> })
            .collect_view();
        Some(view! {
            <section class="agenda-day-section" aria-labelledby="agenda-day-heading">
                <h2 id="agenda-day-heading" class="agenda-day-heading">{long_date(lang, d)}</h2>
                {p.event.time_zone.clone().map(|tz| view! {
                    <p class="agenda-tz">{t.time_zone_note}" ("{tz}")"</p>
                })}
                <div class="agenda-items">{cards}</div>
            </section>
        })
    };

    view! {
        <DayNav programme=programme.clone() day=day />
        <p class="agenda-count" role="status">{move || sessions_count(lang, count.get())}</p>
        {programme.sessions.is_empty().then(|| view! { <p class="agenda-empty">{texts(lang).no_sessions}</p> })}
        {items}
    }
}
