//! c3voc schedule 2.0, the rC3 pretalx export, texts in several languages, and files whose
//! sessions are where their format does not have them (issue 14, "Real programmes, honest
//! failures").

use agenda_core::diag::Problem;
use agenda_core::filter::{Facet, Finder, Selection};
use agenda_core::search::{SearchIndex, SearchQuery};
use agenda_core::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(text: &str) -> Programme {
    read_programme(text).unwrap_or_else(|e| panic!("{e}"))
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// What a reader of a session sees, languages aside: title, times, room, theme and speakers by
/// name.
type Seen = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Vec<String>,
);

fn seen(p: &Programme, s: &Session) -> Seen {
    (
        s.title.as_str().to_owned(),
        s.start.to_string(),
        s.end.to_string(),
        s.room
            .as_ref()
            .and_then(|r| p.room(r))
            .map(|r| r.name.as_str().to_owned()),
        s.theme
            .as_ref()
            .and_then(|t| p.theme(t))
            .map(|t| t.name.as_str().to_owned()),
        s.speakers
            .iter()
            .filter_map(|id| p.speaker(id))
            .map(|sp| sp.name.clone())
            .collect(),
    )
}

fn by_id(p: &Programme) -> BTreeMap<String, Seen> {
    p.sessions
        .iter()
        .map(|s| (s.id.as_str().to_owned(), seen(p, s)))
        .collect()
}

#[test]
fn the_hub_export_reads_as_it_is() {
    let p = read(&fixture("hub-schedule2.json"));
    assert_eq!(p.source_format, Some(SourceFormat::Schedule2));
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
    assert_eq!(p.event.title, "38C3");
    assert_eq!(p.event.time_zone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(p.event.language.as_deref(), Some("en"));
    assert_eq!(
        (p.event.start_date, p.event.end_date),
        (Some(date("2024-12-27")), Some(date("2024-12-30")))
    );
    assert_eq!(p.sessions.len(), 2);
    assert_eq!(p.rooms.len(), 5);
    assert_eq!(p.themes.len(), 7);

    let opening = &p.sessions[0];
    assert_eq!(opening.id.as_str(), "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
    assert_eq!(
        seen(&p, opening),
        (
            "38C3: Opening Ceremony".to_owned(),
            "2024-12-27T10:30:00+01:00".to_owned(),
            "2024-12-27T11:00:00+01:00".to_owned(),
            Some("Saal 1".to_owned()),
            Some("CCC".to_owned()),
            vec![
                "Gabriela Bogk".to_owned(),
                "Aline Blankertz".to_owned(),
                "Senficon".to_owned()
            ],
        )
    );
    assert_eq!(opening.language.as_deref(), Some("en"));
    assert_eq!(opening.day, date("2024-12-27"));
    assert!(!p.is_break(opening), "an OTHER event is a session");
    assert_eq!(
        opening.url.as_ref().map(Url::as_str),
        Some("https://events.ccc.de/congress/2024/hub/event/38c3-opening-ceremony/")
    );
    let kinds: Vec<(&str, LinkKind)> = opening
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.kind))
        .collect();
    assert!(kinds.contains(&("https://example.net/foo/bar/1235.pdf", LinkKind::Slides)));
    assert_eq!(opening.links.len(), 4);
    let ccc = opening.theme.as_ref().and_then(|t| p.theme(t));
    assert_eq!(
        ccc.and_then(Theme::css_color).as_deref(),
        Some("#f2f006"),
        "light and dark alike: one colour"
    );

    // At 00:15 on the 28th, it belongs to the congress day of the 27th (which runs to 06:00).
    let late = &p.sessions[1];
    assert_eq!(
        seen(&p, late),
        (
            "A Competitive Time-Trial AI for Need for Speed:".to_owned(),
            "2024-12-28T00:15:00+01:00".to_owned(),
            "2024-12-28T00:55:00+01:00".to_owned(),
            Some("Saal ZIGZAG".to_owned()),
            Some("Hardware & Making".to_owned()),
            vec!["Sebastian Schwarz".to_owned()],
        )
    );
    assert_eq!(late.day, date("2024-12-27"));
    assert_eq!(p.days, [date("2024-12-27")]);
    assert_eq!(
        late.subtitle.as_deref(),
        Some("Most Wanted Using Deep Reinforcement Learning")
    );
    assert!(late
        .description
        .as_deref()
        .is_some_and(|d| d.contains("\n\nThis talk will present")));
    let speaker = p.speaker(&late.speakers[0]);
    assert!(speaker
        .and_then(|sp| sp.bio.as_deref())
        .is_some_and(|b| b.starts_with("Almost 20 years ago")));
    let theme = late.theme.as_ref().and_then(|t| p.theme(t));
    assert_eq!(theme.and_then(|t| t.color.as_deref()), Some("#685b9d"));

    // A room's description in a map of languages keeps them all.
    let huff = p.rooms.iter().find(|r| r.name == "Stage HUFF");
    let description = huff.and_then(|r| r.description.as_ref());
    assert_eq!(
        description.map(|d| (p.pick(d, Lang::En), d.pick(&["de"]))),
        Some((
            "Community-Stage in hall H, Level 0",
            "Community-Bühne in Halle H, EG"
        ))
    );
    assert_eq!(
        p.rooms.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [
            "saal-1",
            "saal-glitch",
            "saal-zigzag",
            "stage-huff",
            "stage-yell"
        ]
    );
}

/// A programme of `n` sessions, in schedule 1.0 (frab) and in schedule 2.0, from the same
/// sessions: 4 days, 8 rooms, 6 tracks, 1 to 3 of 300 speakers each.
fn both_schedules(n: usize) -> (Value, Value) {
    let mut seed: u64 = 14;
    let mut next = move |below: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % below
    };
    let rooms: Vec<String> = (0..8).map(|r| format!("Saal {r}")).collect();
    let tracks: Vec<String> = (0..6).map(|t| format!("Spur {t} & Co")).collect();
    let person = |k: usize| (format!("p{k:03}"), format!("Person {k} Müller"));
    let mut days_v1: Vec<BTreeMap<String, Vec<Value>>> = vec![BTreeMap::new(); 4];
    let mut events = Vec::new();
    for i in 0..n {
        let (day, room, track) = (next(4), next(8), next(6));
        let (hour, minute) = (9 + next(12), 5 * next(12));
        let minutes = 15 + 5 * next(20);
        let speakers: Vec<usize> = (0..1 + next(3)).map(|_| next(300)).collect();
        let guid = format!("00000000-0000-4000-8000-{i:012}");
        let title = format!("Séance {i} : données ouvertes");
        let date = format!("2024-12-{:02}", 27 + day);
        let start = format!("{date}T{hour:02}:{minute:02}:00+01:00");
        let end_minute = hour * 60 + minute + minutes;
        let end = format!(
            "{date}T{:02}:{:02}:00+01:00",
            end_minute / 60,
            end_minute % 60
        );
        let persons: Vec<Value> = speakers
            .iter()
            .map(|&k| json!({"code": person(k).0, "public_name": person(k).1}))
            .collect();
        days_v1[day]
            .entry(rooms[room].clone())
            .or_default()
            .push(json!({
                "guid": guid, "id": i, "date": start, "start": format!("{hour:02}:{minute:02}"),
                "duration": format!("{:02}:{:02}", minutes / 60, minutes % 60),
                "room": rooms[room], "title": title, "track": tracks[track], "type": "Talk",
                "persons": persons,
            }));
        // Some events give a duration (as `00:40` or ISO 8601) rather than an end.
        let mut event = json!({
            "guid": guid, "start": start, "room": {"guid": format!("room-{room}")},
            "title": title, "track": {"slug": format!("spur-{track}")}, "type": "TALK",
            "participants": speakers.iter().map(|&k| json!({"guid": person(k).0, "name": person(k).1})).collect::<Vec<_>>(),
        });
        match i % 3 {
            0 => event["end"] = json!(end),
            1 => event["duration"] = json!(format!("{:02}:{:02}", minutes / 60, minutes % 60)),
            _ => {
                event["duration"] =
                    json!(format!("P0DT{:02}H{:02}M00S", minutes / 60, minutes % 60))
            }
        }
        events.push(event);
    }
    let v1 = json!({"schedule": {"version": "1", "conference": {
        "title": "Generated", "time_zone_name": "Europe/Berlin",
        "days": days_v1.iter().enumerate().map(|(d, rooms)| json!({
            "index": d + 1, "date": format!("2024-12-{:02}", 27 + d),
            "day_start": format!("2024-12-{:02}T06:00:00+01:00", 27 + d),
            "rooms": rooms,
        })).collect::<Vec<_>>(),
    }}});
    let v2 = json!({"schedule": {"version": "1", "conference": {
        "acronym": "generated", "title": "Generated", "time_zone_name": "Europe/Berlin",
        "start": "2024-12-27T06:00:00+01:00", "end": "2024-12-31T06:00:00+01:00",
        "rooms": rooms.iter().enumerate().map(|(r, name)| json!({"guid": format!("room-{r}"), "name": name})).collect::<Vec<_>>(),
        "tracks": tracks.iter().enumerate().map(|(t, name)| json!({"slug": format!("spur-{t}"), "name": name, "colors": {"light": "#aa0000", "dark": "#ff8888"}})).collect::<Vec<_>>(),
        "days": (0..4).map(|d| json!({"index": d + 1, "date": format!("2024-12-{:02}", 27 + d),
            "start": format!("2024-12-{:02}T06:00:00+01:00", 27 + d),
            "end": format!("2024-12-{:02}T06:00:00+01:00", 28 + d)})).collect::<Vec<_>>(),
    }, "events": events,
    "persons": (0..300).map(|k| json!({"guid": person(k).0, "name": person(k).1})).collect::<Vec<_>>(),
    }});
    (v1, v2)
}

#[test]
fn schedule_1_and_2_of_the_same_sessions_read_the_same() {
    let (v1, v2) = both_schedules(1000);
    let a = read(&v1.to_string());
    let b = read(&v2.to_string());
    assert_eq!(
        (a.source_format, b.source_format),
        (Some(SourceFormat::Frab), Some(SourceFormat::Schedule2))
    );
    assert!(a.warnings.is_empty(), "{:#?}", a.warnings);
    assert!(b.warnings.is_empty(), "{:#?}", b.warnings);
    assert_eq!(a.sessions.len(), 1000);
    assert_eq!(by_id(&a), by_id(&b));
    assert_eq!(a.days, b.days);
    assert_eq!(a.days.len(), 4);
    // Tracks with a colour for each scheme.
    assert_eq!(
        b.themes[0].css_color().as_deref(),
        Some("light-dark(#aa0000, #ff8888)")
    );
}

#[test]
fn the_rc3_pretalx_export_reads_well() {
    let p = read(&fixture("pretalx-rc3.json"));
    assert_eq!(p.source_format, Some(SourceFormat::Frab));
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
    assert_eq!(p.event.title, "rC3 Channels");
    assert_eq!(
        p.days,
        [
            date("2020-12-27"),
            date("2020-12-28"),
            date("2020-12-29"),
            date("2020-12-30")
        ]
    );
    assert_eq!(p.sessions.len(), 48);
    assert_eq!(p.session_count(), 48);
    let per_day: Vec<usize> = p.days.iter().map(|&d| p.count_on_day(d)).collect();
    assert_eq!(per_day, [12, 15, 14, 7]);
    assert_eq!(
        (
            p.rooms.len(),
            p.themes.len(),
            p.formats.len(),
            p.speakers.len()
        ),
        (5, 5, 6, 56)
    );
    let in_lang = |l: &str| {
        p.sessions
            .iter()
            .filter(|s| s.language.as_deref() == Some(l))
            .count()
    };
    assert_eq!((in_lang("de"), in_lang("en")), (19, 29));
    let first = &p.sessions[0];
    assert_eq!(
        seen(&p, first),
        (
            "Der faule Admin automatisiert: Gluon auf echter Hardware testen".to_owned(),
            "2020-12-27T11:30:00+01:00".to_owned(),
            "2020-12-27T12:10:00+01:00".to_owned(),
            Some("r3s - Monheim/Rhein".to_owned()),
            Some("MON r3s Rhein VHS".to_owned()),
            vec!["Chris Fiege".to_owned(), "Kasa".to_owned()],
        )
    );
    assert!(first
        .abstract_
        .as_deref()
        .is_some_and(|a| a.contains("[Gluon](https://gluon.readthedocs.io/)")));
    assert_eq!(
        first
            .format
            .as_ref()
            .and_then(|f| p.format(f))
            .map(|f| f.name.as_str()),
        Some("Talk 30 min + 10min Q&A")
    );
    assert!(p
        .rooms
        .iter()
        .any(|r| r.name == "ChaosTrawler Stubnitz/Gängeviertel Hamburg"));
    // The private answers are not read: nothing of "(réponse retirée)" anywhere.
    let converted = write::programme(&p).unwrap_or_else(|e| panic!("{e}"));
    assert!(!converted.contains("réponse retirée"));
}

/// A programme in the agenda's format with texts in two languages, a theme with two colours.
const BILINGUAL: &str = r##"{"agenda_format": 1,
  "event": {"title": "Bilingue", "time_zone": "Europe/Paris", "language": "fr"},
  "rooms": [{"id": "a", "name": {"fr": "Grande salle", "en": "Main hall"}}, {"id": "b", "name": "Atelier"}],
  "themes": [{"id": "d", "name": {"fr": "Données", "en": "Data"}, "color": {"light": "#2f6f9f", "dark": "#8cc4ff"}},
             {"id": "e", "name": "Éducation", "color": "#123456"}],
  "formats": [{"id": "t", "name": {"fr": "Table ronde", "en": "Round table"}}],
  "sessions": [
    {"id": "1", "title": {"fr": "Ouverture", "en": "Opening"}, "abstract": {"fr": "Bienvenue.", "en": "Welcome."},
     "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a", "theme": "d", "format": "t"},
    {"id": "2", "title": "Atelier libre", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00",
     "room": "b", "theme": "e", "language": "en"},
    {"id": "3", "title": {"de": "Abschluss", "en": "Closing"}, "start": "2026-02-10T11:00:00+01:00",
     "end": "2026-02-10T12:00:00+01:00", "room": "a", "theme": "d"}
  ]}"##;

#[test]
fn texts_are_shown_in_the_readers_language_else_the_programmes_else_the_first() {
    let p = read(BILINGUAL);
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
    let s = &p.sessions[0];
    assert_eq!(p.pick(&s.title, Lang::Fr), "Ouverture");
    assert_eq!(p.pick(&s.title, Lang::En), "Opening");
    let abstract_ = s.abstract_.as_ref().unwrap_or_else(|| panic!("abstract"));
    assert_eq!(
        p.session_text(s, abstract_, Lang::En),
        (Some("en"), "Welcome.")
    );
    let room = |id: &str| p.room(&RoomId(id.into())).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(p.pick(&room("a").name, Lang::En), "Main hall");
    assert_eq!(
        p.pick(&room("b").name, Lang::En),
        "Atelier",
        "one language: as written"
    );
    let format = &p.formats[0].name;
    assert_eq!(
        (p.pick(format, Lang::Fr), p.pick(format, Lang::En)),
        ("Table ronde", "Round table")
    );
    // Not in French: the programme's language is French, so the first given.
    let closing = &p.sessions[2];
    assert_eq!(p.pick(&closing.title, Lang::Fr), "Abschluss");
    assert_eq!(p.pick(&closing.title, Lang::En), "Closing");
    // A plain text takes the session's language for its `lang`, else the programme's.
    let free = &p.sessions[1];
    assert_eq!(
        p.session_text(free, &free.title, Lang::Fr),
        (Some("en"), "Atelier libre")
    );
    assert_eq!(
        p.session_text(s, &s.title, Lang::En),
        (Some("en"), "Opening")
    );
    // Two colours: light-dark() chooses by the page's scheme.
    assert_eq!(
        p.themes[0].css_color().as_deref(),
        Some("light-dark(#2f6f9f, #8cc4ff)")
    );
    assert_eq!(p.themes[1].css_color().as_deref(), Some("#123456"));
}

#[test]
fn search_finds_every_language_and_filters_speak_the_readers() {
    let p = read(BILINGUAL);
    let index = SearchIndex::new(&p);
    for q in [
        "ouverture",
        "opening",
        "welcome",
        "main hall",
        "round table",
        "data",
    ] {
        assert!(index.matching(&SearchQuery::new(q), 1)[0], "{q}");
    }
    let en = Finder::new(&p, &index).in_language(Lang::En);
    let fr = Finder::new(&p, &index).in_language(Lang::Fr);
    let names = |f: &Finder, facet| -> Vec<String> {
        f.options(facet, &Selection::default())
            .into_iter()
            .map(|o| o.value)
            .collect()
    };
    assert_eq!(names(&en, Facet::Track), ["Data", "Éducation"]);
    assert_eq!(names(&fr, Facet::Track), ["Données", "Éducation"]);
    assert_eq!(names(&en, Facet::Room), ["Main hall", "Atelier"]);
    // A link names a theme in any of its languages; the reader is shown theirs.
    let mut sel = Selection::default();
    sel.toggle(Facet::Track, "donnees");
    assert_eq!(en.effective(&sel).chosen(Facet::Track), ["Data"]);
    assert_eq!(fr.effective(&sel).chosen(Facet::Track), ["Données"]);
    let found = en.find(&sel);
    assert_eq!(found.count, 2);
    // The calendar file is in the reader's language.
    let now = DateTime::parse("2026-01-05T08:00:00Z").unwrap_or_else(|e| panic!("{e}"));
    let ics = ical::calendar_in(&p, &[0], "programme.json", &now, Lang::En);
    assert!(ics.contains("SUMMARY:Opening\r\n"), "{ics}");
    assert!(ics.contains("LOCATION:Main hall\r\n"), "{ics}");
    assert!(ics.contains("DESCRIPTION:Welcome.\r\n"), "{ics}");
    let ics = ical::calendar(&p, &[0], "programme.json", &now);
    assert!(ics.contains("SUMMARY:Ouverture\r\n"), "{ics}");
}

#[test]
fn bilingual_texts_and_two_colours_round_trip_in_the_agendas_format() {
    let p = read(BILINGUAL);
    let written = write::programme(&p).unwrap_or_else(|e| panic!("{e}"));
    assert!(written.contains(
        "\"title\": {\n        \"fr\": \"Ouverture\",\n        \"en\": \"Opening\"\n      },"
    ));
    assert!(written.contains(
        "\"color\": {\n        \"light\": \"#2f6f9f\",\n        \"dark\": \"#8cc4ff\"\n      }"
    ));
    assert!(written.contains("\"color\": \"#123456\""));
    let back = read(&written);
    assert_eq!(back, p);
}

#[test]
fn schedule_2_converts_to_the_agendas_format_and_back() {
    let text = fixture("hub-schedule2.json");
    let a = read(&text);
    let converted = write::programme(&a).unwrap_or_else(|e| panic!("{e}"));
    let b = read(&converted);
    assert!(b.warnings.is_empty(), "{:#?}", b.warnings);
    assert_eq!(b.source_format, Some(SourceFormat::Agenda));
    assert_eq!(a.sessions, b.sessions);
    assert_eq!(a.rooms, b.rooms);
    assert_eq!(a.themes, b.themes);
    assert_eq!(a.formats, b.formats);
    assert_eq!(a.speakers, b.speakers);
    assert_eq!(a.days, b.days);
    assert_eq!(
        (
            b.event.title.as_str(),
            b.event.time_zone.as_deref(),
            b.event.language.as_deref()
        ),
        ("38C3", Some("Europe/Berlin"), Some("en"))
    );
    // Multilingual texts are kept: the room description in two languages.
    assert!(
        converted.contains("\"de\": \"Community-Bühne in Halle H, EG\""),
        "{converted}"
    );
    // Through the page's worker, the same.
    let seen = convert::read_answer(&convert::answer(&text).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seen.sessions, a.sessions);
    assert_eq!(seen.source_format, Some(SourceFormat::Schedule2));
    assert_eq!(
        read_own(&text),
        Ok(None),
        "read by the worker, not the page"
    );
}

#[test]
fn schedule_2_as_exports_drift() {
    // Texts in two languages, a track with one colour and one with both, a room named by a
    // plain string, an undeclared track, participants without a persons list, durations for ends,
    // a break, a cancelled event.
    let text = r##"{"schedule": {"version": "x", "conference": {"title": "Drift", "acronym": "drift",
        "time_zone_name": "Europe/Berlin", "start": "2025-01-10T09:00:00+01:00", "end": "2025-01-10T20:00:00+01:00",
        "defaults": {"language": "de"},
        "rooms": [{"guid": "r1", "name": {"de": "Bühne", "en": "Stage"}, "slug": "stage"}],
        "tracks": [{"slug": "art", "name": {"de": "Kunst", "en": "Art"}, "color": "#010203", "colors": {"light": "#aa0000", "dark": "#ff8888"}},
                   {"slug": "sci", "name": "Science", "color": "#00A356"}],
        "days": [{"index": 1, "date": "2025-01-10", "start": "2025-01-10T06:00:00+01:00", "end": "2025-01-11T06:00:00+01:00"}]},
      "events": [
        {"guid": "e1", "title": {"de": "Eröffnung", "en": "Opening"}, "start": "2025-01-10T10:00:00+01:00", "duration": "00:40",
         "room": {"guid": "r1"}, "track": {"slug": "art"}, "type": "TALK", "participants": [{"guid": "x", "name": "Xena"}],
         "abstract": {"de": "<p>Hallo</p>", "en": "<p>Hello</p>"}},
        {"guid": "e2", "title": "Lightning", "start": "2025-01-10T11:00:00+01:00", "duration": "P0DT00H10M00S",
         "room": "Bühne", "track": {"slug": "sci"}, "type": "LIGHTNING_TALK", "participants": [{"guid": "x", "name": "Xena"}, {"name": "Yan"}]},
        {"guid": "e3", "title": "Kaffee", "start": "2025-01-10T12:00:00+01:00", "end": "2025-01-10T12:30:00+01:00", "type": "BREAK"},
        {"guid": "e4", "title": "Neu", "start": "2025-01-10T13:00:00+01:00", "end": "2025-01-10T14:00:00+01:00",
         "room": {"guid": "r9", "name": "Zelt"}, "track": {"slug": "new", "name": "Neues"}, "state": "CANCELED"}
      ]}}"##;
    let p = read(text);
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
    assert_eq!(p.session_count(), 3, "the break is shown, not counted");
    let s = |id: &str| {
        p.session(&SessionId(id.into()))
            .unwrap_or_else(|| panic!("{id}"))
    };
    let e1 = s("e1");
    assert_eq!(e1.end.to_string(), "2025-01-10T10:40:00+01:00");
    assert_eq!(
        (p.pick(&e1.title, Lang::Fr), p.pick(&e1.title, Lang::En)),
        ("Eröffnung", "Opening")
    );
    assert_eq!(
        e1.abstract_.as_ref().map(|a| p.pick(a, Lang::En)),
        Some("Hello")
    );
    let art = e1
        .theme
        .as_ref()
        .and_then(|t| p.theme(t))
        .unwrap_or_else(|| panic!("art"));
    assert_eq!(p.pick(&art.name, Lang::En), "Art");
    assert_eq!(
        art.css_color().as_deref(),
        Some("light-dark(#aa0000, #ff8888)")
    );
    let e2 = s("e2");
    assert_eq!(e2.end.to_string(), "2025-01-10T11:10:00+01:00");
    assert_eq!(e2.room, e1.room, "a room named by its name");
    assert_eq!(
        e2.format
            .as_ref()
            .and_then(|f| p.format(f))
            .map(|f| f.name.as_str()),
        Some("Lightning talk")
    );
    assert_eq!(e2.speakers.len(), 2);
    assert_eq!(
        e1.speakers,
        e2.speakers[..1],
        "a participant is one speaker"
    );
    assert!(p.is_break(s("e3")));
    let e4 = s("e4");
    assert_eq!(e4.status, Status::Cancelled);
    assert_eq!(
        e4.room
            .as_ref()
            .and_then(|r| p.room(r))
            .map(|r| r.name.as_str()),
        Some("Zelt")
    );
    assert_eq!(
        e4.theme
            .as_ref()
            .and_then(|t| p.theme(t))
            .map(|t| t.name.as_str()),
        Some("Neues")
    );
}

#[test]
fn sessions_where_the_format_has_none_are_an_error_that_says_where() {
    // The hub export's shape with schedule 1.0's days only: its events are not where frab has them.
    let text = r#"{"schedule": {"version": "1", "conference": {"title": "Lost", "time_zone_name": "Europe/Berlin",
        "days": [{"index": 1, "date": "2024-12-27", "start": "2024-12-27T09:30:00+00:00",
                  "rooms": [{"guid": "1", "title": "Talk one", "date": "2024-12-27T10:30:00+01:00", "duration": "00:30"},
                            {"guid": "2", "title": "Talk two", "date": "2024-12-27T11:30:00+01:00", "duration": "00:30"}]}]}}}"#;
    let e = read_programme(text).err();
    let Some(ProgrammeError::SessionsNotRead {
        place,
        count,
        expected,
        problems,
    }) = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (place.as_str(), *count, expected.as_str()),
        (
            "schedule.conference.days[0].rooms",
            2,
            "schedule.conference.days[].rooms"
        )
    );
    assert_eq!(
        problems[0].problem,
        Problem::SessionsElsewhere {
            count: 2,
            expected: "schedule.conference.days[].rooms".into()
        }
    );
    // The reader said why: the day's rooms are a list, not an object of rooms.
    assert!(problems
        .iter()
        .any(|d| d.path == "schedule.conference.days[0].rooms"
            && d.problem
                == Problem::WrongType {
                    expected: diag::Expected::Object
                }));
    let first = problems[0].message(Lang::Fr);
    let e = e.unwrap_or_else(|| panic!("an error"));
    assert_eq!(
        e.message(Lang::Fr),
        "Aucune séance n’a pu être lue, alors que le fichier contient 2 objets qui ressemblent à des séances (un titre et une date) dans « schedule.conference.days[0].rooms », mais pas sous la forme que ce format attend là (voir le détail)."
    );
    assert_eq!(
        e.message(Lang::En),
        "No session could be read, though the file holds 2 objects that look like sessions (a title and a date) in \"schedule.conference.days[0].rooms\", but not in the shape this format expects there (see the details)."
    );
    assert_eq!(
        first,
        "schedule.conference.days[0].rooms : 2 objets qui ressemblent à des séances (un titre et une date) : non lus, ce format attend ses séances dans « schedule.conference.days[].rooms »"
    );

    // In the agenda's own format, read by the page itself: sessions under another key.
    let own = r#"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris", "start_date": "2026-02-10"},
        "sessions": [], "programme": {"talks": [{"id": "1", "title": "Un", "start": "2026-02-10T09:00:00+01:00"}]}}"#;
    let e = read_own(own).err();
    assert!(
        matches!(&e, Some(ProgrammeError::SessionsNotRead { place, count: 1, expected, .. })
            if place == "programme.talks" && expected == "sessions"),
        "{e:?}"
    );
    assert_eq!(
        e.map(|e| e.message(Lang::Fr)).as_deref(),
        Some("Aucune séance n’a pu être lue, alors que le fichier contient 1 objet qui ressemble à une séance (un titre et une date) dans « programme.talks », or ce format attend ses séances dans « sessions ».")
    );

    // Through the page's worker, the same error.
    let direct = read_programme(text).err();
    let seen = convert::read_answer(&convert::answer(text).unwrap_or_else(|e| panic!("{e}"))).err();
    for lang in [Lang::Fr, Lang::En] {
        assert_eq!(
            seen.as_ref().map(|e| e.message(lang)),
            direct.as_ref().map(|e| e.message(lang))
        );
        let details = |e: &Option<ProgrammeError>| -> Vec<String> {
            e.iter()
                .flat_map(|e| e.details())
                .map(|d| d.message(lang))
                .collect()
        };
        assert_eq!(details(&seen), details(&direct));
    }

    // An empty programme is not an error: a frab export before its schedule is published, or the
    // agenda's format with no session yet.
    let empty = r#"{"schedule": {"version": "1", "conference": {"title": "Soon", "start": "2025-01-10",
        "days": [{"index": 1, "date": "2025-01-10", "rooms": {}}]}}}"#;
    assert!(read_programme(empty).is_ok_and(|p| p.sessions.is_empty()));
    let none = r#"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris", "start_date": "2026-02-10"}, "sessions": []}"#;
    assert!(read_programme(none).is_ok());
}

#[test]
fn a_frab_day_without_rooms_is_said() {
    let text = r#"{"schedule": {"version": "1", "conference": {"title": "X", "time_zone_name": "UTC",
        "days": [{"index": 1, "date": "2025-01-10"},
                 {"index": 2, "date": "2025-01-11", "rooms": {"A": [{"guid": "g", "title": "T", "date": "2025-01-11T10:00:00Z", "duration": "00:30"}]}}]}}}"#;
    let p = read(text);
    assert_eq!(p.sessions.len(), 1);
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(
        p.warnings[0].message(Lang::En),
        "schedule.conference.days[0].rooms: required field missing or empty"
    );
}

/// Damaged schedule 2.0 and rC3 files (cut, bytes replaced, inserted, removed) give a programme
/// or an error, never a panic, and what the page and the converter do with a programme holds.
#[test]
fn damaged_exports_never_panic() {
    const JUNK: &[u8] = b"{}[]\":,0aP-+T\\ ";
    let texts = [fixture("hub-schedule2.json"), fixture("pretalx-rc3.json")];
    let mut seed: u64 = 0x5eed_1414;
    let mut below = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    for round in 0..200 {
        let mut b = texts[round % 2].as_bytes().to_vec();
        for _ in 0..1 + round % 8 {
            if b.is_empty() {
                break;
            }
            let (at, junk) = (below(b.len()), JUNK[below(JUNK.len())]);
            match round % 4 {
                0 => b.truncate(at),
                1 => b[at] = junk,
                2 => b.insert(at, junk),
                _ => {
                    b.remove(at);
                }
            }
        }
        let input = String::from_utf8_lossy(&b).into_owned();
        let outcome = std::panic::catch_unwind(|| match read_programme(&input) {
            Ok(p) => {
                let index = SearchIndex::new(&p);
                let f = Finder::new(&p, &index).in_language(Lang::En);
                let _ = f.offered(&Selection::default(), 40);
                for s in &p.sessions {
                    let _ = p.session_text(s, &s.title, Lang::En);
                }
                let _ = write::programme(&p);
            }
            Err(e) => {
                for d in e.details() {
                    let _ = d.message(Lang::Fr);
                }
            }
        });
        assert!(outcome.is_ok(), "panicked on round {round}");
    }
}

#[test]
fn schedule_2_says_what_it_leaves_in_schedule_1_days() {
    let text = r#"{"schedule": {"version": "x", "conference": {"title": "Both", "time_zone_name": "UTC",
        "days": [{"index": 1, "date": "2025-01-10", "rooms": {"A": [{"guid": "old", "title": "Old", "date": "2025-01-10T09:00:00Z", "duration": "00:30"}]}}]},
      "events": [{"guid": "new", "title": "New", "start": "2025-01-10T10:00:00Z", "end": "2025-01-10T10:30:00Z"}]}}"#;
    let p = read(text);
    assert_eq!(p.sessions.len(), 1);
    assert_eq!(
        p.warnings
            .iter()
            .map(|w| w.message(Lang::En))
            .collect::<Vec<_>>(),
        ["schedule.conference.days[0].rooms: 1 object that looks like a session (a title and a date): not read, this format expects its sessions in \"schedule.events\""]
    );
}
