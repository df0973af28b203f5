//! "Intervenantes et intervenants": every speaker, by name, with their sessions.

use crate::components::session_link::SessionLink;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::short_date;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Speakers(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let p = &programme;
    let speakers = p
        .speakers_by_name()
        .into_iter()
        .map(|sp| {
            let sessions = p
                .sessions_of(&sp.id)
                .map(|s| {
                    let title = p.pick(&s.title, lang).to_owned();
                    let when = format!(" — {}, {}", short_date(lang, s.day), route.hh_mm(&s.start));
                    view! {
                        <li>
                            <SessionLink id=s.id.clone()>{title}</SessionLink>
                            <span class="agenda-speaker-when">{when}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="agenda-speaker">
                    <h3 class="agenda-speaker-name">{sp.name.clone()}</h3>
                    {sp.affiliation().map(|a| view! { <p class="agenda-speaker-affiliation">{a}</p> })}
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
