//! The event: name, dates, place (address, transport, map link), remote participation and
//! registration, and what the event is about, folded away.

use crate::state::route::Route;
use crate::texts::{texts, Texts};
use agenda_core::html::Html;
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
                let env = crate::dom::env(Route::get().local_times());
                let (a, b) = (env.hh_mm(&a), env.hh_mm(&b));
                when.push_str(&format!(", {a} – {b}"));
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

    let mut h = Html::new();
    h.text_el("h1", "agenda-title", &title);
    if let Some(sub) = &e.subtitle {
        h.text_el("p", "agenda-subtitle", sub);
    }
    if let Some(w) = &when {
        h.text_el("p", "agenda-when", w);
    }
    if !place_lines.is_empty() || map.is_some() {
        h.tag("address").attr("class", "agenda-place");
        for l in &place_lines {
            h.tag("span").text(l).close("span");
        }
        if let Some(m) = &map {
            h.tag("a")
                .attr("class", "agenda-map-link")
                .attr("href", m.as_str());
            h.attr("rel", "noopener noreferrer")
                .attr("target", "_blank");
            h.text(t.map_link).close("a");
        }
        h.close("address");
    }
    for (label, r) in lines {
        labelled_line(&mut h, label, t, r);
    }
    about(&mut h, t, &programme);
    view! { <header class="agenda-header" inner_html=h.into_string()></header> }
}

/// "Sur place et à distance : <link> le lien sera bientôt disponible".
fn labelled_line(h: &mut Html, label: &'static str, t: &Texts, r: Remote) {
    h.tag("p").attr("class", "agenda-remote");
    h.tag("span")
        .attr("class", "agenda-remote-label")
        .text(label)
        .text(t.colon)
        .close("span");
    if let Some(u) = &r.url {
        let text = r.label.as_deref().unwrap_or(t.remote_link);
        h.tag("a")
            .attr("href", u.as_str())
            .attr("rel", "noopener noreferrer");
        h.attr("target", "_blank").text(text).close("a").text(" ");
    }
    if let Some(note) = &r.note {
        h.text(note);
    }
    h.close("p");
}

/// Description, audience, organisers and the programme's own note on its data, folded away so
/// the sessions come first.
fn about(h: &mut Html, t: &Texts, programme: &Programme) {
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
    if parts.is_empty() {
        return;
    }
    h.tag("details").attr("class", "agenda-about");
    h.tag("summary").text(t.about).close("summary");
    for (heading, text) in parts {
        if let Some(title) = heading {
            h.tag("h2").text(title).close("h2");
        }
        for para in paragraphs(&text) {
            h.tag("p").text(para).close("p");
        }
    }
    h.close("details");
}
