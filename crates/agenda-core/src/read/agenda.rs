//! The agenda's own format (docs/programme-format.md).

use super::{
    date_time, field, link, links, list, objects, opt_date, opt_local, opt_text, req_local,
    req_text, theme_colors, Builder, Report,
};
use crate::diag::{Expected, Problem, ProgrammeError};
use crate::json::{Map, Value};
use crate::model::*;

pub(super) fn read(root: &Map) -> Result<Programme, ProgrammeError> {
    let mut report = Report::default();
    if let Some(v) = field(root, "agenda_format") {
        if v.as_u64() != Some(1) {
            let value = match v {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.clone(),
                other => other.kind().to_owned(),
            };
            report.push("agenda_format", Problem::UnknownVersion { value }, None);
        }
    }
    let event = match field(root, "event") {
        Some(Value::Object(e)) => read_event(e, &mut report),
        Some(_) => {
            report.push(
                "event",
                Problem::WrongType {
                    expected: Expected::Object,
                },
                None,
            );
            None
        }
        None => {
            report.push("event", Problem::Missing, None);
            None
        }
    };
    let Some(event) = event else {
        return Err(ProgrammeError::Invalid(report.problems));
    };
    if !matches!(field(root, "sessions"), Some(Value::Array(_))) {
        let problem = if field(root, "sessions").is_some() {
            Problem::WrongType {
                expected: Expected::List,
            }
        } else {
            Problem::Missing
        };
        report.push("sessions", problem, None);
        return Err(ProgrammeError::Invalid(report.problems));
    }

    let rooms = named_items(root, "rooms", &mut report, |o, p, r, id, name| Room {
        id: RoomId(id),
        name,
        description: opt_local(o, "description", p, r),
        capacity: field(o, "capacity")
            .and_then(Value::as_u64)
            .and_then(|c| u32::try_from(c).ok()),
        accessibility: opt_text(o, "accessibility", p, r),
    });
    let themes = named_items(root, "themes", &mut report, |o, p, r, id, name| {
        let (color, color_dark) = theme_colors(o, p, r);
        Theme {
            id: ThemeId(id),
            name,
            color,
            color_dark,
            description: opt_local(o, "description", p, r),
        }
    });
    let formats = named_items(root, "formats", &mut report, |o, p, r, id, name| Format {
        id: FormatId(id),
        name,
        kind: match opt_text(o, "kind", p, r).as_deref() {
            Some("break") => FormatKind::Break,
            _ => FormatKind::Session,
        },
    });
    // A person's name is the same in every language: one given as a map of languages is read as
    // its first.
    let speakers = named_items(root, "speakers", &mut report, |o, p, r, id, name| Speaker {
        id: SpeakerId(id),
        name: name.as_str().to_owned(),
        organisation: opt_text(o, "organisation", p, r)
            .or_else(|| opt_text(o, "organization", p, r)),
        role: opt_text(o, "role", p, r),
        bio: opt_text(o, "bio", p, r),
        links: links(o, "links", p, r),
    });

    let programme = Programme {
        event,
        rooms,
        themes,
        formats,
        speakers,
        source_format: Some(SourceFormat::Agenda),
        ..Default::default()
    };
    let mut b = Builder::new(programme, report);
    let items = list(root, "sessions", "", &mut b.report);
    for (path, o) in objects(items, "sessions", &mut b.report) {
        b.offer();
        if let Some(s) = read_session(o, &path, &mut b.report) {
            b.add(s, &path);
        }
    }
    b.finish()
}

/// Reads a list of `{id, name, …}` items, leaving out (and reporting) those without an id or a
/// name and those whose id was already used. A name may be given in several languages.
fn named_items<T>(
    root: &Map,
    key: &str,
    report: &mut Report,
    make: impl Fn(&Map, &str, &mut Report, String, Text) -> T,
) -> Vec<T> {
    let items = list(root, key, "", report);
    let mut candidates = Vec::with_capacity(items.len());
    for (p, o) in objects(items, key, report) {
        let name = req_local(o, "name", &p, None, report);
        let Some(id) = req_text(o, "id", &p, name.as_ref().map(Text::as_str), report) else {
            continue;
        };
        let Some(name) = name else { continue };
        candidates.push((p, o, id, name));
    }
    let ids: Vec<&str> = candidates.iter().map(|c| c.2.as_str()).collect();
    let first = super::firsts(&ids);
    let mut out = Vec::with_capacity(candidates.len());
    for ((p, o, id, name), first) in candidates.into_iter().zip(first) {
        if first {
            out.push(make(o, &p, report, id, name));
        } else {
            report.push(
                format!("{p}.id"),
                Problem::DuplicateId { id },
                Some(name.as_str()),
            );
        }
    }
    out
}

fn read_event(e: &Map, report: &mut Report) -> Option<Event> {
    let p = "event";
    let title = req_text(e, "title", p, None, report)?;
    let start_date = opt_date(e, "start_date", p, None, report);
    let end_date = opt_date(e, "end_date", p, None, report);
    if opt_text(e, "time_zone", p, report).is_none() {
        report.push(format!("{p}.time_zone"), Problem::Missing, None);
    }
    let organisers = objects(list(e, "organisers", p, report), "event.organisers", report)
        .into_iter()
        .filter_map(|(op, o)| {
            Some(Organiser {
                name: req_text(o, "name", &op, None, report)?,
                url: url_field(o, "url", &op, report),
            })
        })
        .collect();
    let venue = match field(e, "venue") {
        Some(Value::Object(v)) => Some(read_venue(v, report)),
        Some(_) => {
            report.push(
                "event.venue",
                Problem::WrongType {
                    expected: Expected::Object,
                },
                None,
            );
            None
        }
        None => None,
    };
    Some(Event {
        title,
        subtitle: opt_text(e, "subtitle", p, report),
        description: opt_text(e, "description", p, report),
        organisers,
        audience: opt_text(e, "audience", p, report),
        time_zone: opt_text(e, "time_zone", p, report),
        start_date,
        end_date,
        language: opt_text(e, "language", p, report),
        url: url_field(e, "url", p, report),
        venue,
        remote: remote(e, "remote", report),
        registration: remote(e, "registration", report),
        source: opt_text(e, "source", p, report),
        editorial_note: opt_text(e, "editorial_note", p, report),
    })
}

fn read_venue(v: &Map, report: &mut Report) -> Venue {
    let p = "event.venue";
    let transport = list(v, "transport", p, report)
        .iter()
        .filter_map(|t| t.as_str().and_then(crate::text::non_empty))
        .collect();
    let coordinate = |g: &Value, k: &str| match g.get(k) {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let geo = field(v, "geo").and_then(|g| Some((coordinate(g, "lat")?, coordinate(g, "lon")?)));
    Venue {
        name: opt_text(v, "name", p, report),
        building: opt_text(v, "building", p, report),
        institution: opt_text(v, "institution", p, report),
        street: opt_text(v, "street", p, report),
        postcode: opt_text(v, "postcode", p, report),
        city: opt_text(v, "city", p, report),
        country: opt_text(v, "country", p, report),
        transport,
        map_url: url_field(v, "map_url", p, report),
        geo,
    }
}

fn remote(e: &Map, key: &str, report: &mut Report) -> Option<Remote> {
    let Some(Value::Object(r)) = field(e, key) else {
        return None;
    };
    let p = format!("event.{key}");
    Some(Remote {
        url: url_field(r, "url", &p, report),
        label: opt_text(r, "label", &p, report),
        note: opt_text(r, "note", &p, report),
    })
}

fn url_field(o: &Map, key: &str, path: &str, report: &mut Report) -> Option<Url> {
    let raw = opt_text(o, key, path, report)?;
    let url = Url::parse(&raw);
    if url.is_none() {
        report.push(
            format!("{path}.{key}"),
            Problem::BadUrl { value: raw },
            None,
        );
    }
    url
}

fn read_session(o: &Map, p: &str, report: &mut Report) -> Option<Session> {
    let title = req_local(o, "title", p, None, report);
    let item = title.as_ref().map(Text::as_str);
    let id = req_text(o, "id", p, item, report);
    let when = |key: &str, report: &mut Report| date_time(o, key, p, item, report);
    let start = when("start", report);
    let end = when("end", report);
    // The programme day it is listed under, when that is not its start's date (a session after
    // midnight that belongs to the evening before, as frab and schedule 2.0 days have it).
    let day = opt_date(o, "day", p, item, report);
    let (id, title, start, end) = (id?, title?, start?, end?);
    let ids = |key: &str, report: &mut Report| -> Vec<SpeakerId> {
        list(o, key, p, report)
            .iter()
            .filter_map(|v| super::localized(v, None))
            .map(SpeakerId)
            .collect()
    };
    let illustrative = list(o, "illustrative", p, report)
        .iter()
        .filter_map(Value::as_str)
        .fold(Illustrative::default(), |mut acc, k| {
            match k {
                "time" => acc.time = true,
                "date" => acc.date = true,
                "room" => acc.room = true,
                "speakers" => acc.speakers = true,
                _ => {}
            }
            acc
        });
    Some(Session {
        id: SessionId(id),
        day: day.unwrap_or(start.date),
        title,
        subtitle: opt_local(o, "subtitle", p, report),
        start,
        end,
        room: opt_text(o, "room", p, report).map(RoomId),
        theme: opt_text(o, "theme", p, report).map(ThemeId),
        format: opt_text(o, "format", p, report).map(FormatId),
        speakers: ids("speakers", report),
        language: opt_text(o, "language", p, report),
        abstract_: opt_local(o, "abstract", p, report),
        description: opt_local(o, "description", p, report),
        links: objects(list(o, "links", p, report), &format!("{p}.links"), report)
            .into_iter()
            .filter_map(|(lp, l)| link(l, &lp, report))
            .collect(),
        accessibility: list(o, "accessibility", p, report)
            .iter()
            .filter_map(|v| v.as_str().and_then(crate::text::non_empty))
            .collect(),
        status: match opt_text(o, "status", p, report).as_deref() {
            Some("cancelled" | "canceled") => Status::Cancelled,
            Some("tentative") => Status::Tentative,
            _ => Status::Confirmed,
        },
        illustrative,
        url: url_field(o, "url", p, report),
    })
}
