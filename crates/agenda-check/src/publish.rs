//! `agenda-check --publish programme.json dist/`: the built site made anew for a programme, with
//! the checker alone (no Rust or wasm build). The programme is read as the agenda reads it, and
//! refused, with the checker's message and the site left as it was, when it cannot be shown;
//! else everything in `dist/` that depends on it is written anew:
//!
//! - `index.html`: its pre-rendered first view (`<div id="agenda-prerendered">`, drawn by the
//!   app's own components, see `agenda::prerender`) and what `js/prerender.js` decides by
//!   (`<meta name="agenda-prerender">`);
//! - `programme.json`, without indentation (as the build writes it);
//! - `sw.js`'s version stamp, so that the service worker offers visitors the new page;
//! - the precompressed `.gz` of the three (zopfli, as `scripts/precompress.sh`).
//!
//! `scripts/build.sh` runs it as the build's last step: the page's pre-render is always written
//! by this code.

use agenda_core::{Lang, Programme};
use sha2::{Digest, Sha256};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a site could not be written (the programme's own errors are the checker's).
#[derive(Debug)]
pub enum SiteError {
    /// A file of the site could not be read or written.
    Io(PathBuf, std::io::Error),
    /// The file is not as the build writes it (`what` is missing from it).
    NotBuilt(PathBuf, &'static str),
}

impl SiteError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SiteError::Io(f, e), _) => format!("{}: {e}", f.display()),
            (SiteError::NotBuilt(f, what), Lang::Fr) => format!(
                "{} : pas de {what} ; est-ce le dossier d’un site construit par `make build` ?",
                f.display()
            ),
            (SiteError::NotBuilt(f, what), Lang::En) => format!(
                "{}: no {what}; is this the folder of a site built by `make build`?",
                f.display()
            ),
        }
    }
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What was written.
#[derive(Debug)]
pub struct Published {
    /// The service worker's new version stamp.
    pub version: String,
    /// The files written, relative to the site's folder.
    pub files: Vec<&'static str>,
}

/// Writes the site in `dist` anew for `programme`, read from `text` (checked first by the
/// caller: it is read without error). Nothing is written unless every file could be made.
pub fn site(programme: &Programme, text: &str, dist: &Path) -> Result<Published, SiteError> {
    let at = |f: &str| dist.join(f);
    let read = |f: &str| std::fs::read_to_string(at(f)).map_err(|e| SiteError::Io(at(f), e));
    let page = read("index.html")?;
    let worker = read("sw.js")?;

    let view = agenda::prerender(programme);
    let page = with_prerender(&page, &view.html, &view.conditions)
        .ok_or_else(|| SiteError::NotBuilt(at("index.html"), "<div id=\"agenda-prerendered\">"))?;
    let data = compact(text);
    let old = stamp(&worker).ok_or(SiteError::NotBuilt(at("sw.js"), "`const VERSION = …`"))?;
    // Named by what the pages get: the worker itself (its stamp left out), the page and the
    // programme. The same programme published twice gives the same version.
    let mut hash = Sha256::new();
    for part in [worker.replace(old, "").as_str(), &page, &data] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let worker = worker.replace(old, &version);

    let files = [
        ("index.html", page),
        ("programme.json", data),
        ("sw.js", worker),
    ];
    let mut out = Vec::new();
    for (name, content) in &files {
        out.push((at(name), content.as_bytes().to_vec()));
        out.push((at(&format!("{name}.gz")), gzip(content.as_bytes())));
    }
    for (path, bytes) in out {
        std::fs::write(&path, bytes).map_err(|e| SiteError::Io(path.clone(), e))?;
    }
    Ok(Published {
        version,
        files: vec![
            "index.html",
            "index.html.gz",
            "programme.json",
            "programme.json.gz",
            "sw.js",
            "sw.js.gz",
        ],
    })
}

/// `page` with `view` as the content of its `<div id="agenda-prerendered">` and `conditions` in
/// its `<meta name="agenda-prerender">`; none when it has either not.
fn with_prerender(page: &str, view: &str, conditions: &str) -> Option<String> {
    let (meta_start, meta_end) = tag_of(page, "<meta", "name", "agenda-prerender")?;
    let (div_start, div_end) = tag_of(page, "<div", "id", "agenda-prerendered")?;
    let inner_end = div_end + closing_div(&page[div_end..])?;
    if meta_end > div_start {
        return None;
    }
    Some(format!(
        "{}<meta name=\"agenda-prerender\" content='{conditions}'>{}{view}{}",
        &page[..meta_start],
        &page[meta_end..div_end],
        &page[inner_end..]
    ))
}

/// The start and end of the first `<tag …>` whose attribute `name` is `value` (quoted or not, as
/// a minifier leaves it).
fn tag_of(page: &str, tag: &str, name: &str, value: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = page[from..].find(tag) {
        let start = from + found;
        let end = start + page[start..].find('>')? + 1;
        let attrs = &page[start + tag.len()..end];
        let wanted = [
            format!("{name}=\"{value}\""),
            format!("{name}='{value}'"),
            format!("{name}={value} "),
            format!("{name}={value}>"),
        ];
        if wanted.iter().any(|w| attrs.contains(w.as_str())) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// Where the `</div>` that closes an open `<div>` starts in `rest` (which follows its start tag).
/// The markup is the page's own: text never holds a `<`.
fn closing_div(rest: &str) -> Option<usize> {
    let mut depth = 1;
    let mut at = 0;
    while let Some(found) = rest[at..].find('<') {
        let here = at + found;
        let tail = &rest[here..];
        let starts = |t: &str| {
            tail.starts_with(t)
                && tail[t.len()..].starts_with(|c: char| c == '>' || c.is_whitespace())
        };
        if starts("<div") {
            depth += 1;
        } else if starts("</div") {
            depth -= 1;
            if depth == 0 {
                return Some(here);
            }
        }
        at = here + 1;
    }
    None
}

/// The version stamped in `sw.js` (`const VERSION = '<16 hex digits>'`, minified or not).
fn stamp(worker: &str) -> Option<&str> {
    let at = worker.find("VERSION")? + "VERSION".len();
    let rest = worker[at..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let value = rest[1..].split(quote).next()?;
    (value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit())).then_some(value)
}

/// JSON text without the whitespace between its tokens (the text is valid JSON: it was read).
fn compact(json: &str) -> String {
    let json = json.trim_start_matches('\u{feff}');
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

/// Gzip, compressed hard once (zopfli: about 5 % smaller than `gzip -9`).
fn gzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        data,
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_loses_only_its_spaces() {
        assert_eq!(
            compact("\u{feff}{ \"a b\" : [1, \"x \\\" y\"],\n\t\"c\": null }"),
            r#"{"a b":[1,"x \" y"],"c":null}"#
        );
    }

    #[test]
    fn the_stamp_is_found_minified_or_not() {
        assert_eq!(
            stamp("const VERSION = '0123456789abcdef', SHELL = []"),
            Some("0123456789abcdef")
        );
        assert_eq!(
            stamp("const VERSION=\"0123456789abcdef\",SHELL=[]"),
            Some("0123456789abcdef")
        );
        assert_eq!(stamp("const VERSION = 'dev', SHELL = []"), None);
    }

    #[test]
    fn the_view_goes_in_its_element_minified_or_not() {
        let page = r#"<head><meta name="agenda-prerender" content="{}"></head><body><div id=agenda-prerendered hidden><div class="agenda"><div></div></div></div><div id=agenda-root></div>"#;
        let out = with_prerender(page, "<p>new</p>", r#"{"from":1}"#).expect("found");
        assert_eq!(
            out,
            r#"<head><meta name="agenda-prerender" content='{"from":1}'></head><body><div id=agenda-prerendered hidden><p>new</p></div><div id=agenda-root></div>"#
        );
        // Written again: the same place.
        let again = with_prerender(&out, "<p>newer</p>", r#"{"from":2}"#).expect("found");
        assert!(again.contains("hidden><p>newer</p></div><div id=agenda-root>"));
        assert!(with_prerender("<div id=agenda-root></div>", "", "").is_none());
    }
}
