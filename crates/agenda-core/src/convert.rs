//! What the page's worker and the page say to each other about a frab or pretalx export.
//!
//! The page's own wasm reads only the agenda's format ([`crate::read_own`]): the frab and pretalx
//! readers (about 11 KB of the page's gzip budget) live in a web worker, which the page starts
//! only for such a file, and which also keeps a large export from freezing the page while it is
//! read. The worker answers with [`answer`]: the programme converted to the agenda's format, with
//! the problems found put into words in both languages; the page reads that with [`read_answer`]
//! and shows the same programme and the same problems as if it had read the export itself.
//!
//! The answer is JSON: `{"source_format": "frab", "programme": {…}, "problems": [{"path", "item",
//! "fr", "en"}…]}`, or `{"invalid": [problems]}` when the export cannot be shown.

use crate::diag::{Diagnostic, Problem, ProgrammeError};
use crate::i18n::Lang;
use crate::json::{write_string, Value};
use crate::model::{Programme, SourceFormat};
use crate::read::{parse_json, read_own_object};
use crate::{read_programme, write};

fn format_name(f: Option<SourceFormat>) -> &'static str {
    match f {
        Some(SourceFormat::PretalxWidget) => "pretalx",
        Some(SourceFormat::Frab) => "frab",
        _ => "agenda",
    }
}

fn write_problems(out: &mut String, problems: &[Diagnostic]) {
    out.push('[');
    for (i, d) in problems.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"path\":");
        write_string(&d.path, out);
        if let Some(item) = &d.item {
            out.push_str(",\"item\":");
            write_string(item, out);
        }
        out.push_str(",\"fr\":");
        write_string(&d.problem.message(Lang::Fr), out);
        out.push_str(",\"en\":");
        write_string(&d.problem.message(Lang::En), out);
        out.push('}');
    }
    out.push(']');
}

/// The worker's answer to the text of a programme file.
pub fn answer(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    match read_programme(input) {
        Ok(p) => {
            out.push_str("{\"source_format\":");
            write_string(format_name(p.source_format), &mut out);
            out.push_str(",\"problems\":");
            write_problems(&mut out, &p.warnings);
            // The agenda's format needs a title, which the writer supplies; the page says
            // "untitled" itself.
            if p.event.title.is_empty() {
                out.push_str(",\"untitled\":true");
            }
            out.push_str(",\"programme\":");
            out.push_str(&write::programme(&p));
            out.push('}');
        }
        Err(e) => {
            let problems = match e {
                ProgrammeError::Invalid(problems) => problems,
                // The page hands over only files it has parsed and recognised, so no other error
                // is expected; still, it is said rather than lost.
                e => vec![Diagnostic {
                    path: String::new(),
                    item: None,
                    problem: Problem::Said {
                        fr: e.message(Lang::Fr),
                        en: e.message(Lang::En),
                    },
                }],
            };
            out.push_str("{\"invalid\":");
            write_problems(&mut out, &problems);
            out.push('}');
        }
    }
    out
}

fn read_problems(v: Option<&Value>) -> Vec<Diagnostic> {
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .map(|d| {
            let text = |k: &str| {
                d.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            Diagnostic {
                path: text("path"),
                item: d.get("item").and_then(Value::as_str).map(str::to_owned),
                problem: Problem::Said {
                    fr: text("fr"),
                    en: text("en"),
                },
            }
        })
        .collect()
}

/// The page's reading of the worker's answer: the programme and its problems, or the error.
pub fn read_answer(answer: &str) -> Result<Programme, ProgrammeError> {
    let v = parse_json(answer)?;
    if let Some(invalid) = v.get("invalid") {
        return Err(ProgrammeError::Invalid(read_problems(Some(invalid))));
    }
    let mut p = read_own_object(v.get("programme").unwrap_or(&Value::Null))?;
    if v.get("untitled").is_some() {
        p.event.title.clear();
    }
    p.source_format = match v.get("source_format").and_then(Value::as_str) {
        Some("frab") => Some(SourceFormat::Frab),
        Some("pretalx") => Some(SourceFormat::PretalxWidget),
        _ => p.source_format,
    };
    // The converted programme is sound by construction; its own problems (none expected) stay
    // after the export's.
    let own = std::mem::take(&mut p.warnings);
    p.warnings = read_problems(v.get("problems"));
    p.warnings.extend(own);
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_own;

    fn fixture(name: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// Through the worker, a frab or pretalx export gives the page the same programme and the same
    /// problems, word for word, as reading it directly.
    #[test]
    fn the_page_sees_what_a_direct_reading_sees() {
        for f in [
            "frab-from-pretalx-democon.json",
            "frab-camp2019.json",
            "pretalx-widget-sample.json",
            "frab-invalid-example.json",
            "bad/one-bad-session.json",
        ] {
            let text = fixture(f);
            let direct = read_programme(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
            let own = read_own(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
            let seen = match own {
                Some(p) => p, // already the agenda's format
                None => read_answer(&answer(&text)).unwrap_or_else(|e| panic!("{f}: {e}")),
            };
            assert_eq!(seen.source_format, direct.source_format, "{f}");
            assert_eq!(seen.sessions.len(), direct.sessions.len(), "{f}");
            for (a, b) in seen.sessions.iter().zip(&direct.sessions) {
                assert_eq!(a, b, "{f}");
            }
            assert_eq!(seen.rooms, direct.rooms, "{f}");
            assert_eq!(seen.themes, direct.themes, "{f}");
            assert_eq!(seen.speakers, direct.speakers, "{f}");
            assert_eq!(seen.days, direct.days, "{f}");
            assert_eq!(seen.event, direct.event, "{f}");
            for lang in [Lang::Fr, Lang::En] {
                let said: Vec<String> = seen.warnings.iter().map(|d| d.message(lang)).collect();
                let found: Vec<String> = direct.warnings.iter().map(|d| d.message(lang)).collect();
                assert_eq!(said, found, "{f}");
            }
        }
    }

    #[test]
    fn an_export_that_cannot_be_shown_is_said_the_same() {
        let text = r#"{"schedule": {"conference": {"title": "X", "days": [{"date": "2026-02-10",
            "rooms": {"A": [{"id": 1, "guid": "g", "title": "", "date": "nope", "duration": "xx"}]}}]}}}"#;
        let direct = read_programme(text).err();
        assert!(
            matches!(direct, Some(ProgrammeError::Invalid(_))),
            "{direct:?}"
        );
        assert_eq!(read_own(text), Ok(None));
        let seen = read_answer(&answer(text)).err();
        let words = |e: &ProgrammeError, lang: Lang| {
            let places: Vec<String> = e.details().iter().map(|d| d.message(lang)).collect();
            (e.message(lang), places)
        };
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(
                seen.as_ref().map(|e| words(e, lang)),
                direct.as_ref().map(|e| words(e, lang))
            );
        }
    }
}
