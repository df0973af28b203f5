//! `agenda-check`: reads a programme file exactly as the agenda does and prints what is wrong,
//! with line and column, for organisers; or converts a frab, pretalx or c3voc schedule 2.0 export
//! to the agenda's own format.
//!
//! ```text
//! cargo run -p agenda-check -- programme.json            # diagnostics; exit 1 if it cannot be shown
//! cargo run -p agenda-check -- --strict programme.json   # exit 1 on any problem
//! cargo run -p agenda-check -- --convert schedule.json > programme.json
//! cargo run -p agenda-check -- --lang en programme.json  # messages in English
//! cargo run -p agenda-check -- --publish programme.json dist/  # the built site, for this programme
//! ```

mod locate;
mod publish;

use agenda_core::i18n::{number, sessions_count};
use agenda_core::{read_programme, write, Lang, Programme, ProgrammeError, SourceFormat};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: agenda-check [--strict] [--lang fr|en] [--convert] FILE");
    eprintln!("       agenda-check [--lang fr|en] --publish FILE SITE_FOLDER");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut strict = false;
    let mut convert = false;
    let mut lang = Lang::Fr;
    let mut file = None;
    let mut publish = false;
    let mut site = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--strict" => strict = true,
            "--convert" => convert = true,
            "--publish" => publish = true,
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
                None => return usage(),
            },
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() && !a.starts_with("--") => file = Some(a),
            _ if publish && site.is_none() && !a.starts_with("--") => site = Some(a),
            _ => return usage(),
        }
    }
    let Some(file) = file else { return usage() };
    if publish != site.is_some() || (publish && convert) {
        return usage();
    }
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(2);
        }
    };

    match read_programme(&text) {
        Err(e) => {
            report_error(&file, &text, &e, lang);
            ExitCode::from(1)
        }
        Ok(p) => {
            let locations = locate::positions(&text, p.warnings.iter().map(|w| w.path.as_str()));
            // In file order, as an editor lists them.
            let mut lines: Vec<((usize, usize), String)> = p
                .warnings
                .iter()
                .map(|w| {
                    (
                        locations.get(w.path.as_str()).copied().unwrap_or((1, 1)),
                        w.message(lang),
                    )
                })
                .collect();
            lines.sort();
            for ((line, col), message) in lines {
                eprintln!("{file}:{line}:{col}: {}: {message}", word(lang, false));
            }
            eprintln!("{}", summary(&file, &p, lang));
            if let Some(site) = site {
                if strict && !p.warnings.is_empty() {
                    return ExitCode::from(1);
                }
                return match publish::site(&p, &text, std::path::Path::new(&site)) {
                    Ok(done) => {
                        eprintln!("{}", published(&site, &done, lang));
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("{}", e.message(lang));
                        ExitCode::from(2)
                    }
                };
            }
            if convert {
                match write::programme(&p) {
                    Ok(text) => print!("{text}"),
                    Err(e) => {
                        eprintln!("{file}: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
            if strict && !p.warnings.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// The one line that sums up a programme read: "programme.json : format de l’agenda, 6 séances
/// sur 1 jour, 7 intervenant·es ; aucun problème" / "programme.json: agenda format, 6 sessions
/// over 1 day, 7 speakers; no problems".
fn summary(file: &str, p: &Programme, lang: Lang) -> String {
    let format = match (p.source_format, lang) {
        (Some(SourceFormat::Agenda), Lang::Fr) => "format de l’agenda",
        (Some(SourceFormat::Agenda), Lang::En) => "agenda format",
        (Some(SourceFormat::Frab), _) => "frab/c3voc schedule.json",
        (Some(SourceFormat::Schedule2), _) => "c3voc schedule 2.0",
        (Some(SourceFormat::PretalxWidget), Lang::Fr) => "JSON du widget pretalx",
        (Some(SourceFormat::PretalxWidget), Lang::En) => "pretalx widget JSON",
        (None, _) => "?",
    };
    let count = |n: usize, (one, many): (&str, &str)| {
        let word = match lang {
            Lang::Fr if n <= 1 => one,
            Lang::En if n == 1 => one,
            _ => many,
        };
        format!("{} {word}", number(lang, n))
    };
    // The words, the punctuation (French spaces its colons and semicolons) and the nouns.
    let (colon, over, semicolon, none, [days, speakers, problems]) = match lang {
        Lang::Fr => (
            " :",
            "sur",
            " ;",
            "aucun problème",
            [
                ("jour", "jours"),
                ("intervenant·e", "intervenant·es"),
                ("problème", "problèmes"),
            ],
        ),
        Lang::En => (
            ":",
            "over",
            ";",
            "no problems",
            [
                ("day", "days"),
                ("speaker", "speakers"),
                ("problem", "problems"),
            ],
        ),
    };
    let problems = match p.warnings.len() {
        0 => none.to_owned(),
        n => count(n, problems),
    };
    format!(
        "{file}{colon} {format}, {} {over} {}, {}{semicolon} {problems}",
        sessions_count(lang, p.session_count()),
        count(p.days.len(), days),
        count(p.speakers.len(), speakers),
    )
}

/// "dist : index.html, … écrits ; service worker 0123456789abcdef".
fn published(site: &str, done: &publish::Published, lang: Lang) -> String {
    let files = done.files.join(", ");
    match lang {
        Lang::Fr => format!(
            "{site} : {files} écrits ; version du service worker {}",
            done.version
        ),
        Lang::En => format!(
            "{site}: {files} written; service worker version {}",
            done.version
        ),
    }
}

fn word(lang: Lang, error: bool) -> &'static str {
    match (lang, error) {
        (Lang::Fr, true) => "erreur",
        (Lang::Fr, false) => "avertissement",
        (Lang::En, true) => "error",
        (Lang::En, false) => "warning",
    }
}

fn report_error(file: &str, text: &str, e: &ProgrammeError, lang: Lang) {
    match e {
        ProgrammeError::Syntax { line, column, .. } => eprintln!(
            "{file}:{line}:{column}: {}: {}",
            word(lang, true),
            e.message(lang)
        ),
        ProgrammeError::Invalid(details)
        | ProgrammeError::SessionsNotRead {
            problems: details, ..
        } => {
            eprintln!("{file}: {}: {}", word(lang, true), e.message(lang));
            let locations = locate::positions(text, details.iter().map(|d| d.path.as_str()));
            for d in details {
                let (line, col) = locations.get(d.path.as_str()).copied().unwrap_or((1, 1));
                eprintln!(
                    "{file}:{line}:{col}: {}: {}",
                    word(lang, true),
                    d.message(lang)
                );
            }
        }
        _ => eprintln!("{file}:1:1: {}: {}", word(lang, true), e.message(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(rel: &str) -> Programme {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(rel);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
        read_programme(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    #[test]
    fn the_summary_speaks_the_chosen_language() {
        let p = sample("public/programme.json");
        assert_eq!(
            summary("programme.json", &p, Lang::Fr),
            "programme.json : format de l’agenda, 6 séances sur 1 jour, 7 intervenant·es ; aucun problème"
        );
        assert_eq!(
            summary("programme.json", &p, Lang::En),
            "programme.json: agenda format, 6 sessions over 1 day, 7 speakers; no problems"
        );
        let p = sample("tests/fixtures/pretalx-rc3.json");
        assert_eq!(
            summary("rc3.json", &p, Lang::Fr),
            "rc3.json : frab/c3voc schedule.json, 48 séances sur 4 jours, 56 intervenant·es ; aucun problème"
        );
        let p = sample("tests/fixtures/bad/tolerated.json");
        assert!(
            summary("t.json", &p, Lang::Fr).ends_with(" ; 4 problèmes"),
            "{}",
            summary("t.json", &p, Lang::Fr)
        );
        assert!(summary("t.json", &p, Lang::En).ends_with("; 4 problems"));
    }
}
