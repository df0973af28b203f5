//! The agenda's static markup, written as HTML text (see `agenda_core::html`): a day's time slots
//! and cards. Nothing here reacts: the list's effect shows, hides and marks the cards afterwards
//! (`data-at`, `data-mark`), and links are followed by the route's click listener
//! (`data-route`). One `innerHTML` per day is a few hundred bytes of wasm, and the quickest way
//! to put hundreds of cards on a page.

use crate::texts::{MineTexts, Texts};
use agenda_core::grid::Grid;
use agenda_core::html::Html;
use agenda_core::i18n::short_date;
use agenda_core::favourites::{Change, Favourites, PlanItem};
use agenda_core::{DateTime, Lang, Programme, Query, Session, SessionId, Status};

/// How times and links are written where the markup is made (the page, or its worker).
pub struct Env {
    /// The visitor's times rather than the event's.
    pub local: bool,
    /// A time in the visitor's zone: the browser knows it (the core has no zone database).
    pub local_hh_mm: fn(&DateTime) -> String,
    /// The page's own path: the address of the view with no parameter.
    pub path: String,
}

impl Env {
    /// "14:05": as the programme writes it, or in the visitor's zone.
    pub fn hh_mm(&self, dt: &DateTime) -> String {
        if self.local {
            (self.local_hh_mm)(dt)
        } else {
            dt.time.hh_mm()
        }
    }

    /// The address of a view: the href of a link to it.
    pub fn href(&self, q: &Query) -> String {
        let search = q.to_search();
        if search.is_empty() {
            self.path.clone()
        } else {
            search
        }
    }
}

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
fn time_range(h: &mut Html, t: &Texts, s: &Session, env: &Env) {
    h.tag("span").attr("class", "agenda-time");
    h.tag("time")
        .attr("datetime", &s.start.to_string())
        .text(&env.hh_mm(&s.start))
        .close("time");
    h.text("–");
    h.tag("time")
        .attr("datetime", &s.end.to_string())
        .text(&env.hh_mm(&s.end))
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
    env: &Env,
) {
    let s = &p.sessions[at];
    let at = at.to_string();
    if p.is_break(s) {
        h.tag("div")
            .attr("class", "agenda-break")
            .attr("data-at", &at)
            .attr_some("style", Some(place).filter(|s| !s.is_empty()));
        time_range(h, t, s, env);
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
        .attr_some("style", Some(style.as_str()).filter(|s| !s.is_empty()))
        .attr("data-at", &at);
    h.tag("p").attr("class", "agenda-session-when");
    time_range(h, t, s, env);
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
        .attr("href", &env.href(&to))
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
    env: &Env,
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
                    .text(&env.hh_mm(&s.start));
                h.close("time").close("h3");
            }
        }
        card(&mut h, t, p, at, &place, query, env);
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
    env: &Env,
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
            .attr("href", &env.href(&to))
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
            h.text(&format!(" ({} {})", t.until, env.hh_mm(&s.end)));
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
                env.hh_mm(&s.start)
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

/// The id of "Mes favoris"'s heading (focus goes there when the view's content changes under it).
pub const MINE_HEADING: &str = "agenda-mine-heading";
/// Where the share link's QR code goes, and where the tools say how it went.
pub const QR_ID: &str = "agenda-qr";
pub const SHARE_LINK_ID: &str = "agenda-share-link";
pub const TOOL_STATUS_ID: &str = "agenda-tool-status";

/// What "Mes favoris" shows: the visitor's own favourites, or a selection a link shared.
pub struct Mine<'a> {
    pub shown: &'a Favourites,
    pub shared: bool,
    /// The visitor's share link (own favourites only).
    pub share_url: Option<String>,
}

/// "Mes favoris" (`?fav=1`): the favourites day by day, each with what it overlaps ("Chevauche
/// …") and what changed since it was chosen; between them the free time and, one tap away, what
/// is on then. Then the calendar file, printing and the share link. A shared selection
/// (`&shared=`) is shown the same way, with "add to mine" and "replace mine".
pub fn mine(t: &Texts, lang: Lang, p: &Programme, m: &Mine, query: &Query, env: &Env) -> String {
    let w = crate::texts::mine_texts(lang);
    let mut h = Html::new();
    h.tag("section").attr("class", "agenda-mine");
    h.tag("h2")
        .attr("id", MINE_HEADING)
        .attr("tabindex", "-1")
        .attr("data-focus", "");
    h.text(if m.shared { w.shared_title } else { t.my_favs })
        .close("h2");
    let plan = m.shown.plan(p, 15);
    let n = plan.iter().map(|d| d.items.len()).sum::<usize>();
    let count = m.shown.len();
    h.tag("p").attr("class", "agenda-count").attr("role", "status");
    h.text(&format!(
        "{count} {}",
        if count == 1 { w.favs_count_one } else { w.favs_count_many }
    ))
    .close("p");
    let back = Query {
        shared: None,
        session: None,
        ..query.clone()
    };
    if m.shared {
        h.text_el("p", "", w.shared_intro);
        h.tag("p").attr("class", "agenda-actions");
        action(&mut h, "merge", w.merge);
        action(&mut h, "replace", w.replace);
        h.tag("a")
            .attr("href", &env.href(&back))
            .attr("data-route", "");
        h.text(w.see_mine).close("a").close("p");
    }
    let changes = if m.shared { Vec::new() } else { m.shown.changes(p) };
    if !changes.is_empty() {
        h.tag("div").attr("class", "agenda-notice");
        h.text_el("p", "", w.changes);
        for (id, change) in &changes {
            if *change == Change::Gone {
                let title = m
                    .shown
                    .iter()
                    .find(|f| &f.id == id)
                    .and_then(|f| f.title.clone())
                    .unwrap_or_else(|| id.as_str().to_owned());
                h.text_el("p", "", &format!("{}{title}{}", w.gone.0, w.gone.1));
            }
        }
        action(&mut h, "seen", w.seen);
        h.close("div");
    }
    if n == 0 {
        h.text_el("p", "agenda-empty", w.no_favs);
    } else if !m.shared {
        h.tag("p").attr("class", "agenda-actions");
        h.tag("button")
            .attr("type", "button")
            .attr("data-ics", "")
            .text(w.ics_all)
            .close("button");
        action(&mut h, "print", w.print);
        h.close("p");
        tool_status(&mut h);
    }
    if let Some(url) = m.share_url.as_deref().filter(|_| n > 0) {
        h.tag("details").attr("class", "agenda-share");
        h.text_el("summary", "", w.share);
        h.text_el("p", "", w.share_help);
        h.tag("p");
        h.tag("input")
            .attr("id", SHARE_LINK_ID)
            .attr("readonly", "")
            .attr("value", url);
        h.attr("aria-label", w.share_link);
        action(&mut h, "copy", w.copy);
        action(&mut h, "qr", w.show_qr);
        h.close("p");
        h.tag("div")
            .attr("id", QR_ID)
            .attr("class", "agenda-qr")
            .close("div");
        h.close("details");
    }
    for day in &plan {
        let heading = format!("agenda-mine-{}", day.day);
        h.tag("section")
            .attr("class", "agenda-mine-day")
            .attr("aria-labelledby", &heading);
        h.tag("h3").attr("id", &heading);
        h.text(&agenda_core::i18n::long_date(lang, day.day))
            .close("h3");
        for item in &day.items {
            match item {
                PlanItem::Session { at, clashes } => {
                    card(&mut h, t, p, *at, "", query, env);
                    for &other in clashes {
                        let o = &p.sessions[other];
                        let note = format!(
                            "{}{}{} ({}–{})",
                            w.clash.0,
                            o.title,
                            w.clash.1,
                            env.hh_mm(&o.start),
                            env.hh_mm(&o.end)
                        );
                        h.text_el("p", "agenda-clash", &note);
                    }
                    let s = &p.sessions[*at];
                    for (_, change) in changes.iter().filter(|(id, _)| id == &s.id) {
                        let note = match change {
                            Change::Moved { from } => agenda_core::DateTime::parse(from)
                                .ok()
                                .map(|d| {
                                    format!(
                                        "{}{}, {}",
                                        w.moved,
                                        agenda_core::i18n::long_date(lang, d.date),
                                        env.hh_mm(&d)
                                    )
                                }),
                            Change::RoomChanged { from } => Some(format!(
                                "{}{}",
                                w.room_changed,
                                p.room(&agenda_core::RoomId(from.clone()))
                                    .map_or(from.as_str(), |r| r.name.as_str())
                            )),
                            _ => None,
                        };
                        if let Some(note) = note {
                            h.text_el("p", "agenda-changed", &note);
                        }
                    }
                }
                PlanItem::Free { from, to, on } => free_time(&mut h, w, p, (from, to), on, query, env),
            }
        }
        h.close("section");
    }
    h.close("section");
    h.into_string()
}

/// Free time between favourites, and what is on then behind a disclosure.
fn free_time(
    h: &mut Html,
    w: &MineTexts,
    p: &Programme,
    (from, to): (&agenda_core::DateTime, &agenda_core::DateTime),
    on: &[usize],
    query: &Query,
    env: &Env,
) {
    let free = format!(
        "{}{}{}{} — ",
        w.free.0,
        env.hh_mm(from),
        w.free.1,
        env.hh_mm(to)
    );
    if on.is_empty() {
        h.text_el("p", "agenda-free", &format!("{free}{}", w.free_none));
        return;
    }
    h.tag("details").attr("class", "agenda-free");
    let words = if on.len() == 1 { w.free_on.0 } else { w.free_on.1 };
    h.text_el("summary", "", &format!("{free}{} {words}", on.len()));
    h.tag("ul");
    for &at in on {
        let s = &p.sessions[at];
        let to = Query {
            session: Some(s.id.clone()),
            ..query.clone()
        };
        h.tag("li");
        h.text(&format!("{}–{} ", env.hh_mm(&s.start), env.hh_mm(&s.end)));
        h.tag("a")
            .attr("href", &env.href(&to))
            .attr("data-route", "");
        h.text(&s.title).close("a");
        if let Some(r) = s.room.as_ref().and_then(|r| p.room(r)) {
            h.text(&format!(" · {}", r.name));
        }
        h.close("li");
    }
    h.close("ul").close("details");
}

/// "Intervenantes et intervenants": every speaker, by name, with their sessions.
pub fn speakers(t: &Texts, lang: Lang, p: &Programme, query: &Query, env: &Env) -> String {
    let mut h = Html::new();
    h.tag("section")
        .attr("class", "agenda-speakers")
        .attr("aria-labelledby", "agenda-speakers-heading");
    h.tag("h2")
        .attr("id", "agenda-speakers-heading")
        .text(t.speakers)
        .close("h2");
    h.tag("ul").attr("class", "agenda-speaker-list");
    for sp in p.speakers_by_name() {
        h.tag("li").attr("class", "agenda-speaker");
        h.text_el("h3", "agenda-speaker-name", &sp.name);
        if let Some(a) = sp.affiliation() {
            h.text_el("p", "agenda-speaker-affiliation", &a);
        }
        h.tag("ul").attr("class", "agenda-speaker-sessions");
        for s in p.sessions_of(&sp.id) {
            let to = Query {
                session: Some(s.id.clone()),
                ..query.clone()
            };
            h.tag("li")
                .tag("a")
                .attr("href", &env.href(&to))
                .attr("data-route", "");
            h.text(&s.title).close("a");
            let when = format!(" — {}, {}", short_date(lang, s.day), env.hh_mm(&s.start));
            h.text_el("span", "agenda-speaker-when", &when).close("li");
        }
        h.close("ul").close("li");
    }
    h.close("ul").close("section");
    h.into_string()
}

/// A button of "Mes favoris" (`data-mine`), taken by `state::favourites`.
fn action(h: &mut Html, name: &str, label: &str) {
    h.tag("button")
        .attr("type", "button")
        .attr("data-mine", name)
        .text(label)
        .close("button");
}

/// Where the calendar and QR tools say how it went.
pub fn tool_status(h: &mut Html) {
    h.tag("p")
        .attr("id", TOOL_STATUS_ID)
        .attr("class", "agenda-tool-status")
        .attr("role", "status")
        .close("p");
}

/// The share link of `favs`: the page's address (`base`, its own parameters dropped) with the
/// programme, the language and the selection. Opened anywhere, it shows the selection.
pub fn share_link(base: &str, q: &Query, favs: &Favourites) -> String {
    let page = base.split(['?', '#']).next().unwrap_or(base);
    let link = Query {
        programme: q.programme.clone(),
        lang: q.lang,
        fav: true,
        shared: Some(favs.to_share()),
        ..Query::default()
    };
    format!("{page}{}", link.to_search())
}

/// The path of an address (`https://host/agenda/?x` → `/agenda/`), for links with no parameter.
pub fn path_of(base: &str) -> String {
    let page = base.split(['?', '#']).next().unwrap_or(base);
    match page.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/".into(), |i| rest[i..].to_owned()),
        None => page.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::favourites::{Favourites, Level};

    const P: &str = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
      "rooms": [{"id": "a", "name": "Salle A"}, {"id": "b", "name": "Salle B"}],
      "sessions": [
        {"id": "1", "title": "Un <b>", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a"},
        {"id": "2", "title": "Deux", "start": "2026-02-10T09:30:00+01:00", "end": "2026-02-10T10:30:00+01:00", "room": "b"},
        {"id": "3", "title": "Trois", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T12:00:00+01:00", "room": "a"},
        {"id": "4", "title": "Quatre", "start": "2026-02-10T14:00:00+01:00", "end": "2026-02-10T15:00:00+01:00", "room": "b"}
      ]}"##;

    fn env() -> Env {
        Env {
            local: false,
            local_hh_mm: |_| "??".into(),
            path: "/agenda/".into(),
        }
    }

    fn prog() -> Programme {
        agenda_core::read_programme(P).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn my_favourites_show_clashes_free_time_and_what_is_on() {
        let p = prog();
        let mut f = Favourites::default();
        for id in ["1", "2", "4"] {
            f.add(&p, &SessionId(id.into()), Level::Sure);
        }
        let q = Query::parse("?fav=1");
        let m = Mine {
            shown: &f,
            shared: false,
            share_url: Some(share_link("http://h/agenda/?fav=1#top", &q, &f)),
        };
        let t = crate::texts::texts(Lang::Fr);
        let html = mine(t, Lang::Fr, &p, &m, &q, &env());
        assert!(html.starts_with("<section"), "{html}");
        assert!(html.contains(">3 favoris<"));
        assert!(html.contains("Chevauche « Deux » (09:30–10:30)"));
        assert!(html.contains("Chevauche « Un &lt;b&gt; » (09:00–10:00)"), "text stays text");
        assert!(html.contains("Libre de 10:30 à 14:00 — 1 autre séance à ce moment"), "{html}");
        assert!(html.contains("?fav=1&amp;session=3"), "what is on links to it, back to Mes favoris");
        assert!(html.contains("value=\"http://h/agenda/?fav=1&amp;shared=1%2C2%2C4\""), "{html}");
        assert!(html.contains("data-ics=\"\""));
        // A shared selection: add or replace, no share link of its own.
        let q = Query::parse("?fav=1&shared=3");
        let shared = Favourites::from_share("3");
        let m = Mine {
            shown: &shared,
            shared: true,
            share_url: None,
        };
        let html = mine(t, Lang::Fr, &p, &m, &q, &env());
        assert!(html.contains("Sélection partagée") && html.contains("data-mine=\"merge\""));
        assert!(html.contains("href=\"?fav=1\""), "back to one's own: {html}");
        assert!(!html.contains("agenda-share"));
    }

    #[test]
    fn moved_and_gone_favourites_are_said() {
        let p = prog();
        let mut f = Favourites::default();
        f.add(&p, &SessionId("3".into()), Level::Sure);
        f.add(&p, &SessionId("4".into()), Level::Sure);
        let changed = agenda_core::read_programme(
            &P.replace("\"id\": \"4\"", "\"id\": \"4b\"")
                .replace("T11:00:00+01:00", "T11:30:00+01:00"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let m = Mine {
            shown: &f,
            shared: false,
            share_url: None,
        };
        let t = crate::texts::texts(Lang::En);
        let html = mine(t, Lang::En, &changed, &m, &Query::parse("?fav=1&lang=en"), &env());
        assert!(html.contains("“Quatre” is no longer in the programme."), "{html}");
        assert!(html.contains("Moved — was on Tuesday 10 February 2026, 11:00"), "{html}");
        assert!(html.contains("data-mine=\"seen\""));
    }

    #[test]
    fn links_and_paths() {
        assert_eq!(path_of("https://a.example/agenda/index.html?x=1#y"), "/agenda/index.html");
        assert_eq!(path_of("http://127.0.0.1:8080"), "/");
        let p = prog();
        let mut f = Favourites::default();
        f.add(&p, &SessionId("1".into()), Level::Maybe);
        let q = Query::parse("?programme=programmes%2Fx.json&lang=en&q=abc&day=2026-02-10");
        assert_eq!(
            share_link("http://h/a/?q=abc", &q, &f),
            "http://h/a/?programme=programmes%2Fx.json&lang=en&fav=1&shared=~1"
        );
    }
}
