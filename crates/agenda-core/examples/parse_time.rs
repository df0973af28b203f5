//! How long the programme readers' JSON tree takes beside `serde_json::Value`, natively, for
//! docs/json-reader-decision.md:
//!
//! ```text
//! node bench/gen-programme.mjs --sessions 1000 --out /tmp/p1000.json
//! cargo run --release -p agenda-core --example parse_time -- /tmp/p1000.json
//! ```

use std::time::{Duration, Instant};

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let runs = 41;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let core = median(runs, || {
            std::hint::black_box(agenda_core::json::parse(&text).is_ok());
        });
        let serde = median(runs, || {
            std::hint::black_box(serde_json::from_str::<serde_json::Value>(&text).is_ok());
        });
        let read = median(runs, || {
            std::hint::black_box(agenda_core::read_programme(&text).is_ok());
        });
        println!(
            "{path} ({} KB): core tree {:.2} ms, serde_json::Value {:.2} ms, whole reading (core tree + reader) {:.2} ms",
            text.len() / 1024,
            ms(core),
            ms(serde),
            ms(read)
        );
    }
}
