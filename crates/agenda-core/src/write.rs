//! Writes a programme in the agenda's own format (docs/programme-format.md), whatever format it
//! was read from: the converter behind `agenda-check --convert`, and the answer of the page's
//! worker that reads schedule 2.0, frab and pretalx exports (see [`crate::convert`]).
//!
//! The structs below mirror the format field for field, in its order, borrowing from the
//! [`Programme`]; serde writes them. Absent values and empty lists are left out.

use crate::model::{
    FormatId, Link as ModelLink, LinkKind, RoomId, SessionId, SpeakerId, Text, ThemeId,
};
use crate::{FormatKind, Programme, Status, Url};
use serde::Serialize;
use serde_json::value::RawValue;

/// A programme file in the agenda's format.
#[derive(Serialize)]
pub struct File<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    agenda_format: u32,
    event: Event<'a>,
    rooms: Vec<Room<'a>>,
    themes: Vec<Theme<'a>>,
    formats: Vec<Format<'a>>,
    speakers: Vec<Speaker<'a>>,
    sessions: Vec<Session<'a>>,
}

#[derive(Serialize)]
struct Event<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organisers: Vec<Organiser<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<&'a str>,
    time_zone: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    venue: Option<Venue<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote: Option<Remote<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registration: Option<Remote<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    editorial_note: Option<&'a str>,
}

#[derive(Serialize)]
struct Organiser<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a Url>,
}

#[derive(Serialize)]
struct Venue<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    building: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    institution: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    street: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postcode: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    transport: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    map_url: Option<&'a Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geo: Option<Geo>,
}

/// Coordinates as the file had them: the numbers' own text, not a float's.
#[derive(Serialize)]
struct Geo {
    lat: Box<RawValue>,
    lon: Box<RawValue>,
}

#[derive(Serialize)]
struct Remote<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Room<'a> {
    id: &'a RoomId,
    name: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    capacity: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessibility: Option<&'a str>,
}

#[derive(Serialize)]
struct Theme<'a> {
    id: &'a ThemeId,
    name: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<Color<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a Text>,
}

/// A theme's colour: one `#rrggbb`, or one for each scheme when they differ.
#[derive(Serialize)]
#[serde(untagged)]
enum Color<'a> {
    One(&'a str),
    Schemes { light: &'a str, dark: &'a str },
}

impl<'a> Color<'a> {
    fn of(t: &'a crate::Theme) -> Option<Color<'a>> {
        match (t.color.as_deref(), t.color_dark.as_deref()) {
            (Some(light), Some(dark)) if light != dark => Some(Color::Schemes { light, dark }),
            (Some(one), _) | (None, Some(one)) => Some(Color::One(one)),
            (None, None) => None,
        }
    }
}

#[derive(Serialize)]
struct Format<'a> {
    id: &'a FormatId,
    name: &'a Text,
    /// `"break"` for a break; a session format says nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
}

#[derive(Serialize)]
struct Speaker<'a> {
    id: &'a SpeakerId,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bio: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    url: &'a Url,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    kind: LinkKind,
}

#[derive(Serialize)]
struct Session<'a> {
    id: &'a SessionId,
    title: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle: Option<&'a Text>,
    start: String,
    end: String,
    /// The programme day, when it is not the start's date (a session after midnight).
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    room: Option<&'a RoomId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    theme: Option<&'a ThemeId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'a FormatId>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    speakers: &'a [SpeakerId],
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a Url>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    accessibility: &'a [String],
    /// Confirmed, the default, is left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    /// Which facts are made up: `time`, `date`, `room`, `speakers`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    illustrative: Vec<&'static str>,
}

fn links(links: &[ModelLink]) -> Vec<Link<'_>> {
    links
        .iter()
        .map(|l| Link {
            url: &l.url,
            label: l.label.as_deref(),
            kind: l.kind,
        })
        .collect()
}

impl<'a> File<'a> {
    /// The programme as the agenda's format has it.
    pub fn of(p: &'a Programme) -> File<'a> {
        let e = &p.event;
        let remote = |r: &'a Option<crate::Remote>| {
            r.as_ref().map(|r| Remote {
                url: r.url.as_ref(),
                label: r.label.as_deref(),
                note: r.note.as_deref(),
            })
        };
        let event = Event {
            title: if e.title.is_empty() {
                "Programme"
            } else {
                &e.title
            },
            subtitle: e.subtitle.as_deref(),
            description: e.description.as_deref(),
            organisers: e
                .organisers
                .iter()
                .map(|o| Organiser {
                    name: &o.name,
                    url: o.url.as_ref(),
                })
                .collect(),
            audience: e.audience.as_deref(),
            // The format requires a zone; an export without one is taken as UTC, which keeps
            // every time as written.
            time_zone: e.time_zone.as_deref().unwrap_or("UTC"),
            start_date: e.start_date.map(|d| d.to_string()),
            end_date: e.end_date.map(|d| d.to_string()),
            language: e.language.as_deref(),
            url: e.url.as_ref(),
            venue: e.venue.as_ref().map(|v| Venue {
                name: v.name.as_deref(),
                building: v.building.as_deref(),
                institution: v.institution.as_deref(),
                street: v.street.as_deref(),
                postcode: v.postcode.as_deref(),
                city: v.city.as_deref(),
                country: v.country.as_deref(),
                transport: &v.transport,
                map_url: v.map_url.as_ref(),
                // The reader keeps only number tokens, which are valid JSON as they are.
                geo: v.geo.as_ref().and_then(|(lat, lon)| {
                    Some(Geo {
                        lat: RawValue::from_string(lat.clone()).ok()?,
                        lon: RawValue::from_string(lon.clone()).ok()?,
                    })
                }),
            }),
            remote: remote(&e.remote),
            registration: remote(&e.registration),
            source: e.source.as_deref(),
            editorial_note: e.editorial_note.as_deref(),
        };
        File {
            schema: "programme.schema.json",
            agenda_format: 1,
            event,
            rooms: p
                .rooms
                .iter()
                .map(|r| Room {
                    id: &r.id,
                    name: &r.name,
                    description: r.description.as_ref(),
                    capacity: r.capacity,
                    accessibility: r.accessibility.as_deref(),
                })
                .collect(),
            themes: p
                .themes
                .iter()
                .map(|t| Theme {
                    id: &t.id,
                    name: &t.name,
                    color: Color::of(t),
                    description: t.description.as_ref(),
                })
                .collect(),
            formats: p
                .formats
                .iter()
                .map(|f| Format {
                    id: &f.id,
                    name: &f.name,
                    kind: (f.kind == FormatKind::Break).then_some("break"),
                })
                .collect(),
            speakers: p
                .speakers
                .iter()
                .map(|sp| Speaker {
                    id: &sp.id,
                    name: &sp.name,
                    organisation: sp.organisation.as_deref(),
                    role: sp.role.as_deref(),
                    bio: sp.bio.as_deref(),
                    links: links(&sp.links),
                })
                .collect(),
            sessions: p.sessions.iter().map(Session::of).collect(),
        }
    }
}

impl<'a> Session<'a> {
    fn of(x: &'a crate::Session) -> Session<'a> {
        let il = &x.illustrative;
        Session {
            id: &x.id,
            title: &x.title,
            subtitle: x.subtitle.as_ref(),
            start: x.start.to_string(),
            end: x.end.to_string(),
            day: (x.day != x.start.date).then(|| x.day.to_string()),
            room: x.room.as_ref(),
            theme: x.theme.as_ref(),
            format: x.format.as_ref(),
            speakers: &x.speakers,
            language: x.language.as_deref(),
            abstract_: x.abstract_.as_ref(),
            description: x.description.as_ref(),
            url: x.url.as_ref(),
            links: links(&x.links),
            accessibility: &x.accessibility,
            status: (x.status != Status::Confirmed).then_some(x.status),
            illustrative: [
                (il.time, "time"),
                (il.date, "date"),
                (il.room, "room"),
                (il.speakers, "speakers"),
            ]
            .into_iter()
            .filter_map(|(on, k)| on.then_some(k))
            .collect(),
        }
    }
}

/// The programme as a file in the agenda's format, indented by two spaces, ending with a newline.
pub fn programme(p: &Programme) -> serde_json::Result<String> {
    let mut out = serde_json::to_string_pretty(&File::of(p))?;
    out.push('\n');
    Ok(out)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    /// Converting a frab and a pretalx export, then reading the result back, gives the same
    /// sessions, rooms, themes and speakers.
    #[test]
    fn conversion_round_trips() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        for f in [
            "frab-from-pretalx-democon.json",
            "frab-camp2019.json",
            "pretalx-widget-sample.json",
            "frab-invalid-example.json",
        ] {
            let text = std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
            let a = read_programme(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
            let converted = programme(&a).unwrap_or_else(|e| panic!("{f}: {e}"));
            let b = read_programme(&converted).unwrap_or_else(|e| panic!("{f} converted: {e}"));
            assert!(b.warnings.is_empty(), "{f}: {:?}", b.warnings);
            assert_eq!(b.source_format, Some(crate::SourceFormat::Agenda));
            assert_eq!(a.sessions.len(), b.sessions.len(), "{f}");
            for (x, y) in a.sessions.iter().zip(&b.sessions) {
                assert_eq!(
                    (
                        &x.id,
                        &x.title,
                        x.start,
                        x.end,
                        &x.room,
                        &x.theme,
                        &x.speakers
                    ),
                    (
                        &y.id,
                        &y.title,
                        y.start,
                        y.end,
                        &y.room,
                        &y.theme,
                        &y.speakers
                    ),
                    "{f}"
                );
            }
            assert_eq!(a.rooms, b.rooms, "{f}");
            assert_eq!(a.speakers, b.speakers, "{f}");
            assert_eq!(a.themes, b.themes, "{f}");
        }
    }

    /// A programme in the agenda's own format, written and read back, is the same programme,
    /// field for field (venue, remote access, links, statuses, illustrative facts included), and
    /// writing it again gives the same text.
    #[test]
    fn own_format_round_trips_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for f in [
            "public/programme.json",
            "public/programmes/fing-2015.json",
            "public/programmes/nec-strasbourg-2025.json",
            "public/programmes/nec-nantes-2018.json",
            "public/programmes/fabrique-territoire-2021.json",
            "tests/fixtures/mine.json",
        ] {
            let text = std::fs::read_to_string(root.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
            let a = read_programme(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
            let written = programme(&a).unwrap_or_else(|e| panic!("{f}: {e}"));
            let b = read_programme(&written).unwrap_or_else(|e| panic!("{f} written: {e}"));
            assert_eq!(a, b, "{f}");
            assert_eq!(
                programme(&b).unwrap_or_else(|e| panic!("{f}: {e}")),
                written,
                "{f}"
            );
        }
    }

    /// Coordinates keep the numbers as written; the text is indented as before serde wrote it.
    #[test]
    fn coordinates_as_written() {
        let text = r#"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris",
          "venue": {"name": "Copernic", "geo": {"lat": 48.8400, "lon": 2.5870}}},
          "sessions": [{"id": "1", "title": "Un", "start": "2026-02-10T09:00:00+01:00",
          "end": "2026-02-10T10:00:00+01:00", "status": "cancelled"}]}"#;
        let p = read_programme(text).unwrap_or_else(|e| panic!("{e}"));
        let written = programme(&p).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            written.contains("\"geo\": {\n        \"lat\": 48.8400,\n        \"lon\": 2.5870\n"),
            "{written}"
        );
        assert!(written.contains("\"status\": \"cancelled\""), "{written}");
        assert!(written.starts_with(
            "{\n  \"$schema\": \"programme.schema.json\",\n  \"agenda_format\": 1,\n"
        ));
        let back = read_programme(&written).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.event.venue, p.event.venue);
    }
}
