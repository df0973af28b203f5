//! pretalx's widget JSON (`/<event>/schedule/widgets/schedule.json`): flat lists of `talks`,
//! `rooms`, `tracks` and `speakers`, talks referring to the others by id. Names, titles and
//! abstracts may be plain strings or `{ "en": …, "de": … }` objects: every language is kept, and
//! the page shows the visitor's, else the event's (`locale`), else the first given.

use super::{
    date_time, field, list, localized, objects, opt_html_text, opt_local, opt_text, req_html_text,
    req_local, req_text, theme_colors, Builder, Report,
};
use crate::diag::{Problem, ProgrammeError};
use crate::json::{Map, Value};
use crate::model::*;
use crate::text::{html_to_text, non_empty};
use crate::time::Date;

pub(super) fn read(root: &Map) -> Result<Programme, ProgrammeError> {
    let mut report = Report::default();
    let lang = opt_text(root, "locale", "", &mut report);
    let lang = lang.as_deref();
    let date = |key: &str, report: &mut Report| {
        opt_text(root, key, "", report).and_then(|d| Date::parse(d.get(..10).unwrap_or(&d)).ok())
    };
    let event = Event {
        title: field(root, "event")
            .and_then(|e| e.get("name").or(Some(e)))
            .and_then(|n| localized(n, lang))
            .unwrap_or_default(),
        time_zone: opt_text(root, "timezone", "", &mut report),
        start_date: date("event_start", &mut report),
        end_date: date("event_end", &mut report),
        language: lang.map(str::to_owned),
        ..Default::default()
    };
    let mut programme = Programme {
        event,
        source_format: Some(SourceFormat::PretalxWidget),
        ..Default::default()
    };

    let name_of = |o: &Map, p: &str, report: &mut Report| req_local(o, "name", p, None, report);
    for (p, r) in objects(list(root, "rooms", "", &mut report), "rooms", &mut report) {
        let id = req_text(r, "id", &p, None, &mut report);
        let (Some(id), Some(name)) = (id, name_of(r, &p, &mut report)) else {
            continue;
        };
        let description = opt_local(r, "description", &p, &mut report);
        programme.rooms.push(Room {
            id: RoomId(id),
            name,
            description,
            capacity: None,
            accessibility: None,
        });
    }
    for (p, t) in objects(list(root, "tracks", "", &mut report), "tracks", &mut report) {
        let id = req_text(t, "id", &p, None, &mut report);
        let (Some(id), Some(name)) = (id, name_of(t, &p, &mut report)) else {
            continue;
        };
        let (color, color_dark) = theme_colors(t, &p, &mut report);
        let description = opt_local(t, "description", &p, &mut report);
        programme.themes.push(Theme {
            id: ThemeId(id),
            name,
            color,
            color_dark,
            description,
        });
    }
    for (p, s) in objects(
        list(root, "speakers", "", &mut report),
        "speakers",
        &mut report,
    ) {
        let id = req_text(s, "code", &p, None, &mut report);
        let name = field(s, "name").and_then(|n| localized(n, lang));
        if name.is_none() {
            report.push(format!("{p}.name"), Problem::Missing, None);
        }
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        let bio = opt_text(s, "biography", &p, &mut report)
            .map(|b| html_to_text(&b))
            .and_then(|b| non_empty(&b));
        programme.speakers.push(Speaker {
            id: SpeakerId(id),
            name,
            organisation: None,
            role: None,
            bio,
            links: Vec::new(),
        });
    }

    let talks = list(root, "talks", "", &mut report);
    let mut b = Builder::new(programme, report);
    for (p, t) in objects(talks, "talks", &mut b.report) {
        b.offer();
        if let Some(s) = read_talk(t, &p, &mut b) {
            b.add(s, &p);
        }
    }
    b.finish()
}

fn read_talk(t: &Map, p: &str, b: &mut Builder) -> Option<Session> {
    let report = &mut b.report;
    let title = req_html_text(t, "title", p, report);
    let item = title.as_ref().map(Text::as_str);
    let id = opt_text(t, "code", p, report).or_else(|| opt_text(t, "id", p, report));
    if id.is_none() {
        report.push(format!("{p}.code"), Problem::Missing, item);
    }
    if field(t, "start").is_none() {
        report.push(p, Problem::Unscheduled, item);
        return None;
    }
    let when = |key: &str, report: &mut Report| date_time(t, key, p, item, report);
    let start = when("start", report)?;
    let end = match when("end", report) {
        Some(e) => e,
        // Some versions give only a duration in minutes.
        None => start.plus_seconds(field(t, "duration").and_then(Value::as_i64)? * 60),
    };
    let (id, title) = (id?, title?);
    let speakers = list(t, "speakers", p, report)
        .iter()
        .filter_map(|v| localized(v, None))
        .map(SpeakerId)
        .collect();
    let text = |key: &str, report: &mut Report| opt_html_text(t, key, p, report);
    Some(Session {
        id: SessionId(id),
        title,
        subtitle: None,
        day: start.date,
        start,
        end,
        room: opt_text(t, "room", p, report).map(RoomId),
        theme: opt_text(t, "track", p, report).map(ThemeId),
        format: None,
        speakers,
        language: opt_text(t, "content_locale", p, report),
        abstract_: text("abstract", report),
        description: text("description", report),
        links: Vec::new(),
        accessibility: Vec::new(),
        status: Status::Confirmed,
        illustrative: Illustrative::default(),
        url: None,
    })
}
