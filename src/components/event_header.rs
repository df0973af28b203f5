//! The event: name and dates; then, folded away so that a phone shows sessions on its first
//! screen, the place (address, transport, map link), remote participation and registration, and
//! what the event is about.

use crate::state::route::Route;
use crate::texts::{texts, Texts};
use agenda_core::i18n::date_range;
use agenda_core::text::paragraphs;
use agenda_core::{Programme, Remote};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventHeader(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let e = &programme.event;
    let title = if e.title.is_empty() {
        t.untitled_programme.to_owned()
    } else {
        e.title.clone()
    };

    // "mardi 10 février 2026, 09:30 – 18:00" for a one-day event; the span of days otherwise.
    let when = e.start_date.zip(e.end_date).map(|(from, to)| {
        let mut when = date_range(lang, from, to);
        if from == to {
            let first = programme.sessions.iter().map(|s| s.start).min();
            let last = programme.sessions.iter().map(|s| s.end).max();
            if let (Some(a), Some(b)) = (first, last) {
                when.push_str(&format!(", {} – {}", route.hh_mm(&a), route.hh_mm(&b)));
            }
        }
        when
    });

    // The place, one line each: name and building, address, transport.
    let venue = e.venue.clone().unwrap_or_default();
    let place = [
        venue.name.as_deref(),
        venue.building.as_deref(),
        venue.institution.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let transport = (!venue.transport.is_empty())
        .then(|| format!("{}{}{}", t.transport, t.colon, venue.transport.join(", ")));
    let place_lines: Vec<String> = [
        Some(place).filter(|p| !p.is_empty()),
        venue.address_line(),
        transport,
    ]
    .into_iter()
    .flatten()
    .collect();
    let map = venue.map_link();
    let address = (!place_lines.is_empty() || map.is_some()).then(|| {
        view! {
            <address class="agenda-place">
                {place_lines.into_iter().map(|l| view! { <span>{l}</span> }).collect_view()}
                {map.map(|m| view! {
                    <a class="agenda-map-link" href=m.as_str().to_owned() rel="noopener noreferrer" target="_blank">
                        {t.map_link}
                    </a>
                })}
            </address>
        }
    });

    // Remote participation and registration: a label, a link and/or a note.
    let lines: Vec<_> = [
        (t.on_site_and_remote, e.remote.clone()),
        (t.registration, e.registration.clone()),
    ]
    .into_iter()
    .filter_map(|(label, r)| r.map(|r| view! { <RemoteLine label=label t=t remote=r /> }))
    .collect();
    // Folded, one tap away: on a phone the sessions come on the first screen.
    let practical = (address.is_some() || !lines.is_empty()).then(|| {
        view! {
            <details class="agenda-practical">
                <summary>{t.practical}</summary>
                {address}
                {lines}
            </details>
        }
    });

    view! {
        <header class="agenda-header">
            <h1 class="agenda-title">{title}</h1>
            {e.subtitle.clone().map(|s| view! { <p class="agenda-subtitle">{s}</p> })}
            {when.map(|w| view! { <p class="agenda-when">{w}</p> })}
            <div class="agenda-header-more">
                {practical}
                <About t=t programme=programme.clone() />
            </div>
        </header>
    }
}

/// "Sur place et à distance : <link> le lien sera bientôt disponible".
#[component]
fn RemoteLine(label: &'static str, t: &'static Texts, remote: Remote) -> impl IntoView {
    let link = remote.url.map(|u| {
        let text = remote.label.unwrap_or_else(|| t.remote_link.to_owned());
        view! {
            <a href=u.as_str().to_owned() rel="noopener noreferrer" target="_blank">{text}</a>
            " "
        }
    });
    view! {
        <p class="agenda-remote">
            <span class="agenda-remote-label">{label}{t.colon}</span>
            {link}
            {remote.note}
        </p>
    }
}

/// Description, audience, organisers and the programme's own note on its data, folded away so
/// the sessions come first.
#[component]
fn About(t: &'static Texts, programme: Arc<Programme>) -> impl IntoView {
    let e = &programme.event;
    let organisers = e
        .organisers
        .iter()
        .map(|o| o.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let note = [e.editorial_note.clone(), e.source.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n\n");
    // Each part as (heading, paragraphs); the description has no heading of its own.
    let parts: Vec<(Option<&'static str>, String)> = [
        (None, e.description.clone()),
        (Some(t.audience), e.audience.clone()),
        (
            Some(t.organisers),
            Some(organisers).filter(|o| !o.is_empty()),
        ),
        (Some(t.about_data), Some(note).filter(|n| !n.is_empty())),
    ]
    .into_iter()
    .filter_map(|(h, text)| Some((h, text?)))
    .collect();
    (!parts.is_empty()).then(|| {
        let parts = parts
            .into_iter()
            .map(|(heading, text)| {
                let paras = paragraphs(&text)
                    .map(|p| view! { <p>{p.to_owned()}</p> })
                    .collect_view();
                view! {
                    {heading.map(|h| view! { <h2>{h}</h2> })}
                    {paras}
                }
            })
            .collect_view();
        view! {
            <details class="agenda-about">
                <summary>{t.about}</summary>
                {parts}
            </details>
        }
    })
}
