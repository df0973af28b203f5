//! `agenda-check --publish programme.json dist/` on a site as the build leaves it (minified
//! `index.html`, a stamped and minified `sw.js`): what it rewrites, and that it refuses a
//! programme the agenda cannot show with the site left as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// A fresh folder holding a built site's files that `--publish` reads.
fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agenda-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    // As Trunk's minifier and post-build leave them.
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><html lang=fr><head><meta charset=utf-8><meta name=agenda-prerender content={}>\
         <script src=prerender-0123456789abcdef.js></script></head><body><div class=agenda-bar id=agenda-status></div>\
         <div id=agenda-prerendered hidden></div><div id=agenda-root><p class=agenda-loading>Chargement du programme…</p></div></body></html>",
    )
    .expect("index.html");
    std::fs::write(
        dir.join("sw.js"),
        "const VERSION=\"00000000000000aa\",SHELL=[\"./\",\"agenda-0123456789abcdef.js\"],SHELL_CACHE=\"agenda-shell-\"+VERSION;",
    )
    .expect("sw.js");
    dir
}

fn publish(programme: &Path, dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agenda-check"))
        .arg("--publish")
        .arg(programme)
        .arg(dir)
        .output()
        .expect("agenda-check runs")
}

fn read(dir: &Path, f: &str) -> String {
    std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"))
}

/// The text of a `.gz` file, decompressed by gzip itself.
fn gunzip(path: &Path) -> String {
    let out = Command::new("gzip")
        .arg("-dc")
        .arg(path)
        .output()
        .expect("gzip runs");
    assert!(out.status.success(), "{}: not a gzip file", path.display());
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn version(dir: &Path) -> String {
    let sw = read(dir, "sw.js");
    let at = sw.find("VERSION=\"").expect("a version") + "VERSION=\"".len();
    sw[at..at + 16].to_owned()
}

#[test]
fn publish_rewrites_the_page_its_compressed_copies_and_the_workers_version() {
    let dir = site("default");
    let out = publish(&repo("public/programme.json"), &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(&dir, "index.html");
    // The programme's sessions and speakers, in the pre-rendered view, in its element.
    let view = page
        .split("<div id=agenda-prerendered hidden>")
        .nth(1)
        .expect("the view's element");
    assert!(view.starts_with("<div class=\"agenda\">"));
    for text in [
        "Les territoires sous algorithmes",
        "agenda-session-speakers",
        "Rencontres du numérique 2026",
    ] {
        assert!(view.contains(text), "{text} in the view");
    }
    assert!(page.ends_with("<div id=agenda-root><p class=agenda-loading>Chargement du programme…</p></div></body></html>"));
    assert!(
        page.contains(r#"<meta name="agenda-prerender" content='{"from":1770712200,"#),
        "what the page's script decides by"
    );
    // The compressed copies are the files.
    assert_eq!(gunzip(&dir.join("index.html.gz")), page);
    let data = read(&dir, "programme.json");
    assert_eq!(gunzip(&dir.join("programme.json.gz")), data);
    assert!(
        data.starts_with("{\"$schema\":") && !data.contains("\n"),
        "compacted"
    );
    let sw = read(&dir, "sw.js");
    assert_eq!(gunzip(&dir.join("sw.js.gz")), sw);
    // A new version, in every place the old one was; the same programme again gives the same.
    let first = version(&dir);
    assert_ne!(first, "00000000000000aa");
    assert!(!sw.contains("00000000000000aa"));
    assert!(sw.contains("SHELL=[\"./\",\"agenda-0123456789abcdef.js\"]"));
    assert!(publish(&repo("public/programme.json"), &dir)
        .status
        .success());
    assert_eq!(version(&dir), first, "published twice: the same version");
    assert_eq!(read(&dir, "index.html"), page);

    // Another programme: its view, not the first one's, and another version.
    let out = publish(&repo("public/programmes/fing-2015.json"), &dir);
    assert!(out.status.success());
    let page = read(&dir, "index.html");
    assert!(!page.contains("Les territoires sous algorithmes"));
    assert!(page.contains("Transitions, territoires et numérique"));
    assert_eq!(page.matches("id=agenda-prerendered").count(), 1);
    assert_ne!(version(&dir), first);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_programme_the_agenda_cannot_show_is_refused_and_the_site_left_as_it_was() {
    let dir = site("bad");
    let before: Vec<_> = ["index.html", "sw.js"].map(|f| read(&dir, f)).into();
    for bad in [
        "tests/fixtures/bad/truncated.json",
        "tests/fixtures/bad/wrong-shape.json",
    ] {
        let out = publish(&repo(bad), &dir);
        assert_eq!(out.status.code(), Some(1), "{bad} refused");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(": erreur: "),
            "{bad}: the checker's message: {said}"
        );
        let after: Vec<_> = ["index.html", "sw.js"].map(|f| read(&dir, f)).into();
        assert_eq!(after, before, "{bad}: the site is as it was");
        for f in ["programme.json", "index.html.gz", "sw.js.gz"] {
            assert!(!dir.join(f).exists(), "{bad}: no {f} written");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_folder_that_is_not_a_built_site_is_said_so() {
    let dir = site("unbuilt");
    std::fs::write(dir.join("sw.js"), "const VERSION = 'dev', SHELL = []").expect("sw.js");
    let out = publish(&repo("public/programme.json"), &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("make build"));
    assert!(!dir.join("programme.json").exists());
    std::fs::remove_dir_all(&dir).ok();
}
