//! The event: name, dates, place (address, transport, map link), remote participation, and
//! what the event is about, folded away.

use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::date_range;
use agenda_core::text::paragraphs;
use agenda_core::{Programme, Venue};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventHeader(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
    let p = programme;
    view! {
        <header class="agenda-header">
            <h1 class="agenda-title">
                {if p.event.title.is_empty() { texts(lang).untitled_programme.to_owned() } else { p.event.title.clone() }}
            </h1>
            {p.event.subtitle.clone().map(|s| view! { <p class="agenda-subtitle">{s}</p> })}
            <When programme=p.clone() />
            {p.event.venue.clone().map(|v| view! { <Place venue=v /> })}
            <RemoteLine programme=p.clone() />
            {p.event.registration.clone().map(|r| view! { <Registration registration=r /> })}
            <About programme=p />
        </header>
    }
}

/// "mardi 10 février 2026, 09:30 – 18:00" for a one-day event; the span of days otherwise.
#[component]
fn When(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
    let p = programme;
    let (Some(from), Some(to)) = (p.event.start_date, p.event.end_date) else {
        return None;
    };
    let hours = (from == to)
        .then(|| {
            let first = p.sessions.iter().map(|s| s.start).min()?;
            let last = p.sessions.iter().map(|s| s.end).max()?;
            Some(format!(", {} – {}", first.time.hh_mm(), last.time.hh_mm()))
        })
        .flatten()
        .unwrap_or_default();
    Some(view! { <p class="agenda-when">{format!("{}{hours}", date_range(lang, from, to))}</p> })
}

#[component]
fn Place(venue: Venue) -> impl IntoView {
    let lang = Route::get().lang();
    let t = texts(lang);
    let place = [
        venue.name.as_deref(),
        venue.building.as_deref(),
        venue.institution.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let address = venue.address_line();
    let transport = (!venue.transport.is_empty()).then(|| venue.transport.join(", "));
    let map = venue.map_link();
    view! {
        <address class="agenda-place">
            {(!place.is_empty()).then(|| view! { <span class="agenda-place-name">{place}</span> })}
            {address.map(|a| view! { <span>{a}</span> })}
            {transport.map(|way| view! { <span>{t.transport}{t.colon}{way}</span> })}
            {map.map(|m| view! {
                <a class="agenda-map-link" href=m.as_str().to_owned() rel="noopener noreferrer" target="_blank">
                    {t.map_link}
                </a>
            })}
        </address>
    }
}

/// "Sur place et à distance : Suivre à distance" or the programme's note ("le lien sera bientôt
/// disponible").
#[component]
fn RemoteLine(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
    let remote = programme.event.remote.clone()?;
    let t = texts(lang);
    let link = remote.url.clone().map(|u| {
        let label = remote.label.clone();
        view! {
            <a href=u.as_str().to_owned() rel="noopener noreferrer" target="_blank">
                {label.clone().unwrap_or_else(|| t.remote_link.to_owned())}
            </a>
        }
    });
    Some(view! {
        <p class="agenda-remote">
            <span class="agenda-remote-label">{t.on_site_and_remote}{t.colon}</span>
            {link}
            {remote.note.clone().map(|n| view! { <span class="agenda-remote-note">" "{n}</span> })}
        </p>
    })
}

/// Description, audience, organisers and the programme's own note on its data, folded away so
/// the sessions come first.
#[component]
fn About(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
    let e = &programme.event;
    if e.description.is_none()
        && e.audience.is_none()
        && e.organisers.is_empty()
        && e.editorial_note.is_none()
    {
        return None;
    }
    let t = texts(lang);
    let organisers = e
        .organisers
        .iter()
        .map(|o| match &o.url {
            Some(u) => view! { <li><a href=u.as_str().to_owned() rel="noopener noreferrer">{o.name.clone()}</a></li> }.into_any(),
            None => view! { <li>{o.name.clone()}</li> }.into_any(),
        })
        .collect_view();
    let has_organisers = !e.organisers.is_empty();
    let note = [e.editorial_note.clone(), e.source.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    Some(view! {
        <details class="agenda-about">
            <summary>{t.about}</summary>
            {e.description.as_deref().map(|d| paragraphs(d).map(|p| view! { <p>{p.to_owned()}</p> }).collect_view())}
            {e.audience.clone().map(|a| view! { <h2>{t.audience}</h2><p>{a}</p> })}
            {has_organisers.then(|| view! { <h2>{t.organisers}</h2><ul>{organisers}</ul> })}
            {(!note.is_empty()).then(|| view! {
                <h2>{t.about_data}</h2>
                {note.into_iter().map(|n| view! { <p class="agenda-note">{n}</p> }).collect_view()}
            })}
        </details>
    })
}

/// "Inscription : <link>" and/or its note.
#[component]
fn Registration(registration: agenda_core::Remote) -> impl IntoView {
    let lang = Route::get().lang();
    let t = texts(lang);
    let r = registration;
    let label = r.label.clone();
    view! {
        <p class="agenda-registration">
            <span>{t.registration}{t.colon}</span>
            {r.url.map(|u| {
                let text = label.clone().unwrap_or_else(|| u.as_str().to_owned());
                view! { <a href=u.as_str().to_owned() rel="noopener noreferrer" target="_blank">{text}</a> }
            })}
            {r.note.map(|n| view! { " " <span>{n}</span> })}
        </p>
    }
}
