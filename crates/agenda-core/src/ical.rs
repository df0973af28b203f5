//! iCalendar export (RFC 5545) of chosen sessions: one VEVENT per session, times in UTC (so no
//! VTIMEZONE is needed and every calendar places them right), text escaped, lines folded at 75
//! octets, CRLF line ends, and a UID per session that stays the same from one export to the next
//! (so importing twice updates rather than duplicates).

use crate::i18n::Lang;
use crate::model::{Programme, Session};
use crate::time::DateTime;

/// `20260210T091500Z`.
fn utc(dt: &DateTime) -> String {
    let u = DateTime::from_instant(dt.instant(), 0);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        u.date.year, u.date.month, u.date.day, u.time.hour, u.time.minute, u.time.second
    )
}

/// Escapes a TEXT value: backslash, semicolon, comma, and line breaks as `\n`.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line exceeds 75 octets (continuation lines start with
/// a space), never inside a UTF-8 character, ended with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            used = 0;
            budget = 74; // the leading space counts
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// A key for UIDs from the programme's address: letters, digits, dots and dashes only.
fn uid_domain(programme_key: &str) -> String {
    let k: String = programme_key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let k = k.trim_matches('-').to_owned();
    if k.is_empty() {
        "agenda".into()
    } else {
        k
    }
}

/// [`calendar_in`] for a reader of the interface's default language (French).
pub fn calendar(p: &Programme, sessions: &[usize], programme_key: &str, now: &DateTime) -> String {
    calendar_in(p, sessions, programme_key, now, Lang::default())
}

/// Writes a calendar of `sessions` (positions in the programme). `programme_key` (the programme's
/// URL) makes UIDs unique across programmes; `now` stamps DTSTAMP. Texts given in several
/// languages are written in `lang`'s, as the page shows them (see [`Programme::pick`]).
pub fn calendar_in(
    p: &Programme,
    sessions: &[usize],
    programme_key: &str,
    now: &DateTime,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let domain = uid_domain(programme_key);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//the agenda//agenda 1.0//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    if !p.event.title.is_empty() {
        push_line(
            &mut out,
            &format!("X-WR-CALNAME:{}", escape_text(&p.event.title)),
        );
    }
    for s in sessions.iter().filter_map(|&i| p.sessions.get(i)) {
        event(&mut out, p, s, &domain, now, lang);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, p: &Programme, s: &Session, domain: &str, now: &DateTime, lang: Lang) {
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}@{domain}", escape_text(s.id.as_str())));
    push_line(out, &format!("DTSTAMP:{}", utc(now)));
    push_line(out, &format!("DTSTART:{}", utc(&s.start)));
    push_line(out, &format!("DTEND:{}", utc(&s.end)));
    push_line(
        out,
        &format!("SUMMARY:{}", escape_text(p.pick(&s.title, lang))),
    );
    let room = s
        .room
        .as_ref()
        .and_then(|r| p.room(r))
        .map(|r| p.pick(&r.name, lang).to_owned());
    let venue = p.event.venue.as_ref().and_then(|v| v.address_line());
    let location: Vec<String> = [room, venue].into_iter().flatten().collect();
    if !location.is_empty() {
        push_line(
            out,
            &format!("LOCATION:{}", escape_text(&location.join(", "))),
        );
    }
    let speakers = p.speakers_line(s);
    let description: Vec<String> = [
        (!speakers.is_empty()).then_some(speakers),
        s.abstract_.as_ref().map(|a| p.pick(a, lang).to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !description.is_empty() {
        push_line(
            out,
            &format!("DESCRIPTION:{}", escape_text(&description.join("\n\n"))),
        );
    }
    if let Some(u) = s.url.as_ref().or(p.event.url.as_ref()) {
        push_line(out, &format!("URL:{}", u.as_str()));
    }
    if s.status == crate::model::Status::Cancelled {
        push_line(out, "STATUS:CANCELLED");
    }
    push_line(out, "END:VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    /// A strict reader of what `calendar` writes: CRLF everywhere, no line over 75 octets,
    /// properly nested components; returns the events as unfolded, unescaped properties.
    fn read_back(ics: &str) -> Result<Vec<Vec<(String, String)>>, String> {
        if !ics.ends_with("\r\n")
            || ics.replace("\r\n", "").contains('\n')
            || ics.replace("\r\n", "").contains('\r')
        {
            return Err("line ends are not all CRLF".into());
        }
        let raw: Vec<&str> = ics.split("\r\n").filter(|l| !l.is_empty()).collect();
        if let Some(long) = raw.iter().find(|l| l.len() > 75) {
            return Err(format!("line over 75 octets: {long}"));
        }
        let mut lines: Vec<String> = Vec::new();
        for l in raw {
            match l.strip_prefix(' ') {
                Some(cont) => lines.last_mut().ok_or("continuation first")?.push_str(cont),
                None => lines.push(l.to_owned()),
            }
        }
        let unescape = |v: &str| {
            let mut out = String::new();
            let mut it = v.chars();
            while let Some(c) = it.next() {
                if c == '\\' {
                    match it.next() {
                        Some('n') | Some('N') => out.push('\n'),
                        Some(x @ ('\\' | ';' | ',')) => out.push(x),
                        other => return Err(format!("bad escape {other:?}")),
                    }
                } else {
                    out.push(c);
                }
            }
            Ok(out)
        };
        let mut stack: Vec<String> = Vec::new();
        let mut events = Vec::new();
        let mut current: Vec<(String, String)> = Vec::new();
        for l in lines {
            let (name, value) = l.split_once(':').ok_or(format!("no colon: {l}"))?;
            match name {
                "BEGIN" => stack.push(value.to_owned()),
                "END" => {
                    if stack.pop().as_deref() != Some(value) {
                        return Err(format!("END:{value} does not close"));
                    }
                    if value == "VEVENT" {
                        events.push(std::mem::take(&mut current));
                    }
                }
                _ if stack.last().map(String::as_str) == Some("VEVENT") => {
                    current.push((name.to_owned(), unescape(value)?))
                }
                _ => {}
            }
        }
        if !stack.is_empty() {
            return Err("unclosed component".into());
        }
        Ok(events)
    }

    const P: &str = r##"{"agenda_format": 1, "event": {"title": "Rencontres, 2026; test", "time_zone": "Europe/Paris",
        "venue": {"street": "5 bd Descartes", "postcode": "77420", "city": "Champs-sur-Marne"}},
      "rooms": [{"id": "a", "name": "Auditorium Maurice Gross"}],
      "speakers": [{"id": "x", "name": "Loïc Dayot", "organisation": "ville de Villejuif et France numérique libre"}],
      "sessions": [
        {"id": "dependances", "title": "Maîtriser nos dépendances, les choix numériques des territoires", "start": "2026-02-10T11:30:00+01:00", "end": "2026-02-10T12:45:00+01:00", "room": "a", "speakers": ["x"],
         "abstract": "Face aux enjeux géopolitiques, écologiques et sociaux; « souveraineté » \\ autonomie.\nDeuxième ligne.", "url": "https://example.org/s/1"},
        {"id": "ete", "title": "Summer", "start": "2025-07-01T10:00:00+02:00", "end": "2025-07-01T11:00:00+02:00", "status": "cancelled"}
      ]}"##;

    #[test]
    fn writes_a_calendar_that_reads_back() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let now = DateTime::parse("2026-01-05T08:00:00Z").unwrap_or_else(|e| panic!("{e}"));
        let ics = calendar(
            &p,
            &[0, 1],
            "https://example.org/agenda/programme.json",
            &now,
        );
        let events = read_back(&ics).unwrap_or_else(|e| panic!("{e}\n{ics}"));
        assert_eq!(events.len(), 2);
        let get = |e: &Vec<(String, String)>, k: &str| {
            e.iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let (summer, dep) = (&events[0], &events[1]);
        assert_eq!(
            get(dep, "SUMMARY"),
            "Maîtriser nos dépendances, les choix numériques des territoires"
        );
        // Paris winter time is UTC+1; summer time UTC+2.
        assert_eq!(get(dep, "DTSTART"), "20260210T103000Z");
        assert_eq!(get(dep, "DTEND"), "20260210T114500Z");
        assert_eq!(get(summer, "DTSTART"), "20250701T080000Z");
        assert_eq!(get(summer, "STATUS"), "CANCELLED");
        assert_eq!(
            get(dep, "LOCATION"),
            "Auditorium Maurice Gross, 5 bd Descartes, 77420 Champs-sur-Marne"
        );
        assert_eq!(
            get(dep, "DESCRIPTION"),
            "Loïc Dayot (ville de Villejuif et France numérique libre)\n\nFace aux enjeux géopolitiques, écologiques et sociaux; « souveraineté » \\ autonomie.\nDeuxième ligne."
        );
        assert_eq!(
            get(dep, "UID"),
            "dependances@https---example.org-agenda-programme.json"
        );
        assert_eq!(get(dep, "URL"), "https://example.org/s/1");
        assert_eq!(get(dep, "DTSTAMP"), "20260105T080000Z");
        // The same export again gives the same UIDs (and the same file).
        assert_eq!(
            calendar(
                &p,
                &[0, 1],
                "https://example.org/agenda/programme.json",
                &now
            ),
            ics
        );
        assert!(ics.contains("X-WR-CALNAME:Rencontres\\, 2026\\; test\r\n"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(100));
        push_line(&mut out, &line);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(escape_text("a,b;c\\d\r\ne\u{7}"), "a\\,b\\;c\\\\d\\ne");
    }
}
