//! What the visitor last saw of a programme, to mark the sessions that changed since ("modifié")
//! when a new version arrives. The app keeps, per programme, one short fingerprint per session
//! (an FNV-1a hash of everything a card or the session's view shows); the next visit compares.
//! A first visit has nothing to compare with, so nothing is marked.

use crate::model::{Programme, Session};

/// The fingerprints of `p`, as stored: `id\thash\n` per session.
pub fn fingerprints(p: &Programme) -> String {
    let mut out = String::with_capacity(p.sessions.len() * 24);
    for s in &p.sessions {
        out.push_str(s.id.as_str());
        out.push('\t');
        out.push_str(&format!("{:x}", fingerprint(s)));
        out.push('\n');
    }
    out
}

/// The positions of the sessions of `p` that changed since `stored` was written (new sessions
/// included), in programme order; none when nothing was stored.
pub fn changed(p: &Programme, stored: &str) -> Vec<usize> {
    if stored.trim().is_empty() {
        return Vec::new();
    }
    let before: Vec<(&str, &str)> = stored.lines().filter_map(|l| l.split_once('\t')).collect();
    // Both lists are in programme order, which a new version mostly keeps: each session is looked
    // for where the last one was found, then a little further, then everywhere (no hash map:
    // its code would weigh more on the page than this walk costs).
    let mut next = 0;
    let mut out = Vec::new();
    for (i, s) in p.sessions.iter().enumerate() {
        let id = s.id.as_str();
        let near = (next..before.len().min(next + 8)).find(|&j| before[j].0 == id);
        let found = near.or_else(|| before.iter().position(|(b, _)| *b == id));
        if let Some(j) = found {
            next = j + 1;
        }
        if found.map(|j| before[j].1) != Some(format!("{:x}", fingerprint(s)).as_str()) {
            out.push(i);
        }
    }
    out
}

/// FNV-1a (64 bits) over what is shown of a session, fields separated by a unit separator.
fn fingerprint(s: &Session) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let h = &mut h;
    eat_text(h, Some(&s.title));
    eat_text(h, s.subtitle.as_ref());
    eat(h, &s.start.to_string());
    eat(h, &s.end.to_string());
    eat(h, s.room.as_ref().map_or("", |r| r.0.as_str()));
    eat(h, s.theme.as_ref().map_or("", |r| r.0.as_str()));
    eat(h, s.format.as_ref().map_or("", |r| r.0.as_str()));
    for sp in &s.speakers {
        eat(h, sp.0.as_str());
    }
    eat_text(h, s.abstract_.as_ref());
    eat_text(h, s.description.as_ref());
    eat(
        h,
        match s.status {
            crate::model::Status::Confirmed => "",
            crate::model::Status::Cancelled => "cancelled",
            crate::model::Status::Tentative => "tentative",
        },
    );
    *h
}

fn eat(h: &mut u64, text: &str) {
    for b in text.bytes().chain([0x1f]) {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x0100_0000_01b3);
    }
}

/// A text in one language is taken as it was before texts could have several, so that a
/// programme's fingerprints stay those of the release that wrote them; one in several languages
/// is taken language by language.
fn eat_text(h: &mut u64, t: Option<&crate::Text>) {
    match t {
        None => eat(h, ""),
        Some(crate::Text::Plain(s)) => eat(h, s),
        Some(crate::Text::Languages(given)) => {
            for (tag, text) in given {
                eat(h, tag);
                eat(h, text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    const P: &str = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
      "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
      "sessions": [
        {"id": "1", "title": "Un", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a"},
        {"id": "2", "title": "Deux", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T12:00:00+01:00", "room": "a"},
        {"id": "3", "title": "Trois", "start": "2026-02-10T14:00:00+01:00", "end": "2026-02-10T15:00:00+01:00", "room": "a"}
      ]}"##;

    fn prog(json: &str) -> Programme {
        read_programme(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn marks_what_changed_since_the_last_visit() {
        let p = prog(P);
        let seen = fingerprints(&p);
        assert_eq!(seen.lines().count(), 3);
        assert!(changed(&p, &seen).is_empty(), "nothing changed");
        assert!(changed(&p, "").is_empty(), "a first visit marks nothing");
        let next = prog(
            &P.replace(r#""title": "Deux""#, r#""title": "Deux (nouveau titre)""#)
                .replace(r#""room": "a"}
      ]"#, r#""room": "b"}
      ]"#)
                .replace(
                    r#"{"id": "1","#,
                    r#"{"id": "0", "title": "Zéro", "start": "2026-02-10T08:00:00+01:00", "end": "2026-02-10T08:30:00+01:00"},
        {"id": "1","#,
                ),
        );
        let ids: Vec<&str> = changed(&next, &seen)
            .into_iter()
            .map(|i| next.sessions[i].id.as_str())
            .collect();
        assert_eq!(ids, ["0", "2", "3"], "new, retitled, moved to another room");
        // A damaged stored text marks more, never fails.
        assert_eq!(changed(&next, "garbage").len(), 4);
    }

    /// The stored value is a line per session, `id<TAB>hash`, not JSON: a value stored by the
    /// release before this one reads back unchanged, and is written again the same.
    #[test]
    fn a_stored_value_of_the_last_release_reads_the_same() {
        let p = prog(P);
        let stored = "1\t260aa6288ee57707\n2\t9f35035585494de3\n3\t1b0c5df2f32b4dc\n";
        assert_eq!(fingerprints(&p), stored);
        assert!(changed(&p, stored).is_empty());
        let retitled = prog(&P.replace(r#""title": "Trois""#, r#""title": "Trois bis""#));
        assert_eq!(changed(&retitled, stored), [2]);
    }
}
