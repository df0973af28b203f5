//! The URL is the state: which programme, which day, which session is open. Partners link to
//! these parameters, so their names are a public interface: they are written only here.
//!
//! Unknown parameters and values that do not parse are ignored (a stale shared link still opens
//! the agenda); values that parse but do not exist in the programme are the app's to ignore.

use crate::filter::{Facet, Selection};
use crate::i18n::Lang;
use crate::model::{percent_encode, SessionId};
use crate::time::Date;

/// The URL parameters the agenda reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    Programme,
    Day,
    Session,
    Page,
    Lang,
    /// The search text.
    Q,
    /// `fav=1`: favourites only.
    Fav,
    /// `shared=id,~id`: a selection shared by a link (see `Favourites::to_share`), to add to
    /// one's own favourites or to replace them.
    Shared,
    /// `now=2026-02-10T14:05`: the clock for "En ce moment / À suivre", for tests and demos.
    Now,
    /// A filter facet; repeatable (`track=A&track=B`).
    Facet(Facet),
}

impl Param {
    pub fn name(self) -> &'static str {
        match self {
            Param::Programme => "programme",
            Param::Day => "day",
            Param::Session => "session",
            Param::Page => "page",
            Param::Lang => "lang",
            Param::Q => "q",
            Param::Fav => "fav",
            Param::Shared => "shared",
            Param::Now => "now",
            Param::Facet(Facet::Track) => "track",
            Param::Facet(Facet::Room) => "room",
            Param::Facet(Facet::Format) => "format",
            Param::Facet(Facet::Language) => "language",
            Param::Facet(Facet::Speaker) => "speaker",
            Param::Facet(Facet::Accessibility) => "access",
        }
    }

    fn from_name(s: &str) -> Option<Param> {
        [
            Param::Programme,
            Param::Day,
            Param::Session,
            Param::Page,
            Param::Lang,
            Param::Q,
            Param::Fav,
            Param::Shared,
            Param::Now,
        ]
        .into_iter()
        .chain(Facet::ALL.map(Param::Facet))
        .find(|p| p.name() == s)
    }
}

/// Which page of the agenda is shown besides the session view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Agenda,
    /// "Intervenantes et intervenants".
    Speakers,
}

impl Page {
    fn name(self) -> Option<&'static str> {
        match self {
            Page::Agenda => None,
            Page::Speakers => Some("speakers"),
        }
    }
}

/// Everything the URL says about the view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The programme file's URL as given (relative or absolute); `None` is `programme.json`.
    pub programme: Option<String>,
    pub day: Option<Date>,
    pub session: Option<SessionId>,
    pub page: Page,
    pub lang: Option<Lang>,
    /// The search text, as typed.
    pub q: String,
    /// Chosen filter values per facet, in [`Facet::ALL`] order.
    pub chosen: [Vec<String>; 6],
    /// Favourites only.
    pub fav: bool,
    /// A shared selection, as the link carries it.
    pub shared: Option<String>,
    /// The clock's time as given (`?now=`), read against the programme by `now::parse_now`.
    pub now: Option<String>,
}

impl Query {
    /// The filters and search of this view.
    pub fn selection(&self) -> Selection {
        Selection {
            q: self.q.clone(),
            day: self.day,
            chosen: self.chosen.clone(),
        }
    }

    /// This view with another selection.
    pub fn with_selection(&self, sel: Selection) -> Query {
        Query {
            q: sel.q,
            day: sel.day,
            chosen: sel.chosen,
            ..self.clone()
        }
    }

    /// Reads `location.search` (with or without its leading `?`).
    pub fn parse(search: &str) -> Query {
        let mut q = Query::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(param), v) = (Param::from_name(&percent_decode(k)), percent_decode(v)) else {
                continue;
            };
            let v = v.trim();
            match param {
                Param::Programme if !v.is_empty() => q.programme = Some(v.to_owned()),
                Param::Day => q.day = Date::parse(v).ok().or(q.day),
                Param::Session if !v.is_empty() => q.session = Some(SessionId(v.to_owned())),
                Param::Page if v == "speakers" => q.page = Page::Speakers,
                Param::Lang => q.lang = Lang::parse(v).or(q.lang),
                Param::Q => q.q = v.to_owned(),
                Param::Fav => q.fav = v == "1",
                Param::Shared if !v.is_empty() => q.shared = Some(v.to_owned()),
                Param::Now if !v.is_empty() => q.now = Some(v.to_owned()),
                Param::Facet(f)
                    if !v.is_empty() && !q.chosen[f as usize].iter().any(|x| x == v) =>
                {
                    q.chosen[f as usize].push(v.to_owned())
                }
                _ => {}
            }
        }
        q
    }

    /// The query string, with its `?`, or an empty string when there is nothing to say. The
    /// order is fixed so that equal states give equal URLs.
    pub fn to_search(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut put = |p: Param, v: &str| parts.push(format!("{}={}", p.name(), percent_encode(v)));
        if let Some(p) = &self.programme {
            put(Param::Programme, p);
        }
        if let Some(l) = self.lang {
            put(Param::Lang, l.tag());
        }
        if let Some(d) = self.day {
            put(Param::Day, &d.to_string());
        }
        if !self.q.trim().is_empty() {
            put(Param::Q, &self.q);
        }
        for f in Facet::ALL {
            for v in &self.chosen[f as usize] {
                put(Param::Facet(f), v);
            }
        }
        if self.fav {
            put(Param::Fav, "1");
        }
        if let Some(s) = &self.shared {
            put(Param::Shared, s);
        }
        if let Some(now) = &self.now {
            put(Param::Now, now);
        }
        if let Some(name) = self.page.name() {
            put(Param::Page, name);
        }
        if let Some(s) = &self.session {
            put(Param::Session, s.as_str());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Decodes `%XX` escapes and `+` (a space in query strings). Invalid escapes are kept as
/// written; invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_public_parameters() {
        let q = Query::parse("?programme=programmes%2Ffing-2015.json&day=2015-02-11&session=atelier-1&page=speakers&lang=en");
        assert_eq!(q.programme.as_deref(), Some("programmes/fing-2015.json"));
        assert_eq!(q.day.map(|d| d.to_string()).as_deref(), Some("2015-02-11"));
        assert_eq!(q.session, Some(SessionId("atelier-1".into())));
        assert_eq!(q.page, Page::Speakers);
        assert_eq!(q.lang, Some(Lang::En));
        let q = Query::parse("?now=2026-02-10T14%3A05&day=2026-02-10");
        assert_eq!(q.now.as_deref(), Some("2026-02-10T14:05"));
        assert_eq!(q.to_search(), "?day=2026-02-10&now=2026-02-10T14%3A05");
    }

    #[test]
    fn ignores_unknown_and_stale_values() {
        let q = Query::parse("day=2026-02-31&lang=de&page=nope&utm_source=x&session=&=&&programme");
        assert_eq!(q, Query::default());
        assert_eq!(Query::parse("").to_search(), "");
    }

    #[test]
    fn round_trips() {
        let q = Query {
            programme: Some("https://example.org/a b/programme.json?x=1&y=é".into()),
            day: Date::parse("2026-02-10").ok(),
            session: Some(SessionId("s/1 é&".into())),
            page: Page::Speakers,
            lang: Some(Lang::En),
            q: "open & data".into(),
            chosen: Default::default(),
            fav: true,
            shared: Some("a%2Cb,~c".into()),
            now: Some("2026-02-10T14:05".into()),
        };
        assert_eq!(Query::parse(&q.to_search()), q);
    }

    #[test]
    fn reads_filters_and_search() {
        let q = Query::parse("?q=open+data&track=Inclusion&track=%C3%89ducation&track=Inclusion&room=Salle%20A&fav=1&access=lsf");
        assert_eq!(q.q, "open data");
        assert_eq!(q.chosen[Facet::Track as usize], ["Inclusion", "Éducation"]);
        assert_eq!(q.chosen[Facet::Room as usize], ["Salle A"]);
        assert_eq!(q.chosen[Facet::Accessibility as usize], ["lsf"]);
        assert!(q.fav);
        assert_eq!(
            q.to_search(),
            "?q=open%20data&track=Inclusion&track=%C3%89ducation&room=Salle%20A&access=lsf&fav=1"
        );
    }

    /// Property: for any view, reading back the URL written for it gives the same view. The views
    /// are drawn from a seeded generator over awkward characters (`&`, `=`, `+`, `%`, `#`,
    /// accents, spaces).
    #[test]
    fn any_view_round_trips_through_its_url() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet: Vec<char> = "aZ09 &=+%#?/é€ü·-_.~'\"".chars().collect();
        let word = |next: &mut dyn FnMut(u64) -> u64| -> String {
            let len = 1 + next(8) as usize;
            (0..len)
                .map(|_| alphabet[next(alphabet.len() as u64) as usize])
                .collect::<String>()
        };
        for _ in 0..2000 {
            let mut q = Query::default();
            if next(2) == 0 {
                q.programme = Some(word(&mut next).trim().to_owned()).filter(|w| !w.is_empty());
            }
            if next(2) == 0 {
                q.day = Date::new(
                    2000 + next(50) as i32,
                    1 + next(12) as u8,
                    1 + next(28) as u8,
                );
            }
            if next(3) == 0 {
                q.session =
                    Some(SessionId(word(&mut next).trim().to_owned())).filter(|s| !s.0.is_empty());
            }
            q.page = if next(2) == 0 {
                Page::Agenda
            } else {
                Page::Speakers
            };
            q.lang = [None, Some(Lang::Fr), Some(Lang::En)][next(3) as usize];
            q.q = word(&mut next).trim().to_owned();
            for f in Facet::ALL {
                for _ in 0..next(3) {
                    let v = word(&mut next).trim().to_owned();
                    if !v.is_empty() && !q.chosen[f as usize].contains(&v) {
                        q.chosen[f as usize].push(v);
                    }
                }
            }
            q.fav = next(2) == 0;
            if next(4) == 0 {
                q.shared = Some(word(&mut next).trim().to_owned()).filter(|w| !w.is_empty());
            }
            if next(4) == 0 {
                q.now = Some(word(&mut next).trim().to_owned()).filter(|w| !w.is_empty());
            }
            assert_eq!(Query::parse(&q.to_search()), q, "{}", q.to_search());
        }
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%C3%A9"), "é");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
    }
}
