//! Reading a programme file: detect its format, then turn it into a [`Programme`].
//!
//! Readers walk a parsed JSON tree rather than deserialising into rigid structs, because real
//! exports drift from their schemas (numbers where strings were expected, extra fields, `null`s):
//! each field is read leniently, and what cannot be used is reported with its path.

mod agenda;
mod frab;
mod pretalx;
mod schedule2;

use crate::diag::{Diagnostic, Expected, Problem, ProgrammeError};
use crate::json::{Map, Value};
use crate::model::SourceFormat;
use crate::model::{Link, LinkKind, Programme, SpeakerId, Text, Url};
use crate::text;
use crate::time::Date;

/// Reads a programme from the text of a file in any of the formats.
pub fn read_programme(input: &str) -> Result<Programme, ProgrammeError> {
    let value = parse_json(input)?;
    read_value(&value)
}

/// Reads a programme in the agenda's own format; `Ok(None)` for a frab, pretalx or schedule 2.0
/// export, which the page hands to its worker (see [`crate::convert`]) so that those readers stay
/// out of the page's own wasm.
pub fn read_own(input: &str) -> Result<Option<Programme>, ProgrammeError> {
    read_own_parsed(&parse_json(input)?)
}

/// [`read_own`], the file already parsed ([`parse_json`]): the page parses a large programme in
/// one task and reads it in the next, each short on a phone.
pub fn read_own_parsed(value: &Value) -> Result<Option<Programme>, ProgrammeError> {
    let root = as_object(value)?;
    match detect(root)? {
        SourceFormat::Agenda => {
            some_read(value, SourceFormat::Agenda, agenda::read(root)).map(Some)
        }
        _ => Ok(None),
    }
}

/// Reads a programme from already parsed JSON.
pub fn read_value(value: &Value) -> Result<Programme, ProgrammeError> {
    let root = as_object(value)?;
    let format = detect(root)?;
    let read = match format {
        SourceFormat::Agenda => agenda::read(root),
        SourceFormat::Frab => frab::read(root),
        SourceFormat::PretalxWidget => pretalx::read(root),
        SourceFormat::Schedule2 => schedule2::read(root),
    };
    some_read(value, format, read)
}

/// Which of the formats a file is in.
fn detect(root: &Map) -> Result<SourceFormat, ProgrammeError> {
    let schedule = root.get("schedule");
    if root.contains_key("agenda_format")
        || (root.contains_key("event") && root.contains_key("sessions"))
    {
        Ok(SourceFormat::Agenda)
    } else if schedule.and_then(|s| s.get("events")).is_some() {
        // schedule 2.0 lists its events beside the conference, not by day and room.
        Ok(SourceFormat::Schedule2)
    } else if schedule.and_then(|s| s.get("conference")).is_some() {
        Ok(SourceFormat::Frab)
    } else if root.get("talks").is_some_and(Value::is_array) {
        Ok(SourceFormat::PretalxWidget)
    } else {
        Err(ProgrammeError::UnknownFormat)
    }
}

/// Where each format has its sessions, for the message that says they were not found there.
fn sessions_place(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::Agenda => "sessions",
        SourceFormat::Frab => "schedule.conference.days[].rooms",
        SourceFormat::PretalxWidget => "talks",
        SourceFormat::Schedule2 => "schedule.events",
    }
}

/// A programme read without a single session, from a file that holds objects that look like
/// sessions, is not an empty programme: the sessions are where the reader did not look (another
/// export's shape, another version). That is an error that says where they are.
fn some_read(
    file: &Value,
    format: SourceFormat,
    read: Result<Programme, ProgrammeError>,
) -> Result<Programme, ProgrammeError> {
    let p = read?;
    if !p.sessions.is_empty() {
        return Ok(p);
    }
    let Some((place, count)) = look_alikes(file) else {
        return Ok(p);
    };
    let expected = sessions_place(format).to_owned();
    let mut problems = vec![Diagnostic::new(
        place.clone(),
        Problem::SessionsElsewhere {
            count,
            expected: expected.clone(),
        },
    )];
    problems.extend(p.warnings);
    Err(ProgrammeError::SessionsNotRead {
        place,
        count,
        expected,
        problems,
    })
}

/// Where the file holds objects that look like sessions (a `title` and a date or time), other
/// than the event's own description (`event`, `schedule.conference`): the path of the first list
/// or object that holds some, and how many there are in all.
fn look_alikes(file: &Value) -> Option<(String, usize)> {
    fn walk(v: &Value, path: &str, found: &mut (Option<String>, usize)) {
        match v {
            Value::Object(o) => {
                for (key, child) in o {
                    let at = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    if let Value::Object(c) = child {
                        if looks_like_session(c) && !is_header(&at) {
                            found.0.get_or_insert_with(|| path.to_owned());
                            found.1 += 1;
                        }
                    }
                    walk(child, &at, found);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    if let Value::Object(c) = child {
                        if looks_like_session(c) {
                            found.0.get_or_insert_with(|| path.to_owned());
                            found.1 += 1;
                        }
                    }
                    walk(child, &format!("{path}[{i}]"), found);
                }
            }
            _ => {}
        }
    }
    fn is_header(path: &str) -> bool {
        matches!(path, "event" | "conference" | "schedule.conference")
    }
    fn looks_like_session(o: &Map) -> bool {
        let titled = matches!(o.get("title"), Some(Value::String(_) | Value::Object(_)));
        let dated = || {
            [
                "start",
                "date",
                "start_date",
                "start_time",
                "starts_at",
                "begin",
                "datetime",
            ]
            .iter()
            .filter_map(|k| o.get(k).and_then(Value::as_str))
            .any(|t| t.starts_with(|c: char| c.is_ascii_digit()) && t.contains([':', '-']))
        };
        titled && dated()
    }
    let mut found = (None, 0);
    walk(file, "", &mut found);
    Some((found.0?, found.1))
}

fn as_object(value: &Value) -> Result<&Map, ProgrammeError> {
    match value {
        Value::Object(o) => Ok(o),
        other => Err(ProgrammeError::NotAnObject {
            found: other.kind(),
        }),
    }
}

/// Reads a programme in the agenda's own format, whatever its keys say (the converted programme
/// of a worker's answer).
pub(crate) fn read_own_text(input: &str) -> Result<Programme, ProgrammeError> {
    agenda::read(as_object(&parse_json(input)?)?)
}

/// Parses JSON, turning the parser's error into one a visitor can act on.
pub fn parse_json(input: &str) -> Result<Value, ProgrammeError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ProgrammeError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(ProgrammeError::Html);
    }
    crate::json::parse(trimmed).map_err(|e| ProgrammeError::Syntax {
        line: e.line,
        column: e.column,
        truncated: e.eof,
    })
}

/// Collects the problems found while reading, each with its path.
#[derive(Default)]
pub(crate) struct Report {
    pub problems: Vec<Diagnostic>,
    /// Where the file came from (`scheme://host`), when it says so: frab exports write their
    /// attachments as `/system/…`, relative to the frab server.
    pub link_origin: Option<String>,
}

impl Report {
    pub fn push(&mut self, path: impl Into<String>, problem: Problem, item: Option<&str>) {
        // Fields of the top-level object are written `key`, not `.key`.
        let mut path = path.into();
        if path.starts_with('.') {
            path.remove(0);
        }
        self.problems
            .push(Diagnostic::new(path, problem).about(item));
    }
}

/// A field that is absent or `null` reads as absent.
pub(crate) fn field<'a>(obj: &'a Map, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

/// A text field: strings are trimmed, numbers written out (ids are often numbers); empty is absent.
pub(crate) fn opt_text(obj: &Map, key: &str, path: &str, report: &mut Report) -> Option<String> {
    match field(obj, key)? {
        Value::String(s) => text::non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        _ => {
            report.push(
                format!("{path}.{key}"),
                Problem::WrongType {
                    expected: Expected::Text,
                },
                None,
            );
            None
        }
    }
}

/// A required text field; its absence is reported.
pub(crate) fn req_text(
    obj: &Map,
    key: &str,
    path: &str,
    item: Option<&str>,
    report: &mut Report,
) -> Option<String> {
    let v = opt_text(obj, key, path, report);
    // A value of the wrong type was already reported by `opt_text`: only absence or emptiness is
    // reported here.
    let wrong_type = field(obj, key).is_some_and(|x| !x.is_string() && !x.is_number());
    if v.is_none() && !wrong_type {
        report.push(format!("{path}.{key}"), Problem::Missing, item);
    }
    v
}

/// A required ISO 8601 date-time with offset; its absence or a bad value is reported.
pub(crate) fn date_time(
    obj: &Map,
    key: &str,
    path: &str,
    item: Option<&str>,
    report: &mut Report,
) -> Option<crate::time::DateTime> {
    let raw = req_text(obj, key, path, item, report);
    parsed(
        raw,
        crate::time::DateTime::parse,
        &format!("{path}.{key}"),
        item,
        report,
    )
}

/// A required `YYYY-MM-DD`; its absence or a bad value is reported.
pub(crate) fn req_date(obj: &Map, key: &str, path: &str, report: &mut Report) -> Option<Date> {
    let raw = req_text(obj, key, path, None, report);
    parsed(raw, Date::parse, &format!("{path}.{key}"), None, report)
}

/// An optional `YYYY-MM-DD`; a bad value is reported.
pub(crate) fn opt_date(
    obj: &Map,
    key: &str,
    path: &str,
    item: Option<&str>,
    report: &mut Report,
) -> Option<Date> {
    let raw = opt_text(obj, key, path, report);
    parsed(raw, Date::parse, &format!("{path}.{key}"), item, report)
}

/// A date or a date-time as `parse` reads the text found at `at`; one it cannot read is reported.
fn parsed<T>(
    raw: Option<String>,
    parse: fn(&str) -> Result<T, crate::time::TimeError>,
    at: &str,
    item: Option<&str>,
    report: &mut Report,
) -> Option<T> {
    let raw = raw?;
    parse(&raw)
        .map_err(|reason| report.push(at, Problem::BadDateTime { value: raw, reason }, item))
        .ok()
}

/// An event's `duration` (`00:40`, `D:HH:MM`, ISO 8601 `PT40M`) in seconds. One that cannot be
/// read is reported; an absent one is reported missing as `needed`, the field the reader lacks
/// (`duration` itself, or the `end` it stands for).
pub(crate) fn duration(
    obj: &Map,
    path: &str,
    needed: &str,
    item: Option<&str>,
    report: &mut Report,
) -> Option<i64> {
    let Some(raw) = opt_text(obj, "duration", path, report) else {
        report.push(format!("{path}.{needed}"), Problem::Missing, item);
        return None;
    };
    crate::time::parse_duration(&raw)
        .map_err(|_| {
            report.push(
                format!("{path}.duration"),
                Problem::BadDuration { value: raw },
                item,
            )
        })
        .ok()
}

/// A list field; anything else is reported and read as empty.
pub(crate) fn list<'a>(obj: &'a Map, key: &str, path: &str, report: &mut Report) -> &'a [Value] {
    match field(obj, key) {
        None => &[],
        Some(Value::Array(a)) => a,
        Some(_) => {
            report.push(
                format!("{path}.{key}"),
                Problem::WrongType {
                    expected: Expected::List,
                },
                None,
            );
            &[]
        }
    }
}

/// Each item of a list that is an object, with its path; other items are reported.
pub(crate) fn objects<'a>(
    items: &'a [Value],
    path: &str,
    report: &mut Report,
) -> Vec<(String, &'a Map)> {
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match v {
            Value::Object(o) => out.push((p, o)),
            _ => report.push(
                p,
                Problem::WrongType {
                    expected: Expected::Object,
                },
                None,
            ),
        }
    }
    out
}

/// A text that may be given in several languages: a string (a number written out), or an object
/// of language tags to strings (`{"de": "Saal 1", "en": "Hall 1"}`). Empty versions are left
/// out; a version that is not a string, or a value that is neither, is reported.
pub(crate) fn local_value(v: &Value, path: &str, report: &mut Report) -> Option<Text> {
    match v {
        Value::String(s) => text::non_empty(s).map(Text::Plain),
        Value::Number(n) => Some(Text::Plain(n.to_string())),
        Value::Null => None,
        Value::Object(o) => {
            let mut given = Vec::with_capacity(o.len());
            for (tag, t) in o {
                match t {
                    Value::String(s) => given.extend(text::non_empty(s).map(|s| (tag.clone(), s))),
                    Value::Null => {}
                    _ => report.push(
                        format!("{path}.{tag}"),
                        Problem::WrongType {
                            expected: Expected::Text,
                        },
                        None,
                    ),
                }
            }
            (!given.is_empty()).then_some(Text::Languages(given))
        }
        _ => {
            report.push(
                path,
                Problem::WrongType {
                    expected: Expected::Text,
                },
                None,
            );
            None
        }
    }
}

/// A text field that may be given in several languages (see [`local_value`]).
pub(crate) fn opt_local(obj: &Map, key: &str, path: &str, report: &mut Report) -> Option<Text> {
    local_value(field(obj, key)?, &format!("{path}.{key}"), report)
}

/// A required text field that may be given in several languages; its absence is reported.
pub(crate) fn req_local(
    obj: &Map,
    key: &str,
    path: &str,
    item: Option<&str>,
    report: &mut Report,
) -> Option<Text> {
    let v = opt_local(obj, key, path, report);
    let wrong_type = field(obj, key)
        .is_some_and(|x| !matches!(x, Value::String(_) | Value::Number(_) | Value::Object(_)));
    if v.is_none() && !wrong_type {
        report.push(format!("{path}.{key}"), Problem::Missing, item);
    }
    v
}

/// A text of an export that may carry HTML, in each of its languages, reduced to plain text;
/// absent if no language has any text left.
pub(crate) fn opt_html_text(obj: &Map, key: &str, path: &str, report: &mut Report) -> Option<Text> {
    opt_local(obj, key, path, report)?.map(|s| text::non_empty(&text::html_to_text(s)))
}

/// [`opt_html_text`] for a required field (a title): its absence, or a text that is only markup,
/// is reported.
pub(crate) fn req_html_text(obj: &Map, key: &str, path: &str, report: &mut Report) -> Option<Text> {
    let given = req_local(obj, key, path, None, report)?;
    let plain = given.map(|s| text::non_empty(&text::html_to_text(s)));
    if plain.is_none() {
        report.push(format!("{path}.{key}"), Problem::Missing, None);
    }
    plain
}

/// A text given in one language only that pretalx may still write as `{ "en": "…", "de": "…" }`
/// (an event's name, a person's): the preferred language's, else English, else the first one
/// given.
pub(crate) fn localized(v: &Value, prefer: Option<&str>) -> Option<String> {
    match v {
        Value::String(s) => text::non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => [prefer, Some("en")]
            .into_iter()
            .flatten()
            .find_map(|l| o.get(l))
            .and_then(Value::as_str)
            .and_then(text::non_empty)
            .or_else(|| {
                o.values()
                    .filter_map(Value::as_str)
                    .find_map(text::non_empty)
            }),
        _ => None,
    }
}

/// A person of an export (frab's `persons[]`, schedule 2.0's `persons` and `participants`): named
/// by `public_name`, else `name`, else `full_public_name` or `full_name`; their id the first of
/// the `ids` fields given, else their name; their biography with its HTML reduced to text.
pub(crate) fn person(
    person: &Map,
    p: &str,
    ids: &[&str],
    report: &mut Report,
) -> Option<crate::model::Speaker> {
    let name = ["public_name", "name", "full_public_name", "full_name"]
        .iter()
        .find_map(|k| field(person, k).and_then(|v| localized(v, None)));
    let Some(name) = name else {
        report.push(format!("{p}.public_name"), Problem::Missing, None);
        return None;
    };
    let id = ids
        .iter()
        .find_map(|k| opt_text(person, k, p, report))
        .unwrap_or_else(|| name.clone());
    let bio = ["biography", "bio"]
        .iter()
        .find_map(|k| opt_text(person, k, p, report))
        .map(|b| text::html_to_text(&b))
        .and_then(|b| text::non_empty(&b));
    Some(crate::model::Speaker {
        id: SpeakerId(id),
        name,
        organisation: None,
        role: None,
        bio,
        links: links(person, "links", p, report),
    })
}

/// A link `{url, label|title, kind|type}`; an unsafe or unreadable URL is reported and dropped.
pub(crate) fn link(obj: &Map, path: &str, report: &mut Report) -> Option<Link> {
    let raw = req_text(obj, "url", path, None, report)?;
    let Some(url) =
        Url::parse(&raw).or_else(|| Url::parse(&absolute(&raw, report.link_origin.as_deref())?))
    else {
        report.push(format!("{path}.url"), Problem::BadUrl { value: raw }, None);
        return None;
    };
    let label =
        opt_text(obj, "label", path, report).or_else(|| opt_text(obj, "title", path, report));
    let kind = opt_text(obj, "kind", path, report)
        .or_else(|| opt_text(obj, "type", path, report))
        .map_or(LinkKind::Other, |k| LinkKind::parse(&k));
    Some(Link { url, label, kind })
}

/// A root-relative link (`/system/a.pdf`) on the file's origin, or a bare host name
/// (`nymtech.net`) as https; `None` for anything else.
pub(crate) fn absolute(raw: &str, origin: Option<&str>) -> Option<String> {
    let raw = raw.trim();
    if raw.starts_with('/') && !raw.starts_with("//") {
        return origin.map(|o| format!("{o}{raw}"));
    }
    let host = raw.split('/').next().unwrap_or(raw);
    let looks_like_host = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !raw.contains(':');
    looks_like_host.then(|| format!("https://{raw}"))
}

/// `scheme://host` of an absolute http(s) URL.
pub(crate) fn origin_of(url: &str) -> Option<String> {
    let u = Url::parse(url)?;
    let s = u.as_str();
    let after = s.find("://")? + 3;
    let end = s[after..].find('/').map_or(s.len(), |i| after + i);
    Some(s[..end].to_owned())
}

/// A list of links at `key`.
pub(crate) fn links(obj: &Map, key: &str, path: &str, report: &mut Report) -> Vec<Link> {
    let items = list(obj, key, path, report);
    let lp = format!("{path}.{key}");
    objects(items, &lp, report)
        .into_iter()
        .filter_map(|(p, o)| link(o, &p, report))
        .collect()
}

/// An event's `links`, then its `attachments` (documents unless they say what they are).
pub(crate) fn event_links(ev: &Map, path: &str, report: &mut Report) -> Vec<Link> {
    let mut all = links(ev, "links", path, report);
    all.extend(
        links(ev, "attachments", path, report)
            .into_iter()
            .map(|mut l| {
                if l.kind == LinkKind::Other {
                    l.kind = LinkKind::Document;
                }
                l
            }),
    );
    all
}

/// `#rrggbb` (or `#rgb`, widened); anything else is reported.
pub(crate) fn color(raw: Option<String>, path: &str, report: &mut Report) -> Option<String> {
    let raw = raw?;
    let hex = raw.strip_prefix('#').unwrap_or(&raw);
    let ok = hex.chars().all(|c| c.is_ascii_hexdigit());
    match hex.len() {
        6 if ok => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 if ok => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => {
            report.push(path, Problem::BadColor { value: raw.clone() }, None);
            None
        }
    }
}

/// How many events a schedule 1.0 day lists by room (`rooms: {"Saal 1": [events…]}`).
pub(crate) fn events_by_room(day: &Map) -> usize {
    match field(day, "rooms") {
        Some(Value::Object(rooms)) => rooms
            .values()
            .map(|events| match events {
                Value::Array(events) => events.len(),
                _ => 0,
            })
            .sum(),
        _ => 0,
    }
}

/// A theme's colours, light (or only) and dark: `color` as `#rrggbb`, or `colors` (c3voc
/// schedule 2.0; real exports write both, `colors` is the more precise) or `color` as
/// `{"light": "#rrggbb", "dark": "#rrggbb"}`. What is not a colour is reported.
pub(crate) fn theme_colors(
    obj: &Map,
    path: &str,
    report: &mut Report,
) -> (Option<String>, Option<String>) {
    let key = if field(obj, "colors").is_some() {
        "colors"
    } else {
        "color"
    };
    let at = format!("{path}.{key}");
    match field(obj, key) {
        Some(Value::Object(both)) => {
            let mut one = |scheme: &str| {
                color(
                    opt_text(both, scheme, &at, report),
                    &format!("{at}.{scheme}"),
                    report,
                )
            };
            // One colour for both schemes is one colour; a dark one alone is the colour.
            match (one("light"), one("dark")) {
                (Some(light), Some(dark)) if light == dark => (Some(light), None),
                (None, dark) => (dark, None),
                both => both,
            }
        }
        Some(_) => (color(opt_text(obj, key, path, report), &at, report), None),
        None => (None, None),
    }
}

/// Names that tell a break (welcome, coffee, meal) from a session, in the languages programmes
/// are written in here.
pub(crate) fn looks_like_break(name: &str) -> bool {
    let f = text::fold(name);
    [
        "break",
        "pause",
        "lunch",
        "dejeuner",
        "repas",
        "meal",
        "coffee",
        "cafe",
        "dinner",
        "diner",
        "accueil",
        "welcome coffee",
    ]
    .iter()
    .any(|w| {
        f == *w
            || f.split(|c: char| !c.is_alphanumeric())
                .any(|word| word == *w)
    })
}

/// For each key, whether it is the first with its value: later ones are duplicates.
pub(crate) fn firsts(keys: &[&str]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    crate::model::sort_positions(&mut order, &|a, b| keys[a].cmp(keys[b]));
    let mut first = vec![true; keys.len()];
    // The sort is stable, so in a run of equal keys the first position is the earliest.
    for pair in order.windows(2) {
        if keys[pair[0]] == keys[pair[1]] {
            first[pair[1]] = false;
        }
    }
    first
}

/// Assembles a programme from what a reader found, checking what every format must satisfy:
/// unique ids, references that resolve, sessions that end after they start. The checks run once
/// over all sessions in [`Builder::finish`], with sorted look-ups, so that a programme of ten
/// thousand sessions reads as fast as one of ten.
pub(crate) struct Builder {
    pub programme: Programme,
    pub report: Report,
    /// Sessions read so far, with their paths in the file.
    pending: Vec<(String, crate::model::Session)>,
    /// How many sessions the file offered, sound or not.
    offered: usize,
}

impl Builder {
    pub fn new(programme: Programme, report: Report) -> Builder {
        Builder {
            programme,
            report,
            pending: Vec::new(),
            offered: 0,
        }
    }

    /// Counts an item of the file's session list, whether or not it can be used.
    pub fn offer(&mut self) {
        self.offered += 1;
    }

    /// Adds a session read from `path`; [`Builder::finish`] checks it against the others.
    pub fn add(&mut self, s: crate::model::Session, path: &str) {
        if s.end <= s.start {
            self.report.push(
                format!("{path}.end"),
                Problem::EndNotAfterStart,
                Some(s.title.as_str()),
            );
            return;
        }
        self.pending.push((path.to_owned(), s));
    }

    /// The programme, unless the file offered sessions and not one of them could be read. A
    /// session whose id was already used is left out; a reference to an unknown room, theme,
    /// format or speaker is dropped; both are reported.
    pub fn finish(mut self) -> Result<Programme, ProgrammeError> {
        use crate::diag::RefKind;
        let pending = std::mem::take(&mut self.pending);
        let ids: Vec<&str> = pending.iter().map(|(_, s)| s.id.as_str()).collect();
        let first = firsts(&ids);
        let p = &self.programme;
        let speakers = &p.speakers;
        let mut speaker_order: Vec<usize> = (0..speakers.len()).collect();
        crate::model::sort_positions(&mut speaker_order, &|a, b| {
            speakers[a].id.cmp(&speakers[b].id)
        });
        let known_speaker = |id: &SpeakerId| {
            speaker_order
                .binary_search_by(|&i| speakers[i].id.cmp(id))
                .is_ok()
        };
        let mut accepted = Vec::with_capacity(pending.len());
        for ((path, mut s), first) in pending.into_iter().zip(first) {
            let item = Some(s.title.as_str());
            if !first {
                self.report.push(
                    format!("{path}.id"),
                    Problem::DuplicateId { id: s.id.0.clone() },
                    item,
                );
                continue;
            }
            let mut unknown = |field: &str, kind: RefKind, id: &str| {
                self.report.push(
                    format!("{path}.{field}"),
                    Problem::UnknownReference {
                        kind,
                        id: id.to_owned(),
                    },
                    item,
                )
            };
            if let Some(r) = s
                .room
                .as_ref()
                .filter(|r| !p.rooms.iter().any(|x| &x.id == *r))
            {
                unknown("room", RefKind::Room, r.as_str());
                s.room = None;
            }
            if let Some(t) = s
                .theme
                .as_ref()
                .filter(|t| !p.themes.iter().any(|x| &x.id == *t))
            {
                unknown("theme", RefKind::Theme, t.as_str());
                s.theme = None;
            }
            if let Some(f) = s
                .format
                .as_ref()
                .filter(|f| !p.formats.iter().any(|x| &x.id == *f))
            {
                unknown("format", RefKind::Format, f.as_str());
                s.format = None;
            }
            for sp in s.speakers.iter().filter(|sp| !known_speaker(sp)) {
                unknown("speakers", RefKind::Speaker, sp.as_str());
            }
            s.speakers.retain(|sp| known_speaker(sp));
            s.speakers.dedup();
            accepted.push(s);
        }
        if self.offered > 0 && accepted.is_empty() {
            return Err(ProgrammeError::Invalid(self.report.problems));
        }
        self.programme.sessions = accepted;
        self.programme.warnings = self.report.problems;
        Ok(self.programme.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_nothing_in_bad_input() {
        assert_eq!(read_programme(""), Err(ProgrammeError::Empty));
        assert_eq!(read_programme("  \n"), Err(ProgrammeError::Empty));
        assert_eq!(
            read_programme("<!DOCTYPE html><html>404</html>"),
            Err(ProgrammeError::Html)
        );
        assert_eq!(
            read_programme("null"),
            Err(ProgrammeError::NotAnObject { found: "null" })
        );
        assert_eq!(
            read_programme("[1,2]"),
            Err(ProgrammeError::NotAnObject { found: "array" })
        );
        assert_eq!(
            read_programme("{\"hello\": 1}"),
            Err(ProgrammeError::UnknownFormat)
        );
        assert!(matches!(
            read_programme("{\"agenda_format\": 1, \"event\": {"),
            Err(ProgrammeError::Syntax {
                truncated: true,
                line: 1,
                ..
            })
        ));
        assert!(matches!(
            read_programme("{\n  \"a\": 1,,\n}"),
            Err(ProgrammeError::Syntax {
                truncated: false,
                line: 2,
                ..
            })
        ));
    }

    #[test]
    fn breaks_are_recognised_by_name() {
        for b in [
            "Pause",
            "Déjeuner",
            "Lunch break",
            "Coffee",
            "Pause café",
            "BREAK",
        ] {
            assert!(looks_like_break(b), "{b}");
        }
        for s in [
            "Talk",
            "lecture",
            "Workshop",
            "Table ronde",
            "Breakout session",
        ] {
            assert!(!looks_like_break(s), "{s}");
        }
    }

    #[test]
    fn relative_links_are_made_absolute_only_when_safe() {
        let o = origin_of("https://fahrplan.events.ccc.de/camp/2019/Fahrplan/");
        assert_eq!(o.as_deref(), Some("https://fahrplan.events.ccc.de"));
        assert_eq!(
            absolute("/system/a.pdf?1", o.as_deref()).as_deref(),
            Some("https://fahrplan.events.ccc.de/system/a.pdf?1")
        );
        assert_eq!(absolute("/system/a.pdf", None), None);
        assert_eq!(
            absolute("nymtech.net", None).as_deref(),
            Some("https://nymtech.net")
        );
        assert_eq!(absolute("javascript:alert(1)", o.as_deref()), None);
        assert_eq!(absolute("//evil.example/x", o.as_deref()), None);
        assert_eq!(absolute("data:text/html,x", o.as_deref()), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
    }

    #[test]
    fn colours() {
        let mut r = Report::default();
        assert_eq!(
            color(Some("#3AA57C".into()), "c", &mut r),
            Some("#3aa57c".into())
        );
        assert_eq!(
            color(Some("#abc".into()), "c", &mut r),
            Some("#aabbcc".into())
        );
        assert_eq!(color(Some("red".into()), "c", &mut r), None);
        assert_eq!(r.problems.len(), 1);
    }
}
