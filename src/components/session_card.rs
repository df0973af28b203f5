//! A session in the agenda: time, title (a link to its own view), room, theme, format, speakers
//! and abstract. Breaks are a single quiet line.

use crate::components::link::RouteLink;
use crate::components::theme_chip::ThemeChip;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::{Programme, Session, SessionId, Status};
use leptos::prelude::*;
use std::sync::Arc;

/// The DOM id of a session's title link, to give focus back to it.
pub fn link_id(id: &SessionId) -> String {
    format!(
        "agenda-link-{}",
        id.as_str().replace(char::is_whitespace, "_")
    )
}

/// "09:30–10:00" with machine-readable `<time>`s, and the "horaire indicatif" mark.
#[component]
pub fn TimeRange(session: Session) -> impl IntoView {
    let lang = Route::get().lang();
    let t = texts(lang);
    let s = session;
    view! {
        <span class="agenda-time">
            <time datetime=s.start.to_string()>{s.start.time.hh_mm()}</time>
            "–"
            <time datetime=s.end.to_string()>{s.end.time.hh_mm()}</time>
        </span>
        {s.illustrative.time.then(|| view! {
            <span class="agenda-illustrative" title=t.illustrative_time_long>
                {t.illustrative_time}
            </span>
        })}
    }
}

/// The words for a status that needs saying ("Annulée", "À confirmer").
pub fn status_note(status: Status) -> Option<fn(&crate::texts::Texts) -> &'static str> {
    match status {
        Status::Cancelled => Some(|t| t.cancelled),
        Status::Tentative => Some(|t| t.tentative),
        Status::Confirmed => None,
    }
}

#[component]
pub fn SessionCard(
    programme: Arc<Programme>,
    session: Session,
    /// Its position in the programme (`data-at`): the list shows, hides and marks cards by it
    /// (see [`crate::dom::show_selection`]) instead of rendering them anew.
    at: usize,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let p = programme;
    let s = session;
    if p.is_break(&s) {
        return view! {
            <div class="agenda-break" data-at=at>
                <TimeRange session=s.clone() />
                <span class="agenda-break-title">{s.title.clone()}</span>
            </div>
        }
        .into_any();
    }
    let to = route.query().with_untracked(|q| agenda_core::Query {
        session: Some(s.id.clone()),
        ..q.clone()
    });
    let theme = s.theme.as_ref().and_then(|t| p.theme(t)).cloned();
    let room = s
        .room
        .as_ref()
        .and_then(|r| p.room(r))
        .map(|r| r.name.clone());
    let format = s
        .format
        .as_ref()
        .and_then(|f| p.format(f))
        .map(|f| f.name.clone());
    let speakers = p.speakers_line(&s);
    // Programme text keeps its own language, whatever the interface's (screen readers switch voice).
    let content_lang = s.language.clone().or_else(|| p.event.language.clone());
    let cancelled = s.status == Status::Cancelled;
    let style = theme
        .as_ref()
        .and_then(|t| t.color.clone())
        .map(|c| format!("--agenda-accent: {c}"));
    view! {
        <article class="agenda-session" class:agenda-cancelled=cancelled style=style data-at=at>
            <p class="agenda-session-when"><TimeRange session=s.clone() /></p>
            <h3 class="agenda-session-title" lang=content_lang.clone()>
                <RouteLink to=to id=link_id(&s.id)><span data-mark="">{s.title.clone()}</span></RouteLink>
            </h3>
            {status_note(s.status).map(|pick| view! { <p class="agenda-status">{pick(texts(lang))}</p> })}
            <p class="agenda-session-meta">
                {room.map(|r| view! { <span class="agenda-room">{r}</span> })}
                {theme.map(|t| view! { <ThemeChip name=t.name color=t.color /> })}
                {format.map(|f| view! { <span class="agenda-format">{f}</span> })}
            </p>
            {(!speakers.is_empty()).then(|| view! { <p class="agenda-session-speakers" data-mark="">{speakers}</p> })}
            {s.abstract_.clone().map(|a| view! { <p class="agenda-session-abstract" lang=content_lang.clone() data-mark="">{a}</p> })}
        </article>
    }
    .into_any()
}
