//! Times reading a programme file (a measuring aid, not a test):
//! `cargo run --release -p agenda-core --example read_time -- file.json`
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_time <programme.json>");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let t0 = std::time::Instant::now();
    let result = agenda_core::read_programme(&text);
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(p) => {
            println!(
                "{} sessions, {} speakers, {} warnings read in {ms:.1} ms",
                p.sessions.len(),
                p.speakers.len(),
                p.warnings.len()
            );
            for w in p.warnings.iter().take(3) {
                println!("  {}", w.message(agenda_core::Lang::En));
            }
        }
        Err(e) => println!("error after {ms:.1} ms: {e}"),
    }
}
