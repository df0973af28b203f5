//! c3voc schedule 2.0 (voc/schedule `validator/json/schema2.json`; the "hub" export of the CCC
//! congresses since 38C3): the `conference` declares its `rooms`, `tracks` and `days`, and one flat
//! `schedule.events` list holds the events, each with ISO `start` and `end`, its `room` and `track`
//! as references (`{guid, name, slug}`, `{slug}`), and `participants` found in `schedule.persons`.
//! Texts may be strings or maps of languages (`{"de": …, "en": …}`); every language is kept.
//! Real exports drift from the schema: a reference may be a plain name, a duration may stand for
//! `end` (`"00:40"` or ISO 8601 `"P0DT00H10M00S"`), a track has `colors` (light and dark), `color`
//! or both. All of that is read.

use super::{
    date_time, duration, event_links, field, list, localized, looks_like_break, objects,
    opt_html_text, opt_local, opt_text, req_date, req_html_text, req_local, theme_colors, Builder,
    Report,
};
use crate::diag::{Expected, Problem, ProgrammeError};
use crate::json::{Map, Value};
use crate::model::*;
use crate::text::{html_to_text, non_empty};
use crate::time::{Date, DateTime};

pub(super) fn read(root: &Map) -> Result<Programme, ProgrammeError> {
    let mut report = Report::default();
    let Some(Value::Object(schedule)) = root.get("schedule") else {
        return Err(ProgrammeError::UnknownFormat);
    };
    let none = Map::default();
    let conf = match field(schedule, "conference") {
        Some(Value::Object(c)) => c,
        other => {
            let problem = match other {
                Some(_) => Problem::WrongType {
                    expected: Expected::Object,
                },
                None => Problem::Missing,
            };
            report.push("schedule.conference", problem, None);
            &none
        }
    };
    let cp = "schedule.conference";
    report.link_origin = opt_text(schedule, "base_url", "schedule", &mut report)
        .or_else(|| opt_text(conf, "url", cp, &mut report))
        .and_then(|u| super::origin_of(&u));
    let event = read_event(conf, &mut report);
    let mut programme = Programme {
        event,
        source_format: Some(SourceFormat::Schedule2),
        ..Default::default()
    };
    let mut refs = References::default();
    read_rooms(conf, &mut programme, &mut refs, &mut report);
    read_tracks(conf, &mut programme, &mut refs, &mut report);
    for (p, person) in objects(
        list(schedule, "persons", "schedule", &mut report),
        "schedule.persons",
        &mut report,
    ) {
        if let Some(sp) = read_person(person, &p, &mut report) {
            if refs.persons.get(&sp.id.0).is_none() {
                refs.persons
                    .insert(sp.id.0.clone(), programme.speakers.len());
                programme.speakers.push(sp);
            }
        }
    }
    let days = read_days(conf, &mut report);

    let events = list(schedule, "events", "schedule", &mut report);
    let mut b = Builder::new(programme, report);
    for (p, ev) in objects(events, "schedule.events", &mut b.report) {
        b.offer();
        let s = read_event_item(ev, &p, &days, &mut refs, &mut b.programme, &mut b.report);
        if let Some(s) = s {
            b.add(s, &p);
        }
    }
    b.finish()
}

/// Where the rooms, tracks and persons declared up front are, by the keys events refer to them.
#[derive(Default)]
struct References {
    /// Rooms by `guid`, by `slug` and by each of their names.
    rooms: Keys,
    /// Tracks by `slug` and by each of their names.
    tracks: Keys,
    /// Persons by id (`guid`, else `code`, else name).
    persons: Keys,
}

/// Positions in a list by key: a sorted list searched by halves. (Measured with the Unicode case
/// tables below: a `HashMap` and `to_lowercase` made the worker's wasm 36 KB larger, 17 KB over
/// the wire, for lists of a few hundred.)
#[derive(Default)]
struct Keys(Vec<(String, usize)>);

impl Keys {
    fn get(&self, key: &str) -> Option<usize> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(self.0[at].1)
    }

    /// Files `key` under `at`, unless it already names something.
    fn insert(&mut self, key: String, at: usize) {
        if let Err(i) = self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            self.0.insert(i, (key, at));
        }
    }
}

fn read_event(conf: &Map, report: &mut Report) -> Event {
    let cp = "schedule.conference";
    let defaults = field(conf, "defaults");
    let language = defaults
        .and_then(|d| d.get("language"))
        .and_then(Value::as_str)
        .and_then(non_empty)
        .or_else(|| match field(conf, "languages") {
            Some(Value::Array(l)) if l.len() == 1 => l[0].as_str().and_then(non_empty),
            _ => None,
        });
    // The conference's start and end are date-times; the programme's first and last days are
    // their dates.
    let date = |key: &str, report: &mut Report| {
        opt_text(conf, key, cp, report).and_then(|d| Date::parse(d.get(..10).unwrap_or(&d)).ok())
    };
    let text = |key: &str| {
        field(conf, key)
            .and_then(|v| localized(v, language.as_deref()))
            .map(|t| html_to_text(&t))
            .and_then(|t| non_empty(&t))
    };
    Event {
        title: text("title")
            .or_else(|| text("acronym"))
            .unwrap_or_default(),
        description: text("description"),
        time_zone: opt_text(conf, "time_zone_name", cp, report),
        start_date: date("start", report),
        end_date: date("end", report),
        url: opt_text(conf, "url", cp, report).and_then(|u| Url::parse(&u)),
        language,
        ..Default::default()
    }
}

fn read_rooms(conf: &Map, programme: &mut Programme, refs: &mut References, report: &mut Report) {
    let path = "schedule.conference.rooms";
    for (p, r) in objects(
        list(conf, "rooms", "schedule.conference", report),
        path,
        report,
    ) {
        let Some(name) = req_local(r, "name", &p, None, report) else {
            continue;
        };
        let (guid, slug) = (
            opt_text(r, "guid", &p, report),
            opt_text(r, "slug", &p, report),
        );
        let id = slug
            .clone()
            .or_else(|| guid.clone())
            .unwrap_or_else(|| name.as_str().to_owned());
        if programme.rooms.iter().any(|x| x.id.0 == id) {
            report.push(
                format!("{p}.guid"),
                Problem::DuplicateId { id },
                Some(name.as_str()),
            );
            continue;
        }
        let at = programme.rooms.len();
        for key in [guid, slug]
            .into_iter()
            .flatten()
            .chain(name.all().map(str::to_owned))
        {
            refs.rooms.insert(key, at);
        }
        programme.rooms.push(Room {
            id: RoomId(id),
            name,
            description: opt_html_text(r, "description", &p, report),
            capacity: field(r, "capacity")
                .and_then(Value::as_u64)
                .and_then(|c| u32::try_from(c).ok()),
            accessibility: None,
        });
    }
}

fn read_tracks(conf: &Map, programme: &mut Programme, refs: &mut References, report: &mut Report) {
    let path = "schedule.conference.tracks";
    for (p, t) in objects(
        list(conf, "tracks", "schedule.conference", report),
        path,
        report,
    ) {
        let Some(name) = req_local(t, "name", &p, None, report) else {
            continue;
        };
        let slug = opt_text(t, "slug", &p, report);
        let id = slug.clone().unwrap_or_else(|| name.as_str().to_owned());
        if programme.themes.iter().any(|x| x.id.0 == id) {
            report.push(
                format!("{p}.slug"),
                Problem::DuplicateId { id },
                Some(name.as_str()),
            );
            continue;
        }
        let at = programme.themes.len();
        for key in slug.into_iter().chain(name.all().map(str::to_owned)) {
            refs.tracks.insert(key, at);
        }
        let (color, color_dark) = theme_colors(t, &p, report);
        programme.themes.push(Theme {
            id: ThemeId(id),
            name,
            color,
            color_dark,
            description: opt_html_text(t, "description", &p, report),
        });
    }
}

/// A person of `schedule.persons`, or a participant not found there, with their page on the
/// hub as a link.
fn read_person(person: &Map, p: &str, report: &mut Report) -> Option<Speaker> {
    let mut sp = super::person(person, p, &["guid", "code", "id"], report)?;
    if let Some(url) = opt_text(person, "url", p, report).and_then(|u| Url::parse(&u)) {
        sp.links.push(Link {
            url,
            label: None,
            kind: LinkKind::Website,
        });
    }
    Some(sp)
}

/// A conference day: its date, and the instants it runs from and to (a congress day runs past
/// midnight, to 06:00).
struct Day {
    date: Date,
    span: Option<(i64, i64)>,
}

fn read_days(conf: &Map, report: &mut Report) -> Vec<Day> {
    let path = "schedule.conference.days";
    let mut days = Vec::new();
    for (p, d) in objects(
        list(conf, "days", "schedule.conference", report),
        path,
        report,
    ) {
        let Some(date) = req_date(d, "date", &p, report) else {
            continue;
        };
        let instant = |key: &str, report: &mut Report| {
            opt_text(d, key, &p, report)
                .and_then(|t| DateTime::parse(&t).ok())
                .map(|t| t.instant())
        };
        let span = instant("start", report).zip(instant("end", report));
        // schedule 1.0's way of listing a day's events, by room: not read here.
        let count = super::events_by_room(d);
        if count > 0 {
            report.push(
                format!("{p}.rooms"),
                Problem::SessionsElsewhere {
                    count,
                    expected: "schedule.events".into(),
                },
                None,
            );
        }
        days.push(Day { date, span });
    }
    days
}

/// One event of `schedule.events`. Rooms, tracks and persons it names that were not declared are
/// added to the programme as it goes.
fn read_event_item(
    ev: &Map,
    p: &str,
    days: &[Day],
    refs: &mut References,
    programme: &mut Programme,
    report: &mut Report,
) -> Option<Session> {
    let title = req_html_text(ev, "title", p, report);
    let item = title.as_ref().map(Text::as_str);
    let id = ["guid", "code", "id", "slug"]
        .iter()
        .find_map(|k| opt_text(ev, k, p, report));
    if id.is_none() {
        report.push(format!("{p}.guid"), Problem::Missing, item);
    }
    let start = date_time(ev, "start", p, item, report);
    let end = match (field(ev, "end"), start) {
        (Some(_), _) => date_time(ev, "end", p, item, report),
        // An older export's `duration` stands for the `end`.
        (None, Some(start)) => duration(ev, p, "end", item, report).map(|s| start.plus_seconds(s)),
        (None, None) => None,
    };
    let (id, title, start, end) = (id?, title?, start?, end?);

    let room =
        field(ev, "room").and_then(|r| room_of(r, &format!("{p}.room"), refs, programme, report));
    let theme = field(ev, "track")
        .and_then(|t| track_of(t, &format!("{p}.track"), refs, programme, report));
    let format = opt_text(ev, "type", p, report).map(|kind| format_of(&kind, programme));
    let mut speakers = Vec::new();
    let key = if field(ev, "participants").is_some() {
        "participants"
    } else {
        "persons"
    };
    for (pp, person) in objects(list(ev, key, p, report), &format!("{p}.{key}"), report) {
        if let Some(id) = participant(person, &pp, refs, programme, report) {
            speakers.push(id);
        }
    }
    let all_links = event_links(ev, p, report);
    let day = days
        .iter()
        .find(|d| {
            d.span
                .is_some_and(|(from, to)| (from..to).contains(&start.instant()))
        })
        .map_or(start.date, |d| d.date);
    let status = match opt_text(ev, "state", p, report)
        .map(|s| s.to_ascii_uppercase())
        .as_deref()
    {
        Some("CANCELED" | "CANCELLED" | "WITHDRAWN" | "REJECTED" | "DELETED") => Status::Cancelled,
        Some("DRAFT" | "SUBMITTED" | "ACCEPTED" | "DELAYED") => Status::Tentative,
        _ => Status::Confirmed,
    };
    Some(Session {
        id: SessionId(id),
        title,
        subtitle: opt_html_text(ev, "subtitle", p, report),
        start,
        end,
        day,
        room,
        theme,
        format,
        speakers,
        language: opt_text(ev, "language", p, report),
        abstract_: opt_html_text(ev, "abstract", p, report),
        description: opt_html_text(ev, "description", p, report),
        links: all_links,
        accessibility: Vec::new(),
        status,
        illustrative: Illustrative::default(),
        url: opt_text(ev, "url", p, report).and_then(|u| Url::parse(&u)),
    })
}

/// The room an event refers to: `{guid, name, slug}` (by guid, else name, else slug) or a plain
/// name. A room the conference did not declare is added when the reference names it; a bare guid
/// that matches nothing is kept, and reported unknown when the programme is assembled.
fn room_of(
    r: &Value,
    path: &str,
    refs: &mut References,
    programme: &mut Programme,
    report: &mut Report,
) -> Option<RoomId> {
    let (guid, slug, name) = match r {
        Value::Object(o) => (
            opt_text(o, "guid", path, report),
            opt_text(o, "slug", path, report),
            opt_local(o, "name", path, report),
        ),
        other => (None, None, super::local_value(other, path, report)),
    };
    let names = name.iter().flat_map(|n| n.all());
    let keys: Vec<&str> = guid
        .as_deref()
        .into_iter()
        .chain(names)
        .chain(slug.as_deref())
        .collect();
    if let Some(at) = keys.iter().find_map(|k| refs.rooms.get(k)) {
        return Some(programme.rooms[at].id.clone());
    }
    let Some(name) = name.clone() else {
        return guid.or(slug).map(RoomId);
    };
    let at = programme.rooms.len();
    for k in &keys {
        refs.rooms.insert((*k).to_owned(), at);
    }
    let id = RoomId(slug.or(guid).unwrap_or_else(|| name.as_str().to_owned()));
    programme.rooms.push(Room {
        id: id.clone(),
        name,
        description: None,
        capacity: None,
        accessibility: None,
    });
    Some(id)
}

/// The track an event refers to: `{slug}` or a plain name or slug; an undeclared one with a name
/// is added, a bare slug that matches nothing kept (and reported unknown).
fn track_of(
    t: &Value,
    path: &str,
    refs: &mut References,
    programme: &mut Programme,
    report: &mut Report,
) -> Option<ThemeId> {
    let (key, name) = match t {
        Value::Object(o) => (
            opt_text(o, "slug", path, report),
            opt_local(o, "name", path, report),
        ),
        other => {
            let name = super::local_value(other, path, report);
            (name.as_ref().map(|n| n.as_str().to_owned()), name)
        }
    };
    let found = key
        .iter()
        .map(String::as_str)
        .chain(name.iter().flat_map(|n| n.all()))
        .find_map(|k| refs.tracks.get(k));
    if let Some(at) = found {
        return Some(programme.themes[at].id.clone());
    }
    let Some(name) = name else {
        return key.map(ThemeId);
    };
    let id = ThemeId(key.unwrap_or_else(|| name.as_str().to_owned()));
    refs.tracks.insert(id.0.clone(), programme.themes.len());
    programme.themes.push(Theme {
        id: id.clone(),
        name,
        color: None,
        color_dark: None,
        description: None,
    });
    Some(id)
}

/// The format of an event's `type`: the schema's words (`TALK`, `LIGHTNING_TALK`, `BREAK`)
/// written as words ("Talk", "Lightning talk", "Break"); another type as written. (ASCII case
/// only: the schema's words are ASCII, and Unicode's case tables weigh in the wasm, see
/// `crate::text::fold`.)
fn format_of(kind: &str, programme: &mut Programme) -> FormatId {
    let id = FormatId(kind.to_owned());
    if programme.formats.iter().all(|f| f.id != id) {
        let name = if kind.bytes().any(|c| c.is_ascii_lowercase()) {
            kind.to_owned()
        } else {
            let mut words = kind.replace('_', " ").to_ascii_lowercase();
            if let Some(first) = words.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            words
        };
        let kind = if looks_like_break(&name) || name == "Meta" {
            FormatKind::Break
        } else {
            FormatKind::Session
        };
        programme.formats.push(Format {
            id: id.clone(),
            name: Text::Plain(name),
            kind,
        });
    }
    id
}

/// A participant: the person of `schedule.persons` with its `guid`, else a speaker made of what
/// the participant says (added once).
fn participant(
    person: &Map,
    p: &str,
    refs: &mut References,
    programme: &mut Programme,
    report: &mut Report,
) -> Option<SpeakerId> {
    let key = ["guid", "code", "id"]
        .iter()
        .find_map(|k| opt_text(person, k, p, report));
    if let Some(at) = key.as_ref().and_then(|k| refs.persons.get(k)) {
        return Some(programme.speakers[at].id.clone());
    }
    let sp = read_person(person, p, report)?;
    let id = sp.id.clone();
    if let Some(at) = refs.persons.get(&id.0) {
        return Some(programme.speakers[at].id.clone());
    }
    refs.persons.insert(id.0.clone(), programme.speakers.len());
    programme.speakers.push(sp);
    Some(id)
}
