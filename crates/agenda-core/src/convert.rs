//! What the page's worker and the page say to each other about a schedule 2.0, frab or pretalx
//! export.
//!
//! The page's own wasm reads only the agenda's format ([`crate::read_own`]): the export readers
//! (11 KB of the page's gzip budget measured for frab's and pretalx's; the worker grew by 12 KB
//! with schedule 2.0's) live in a web worker, which the page starts only for such a file, and which also keeps a large export from freezing the page while it is
//! read. The worker answers with [`answer`]: the programme converted to the agenda's format, with
//! the problems found put into words in both languages; the page reads that with [`read_answer`]
//! and shows the same programme and the same problems as if it had read the export itself.
//!
//! The answer is the JSON of [`Answer`]: `{"read": {"source_format": "frab", "problems":
//! [{"path", "item", "fr", "en"}…], "programme": {…}}}`, or `{"invalid": [problems]}` when the
//! export cannot be shown, or `{"sessions_not_read": {"place", "count", "expected", "problems"}}`
//! when it holds sessions where its format does not have them.

use crate::diag::{Diagnostic, Problem, ProgrammeError};
use crate::i18n::Lang;
use crate::model::{Programme, SourceFormat};
use crate::read::read_own_text;
use crate::{read_programme, write};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The worker's message. `P` is the programme: written as [`write::File`], read back as the raw
/// text the agenda's own (lenient) reader takes.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Answer<P> {
    /// The export was read.
    Read {
        source_format: Option<SourceFormat>,
        problems: Vec<Said>,
        /// The agenda's format needs a title, which the writer supplies; the page says
        /// "untitled" itself.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        untitled: bool,
        programme: P,
    },
    /// The export cannot be shown, for these reasons.
    Invalid(Vec<Said>),
    /// Not a session read, though the export holds some elsewhere
    /// ([`ProgrammeError::SessionsNotRead`]).
    SessionsNotRead {
        place: String,
        count: usize,
        expected: String,
        problems: Vec<Said>,
    },
}

/// A problem put into words in both languages, where it was found.
#[derive(Serialize, Deserialize)]
struct Said {
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    item: Option<String>,
    fr: String,
    en: String,
}

impl From<&Diagnostic> for Said {
    fn from(d: &Diagnostic) -> Said {
        Said {
            path: d.path.clone(),
            item: d.item.clone(),
            fr: d.problem.message(Lang::Fr),
            en: d.problem.message(Lang::En),
        }
    }
}

impl From<Said> for Diagnostic {
    fn from(s: Said) -> Diagnostic {
        Diagnostic {
            path: s.path,
            item: s.item,
            problem: Problem::Said { fr: s.fr, en: s.en },
        }
    }
}

/// The worker's answer to the text of a programme file. Serialising these plain structs does not
/// fail (serde_json fails only on maps with non-text keys); the error is passed on all the same.
pub fn answer(input: &str) -> serde_json::Result<String> {
    match read_programme(input) {
        Ok(p) => serde_json::to_string(&Answer::Read {
            source_format: p.source_format,
            problems: p.warnings.iter().map(Said::from).collect(),
            untitled: p.event.title.is_empty(),
            programme: write::File::of(&p),
        }),
        Err(ProgrammeError::SessionsNotRead {
            place,
            count,
            expected,
            problems,
        }) => serde_json::to_string(&Answer::<()>::SessionsNotRead {
            place,
            count,
            expected,
            problems: problems.iter().map(Said::from).collect(),
        }),
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
            serde_json::to_string(&Answer::<()>::Invalid(
                problems.iter().map(Said::from).collect(),
            ))
        }
    }
}

/// The page's reading of the worker's answer: the programme and its problems, or the error.
pub fn read_answer(answer: &str) -> Result<Programme, ProgrammeError> {
    let answer: Answer<&RawValue> =
        serde_json::from_str(answer).map_err(|e| ProgrammeError::Syntax {
            line: e.line(),
            column: e.column(),
            truncated: e.is_eof(),
        })?;
    match answer {
        Answer::Invalid(problems) => Err(ProgrammeError::Invalid(
            problems.into_iter().map(Diagnostic::from).collect(),
        )),
        Answer::SessionsNotRead {
            place,
            count,
            expected,
            problems,
        } => Err(ProgrammeError::SessionsNotRead {
            place,
            count,
            expected,
            problems: problems.into_iter().map(Diagnostic::from).collect(),
        }),
        Answer::Read {
            source_format,
            problems,
            untitled,
            programme,
        } => {
            let mut p = read_own_text(programme.get())?;
            if untitled {
                p.event.title.clear();
            }
            p.source_format = source_format.or(p.source_format);
            // The converted programme is sound by construction; its own problems (none
            // expected) stay after the export's.
            let own = std::mem::take(&mut p.warnings);
            p.warnings = problems.into_iter().map(Diagnostic::from).collect();
            p.warnings.extend(own);
            Ok(p)
        }
    }
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
                None => read_answer(&answer(&text).unwrap_or_else(|e| panic!("{f}: {e}")))
                    .unwrap_or_else(|e| panic!("{f}: {e}")),
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
        let seen = read_answer(&answer(text).unwrap_or_else(|e| panic!("{e}"))).err();
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

    /// The message itself: typed, compact, what is absent left out.
    #[test]
    fn the_answer_says_the_format_the_problems_and_the_programme() {
        let text = fixture("bad/one-bad-session.json");
        let said = answer(&text).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            said.starts_with(r#"{"read":{"source_format":"agenda","problems":[{"path":"sessions[1].end","item":"Backwards","fr":"#),
            "{said}"
        );
        assert!(
            said.contains(r#""programme":{"$schema":"programme.schema.json","agenda_format":1,"#),
            "{said}"
        );
        assert!(!said.contains("untitled"), "{said}");
        assert!(matches!(
            read_answer(r#"{"invalid":[{"path":"sessions[0].start","fr":"a","en":"b"}]}"#),
            Err(ProgrammeError::Invalid(d)) if d.len() == 1 && d[0].item.is_none()
        ));
        assert!(matches!(
            read_answer(r#"{"read":{"source_format":"frab""#),
            Err(ProgrammeError::Syntax {
                truncated: true,
                ..
            })
        ));
    }
}
