//! frab / c3voc `schedule.json`, as frab and pretalx export it. Real files drift from the c3voc
//! schema: ids are numbers or strings, persons carry `public_name`, `name` or both, rooms are
//! listed under `conference` or beside it, days run from 04:00 to 03:59. All of that is read.

use super::{
    duration, event_links, events_by_room, field, list, looks_like_break, objects, opt_html_text,
    opt_local, opt_text, req_date, req_html_text, req_local, req_text, theme_colors, Builder,
    Report,
};
use crate::diag::{Expected, Problem, ProgrammeError};
use crate::json::{Map, Value};
use crate::model::*;
use crate::time::{parse_time_of_day, Date, DateTime};

pub(super) fn read(root: &Map) -> Result<Programme, ProgrammeError> {
    let mut report = Report::default();
    let Some(Value::Object(schedule)) = root.get("schedule") else {
        return Err(ProgrammeError::UnknownFormat);
    };
    let Some(Value::Object(conf)) = schedule.get("conference") else {
        report.push(
            "schedule.conference",
            Problem::WrongType {
                expected: Expected::Object,
            },
            None,
        );
        return Err(ProgrammeError::Invalid(report.problems));
    };
    report.link_origin = opt_text(schedule, "base_url", "schedule", &mut report)
        .or_else(|| opt_text(conf, "url", "schedule.conference", &mut report))
        .and_then(|u| super::origin_of(&u));
    let cp = "schedule.conference";
    let date = |key: &str, report: &mut Report| {
        opt_text(conf, key, cp, report).and_then(|d| Date::parse(&d).ok())
    };
    let event = Event {
        title: opt_text(conf, "title", cp, &mut report)
            .or_else(|| opt_text(conf, "acronym", cp, &mut report))
            .unwrap_or_default(),
        time_zone: opt_text(conf, "time_zone_name", cp, &mut report),
        start_date: date("start", &mut report),
        end_date: date("end", &mut report),
        url: opt_text(conf, "url", cp, &mut report).and_then(|u| Url::parse(&u)),
        ..Default::default()
    };
    let mut programme = Programme {
        event,
        source_format: Some(SourceFormat::Frab),
        ..Default::default()
    };

    // Rooms: the declared lists first (in their order, which is the venue's), then any room that
    // only appears in a day.
    for (key, path) in [(conf, "schedule.conference"), (schedule, "schedule")] {
        for (p, r) in objects(
            list(key, "rooms", path, &mut report),
            &format!("{path}.rooms"),
            &mut report,
        ) {
            let Some(name) = req_local(r, "name", &p, None, &mut report) else {
                continue;
            };
            if programme.rooms.iter().any(|x| x.name == *name.as_str()) {
                continue;
            }
            programme.rooms.push(Room {
                id: RoomId(name.as_str().to_owned()),
                name,
                description: opt_local(r, "description", &p, &mut report),
                capacity: field(r, "capacity")
                    .and_then(Value::as_u64)
                    .and_then(|c| u32::try_from(c).ok()),
                accessibility: None,
            });
        }
    }
    // Tracks may be declared with colours (c3voc `conference.tracks`).
    for (p, t) in objects(
        list(conf, "tracks", cp, &mut report),
        "schedule.conference.tracks",
        &mut report,
    ) {
        let Some(name) = req_local(t, "name", &p, None, &mut report) else {
            continue;
        };
        if programme.themes.iter().all(|x| x.name != *name.as_str()) {
            let (color, color_dark) = theme_colors(t, &p, &mut report);
            programme.themes.push(Theme {
                id: ThemeId(name.as_str().to_owned()),
                name,
                color,
                color_dark,
                description: None,
            });
        }
    }

    if field(conf, "days").is_none() {
        report.push("schedule.conference.days", Problem::Missing, None);
    }
    let days = list(conf, "days", cp, &mut report);
    let mut sessions = Vec::new();
    // Events of days that cannot be read: offered all the same, so that a file whose every day
    // is unreadable is an error that lists why, not an empty programme.
    let mut unread = 0;
    for (dp, day) in objects(days, "schedule.conference.days", &mut report) {
        let Some(day_date) = req_date(day, "date", &dp, &mut report) else {
            unread += events_by_room(day);
            continue;
        };
        // The offset of the day, for events that give only a local start time.
        let day_offset = opt_text(day, "day_start", &dp, &mut report)
            .and_then(|d| DateTime::parse(&d).ok())
            .map(|d| d.offset_minutes);
        let Some(Value::Object(rooms)) = field(day, "rooms") else {
            // A day's events are listed by room: without `rooms`, nothing of the day is read.
            let problem = if field(day, "rooms").is_some() {
                Problem::WrongType {
                    expected: Expected::Object,
                }
            } else {
                Problem::Missing
            };
            report.push(format!("{dp}.rooms"), problem, None);
            continue;
        };
        for (room_name, events) in rooms {
            let rp = format!("{dp}.rooms.{room_name}");
            let Value::Array(events) = events else {
                report.push(
                    rp,
                    Problem::WrongType {
                        expected: Expected::List,
                    },
                    None,
                );
                continue;
            };
            if programme.rooms.iter().all(|r| r.name != **room_name) {
                programme.rooms.push(Room {
                    id: RoomId(room_name.clone()),
                    name: Text::from(room_name.as_str()),
                    description: None,
                    capacity: None,
                    accessibility: None,
                });
            }
            for (ep, ev) in objects(events, &rp, &mut report) {
                sessions.push((
                    ep.clone(),
                    read_event(
                        ev,
                        &ep,
                        day_date,
                        day_offset,
                        room_name,
                        &mut programme,
                        &mut report,
                    ),
                ));
            }
        }
    }

    // Each person was added once per talk: keep the first.
    let ids: Vec<&str> = programme.speakers.iter().map(|s| s.id.as_str()).collect();
    let first = super::firsts(&ids);
    let mut first = first.into_iter();
    programme.speakers.retain(|_| first.next().unwrap_or(false));
    let mut b = Builder::new(programme, report);
    for _ in 0..unread {
        b.offer();
    }
    for (path, s) in sessions {
        b.offer();
        if let Some(s) = s {
            b.add(s, &path);
        }
    }
    b.finish()
}

/// One frab event. Tracks, types and persons it names are added to the programme as it goes.
fn read_event(
    ev: &Map,
    p: &str,
    day: Date,
    day_offset: Option<i16>,
    room: &str,
    programme: &mut Programme,
    report: &mut Report,
) -> Option<Session> {
    let title = req_html_text(ev, "title", p, report);
    let item = title.as_ref().map(Text::as_str);
    let id = opt_text(ev, "guid", p, report).or_else(|| opt_text(ev, "id", p, report));
    if id.is_none() {
        report.push(format!("{p}.id"), Problem::Missing, item);
    }
    let start = start_of(ev, p, day, day_offset, item, report);
    let duration = duration(ev, p, "duration", item, report);
    let (id, title, start, duration) = (id?, title?, start?, duration?);

    let theme = opt_local(ev, "track", p, report).map(|name| {
        let id = ThemeId(name.as_str().to_owned());
        if programme
            .themes
            .iter()
            .all(|t| t.id != id && t.name != *name.as_str())
        {
            programme.themes.push(Theme {
                id: id.clone(),
                name,
                color: None,
                color_dark: None,
                description: None,
            });
        }
        id
    });
    let format = opt_local(ev, "type", p, report).map(|name| {
        let id = FormatId(name.as_str().to_owned());
        if programme.formats.iter().all(|f| f.id != id) {
            let kind = if name.all().any(looks_like_break) {
                FormatKind::Break
            } else {
                FormatKind::Session
            };
            programme.formats.push(Format {
                id: id.clone(),
                name,
                kind,
            });
        }
        id
    });
    let mut speakers = Vec::new();
    for (pp, person) in objects(
        list(ev, "persons", p, report),
        &format!("{p}.persons"),
        report,
    ) {
        if let Some(id) = person_into(person, &pp, programme, report) {
            speakers.push(id);
        }
    }
    let all_links = event_links(ev, p, report);
    let text = |key: &str, report: &mut Report| opt_html_text(ev, key, p, report);
    Some(Session {
        id: SessionId(id),
        title,
        subtitle: text("subtitle", report),
        end: start.plus_seconds(duration),
        start,
        day,
        room: Some(RoomId(room.to_owned())),
        theme,
        format,
        speakers,
        language: opt_text(ev, "language", p, report),
        abstract_: text("abstract", report),
        description: text("description", report),
        links: all_links,
        accessibility: Vec::new(),
        status: Status::Confirmed,
        illustrative: Illustrative::default(),
        url: opt_text(ev, "url", p, report).and_then(|u| Url::parse(&u)),
    })
}

/// An event's start: its `date` (ISO with offset), else the day's date with its `start` time and
/// the day's offset.
fn start_of(
    ev: &Map,
    p: &str,
    day: Date,
    day_offset: Option<i16>,
    item: Option<&str>,
    report: &mut Report,
) -> Option<DateTime> {
    if let Some(raw) = opt_text(ev, "date", p, report) {
        return match DateTime::parse(&raw) {
            Ok(dt) => Some(dt),
            Err(reason) => {
                report.push(
                    format!("{p}.date"),
                    Problem::BadDateTime { value: raw, reason },
                    item,
                );
                None
            }
        };
    }
    let raw = req_text(ev, "start", p, item, report)?;
    match (parse_time_of_day(&raw), day_offset) {
        (Ok(time), Some(offset_minutes)) => Some(DateTime {
            date: day,
            time,
            offset_minutes,
        }),
        (Ok(_), None) => {
            report.push(format!("{p}.date"), Problem::Missing, item);
            None
        }
        (Err(reason), _) => {
            report.push(
                format!("{p}.start"),
                Problem::BadDateTime { value: raw, reason },
                item,
            );
            None
        }
    }
}

/// Adds a person to the programme's speakers and returns their id. A person appears once per
/// talk: the repeats are removed once all days are read (see `read`), in one sort rather than a
/// search per talk, so that ten thousand talks read as fast as ten.
fn person_into(
    person: &Map,
    p: &str,
    programme: &mut Programme,
    report: &mut Report,
) -> Option<SpeakerId> {
    let sp = super::person(person, p, &["code", "guid", "id"], report)?;
    let id = sp.id.clone();
    programme.speakers.push(sp);
    Some(id)
}
