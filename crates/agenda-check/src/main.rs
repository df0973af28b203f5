//! `agenda-check`: reads a programme file exactly as the agenda does and prints what is wrong,
//! with line and column, for organisers; or converts a frab / pretalx export to the agenda's own
//! format.
//!
//! ```text
//! cargo run -p agenda-check -- programme.json            # diagnostics; exit 1 if it cannot be shown
//! cargo run -p agenda-check -- --strict programme.json   # exit 1 on any problem
//! cargo run -p agenda-check -- --convert schedule.json > programme.json
//! cargo run -p agenda-check -- --lang en programme.json  # messages in English
//! ```

mod locate;

use agenda_core::{read_programme, write, Lang, ProgrammeError, SourceFormat};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: agenda-check [--strict] [--lang fr|en] [--convert] FILE");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut strict = false;
    let mut convert = false;
    let mut lang = Lang::Fr;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--strict" => strict = true,
            "--convert" => convert = true,
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => lang = l,
                None => return usage(),
            },
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() && !a.starts_with("--") => file = Some(a),
            _ => return usage(),
        }
    }
    let Some(file) = file else { return usage() };
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
            let format = match p.source_format {
                Some(SourceFormat::Agenda) => "agenda",
                Some(SourceFormat::Frab) => "frab/c3voc schedule.json",
                Some(SourceFormat::PretalxWidget) => "pretalx widget",
                None => "?",
            };
            eprintln!(
                "{file}: {format}, {} sessions over {} days, {} speakers; {} problem(s)",
                p.session_count(),
                p.days.len(),
                p.speakers.len(),
                p.warnings.len()
            );
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
        ProgrammeError::Invalid(details) => {
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
