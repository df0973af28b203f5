//! Writes a programme in the agenda's own format (docs/programme-format.md), whatever format it
//! was read from: the converter behind `agenda-check --convert`, and the answer of the page's
//! worker that reads frab and pretalx exports (see [`crate::convert`]).

use crate::json::write_string;
use crate::{FormatKind, Link, LinkKind, Programme, Status};

/// A JSON value under construction; objects keep the order fields are added in.
enum J {
    Str(String),
    Num(String),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn s(x: &str) -> J {
    J::Str(x.to_owned())
}

/// An object of the fields that have a value.
fn obj(fields: Vec<(&'static str, Option<J>)>) -> J {
    J::Obj(
        fields
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect(),
    )
}

fn opt(x: &Option<String>) -> Option<J> {
    x.as_deref().map(s)
}

fn non_empty(v: Vec<J>) -> Option<J> {
    (!v.is_empty()).then_some(J::Arr(v))
}

fn render(j: &J, indent: usize, out: &mut String) {
    let pad = |n: usize, out: &mut String| out.push_str(&"  ".repeat(n));
    match j {
        J::Str(x) => write_string(x, out),
        J::Num(n) => out.push_str(n),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Arr(items) => {
            out.push_str("[\n");
            for (k, item) in items.iter().enumerate() {
                pad(indent + 1, out);
                render(item, indent + 1, out);
                out.push_str(if k + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(indent, out);
            out.push(']');
        }
        J::Obj(fields) => {
            out.push_str("{\n");
            for (k, (name, v)) in fields.iter().enumerate() {
                pad(indent + 1, out);
                write_string(name, out);
                out.push_str(": ");
                render(v, indent + 1, out);
                out.push_str(if k + 1 < fields.len() { ",\n" } else { "\n" });
            }
            pad(indent, out);
            out.push('}');
        }
    }
}

fn link(l: &Link) -> J {
    let kind = match l.kind {
        LinkKind::Slides => "slides",
        LinkKind::Video => "video",
        LinkKind::Live => "live",
        LinkKind::Recording => "recording",
        LinkKind::Website => "website",
        LinkKind::Document => "document",
        LinkKind::Other => "other",
    };
    obj(vec![
        ("url", Some(s(l.url.as_str()))),
        ("label", opt(&l.label)),
        ("kind", Some(s(kind))),
    ])
}

pub fn programme(p: &Programme) -> String {
    let e = &p.event;
    let venue = e.venue.as_ref().map(|v| {
        obj(vec![
            ("name", opt(&v.name)),
            ("building", opt(&v.building)),
            ("institution", opt(&v.institution)),
            ("street", opt(&v.street)),
            ("postcode", opt(&v.postcode)),
            ("city", opt(&v.city)),
            ("country", opt(&v.country)),
            (
                "transport",
                non_empty(v.transport.iter().map(|t| s(t)).collect()),
            ),
            ("map_url", v.map_url.as_ref().map(|u| s(u.as_str()))),
            (
                "geo",
                v.geo.as_ref().map(|(lat, lon)| {
                    J::Obj(vec![
                        ("lat", J::Num(lat.clone())),
                        ("lon", J::Num(lon.clone())),
                    ])
                }),
            ),
        ])
    });
    let remote = |r: &Option<crate::Remote>| {
        r.as_ref().map(|r| {
            obj(vec![
                ("url", r.url.as_ref().map(|u| s(u.as_str()))),
                ("label", opt(&r.label)),
                ("note", opt(&r.note)),
            ])
        })
    };
    let event = obj(vec![
        (
            "title",
            Some(s(if e.title.is_empty() {
                "Programme"
            } else {
                &e.title
            })),
        ),
        ("subtitle", opt(&e.subtitle)),
        ("description", opt(&e.description)),
        (
            "organisers",
            non_empty(
                e.organisers
                    .iter()
                    .map(|o| {
                        obj(vec![
                            ("name", Some(s(&o.name))),
                            ("url", o.url.as_ref().map(|u| s(u.as_str()))),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("audience", opt(&e.audience)),
        // The format requires a zone; an export without one is taken as UTC, which keeps every
        // time as written.
        (
            "time_zone",
            Some(s(e.time_zone.as_deref().unwrap_or("UTC"))),
        ),
        ("start_date", e.start_date.map(|d| s(&d.to_string()))),
        ("end_date", e.end_date.map(|d| s(&d.to_string()))),
        ("language", opt(&e.language)),
        ("url", e.url.as_ref().map(|u| s(u.as_str()))),
        ("venue", venue),
        ("remote", remote(&e.remote)),
        ("registration", remote(&e.registration)),
        ("source", opt(&e.source)),
        ("editorial_note", opt(&e.editorial_note)),
    ]);
    let rooms = p
        .rooms
        .iter()
        .map(|r| {
            obj(vec![
                ("id", Some(s(r.id.as_str()))),
                ("name", Some(s(&r.name))),
                ("description", opt(&r.description)),
                ("capacity", r.capacity.map(|c| J::Num(c.to_string()))),
                ("accessibility", opt(&r.accessibility)),
            ])
        })
        .collect();
    let themes = p
        .themes
        .iter()
        .map(|t| {
            obj(vec![
                ("id", Some(s(t.id.as_str()))),
                ("name", Some(s(&t.name))),
                ("color", opt(&t.color)),
                ("description", opt(&t.description)),
            ])
        })
        .collect();
    let formats = p
        .formats
        .iter()
        .map(|f| {
            let kind = (f.kind == FormatKind::Break).then(|| s("break"));
            obj(vec![
                ("id", Some(s(f.id.as_str()))),
                ("name", Some(s(&f.name))),
                ("kind", kind),
            ])
        })
        .collect();
    let speakers = p
        .speakers
        .iter()
        .map(|sp| {
            obj(vec![
                ("id", Some(s(sp.id.as_str()))),
                ("name", Some(s(&sp.name))),
                ("organisation", opt(&sp.organisation)),
                ("role", opt(&sp.role)),
                ("bio", opt(&sp.bio)),
                ("links", non_empty(sp.links.iter().map(link).collect())),
            ])
        })
        .collect();
    let sessions = p
        .sessions
        .iter()
        .map(|x| {
            let il = &x.illustrative;
            let illustrative: Vec<J> = [
                (il.time, "time"),
                (il.date, "date"),
                (il.room, "room"),
                (il.speakers, "speakers"),
            ]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, k)| s(k))
            .collect();
            let status = match x.status {
                Status::Confirmed => None,
                Status::Tentative => Some(s("tentative")),
                Status::Cancelled => Some(s("cancelled")),
            };
            let links: Vec<J> = x.links.iter().map(link).collect();
            obj(vec![
                ("id", Some(s(x.id.as_str()))),
                ("title", Some(s(&x.title))),
                ("subtitle", opt(&x.subtitle)),
                ("start", Some(s(&x.start.to_string()))),
                ("end", Some(s(&x.end.to_string()))),
                ("room", x.room.as_ref().map(|r| s(r.as_str()))),
                ("theme", x.theme.as_ref().map(|t| s(t.as_str()))),
                ("format", x.format.as_ref().map(|f| s(f.as_str()))),
                (
                    "speakers",
                    non_empty(x.speakers.iter().map(|sp| s(sp.as_str())).collect()),
                ),
                ("language", opt(&x.language)),
                ("abstract", opt(&x.abstract_)),
                ("description", opt(&x.description)),
                ("url", x.url.as_ref().map(|u| s(u.as_str()))),
                ("links", non_empty(links)),
                (
                    "accessibility",
                    non_empty(x.accessibility.iter().map(|a| s(a)).collect()),
                ),
                ("status", status),
                ("illustrative", non_empty(illustrative)),
            ])
        })
        .collect();
    let root = J::Obj(vec![
        ("$schema", s("programme.schema.json")),
        ("agenda_format", J::Num("1".into())),
        ("event", event),
        ("rooms", J::Arr(rooms)),
        ("themes", J::Arr(themes)),
        ("formats", J::Arr(formats)),
        ("speakers", J::Arr(speakers)),
        ("sessions", J::Arr(sessions)),
    ]);
    let mut out = String::new();
    render(&root, 0, &mut out);
    out.push('\n');
    out
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
            let converted = programme(&a);
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
}
