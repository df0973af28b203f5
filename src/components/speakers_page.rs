//! "Intervenantes et intervenants": every speaker, by name, with their sessions.

use crate::components::link::RouteLink;
use crate::dom;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::short_date;
use agenda_core::{Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SpeakersPage(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    if let Some((y, _)) = route.take_return_point() {
        request_animation_frame(move || dom::scroll_to_y(y));
    }
    let p = programme;
    let base = route.query().get_untracked();
    // Owned rows first, so the views borrow nothing from the programme.
    let rows: Vec<_> = p
        .speakers_by_name()
        .into_iter()
        .map(|sp| {
            let sessions: Vec<_> = p
                .sessions_of(&sp.id)
                .map(|s| {
                    (
                        Query {
                            session: Some(s.id.clone()),
                            ..base.clone()
                        },
                        s.title.clone(),
                        s.day,
                        s.start.time.hh_mm(),
                    )
                })
                .collect();
            (sp.name.clone(), sp.affiliation(), sessions)
        })
        .collect();
    let speakers = rows
        .into_iter()
        .map(|(name, affiliation, sessions)| {
            let sessions = sessions
                .into_iter()
                .map(|(to, title, day, start)| view! {
                    <li>
                        <RouteLink to=to>{title}</RouteLink>
                        <span class="agenda-speaker-when">" — "{short_date(lang, day)}", "{start}</span>
                    </li>
                })
                .collect_view();
            view! {
                <li class="agenda-speaker">
                    <h3 class="agenda-speaker-name">{name}</h3>
                    {affiliation.map(|a| view! { <p class="agenda-speaker-affiliation">{a}</p> })}
                    <ul class="agenda-speaker-sessions">{sessions}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="agenda-speakers" aria-labelledby="agenda-speakers-heading">
            <h2 id="agenda-speakers-heading">{t.speakers}</h2>
            <ul class="agenda-speaker-list">{speakers}</ul>
        </section>
    }
}
