//! "En ce moment / À suivre": per room, the session under way and the next one, as links to their
//! views, folded room by room where they would push the agenda off a phone's first screen (a
//! narrow screen, or more than a few rooms); and "Aller à maintenant", which shows the day and the
//! time slot under way. Nothing outside the event.

use crate::components::session_link::SessionLink;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::short_date;
use agenda_core::{Programme, Session};
use leptos::prelude::*;
use std::sync::Arc;

/// More rooms than this are folded at first, whatever the screen.
const MAX_UNFOLDED: usize = 3;

#[component]
pub fn NowPanel(
    programme: Arc<Programme>,
    /// The instant shown, in seconds since the epoch.
    clock: RwSignal<i64>,
    /// "Aller à maintenant", with the instant it was drawn for.
    jump: Callback<i64>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    // Unfolded at first only where the rooms fit beside the agenda; then as the visitor leaves
    // it (the panel is drawn anew every minute).
    let unfolded = RwSignal::new(None::<bool>);
    let link = move |p: &Programme, s: &Session| {
        let title = p.pick(&s.title, lang).to_owned();
        view! { <SessionLink id=s.id.clone()>{title}</SessionLink> }
    };
    move || {
        let now = clock.get();
        let p = &programme;
        if !p.is_under_way(now) {
            return None;
        }
        let rows = p.now_and_next(now);
        let count = rows.len();
        let open = unfolded
            .get_untracked()
            .unwrap_or_else(|| count <= MAX_UNFOLDED && crate::browser::wide());
        let rows = rows
            .into_iter()
            .map(|row| {
                let room = row
                    .room
                    .and_then(|r| p.room(r))
                    .map_or(t.no_room, |r| p.pick(&r.name, lang))
                    .to_owned();
                let current = row.now.map(|s| {
                    view! {
                        <span class="agenda-now-label">{t.now}{t.colon}</span>
                        {link(p, s)}
                        {format!(" ({} {})", t.until, route.hh_mm(&s.end))}
                    }
                });
                let next = row.next.map(|s| {
                    let day = (Some(s.day) != p.day_at(now)).then(|| short_date(lang, s.day) + " ");
                    view! {
                        <span class="agenda-now-label">{t.next}{t.colon}</span>
                        {link(p, s)}
                        {format!(" ({}{})", day.unwrap_or_default(), route.hh_mm(&s.start))}
                    }
                });
                view! { <li><span class="agenda-now-room">{room}</span>{current}{next}</li> }
            })
            .collect_view();
        Some(view! {
            <section class="agenda-now" aria-labelledby="agenda-now-heading">
                <details class="agenda-now-rooms" open=open
                    on:toggle=move |ev| unfolded.set(Some(event_target::<web_sys::HtmlDetailsElement>(&ev).open()))>
                    <summary><h2 id="agenda-now-heading">{t.now_and_next}</h2></summary>
                    <ul>{rows}</ul>
                </details>
                <button type="button" class="agenda-clear" on:click=move |_| jump.run(now)>
                    {t.jump_to_now}
                </button>
            </section>
        })
    }
}
