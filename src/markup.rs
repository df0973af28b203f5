//! The agenda's static markup, written as HTML text (see `agenda_core::html`): a day's time slots
//! and cards. Nothing here reacts: the list's effect shows, hides and marks the cards afterwards
//! (`data-at`, `data-mark`), and links are followed by the route's click listener
//! (`data-route`). One `innerHTML` per day is a few hundred bytes of wasm, and the quickest way
//! to put hundreds of cards on a page.

use crate::dom::hh_mm;
use crate::state::route::Route;
use crate::texts::Texts;
use agenda_core::grid::Grid;
use agenda_core::html::Html;
use agenda_core::i18n::short_date;
use agenda_core::{Lang, Programme, Query, Session, SessionId, Status};

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
fn time_range(h: &mut Html, t: &Texts, s: &Session, local: bool) {
    h.tag("span").attr("class", "agenda-time");
    h.tag("time")
        .attr("datetime", &s.start.to_string())
        .text(&hh_mm(&s.start, local))
        .close("time");
    h.text("–");
    h.tag("time")
        .attr("datetime", &s.end.to_string())
        .text(&hh_mm(&s.end, local))
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
fn card(
    h: &mut Html,
    t: &Texts,
    p: &Programme,
    at: usize,
    place: &str,
    query: &Query,
    local: bool,
) {
    let s = &p.sessions[at];
    let at = at.to_string();
    if p.is_break(s) {
        h.tag("div")
            .attr("class", "agenda-break")
            .attr("data-at", &at)
            .attr("style", place);
        time_range(h, t, s, local);
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
    time_range(h, t, s, local);
    h.close("p");
    star(h, t, s);
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
    local: bool,
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
            // Its start (seconds since the epoch), for "Aller à maintenant".
            h.tag("div")
                .attr("class", "agenda-slot")
                .attr("data-start", &s.start.instant().to_string());
            slot_start = (!p.is_break(s)).then_some(s.start);
            if !p.is_break(s) {
                let row = grid.placements.get(k).map_or(0, |pl| pl.row_start) + 2;
                h.tag("h3")
                    .attr("class", "agenda-slot-time")
                    .attr("style", &format!("grid-row:{row}"));
                h.tag("time")
                    .attr("datetime", &s.start.to_string())
                    .text(&hh_mm(&s.start, local));
                h.close("time").close("h3");
            }
        }
        card(&mut h, t, p, at, &place, query, local);
    }
    if !positions.is_empty() {
        h.close("div");
    }
    h.into_string()
}

/// "En ce moment / À suivre": per room, the session under way at `now` (seconds since the epoch)
/// and the next one, as links to their views; then "Aller à maintenant", which shows the day and
/// the time slot that `now` falls in. Empty outside the event.
pub fn now_panel(
    t: &Texts,
    lang: Lang,
    p: &Programme,
    now: i64,
    query: &Query,
    local: bool,
) -> String {
    let mut h = Html::new();
    if !p.is_under_way(now) {
        return h.into_string();
    }
    let link = |h: &mut Html, s: &Session| {
        let to = Query {
            session: Some(s.id.clone()),
            ..query.clone()
        };
        h.tag("a")
            .attr("href", &Route::href(&to))
            .attr("data-route", "");
        h.text(&s.title).close("a");
    };
    h.tag("h2")
        .attr("id", "agenda-now-heading")
        .text(t.now_and_next)
        .close("h2");
    h.tag("ul");
    for row in p.now_and_next(now) {
        let room = row
            .room
            .and_then(|r| p.room(r))
            .map_or(t.no_room, |r| r.name.as_str());
        h.tag("li").text_el("span", "agenda-now-room", room);
        if let Some(s) = row.now {
            h.tag("span")
                .attr("class", "agenda-now-label")
                .text(t.now)
                .text(t.colon)
                .close("span");
            link(&mut h, s);
            h.text(&format!(" ({} {})", t.until, hh_mm(&s.end, local)));
        }
        if let Some(s) = row.next {
            h.tag("span")
                .attr("class", "agenda-now-label")
                .text(t.next)
                .text(t.colon)
                .close("span");
            link(&mut h, s);
            let day = (Some(s.day) != p.day_at(now)).then(|| short_date(lang, s.day) + " ");
            h.text(&format!(
                " ({}{})",
                day.unwrap_or_default(),
                hh_mm(&s.start, local)
            ));
        }
        h.close("li");
    }
    h.close("ul");
    h.tag("button")
        .attr("type", "button")
        .attr("class", "agenda-clear");
    h.attr("data-action", "now")
        .attr("data-now", &now.to_string());
    h.text(t.jump_to_now).close("button");
    h.into_string()
}

/// A session's star: a toggle button (`aria-pressed`), named for what a press does; its state is
/// set by `dom::show_favourites`, its clicks taken by `state::favourites`.
pub fn star(h: &mut Html, t: &Texts, s: &Session) {
    let label = format!("{}{}{}", t.add_fav.0, s.title, t.add_fav.1);
    h.tag("button")
        .attr("type", "button")
        .attr("class", "agenda-fav");
    h.attr("data-fav", s.id.as_str())
        .attr("aria-pressed", "false")
        .attr("aria-label", &label);
    h.text("☆").close("button");
}
