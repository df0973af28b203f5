//! Each reader against real exports (tests/fixtures, copied from ../shared/fixtures) and the
//! sample programmes the site ships (public/).

use agenda_core::diag::{Problem, RefKind};
use agenda_core::*;
use std::path::PathBuf;

fn repo_file(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(rel: &str) -> Programme {
    read_programme(&repo_file(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn titled<'a>(p: &'a Programme, title: &str) -> &'a Session {
    p.sessions
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no session {title:?}"))
}

#[test]
fn frab_export_from_pretalx() {
    let p = read("tests/fixtures/frab-from-pretalx-democon.json");
    assert_eq!(p.source_format, Some(SourceFormat::Frab));
    assert_eq!(p.event.title, "DemoCon");
    assert_eq!(p.event.time_zone.as_deref(), Some("UTC"));
    assert_eq!(
        p.days,
        [date("2020-12-14"), date("2020-12-15"), date("2020-12-16")]
    );
    assert_eq!(p.sessions.len(), 36);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let s = titled(&p, "Focused 5thgeneration hardware");
    assert_eq!(s.start.to_string(), "2020-12-14T09:00:00+01:00");
    assert_eq!(s.end.to_string(), "2020-12-14T09:30:00+01:00");
    assert_eq!(s.day, date("2020-12-14"));
    assert_eq!(
        s.room
            .as_ref()
            .and_then(|r| p.room(r))
            .map(|r| r.name.as_str()),
        Some("Gray Room")
    );
    assert_eq!(s.theme.as_ref().map(ThemeId::as_str), Some("Phased"));
    let names: Vec<&str> = s
        .speakers
        .iter()
        .filter_map(|id| p.speaker(id))
        .map(|sp| sp.name.as_str())
        .collect();
    assert_eq!(names, ["Brian Robinson"]);
    // Two rooms share a guid in this export: rooms are told apart by name.
    assert_eq!(p.rooms.len(), 2);
    // Sessions are in time order.
    assert!(p.sessions.windows(2).all(|w| w[0].start <= w[1].start));
    // Biographies keep their paragraphs.
    let bio = p
        .speakers
        .iter()
        .find(|sp| sp.name == "Brian Robinson")
        .and_then(|sp| sp.bio.as_deref())
        .unwrap_or("");
    assert!(bio.contains("\n\n"), "{bio:?}");
}

#[test]
fn frab_export_from_frab_with_its_deviations() {
    let p = read("tests/fixtures/frab-camp2019.json");
    assert_eq!(p.event.title, "Chaos Communication Camp 2019");
    assert_eq!(p.event.time_zone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(p.days.len(), 5);
    assert_eq!(p.sessions.len(), 79);
    // Attachments written relative to the frab server, and a bare host name, become real links.
    assert!(p.warnings.is_empty(), "{:#?}", p.warnings);
    let links: Vec<&str> = p
        .sessions
        .iter()
        .flat_map(|s| &s.links)
        .map(|l| l.url.as_str())
        .collect();
    assert!(
        links.contains(&"https://fahrplan.events.ccc.de/attachments/original/missing.png"),
        "{links:?}"
    );
    assert!(links.contains(&"https://nymtech.net"), "{links:?}");
    let s = titled(&p, "Opening Ceremony");
    assert_eq!(s.start.time.hh_mm(), "11:00");
    assert_eq!(s.speakers.len(), 2);
    assert!(p.speakers.iter().any(|sp| sp.name == "jinxx"));
}

#[test]
fn frab_file_the_validator_rejects_is_still_read() {
    // Ids as strings, rooms beside `conference`, HTML in descriptions, a non-ASCII person code.
    let p = read("tests/fixtures/frab-invalid-example.json");
    assert_eq!(p.event.title, "Winterchaos");
    assert_eq!(p.sessions.len(), 1);
    let s = &p.sessions[0];
    assert_eq!(
        s.room
            .as_ref()
            .and_then(|r| p.room(r))
            .and_then(|r| r.description.as_deref()),
        Some("Talks at LuXerias and LABOR Luzerns Winterchaos 2022")
    );
    let d = s.description.as_deref().unwrap_or("");
    assert!(!d.contains("<br"), "HTML reduced to text: {d:?}");
    assert!(
        d.contains("\n\n* Einführung ins Active Directory\n"),
        "{d:?}"
    );
    assert_eq!(p.speakers[0].name, "Mänu");
}

#[test]
fn frab_days_run_past_midnight() {
    let json = r#"{"schedule": {"version": "1", "conference": {"title": "Late", "time_zone_name": "Europe/Berlin",
        "days": [{"index": 1, "date": "2019-08-21", "day_start": "2019-08-21T04:00:00+02:00", "day_end": "2019-08-22T03:59:00+02:00",
          "rooms": {"Curie": [
            {"guid": "a", "id": 1, "date": "2019-08-21T23:30:00+02:00", "start": "23:30", "duration": "01:30", "title": "Night talk", "persons": [{"name": "Only Name"}], "links": []},
            {"guid": "b", "id": 2, "date": "2019-08-22T01:30:00+02:00", "start": "01:30", "duration": "00:30", "title": "After midnight", "persons": [{"public_name": "P", "name": "Legal Name"}]},
            {"guid": "c", "id": 3, "start": "02:00", "duration": "0:45", "title": "No date field", "type": "Break"}
          ]}}]}}}"#;
    let p = read_programme(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.days, [date("2019-08-21")]);
    let late = titled(&p, "After midnight");
    assert_eq!(late.day, date("2019-08-21"));
    assert_eq!(late.start.date, date("2019-08-22"));
    assert_eq!(
        titled(&p, "Night talk").end.to_string(),
        "2019-08-22T01:00:00+02:00"
    );
    assert_eq!(
        p.speakers
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Only Name", "P"]
    );
    let no_date = titled(&p, "No date field");
    assert_eq!(no_date.start.to_string(), "2019-08-21T02:00:00+02:00");
    assert!(p.is_break(no_date));
    assert_eq!(p.session_count(), 2);
}

#[test]
fn pretalx_widget() {
    let p = read("tests/fixtures/pretalx-widget-sample.json");
    assert_eq!(p.source_format, Some(SourceFormat::PretalxWidget));
    assert_eq!(p.event.time_zone.as_deref(), Some("Europe/Paris"));
    assert_eq!(p.days, [date("2027-03-16"), date("2027-03-17")]);
    assert_eq!(p.sessions.len(), 100);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let s = titled(&p, "Mesurer les données ouvertes en milieu scolaire");
    assert_eq!(s.id.as_str(), "7P9DLC");
    assert_eq!(
        s.room
            .as_ref()
            .and_then(|r| p.room(r))
            .map(|r| r.name.as_str()),
        Some("Amphithéâtre Curie")
    );
    let theme = s.theme.as_ref().and_then(|t| p.theme(t));
    assert!(theme.is_some_and(|t| t.color.as_deref().is_some_and(|c| c.starts_with('#'))));
    assert_eq!(
        s.speakers
            .iter()
            .filter_map(|id| p.speaker(id))
            .map(|sp| sp.name.as_str())
            .collect::<Vec<_>>(),
        ["Léonie Perrin"]
    );
    assert_eq!(s.language.as_deref(), Some("fr"));
    assert_eq!(s.duration_minutes(), 45);
}

#[test]
fn pretalx_unscheduled_talks_and_localized_names_are_handled() {
    let json = r#"{"talks": [
        {"code": "A", "title": {"en": "Hello", "de": "Hallo"}, "speakers": ["X"], "room": 1, "start": "2024-05-01T10:00:00+02:00", "end": "2024-05-01T10:30:00+02:00"},
        {"code": "B", "title": "Later", "speakers": []}],
      "rooms": [{"id": 1, "name": {"de": "Saal", "en": "Hall"}}, {"id": 2, "name": {"fr": "Salle", "de": "Saal"}}],
      "speakers": [{"code": "X", "name": "Xena"}], "tracks": [], "timezone": "Europe/Berlin"}"#;
    let p = read_programme(json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.sessions.len(), 1);
    assert_eq!(p.sessions[0].title, "Hello");
    assert_eq!(p.rooms[1].name, "Salle");
    assert_eq!(p.rooms[0].name, "Hall");
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].problem, Problem::Unscheduled);
    assert_eq!(
        p.warnings[0].message(Lang::Fr),
        "talks[1] (« Later ») : pas encore d’horaire : séance non affichée"
    );
}

const OWN_OK: &str = r##"{"agenda_format": 1,
  "event": {"title": "Test", "time_zone": "Europe/Paris"},
  "rooms": [{"id": "a", "name": "Salle A"}],
  "themes": [{"id": "t", "name": "Thème", "color": "#123456"}],
  "formats": [{"id": "p", "name": "Pause", "kind": "break"}, {"id": "c", "name": "Conférence"}],
  "speakers": [{"id": "x", "name": "Xavier", "organisation": "Org"}],
  "sessions": [
    {"id": "s1", "title": "Un", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "a", "theme": "t", "format": "c", "speakers": ["x"], "illustrative": ["time"], "links": [{"url": "https://example.org/slides", "kind": "slides"}]},
    {"id": "p1", "title": "Pause", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T11:15:00+01:00", "format": "p"}
  ]}"##;

#[test]
fn own_format_reads_everything() {
    let p = read_programme(OWN_OK).unwrap_or_else(|e| panic!("{e}"));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.session_count(), 1);
    assert_eq!(p.count_on_day(date("2026-02-10")), 1);
    let s = &p.sessions[0];
    assert!(s.illustrative.time && !s.illustrative.room);
    assert_eq!(s.links[0].kind, LinkKind::Slides);
    assert!(p.is_break(&p.sessions[1]));
    assert_eq!(p.sessions_of(&SpeakerId("x".into())).count(), 1);
}

/// Replaces the first occurrence of `from` in the valid programme.
fn broken(from: &str, to: &str) -> Result<Programme, ProgrammeError> {
    assert!(OWN_OK.contains(from), "{from}");
    read_programme(&OWN_OK.replacen(from, to, 1))
}

fn only_warning(p: Result<Programme, ProgrammeError>) -> (String, String) {
    let p = p.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    (p.warnings[0].path.clone(), p.warnings[0].message(Lang::Fr))
}

#[test]
fn a_bad_session_is_left_out_and_reported_with_its_place() {
    let (path, msg) = only_warning(broken(r#""title": "Un", "#, ""));
    assert_eq!(path, "sessions[0].title");
    assert_eq!(msg, "sessions[0].title : champ obligatoire absent ou vide");

    let (_, msg) = only_warning(broken(
        "2026-02-10T10:00:00+01:00",
        "2026-02-30T10:00:00+01:00",
    ));
    assert_eq!(msg, "sessions[0].start (« Un ») : date ou heure illisible « 2026-02-30T10:00:00+01:00 » : cette date ou cette heure n’existe pas");

    let (_, msg) = only_warning(broken(
        "2026-02-10T11:00:00+01:00\", \"room\"",
        "2026-02-10T09:00:00+01:00\", \"room\"",
    ));
    assert_eq!(
        msg,
        "sessions[0].end (« Un ») : la fin n’est pas après le début"
    );

    let (_, msg) = only_warning(broken(r#""id": "p1""#, r#""id": "s1""#));
    assert_eq!(
        msg,
        "sessions[1].id (« Pause ») : identifiant « s1 » déjà utilisé : cet élément est ignoré"
    );
}

#[test]
fn unknown_references_are_dropped_and_reported() {
    let p = broken(r#""room": "a""#, r#""room": "zz""#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.sessions[0].room, None);
    assert_eq!(
        p.warnings[0].problem,
        Problem::UnknownReference {
            kind: RefKind::Room,
            id: "zz".into()
        }
    );
    assert_eq!(
        p.warnings[0].message(Lang::Fr),
        "sessions[0].room (« Un ») : salle inconnue « zz » (pas dans la liste)"
    );
    assert_eq!(
        p.warnings[0].message(Lang::En),
        "sessions[0].room (\"Un\"): unknown room \"zz\" (not in the list)"
    );
    let p = broken(r#""speakers": ["x"]"#, r#""speakers": ["x", "ghost"]"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.sessions[0].speakers, [SpeakerId("x".into())]);
    let (_, msg) = only_warning(broken(r#""format": "c""#, r#""format": "q""#));
    assert!(
        msg.ends_with("format inconnu « q » (pas dans la liste)"),
        "{msg}"
    );
    // The adjective agrees with each noun.
    let (_, msg) = only_warning(broken(r#""theme": "t""#, r#""theme": "zz""#));
    assert!(
        msg.ends_with("thème inconnu « zz » (pas dans la liste)"),
        "{msg}"
    );
    let (_, msg) = only_warning(broken(r#""speakers": ["x"]"#, r#""speakers": ["ghost"]"#));
    assert!(
        msg.ends_with("intervenant·e inconnu·e « ghost » (pas dans la liste)"),
        "{msg}"
    );
}

#[test]
fn unsafe_links_are_refused() {
    let (path, msg) = only_warning(broken("https://example.org/slides", "javascript:alert(1)"));
    assert_eq!(path, "sessions[0].links[0].url");
    assert!(
        msg.contains("javascript:alert(1)") && msg.contains("http, https et mailto"),
        "{msg}"
    );
}

#[test]
fn fatal_problems_stop_with_every_place_named() {
    let e = broken(r#""title": "Test", "#, "").err();
    let Some(ProgrammeError::Invalid(d)) = e else {
        panic!("{e:?}")
    };
    assert_eq!(d[0].path, "event.title");

    let e = broken(r#""sessions": ["#, r#""sessions": 3, "old": ["#).err();
    assert!(
        matches!(&e, Some(ProgrammeError::Invalid(d)) if d[0].path == "sessions"),
        "{e:?}"
    );

    // When no session at all can be read, nothing is shown and every problem is listed.
    let all_bad = OWN_OK.replace("+01:00", "");
    let e = read_programme(&all_bad).err();
    let Some(ProgrammeError::Invalid(d)) = &e else {
        panic!("{e:?}")
    };
    assert_eq!(d.len(), 4);
    assert_eq!(
        e.map(|e| e.message(Lang::Fr)).as_deref(),
        Some("Le programme ne peut pas être affiché : 4 problèmes à corriger dans le fichier.")
    );
}

#[test]
fn sample_programmes_read_cleanly() {
    let samples = [
        "public/programme.json",
        "public/programmes/fing-2015.json",
        "public/programmes/nec-strasbourg-2025.json",
        "public/programmes/nec-nantes-2018.json",
        "public/programmes/fabrique-territoire-2021.json",
    ];
    for rel in samples {
        let p = read(rel);
        assert!(p.warnings.is_empty(), "{rel}: {:#?}", p.warnings);
        assert_eq!(p.source_format, Some(SourceFormat::Agenda), "{rel}");
        assert!(p.session_count() > 0, "{rel}");
        assert_eq!(p.event.time_zone.as_deref(), Some("Europe/Paris"), "{rel}");
        assert!(
            p.event.editorial_note.is_some(),
            "{rel}: says what is illustrative"
        );
    }
}

#[test]
fn default_programme_keeps_the_source_facts() {
    let p = read("public/programme.json");
    assert_eq!(p.event.title, "Rencontres du numérique 2026");
    assert_eq!(
        p.event.subtitle.as_deref(),
        Some("Numérique et territoires")
    );
    assert_eq!(p.days, [date("2026-02-10")]);
    let venue = p.event.venue.as_ref().unwrap_or_else(|| panic!("venue"));
    assert_eq!(
        venue.address_line().as_deref(),
        Some("5 bd Descartes, 77420 Champs-sur-Marne")
    );
    assert_eq!(venue.transport, ["RER A Noisy-Champs"]);
    assert!(venue
        .map_link()
        .is_some_and(|u| u.as_str().starts_with("https://www.openstreetmap.org/")));
    let first = p.sessions.first().map(|s| s.start.time.hh_mm());
    let last = p
        .sessions
        .iter()
        .map(|s| s.end)
        .max()
        .map(|e| e.time.hh_mm());
    assert_eq!(
        (first.as_deref(), last.as_deref()),
        (Some("09:30"), Some("18:00"))
    );
    let mut speakers: Vec<(&str, Option<String>)> = p
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.affiliation()))
        .collect();
    speakers.sort();
    assert_eq!(
        speakers,
        [
            ("Alberica Bozzi", Some("doctorante".into())),
            ("Antoine Courmont", Some("Université Gustave-Eiffel".into())),
            ("Emmanuelle Roux", Some("IGN".into())),
            (
                "Loïc Dayot",
                Some("ville de Villejuif et France numérique libre".into())
            ),
            ("Victor Potier", Some("Université Gustave-Eiffel".into())),
            ("Vincent Chabault", Some("Université Gustave-Eiffel".into())),
            ("Xavier Capodano", Some("Librest".into())),
        ]
    );
    assert_eq!(p.themes.len(), 4);
    // Every speaker speaks, every theme has its session, every made-up time is marked.
    assert_eq!(p.speakers_by_name().len(), 7);
    assert!(p
        .themes
        .iter()
        .all(|t| p.sessions.iter().any(|s| s.theme.as_ref() == Some(&t.id))));
    assert!(p
        .sessions
        .iter()
        .filter(|s| !p.is_break(s))
        .all(|s| s.illustrative.time));
}

#[test]
fn programme_spanning_weeks_uses_a_compact_date_list() {
    assert!(read("public/programmes/fabrique-territoire-2021.json").days_span_weeks());
    assert!(!read("public/programme.json").days_span_weeks());
    assert!(!read("tests/fixtures/frab-camp2019.json").days_span_weeks());
}

#[test]
fn venue_map_links_never_leave_openstreetmap_and_say_where() {
    let mut v = Venue {
        street: Some("5 bd Descartes".into()),
        postcode: Some("77420".into()),
        city: Some("Champs-sur-Marne".into()),
        ..Default::default()
    };
    assert_eq!(
        v.map_link().map(|u| u.as_str().to_owned()).as_deref(),
        Some("https://www.openstreetmap.org/search?query=5%20bd%20Descartes%2C%2077420%20Champs-sur-Marne")
    );
    v.geo = Some(("48.8397".into(), "2.5856".into()));
    assert_eq!(
        v.map_link().map(|u| u.as_str().to_owned()).as_deref(),
        Some("https://www.openstreetmap.org/?mlat=48.8397&mlon=2.5856#map=17/48.8397/2.5856")
    );
    let nameless = Venue {
        name: Some("Palais universitaire".into()),
        city: Some("Strasbourg".into()),
        ..Default::default()
    };
    assert!(nameless.map_link().is_some_and(|u| u
        .as_str()
        .ends_with("query=Palais%20universitaire%2C%20Strasbourg")));
    assert_eq!(Venue::default().map_link(), None);
    // A programme's own map link is kept only if it is http(s).
    assert_eq!(Url::parse("javascript:alert(1)"), None);
    assert_eq!(Url::parse("https://example.org/a b"), None);
}

#[test]
fn speakers_are_listed_by_name_ignoring_accents() {
    let json = r#"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
      "speakers": [{"id": "z", "name": "Zoé"}, {"id": "e", "name": "Émile"}, {"id": "a", "name": "Anne"}, {"id": "n", "name": "Nobody"}],
      "sessions": [{"id": "1", "title": "S", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "speakers": ["z", "e", "a"]}]}"#;
    let p = read_programme(json).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = p
        .speakers_by_name()
        .into_iter()
        .map(|s| s.name.as_str())
        .collect();
    // Speakers without a session are not listed.
    assert_eq!(names, ["Anne", "Émile", "Zoé"]);
    assert_eq!(
        p.speaker(&SpeakerId("e".into())).map(|s| s.name.as_str()),
        Some("Émile")
    );
    assert_eq!(
        p.session(&SessionId("1".into())).map(|s| s.title.as_str()),
        Some("S")
    );
    assert_eq!(p.session(&SessionId("2".into())), None);
}
