//! The event: name, dates, place (address, transport, map link), remote participation and
//! registration, and what the event is about, folded away.

use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::i18n::date_range;
use agenda_core::text::paragraphs;
use agenda_core::{Programme, Remote};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventHeader(programme: Arc<Programme>) -> impl IntoView {
    let lang = Route::get().lang();
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
                when.push_str(&format!(", {} – {}", a.time.hh_mm(), b.time.hh_mm()));
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

    // Remote participation and registration: a label, a link and/or a note.
    let lines: Vec<(&'static str, Remote)> = [
        (t.on_site_and_remote, e.remote.clone()),
        (t.registration, e.registration.clone()),
    ]
    .into_iter()
    .filter_map(|(l, r)| Some((l, r?)))
    .collect();

    view! {
        <header class="agenda-header">
            <h1 class="agenda-title">{title}</h1>
            {e.subtitle.clone().map(|s| view! { <p class="agenda-subtitle">{s}</p> })}
            {when.map(|w| view! { <p class="agenda-when">{w}</p> })}
            {(!place_lines.is_empty() || map.is_some()).then(|| view! {
                <address class="agenda-place">
                    {place_lines.into_iter().map(|l| view! { <span>{l}</span> }).collect_view()}
                    {map.map(|m| view! {
                        <a class="agenda-map-link" href=m.as_str().to_owned() rel="noopener noreferrer" target="_blank">{t.map_link}</a>
                    })}
                </address>
            })}
            {lines.into_iter().map(|(label, r)| labelled_line(label, t.colon, t.remote_link, r)).collect_view()}
            <About programme=programme.clone() />
        </header>
    }
}

/// "Sur place et à distance : <link> le lien sera bientôt disponible".
fn labelled_line(
    label: &'static str,
    colon: &'static str,
    default_link: &'static str,
    r: Remote,
) -> impl IntoView {
    let link = r.url.map(|u| {
        (
            u.as_str().to_owned(),
            r.label.unwrap_or_else(|| default_link.to_owned()),
        )
    });
    view! {
        <p class="agenda-remote">
            <span class="agenda-remote-label">{label}{colon}</span>
            {link.map(|(href, text)| view! { <a href=href rel="noopener noreferrer" target="_blank">{text}</a> " " })}
            {r.note}
        </p>
    }
}

/// Description, audience, organisers and the programme's own note on its data, folded away so
/// the sessions come first.
#[component]
fn About(programme: Arc<Programme>) -> impl IntoView {
    let t = texts(Route::get().lang());
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
    (!parts.is_empty()).then(|| view! {
        <details class="agenda-about">
            <summary>{t.about}</summary>
            {parts
                .into_iter()
                .map(|(heading, text)| view! {
                    {heading.map(|h| view! { <h2>{h}</h2> })}
                    {paragraphs(&text).map(|para| view! { <p>{para.to_owned()}</p> }).collect_view()}
                })
                .collect_view()}
        </details>
    })
}
