//! The agenda's static markup, written as HTML text (see `agenda_core::html`): a day's time slots
//! and cards. Nothing here reacts: the list's effect shows, hides and marks the cards afterwards
//! (`data-at`, `data-mark`), and links are followed by the route's click listener
//! (`data-route`). One `innerHTML` per day is a few hundred bytes of wasm, and the quickest way
//! to put hundreds of cards on a page.

use crate::state::route::Route;
use crate::texts::Texts;
use agenda_core::grid::Grid;
use agenda_core::html::Html;
use agenda_core::{Programme, Query, Session, SessionId, Status};

/// The DOM id of a session's title link, to give focus back to it.
pub fn link_id(id: &SessionId) -> String {
    format!(
        "agenda-link-{}",
        id.as_str().replace(char::is_whitespace, "_")
    )
}

/// The words for a status that needs saying ("Annulée", "À confirmer").
pub fn status_note(t: &Texts, status: Status) -> Option<&'static str> {
    match status {
        Status::Cancelled => Some(t.cancelled),
        Status::Tentative => Some(t.tentative),
        Status::Confirmed => None,
    }
}

/// "09:30–10:00" with machine-readable `<time>`s, and the "horaire indicatif" mark.
fn time_range(h: &mut Html, t: &Texts, s: &Session) {
    h.tag("span").attr("class", "agenda-time");
    h.tag("time")
        .attr("datetime", &s.start.to_string())
        .text(&s.start.time.hh_mm())
        .close("time");
    h.text("–");
    h.tag("time")
        .attr("datetime", &s.end.to_string())
        .text(&s.end.time.hh_mm())
        .close("time");
    h.close("span");
    if s.illustrative.time {
        h.tag("span")
            .attr("class", "agenda-illustrative")
            .attr("title", t.illustrative_time_long)
            .text(t.illustrative_time)
            .close("span");
    }
}

/// One session: time, title (a link to its own view), status, room, theme, format, speakers and
/// abstract; a break is a single quiet line. `place` is its place in the grid (CSS).
fn card(h: &mut Html, t: &Texts, p: &Programme, at: usize, place: &str, query: &Query) {
    let s = &p.sessions[at];
    let at = at.to_string();
    if p.is_break(s) {
        h.tag("div")
            .attr("class", "agenda-break")
            .attr("data-at", &at)
            .attr("style", place);
        time_range(h, t, s);
        h.text_el("span", "agenda-break-title", &s.title)
            .close("div");
        return;
    }
    let theme = s.theme.as_ref().and_then(|x| p.theme(x));
    let style = match theme.and_then(|x| x.color.as_ref()) {
        Some(c) => format!("--agenda-accent:{c};{place}"),
        None => place.to_owned(),
    };
    // Programme text keeps its own language, whatever the interface's (screen readers switch
    // voice).
    let content_lang = s.language.as_deref().or(p.event.language.as_deref());
    let class = if s.status == Status::Cancelled {
        "agenda-session agenda-cancelled"
    } else {
        "agenda-session"
    };
    h.tag("article")
        .attr("class", class)
        .attr("style", &style)
        .attr("data-at", &at);
    h.tag("p").attr("class", "agenda-session-when");
    time_range(h, t, s);
    h.close("p");
    let to = Query {
        session: Some(s.id.clone()),
        ..query.clone()
    };
    h.tag("h4")
        .attr("class", "agenda-session-title")
        .attr_some("lang", content_lang);
    h.tag("a")
        .attr("href", &Route::href(&to))
        .attr("id", &link_id(&s.id))
        .attr("data-route", "");
    h.tag("span")
        .attr("data-mark", "")
        .text(&s.title)
        .close("span");
    h.close("a").close("h4");
    if let Some(note) = status_note(t, s.status) {
        h.text_el("p", "agenda-status", note);
    }
    h.tag("p").attr("class", "agenda-session-meta");
    if let Some(r) = s.room.as_ref().and_then(|r| p.room(r)) {
        h.text_el("span", "agenda-room", &r.name);
    }
    if let Some(th) = theme {
        h.tag("span").attr("class", "agenda-theme");
        if let Some(c) = &th.color {
            h.attr("style", &format!("--agenda-chip:{c}"));
        }
        h.tag("span")
            .attr("class", "agenda-theme-mark")
            .attr("aria-hidden", "true")
            .close("span");
        h.text(&th.name).close("span");
    }
    if let Some(f) = s.format.as_ref().and_then(|f| p.format(f)) {
        h.text_el("span", "agenda-format", &f.name);
    }
    h.close("p");
    let speakers = p.speakers_line(s);
    if !speakers.is_empty() {
        h.tag("p")
            .attr("class", "agenda-session-speakers")
            .attr("data-mark", "");
        h.text(&speakers).close("p");
    }
    if let Some(a) = &s.abstract_ {
        h.tag("p")
            .attr("class", "agenda-session-abstract")
            .attr_some("lang", content_lang);
        h.attr("data-mark", "").text(a).close("p");
    }
    h.close("article");
}

/// A day's sessions at `positions` (in time order), slot by slot: a slot is the sessions that
/// start at the same time, under a heading with that time (a break is a slot of its own, its
/// time in its line). Each card carries its place in `grid`, built over the same positions.
pub fn day_items(
    t: &Texts,
    p: &Programme,
    positions: &[usize],
    grid: &Grid,
    query: &Query,
) -> String {
    let mut h = Html::new();
    h.tag("div")
        .attr("class", "agenda-grid-rooms")
        .attr("aria-hidden", "true");
    for (c, room) in grid.columns.iter().enumerate() {
        let name = room
            .as_ref()
            .and_then(|r| p.room(r))
            .map_or(t.no_room, |r| r.name.as_str());
        h.tag("span")
            .attr("style", &format!("grid-column:{}", c + 2))
            .text(name)
            .close("span");
    }
    h.close("div");
    let mut slot_start = None;
    for (k, &at) in positions.iter().enumerate() {
        let s = &p.sessions[at];
        let place = grid
            .placements
            .get(k)
            .map(|pl| pl.css())
            .unwrap_or_default();
        let starts_slot = p.is_break(s) || slot_start != Some(s.start);
        if starts_slot {
            if k > 0 {
                h.close("div");
            }
            h.tag("div").attr("class", "agenda-slot");
            slot_start = (!p.is_break(s)).then_some(s.start);
            if !p.is_break(s) {
                let row = grid.placements.get(k).map_or(0, |pl| pl.row_start) + 2;
                h.tag("h3")
                    .attr("class", "agenda-slot-time")
                    .attr("style", &format!("grid-row:{row}"));
                h.tag("time")
                    .attr("datetime", &s.start.to_string())
                    .text(&s.start.time.hh_mm());
                h.close("time").close("h3");
            }
        }
        card(&mut h, t, p, at, &place, query);
    }
    if !positions.is_empty() {
        h.close("div");
    }
    h.into_string()
}
