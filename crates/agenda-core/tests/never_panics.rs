//! Property: whatever bytes arrive, reading gives a programme or an error, never a panic. The
//! inputs are drawn from a seeded generator: random bytes, random JSON shapes with the programme
//! formats' field names, and the real fixtures damaged (truncated, bytes replaced, inserted,
//! deleted). A failing seed prints the input that broke.

use agenda_core::{read_programme, Lang, ProgrammeError};
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Reads `input` and exercises what the app does with the result.
fn check(input: &str) {
    let outcome = std::panic::catch_unwind(|| match read_programme(input) {
        Ok(p) => {
            for w in &p.warnings {
                let _ = w.message(Lang::Fr);
            }
            for d in &p.days {
                let _ = p.count_on_day(*d);
            }
            let _ = p.speakers_by_name();
            let _ = p.event.venue.as_ref().map(|v| v.map_link());
        }
        Err(e) => {
            let _ = (e.message(Lang::Fr), e.message(Lang::En));
            if let ProgrammeError::Invalid(d) = &e {
                for x in d {
                    let _ = x.message(Lang::En);
                }
            }
        }
    });
    assert!(
        outcome.is_ok(),
        "panicked on input: {:?}",
        input.chars().take(400).collect::<String>()
    );
}

const KEYS: [&str; 40] = [
    "agenda_format",
    "event",
    "title",
    "time_zone",
    "sessions",
    "id",
    "start",
    "end",
    "room",
    "rooms",
    "theme",
    "themes",
    "format",
    "formats",
    "kind",
    "speakers",
    "name",
    "links",
    "url",
    "illustrative",
    "status",
    "venue",
    "geo",
    "lat",
    "lon",
    "schedule",
    "conference",
    "days",
    "date",
    "duration",
    "persons",
    "public_name",
    "talks",
    "code",
    "tracks",
    "color",
    "day_start",
    "transport",
    "organisers",
    "accessibility",
];
const STRINGS: [&str; 14] = [
    "2026-02-10T09:30:00+01:00",
    "2026-02-30T09:30:00+01:00",
    "2026-02-10T09:30:00",
    "00:30",
    "1:02:03",
    "99:99",
    "#abc",
    "javascript:alert(1)",
    "https://example.org",
    "<b>x</b>&amp;",
    "break",
    "",
    "é\u{0}\u{202e}",
    "2019-08-21",
];

fn random_json(r: &mut Rng, depth: usize) -> String {
    match if depth > 5 { r.below(4) } else { r.below(7) } {
        0 => ["null", "true", "false", "0", "-1", "1e999", "12.5", "20000"][r.below(8)].to_owned(),
        1 | 2 => format!(
            "\"{}\"",
            STRINGS[r.below(STRINGS.len())]
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
        ),
        3 => r.below(100_000).to_string(),
        4 => {
            let n = r.below(4);
            format!(
                "[{}]",
                (0..n)
                    .map(|_| random_json(r, depth + 1))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        }
        _ => {
            let n = r.below(6);
            let members: Vec<String> = (0..n)
                .map(|_| {
                    format!(
                        "\"{}\":{}",
                        KEYS[r.below(KEYS.len())],
                        random_json(r, depth + 1)
                    )
                })
                .collect();
            format!("{{{}}}", members.join(","))
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let len = r.below(64);
        const ALPHABET: &[u8] = b"{}[]\":,0123456789.-+eEtrufalsn \\u\n";
        let bytes: Vec<u8> = (0..len)
            .map(|_| ALPHABET[r.below(ALPHABET.len())])
            .collect();
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn random_programme_shapes_never_panic() {
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..4000 {
        let body = random_json(&mut r, 0);
        // Give the detector a reason to pick each reader.
        let wrapped = match r.below(4) {
            0 => format!("{{\"agenda_format\":1,\"event\":{{\"title\":\"t\"}},\"sessions\":[{body},{body}]}}"),
            1 => format!("{{\"schedule\":{{\"conference\":{{\"days\":[{{\"date\":\"2019-08-21\",\"rooms\":{{\"R\":[{body}]}}}}]}}}}}}"),
            2 => format!("{{\"talks\":[{body}],\"rooms\":[{body}],\"speakers\":[{body}]}}"),
            _ => body,
        };
        check(&wrapped);
    }
}

#[test]
fn damaged_real_files_never_panic() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut texts: Vec<String> = [
        "frab-from-pretalx-democon.json",
        "pretalx-widget-sample.json",
        "frab-invalid-example.json",
    ]
    .iter()
    .filter_map(|f| std::fs::read_to_string(dir.join(f)).ok())
    .collect();
    texts.extend(std::fs::read_to_string(dir.join("../../public/programme.json")).ok());
    assert_eq!(texts.len(), 4, "fixtures found");
    const JUNK: &[u8] = b"{}[]\":,0a-+\\ ";
    let mut r = Rng(0xdead_beef_cafe_f00d);
    for round in 0..240 {
        let base = texts[round % texts.len()].as_bytes().to_vec();
        let mut b = base.clone();
        match round % 4 {
            0 => b.truncate(r.below(b.len())),
            1 => {
                for _ in 0..8 {
                    let at = r.below(b.len());
                    b[at] = JUNK[r.below(JUNK.len())];
                }
            }
            2 => {
                for _ in 0..8 {
                    let at = r.below(b.len());
                    b.insert(at, JUNK[r.below(JUNK.len())]);
                }
            }
            _ => {
                for _ in 0..8 {
                    let at = r.below(b.len());
                    b.remove(at);
                }
            }
        }
        check(&String::from_utf8_lossy(&b));
    }
}
