//! Where in the file a diagnostic's path (`sessions[3].end`) is: line and column of the value,
//! or of its nearest ancestor when the value itself is missing.

use std::collections::{HashMap, HashSet};

/// Drops the last step of a path: `a.b[2]` → `a.b` → `a` → ``.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    if path.ends_with(']') {
        return path.rfind('[').map(|i| &path[..i]);
    }
    Some(path.rfind('.').map_or("", |i| &path[..i]))
}

/// Line and column (1-based, columns in characters) of each path that is in the file.
pub fn positions<'a>(
    text: &str,
    paths: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, (usize, usize)> {
    let wanted: Vec<&str> = paths.collect();
    let mut prefixes: HashSet<String> = HashSet::new();
    for p in &wanted {
        let mut p = Some(*p);
        while let Some(x) = p {
            prefixes.insert(x.to_owned());
            p = parent(x);
        }
    }
    let mut offsets: HashMap<String, usize> = HashMap::new();
    let mut w = Walker {
        b: text.as_bytes(),
        i: 0,
        prefixes: &prefixes,
        offsets: &mut offsets,
    };
    w.skip_ws();
    if text.starts_with('\u{feff}') {
        w.i = 3;
        w.skip_ws();
    }
    w.value(String::new());
    let line_col = |at: usize| {
        let before = &text.as_bytes()[..at.min(text.len())];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        (
            line,
            text.get(start..at)
                .map_or(at - start, |s| s.chars().count())
                + 1,
        )
    };
    wanted
        .into_iter()
        .map(|p| {
            let mut q = Some(p);
            while let Some(x) = q {
                if let Some(&at) = offsets.get(x) {
                    return (p, line_col(at));
                }
                q = parent(x);
            }
            (p, (1, 1))
        })
        .collect()
}

/// Walks a JSON text already known to be valid, recording where each wanted path starts.
struct Walker<'a> {
    b: &'a [u8],
    i: usize,
    prefixes: &'a HashSet<String>,
    offsets: &'a mut HashMap<String, usize>,
}

impl Walker<'_> {
    fn skip_ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn string(&mut self) -> String {
        let start = self.i + 1;
        self.i += 1;
        while self.i < self.b.len() && self.b[self.i] != b'"' {
            self.i += if self.b[self.i] == b'\\' { 2 } else { 1 };
        }
        let raw = String::from_utf8_lossy(&self.b[start..self.i.min(self.b.len())]).into_owned();
        self.i += 1;
        // Keys in paths are as the reader saw them: decoded.
        agenda_core::json::parse(&format!("\"{raw}\""))
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or(raw)
    }

    fn value(&mut self, path: String) {
        self.skip_ws();
        let wanted = path.is_empty() || self.prefixes.contains(&path);
        if wanted && !path.is_empty() {
            self.offsets.insert(path.clone(), self.i);
        }
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.skip_ws();
                    match self.b.get(self.i) {
                        Some(b'}') | None => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => self.i += 1,
                        Some(b'"') => {
                            let key = self.string();
                            self.skip_ws();
                            self.i += 1; // the colon
                            let child = if path.is_empty() {
                                key
                            } else {
                                format!("{path}.{key}")
                            };
                            if wanted {
                                self.value(child);
                            } else {
                                self.value(String::from("\u{0}"));
                            }
                        }
                        Some(_) => self.i += 1,
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut n = 0;
                loop {
                    self.skip_ws();
                    match self.b.get(self.i) {
                        Some(b']') | None => {
                            self.i += 1;
                            return;
                        }
                        Some(b',') => self.i += 1,
                        Some(_) => {
                            let child = if wanted {
                                format!("{path}[{n}]")
                            } else {
                                String::from("\u{0}")
                            };
                            self.value(child);
                            n += 1;
                        }
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self.i < self.b.len()
                    && !matches!(
                        self.b[self.i],
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    self.i += 1;
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_and_falls_back_to_ancestors() {
        let text = "{\n  \"sessions\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"end\": \"x\"}\n  ],\n  \"rooms\": {\"Salle \\u00e9\": [1]}\n}";
        let paths = [
            "sessions[1].end",
            "sessions[0].title",
            "rooms.Salle é[0]",
            "nowhere.at.all",
            "sessions",
        ];
        let found = positions(text, paths.iter().copied());
        assert_eq!(found["sessions[1].end"], (4, 24));
        // A missing field: its object.
        assert_eq!(found["sessions[0].title"], (3, 5));
        assert_eq!(found["rooms.Salle é[0]"], (6, 30));
        assert_eq!(found["nowhere.at.all"], (1, 1));
        assert_eq!(found["sessions"], (2, 15));
    }
}
