//! frab / c3voc `schedule.json`, as frab and pretalx export it. Real files drift from the c3voc
//! schema: ids are numbers or strings, persons carry `public_name`, `name` or both, rooms are
//! listed under `conference` or beside it, days run from 04:00 to 03:59. All of that is read.

use super::{
    color, field, links, list, localized, looks_like_break, objects, opt_text, req_text, Builder,
    Report,
};
use crate::diag::{Expected, Problem, ProgrammeError};
use crate::json::{Map, Value};
use crate::model::*;
use crate::text::{html_to_text, non_empty};
use crate::time::{parse_duration, parse_time_of_day, Date, DateTime};

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
            let Some(name) = req_text(r, "name", &p, None, &mut report) else {
                continue;
            };
            if programme.rooms.iter().any(|x| x.name == name) {
                continue;
            }
            programme.rooms.push(Room {
                id: RoomId(name.clone()),
                name,
                description: opt_text(r, "description", &p, &mut report),
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
        let Some(name) = req_text(t, "name", &p, None, &mut report) else {
            continue;
        };
        if programme.themes.iter().all(|x| x.name != name) {
            let c = color(
                opt_text(t, "color", &p, &mut report),
                &format!("{p}.color"),
                &mut report,
            );
            programme.themes.push(Theme {
                id: ThemeId(name.clone()),
                name,
                color: c,
                description: None,
            });
        }
    }

    let days = list(conf, "days", cp, &mut report);
    let mut sessions = Vec::new();
    for (dp, day) in objects(days, "schedule.conference.days", &mut report) {
        let Some(day_date) = req_text(day, "date", &dp, None, &mut report) else {
            continue;
        };
        let day_date = match Date::parse(&day_date) {
            Ok(d) => d,
            Err(reason) => {
                report.push(
                    format!("{dp}.date"),
                    Problem::BadDateTime {
                        value: day_date,
                        reason,
                    },
                    None,
                );
                continue;
            }
        };
        // The offset of the day, for events that give only a local start time.
        let day_offset = opt_text(day, "day_start", &dp, &mut report)
            .and_then(|d| DateTime::parse(&d).ok())
            .map(|d| d.offset_minutes);
        let Some(Value::Object(rooms)) = field(day, "rooms") else {
            if field(day, "rooms").is_some() {
                report.push(
                    format!("{dp}.rooms"),
                    Problem::WrongType {
                        expected: Expected::Object,
                    },
                    None,
                );
            }
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
            if programme.rooms.iter().all(|r| &r.name != room_name) {
                programme.rooms.push(Room {
                    id: RoomId(room_name.clone()),
                    name: room_name.clone(),
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
    let title = req_text(ev, "title", p, None, report).map(|t| html_to_text(&t));
    let item = title.as_deref();
    let id = opt_text(ev, "guid", p, report).or_else(|| opt_text(ev, "id", p, report));
    if id.is_none() {
        report.push(format!("{p}.id"), Problem::Missing, item);
    }
    let start = start_of(ev, p, day, day_offset, item, report);
    let duration = match opt_text(ev, "duration", p, report) {
        Some(d) => match parse_duration(&d) {
            Ok(secs) => Some(secs),
            Err(_) => {
                report.push(
                    format!("{p}.duration"),
                    Problem::BadDuration { value: d },
                    item,
                );
                None
            }
        },
        None => {
            report.push(format!("{p}.duration"), Problem::Missing, item);
            None
        }
    };
    let (id, title, start, duration) = (id?, title?, start?, duration?);

    let theme = opt_text(ev, "track", p, report).map(|name| {
        if programme.themes.iter().all(|t| t.name != name) {
            programme.themes.push(Theme {
                id: ThemeId(name.clone()),
                name: name.clone(),
                color: None,
                description: None,
            });
        }
        ThemeId(name)
    });
    let format = opt_text(ev, "type", p, report).map(|name| {
        if programme.formats.iter().all(|f| f.name != name) {
            let kind = if looks_like_break(&name) {
                FormatKind::Break
            } else {
                FormatKind::Session
            };
            programme.formats.push(Format {
                id: FormatId(name.clone()),
                name: name.clone(),
                kind,
            });
        }
        FormatId(name)
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
    let mut all_links = links(ev, "links", p, report);
    all_links.extend(
        links(ev, "attachments", p, report)
            .into_iter()
            .map(|mut l| {
                if l.kind == LinkKind::Other {
                    l.kind = LinkKind::Document;
                }
                l
            }),
    );
    let text = |key: &str, report: &mut Report| {
        opt_text(ev, key, p, report)
            .map(|t| html_to_text(&t))
            .and_then(|t| non_empty(&t))
    };
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
    let name = ["public_name", "name", "full_public_name", "full_name"]
        .iter()
        .find_map(|k| field(person, k).and_then(|v| localized(v, None)));
    let Some(name) = name else {
        report.push(format!("{p}.public_name"), Problem::Missing, None);
        return None;
    };
    let id = ["code", "guid", "id"]
        .iter()
        .find_map(|k| opt_text(person, k, p, report))
        .unwrap_or_else(|| name.clone());
    let id = SpeakerId(id);
    let bio = ["biography", "bio"]
        .iter()
        .find_map(|k| opt_text(person, k, p, report))
        .map(|b| html_to_text(&b))
        .and_then(|b| non_empty(&b));
    programme.speakers.push(Speaker {
        id: id.clone(),
        name,
        organisation: None,
        role: None,
        bio,
        links: links(person, "links", p, report),
    });
    Some(id)
}
