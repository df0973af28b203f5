//! Search: what a visitor types, matched against every text of a session, ignoring case and
//! accents, every word in any order.
//!
//! The folded text of each session is computed once per programme ([`SearchIndex::new`]), so a
//! keystroke costs one pass of substring tests over the sessions, with no allocation per session.

use crate::model::Programme;
use crate::text::fold;

/// What the visitor typed, folded and split into words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    words: Vec<String>,
}

impl SearchQuery {
    pub fn new(typed: &str) -> SearchQuery {
        let folded = fold(typed);
        let mut words: Vec<String> = folded
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .map(|w| {
                w.trim_matches(|c: char| {
                    (c.is_ascii_punctuation() && c != '#' && c != '+') || "«»“”‘’…–—".contains(c)
                })
            })
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        words.dedup();
        SearchQuery { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs in the (already folded) text.
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }

    /// The parts of `text` (not folded) that match a word of the query, as byte ranges into
    /// `text`, in order and not overlapping: for highlighting.
    pub fn highlights(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if self.words.is_empty() {
            return Vec::new();
        }
        // Fold character by character, remembering where each folded byte came from.
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            let mut buf = [0u8; 4];
            let f = fold(c.encode_utf8(&mut buf));
            for _ in 0..f.len() {
                origin.push((at, at + c.len_utf8()));
            }
            folded.push_str(&f);
        }
        self.ranges_in(&folded, &origin)
    }

    /// Where the words are in `folded`, mapped back by `origin` (one entry per folded byte: the
    /// span of the original character it came from), sorted and merged.
    fn ranges_in<T: Copy + Ord>(&self, folded: &str, origin: &[(T, T)]) -> Vec<std::ops::Range<T>> {
        let mut ranges: Vec<std::ops::Range<T>> = Vec::new();
        for w in &self.words {
            let mut from = 0;
            while let Some(pos) = folded.get(from..).and_then(|rest| rest.find(w.as_str())) {
                let start = from + pos;
                let end = start + w.len();
                if let (Some(a), Some(b)) = (origin.get(start), origin.get(end - 1)) {
                    ranges.push(a.0..b.1);
                }
                from = end;
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<std::ops::Range<T>> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }

    /// What matched in a text folded beforehand ([`Marked`]), in UTF-16 code units as the DOM
    /// counts offsets in a text node (for `Range`s of the CSS highlight API).
    pub fn highlights_in(&self, text: &Marked) -> Vec<std::ops::Range<u32>> {
        if self.words.is_empty() {
            return Vec::new();
        }
        self.ranges_in(&text.folded, &text.origin)
    }
}

/// A text of the page folded once, for [`SearchQuery::highlights_in`] at every keystroke: its
/// folded form, and for each folded byte the span of the character it came from, in UTF-16
/// code units.
#[derive(Clone, Debug, Default)]
pub struct Marked {
    folded: String,
    origin: Vec<(u32, u32)>,
}

impl Marked {
    pub fn new(text: &str) -> Marked {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut unit = 0u32;
        for c in text.chars() {
            let mut buf = [0u8; 4];
            let f = fold(c.encode_utf8(&mut buf));
            let next = unit + c.len_utf16() as u32;
            origin.extend(std::iter::repeat_n((unit, next), f.len()));
            folded.push_str(&f);
            unit = next;
        }
        Marked { folded, origin }
    }
}

/// Each session's searchable text, folded once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// In the programme's session order.
    haystacks: Vec<String>,
}

impl SearchIndex {
    /// The whole programme's index.
    pub fn new(p: &Programme) -> SearchIndex {
        let mut index = SearchIndex::default();
        index.build_some(p, usize::MAX);
        index
    }

    /// Folds the text of up to `n` more sessions of `p` (the page builds its index in slices,
    /// between a visitor's taps); true once every session is in.
    pub fn build_some(&mut self, p: &Programme, n: usize) -> bool {
        let from = self.haystacks.len();
        let to = p.sessions.len().min(from.saturating_add(n));
        for s in &p.sessions[from..to] {
            self.haystacks.push(haystack(p, s));
        }
        self.is_complete(p)
    }

    /// Whether every session of `p` is in the index.
    pub fn is_complete(&self, p: &Programme) -> bool {
        self.haystacks.len() >= p.sessions.len()
    }

    /// Whether each of the first `n` sessions (in programme order) matches: all of them for an
    /// empty query; for another, none that is not yet in the index.
    pub fn matching(&self, q: &SearchQuery, n: usize) -> Vec<bool> {
        if q.is_empty() {
            return vec![true; n];
        }
        let mut matched: Vec<bool> = self.haystacks.iter().map(|h| q.matches_folded(h)).collect();
        matched.resize(n, false);
        matched
    }
}

/// A session's searchable text, folded: title, subtitle, abstract, description, speakers with
/// their organisations and roles, theme, room and format. A text given in several languages is
/// searched in all of them, whatever the language shown: a visitor finds a session by the words
/// they know, and the index need not be built again when the interface's language changes.
fn haystack(p: &Programme, s: &crate::model::Session) -> String {
    let mut parts: Vec<&str> = s.title.all().collect();
    for text in [&s.subtitle, &s.abstract_, &s.description]
        .into_iter()
        .flatten()
    {
        parts.extend(text.all());
    }
    for sp in s.speakers.iter().filter_map(|id| p.speaker(id)) {
        parts.push(&sp.name);
        parts.extend(sp.organisation.as_deref());
        parts.extend(sp.role.as_deref());
    }
    let theme = s.theme.as_ref().and_then(|t| p.theme(t)).map(|t| &t.name);
    let room = s.room.as_ref().and_then(|r| p.room(r)).map(|r| &r.name);
    let format = s.format.as_ref().and_then(|f| p.format(f)).map(|f| &f.name);
    for name in [theme, room, format].into_iter().flatten() {
        parts.extend(name.all());
    }
    // A separator that no query word can span.
    fold(&parts.join("\u{1f}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_built_in_slices_is_the_whole_index() {
        let p = crate::read_programme(
            r#"{"agenda_format": 1, "event": {"title": "T"}, "sessions": [
              {"id": "a", "title": "Numérique", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00"},
              {"id": "b", "title": "Données", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00"},
              {"id": "c", "title": "Territoires", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T12:00:00+01:00"}]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut index = SearchIndex::default();
        assert!(!index.build_some(&p, 2));
        assert!(index.build_some(&p, 2));
        assert_eq!(index, SearchIndex::new(&p));
        assert_eq!(
            index.matching(&SearchQuery::new("donnees"), 3),
            [false, true, false]
        );
    }

    #[test]
    fn highlights_in_dom_offsets() {
        // "é" is one UTF-16 unit but two bytes; "𝔸" (outside the BMP) is two units, four bytes.
        let q = SearchQuery::new("numerique data");
        let text = Marked::new("𝔸 Le numérique, data");
        assert_eq!(q.highlights_in(&text), vec![6..15, 17..21]);
        assert_eq!(SearchQuery::new("").highlights_in(&text), vec![]);
    }

    #[test]
    fn words_fold_and_split() {
        assert_eq!(
            SearchQuery::new("  Numérique,  TERRITOIRES ").words,
            ["numerique", "territoires"]
        );
        assert!(SearchQuery::new(" ,; ").is_empty());
        assert_eq!(
            SearchQuery::new("« données » (open)").words,
            ["donnees", "open"]
        );
    }

    #[test]
    fn every_word_in_any_order_ignoring_case_and_accents() {
        let q = SearchQuery::new("territoires numerique");
        assert!(q.matches_folded(&fold("Numérique et territoires")));
        assert!(!q.matches_folded(&fold("Numérique et villes")));
        assert!(SearchQuery::new("MEDIATHEQUE").matches_folded(&fold("la médiathèque")));
        assert!(SearchQuery::new("loic dayot").matches_folded(&fold("Loïc Dayot")));
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let text = "Numérique et territoires — NUMÉRIQUE";
        let q = SearchQuery::new("numerique terr");
        let parts: Vec<&str> = q.highlights(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["Numérique", "terr", "NUMÉRIQUE"]);
        // Overlapping words merge; a ligature folds to two letters and maps back to one.
        let t2 = "Œuvre";
        let parts: Vec<&str> = SearchQuery::new("oe oeuv")
            .highlights(t2)
            .into_iter()
            .map(|r| &t2[r])
            .collect();
        assert_eq!(parts, ["Œuv"]);
    }
}
