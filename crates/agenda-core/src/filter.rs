//! Filters: by day, theme, room, format, language, speaker and accessibility arrangement, with
//! the search. Within one facet the choices add up (Inclusion **or** Éducation); across facets
//! they narrow (that day **and** those themes **and** the search). Each option also says how many
//! sessions it would give with the other current filters.
//!
//! Options are named as the programme writes them (a theme's name, a room's name), since those
//! names are what partners put in links (`?track=Inclusion`). A name the programme gives in
//! several languages is offered in the visitor's (see [`Programme::pick`]), and a link may name it
//! in any of them.

use crate::i18n::Lang;
use crate::model::{Programme, Session, Text};
use crate::search::{SearchIndex, SearchQuery};
use crate::text::fold;
use crate::time::Date;
use std::collections::HashMap;

/// The kinds of filter, in the order the page offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Track,
    Room,
    Format,
    Language,
    Speaker,
    Accessibility,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Track,
        Facet::Room,
        Facet::Format,
        Facet::Language,
        Facet::Speaker,
        Facet::Accessibility,
    ];

    /// The values a session has for this facet (several for speakers and arrangements), as a
    /// reader of `lang` reads them.
    pub fn values<'a>(self, p: &'a Programme, s: &'a Session, lang: Lang) -> Vec<&'a str> {
        let mut out = Vec::new();
        self.put_values(p, s, lang, &mut out);
        out
    }

    /// [`Facet::values`], added to `out` (counting options reuses one buffer per facet rather
    /// than allocating for every session).
    fn put_values<'a>(self, p: &'a Programme, s: &'a Session, lang: Lang, out: &mut Vec<&'a str>) {
        match self.name(p, s) {
            Some(name) => out.push(p.pick(name, lang)),
            None => self.plain(p, s, out),
        }
    }

    /// A session's theme, room or format name for those facets, which the programme may give in
    /// several languages.
    fn name<'a>(self, p: &'a Programme, s: &'a Session) -> Option<&'a Text> {
        match self {
            Facet::Track => s.theme.as_ref().and_then(|t| p.theme(t)).map(|t| &t.name),
            Facet::Room => s.room.as_ref().and_then(|r| p.room(r)).map(|r| &r.name),
            Facet::Format => s.format.as_ref().and_then(|f| p.format(f)).map(|f| &f.name),
            _ => None,
        }
    }

    /// A session's values for the other facets, written once: its language, speakers and
    /// arrangements.
    fn plain<'a>(self, p: &'a Programme, s: &'a Session, out: &mut Vec<&'a str>) {
        match self {
            Facet::Language => out.extend(s.language.as_deref()),
            Facet::Speaker => out.extend(
                s.speakers
                    .iter()
                    .filter_map(|id| p.speaker(id))
                    .map(|sp| sp.name.as_str()),
            ),
            Facet::Accessibility => out.extend(s.accessibility.iter().map(String::as_str)),
            Facet::Track | Facet::Room | Facet::Format => {}
        }
    }
}

/// What the visitor asked to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub q: String,
    pub day: Option<Date>,
    /// Chosen values per facet, in [`Facet::ALL`] order.
    pub chosen: [Vec<String>; 6],
}

impl Selection {
    pub fn chosen(&self, f: Facet) -> &[String] {
        &self.chosen[f as usize]
    }

    pub fn chosen_mut(&mut self, f: Facet) -> &mut Vec<String> {
        &mut self.chosen[f as usize]
    }

    /// Adds the value to the facet's choices, or takes it away.
    pub fn toggle(&mut self, f: Facet, value: &str) {
        let v = self.chosen_mut(f);
        match v.iter().position(|x| x == value) {
            Some(i) => {
                v.remove(i);
            }
            None => v.push(value.to_owned()),
        }
    }

    /// Whether any filter other than the day is set (the search counts).
    pub fn is_filtering(&self) -> bool {
        !self.q.trim().is_empty() || self.chosen.iter().any(|c| !c.is_empty())
    }

    /// "Tout effacer": every filter and the search, the day kept.
    pub fn clear(&mut self) {
        self.q.clear();
        self.chosen = Default::default();
    }
}

/// A facet's option with the number of sessions it would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub value: String,
    pub count: usize,
    pub chosen: bool,
}

/// What a selection shows: the selection as applied ([`Finder::effective`]), which sessions and
/// breaks are shown (by position in the programme), how many real sessions that is, and out of
/// how many (the day's, or the programme's while looking through every day).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub selection: Selection,
    pub shown: Vec<bool>,
    /// Whether each session passes the search and the filters, whatever its day (`shown` is
    /// this and the day): what a card of the page follows, while a day shows or hides as a whole,
    /// so that changing day touches no card.
    pub passing: Vec<bool>,
    pub count: usize,
    pub total: usize,
    /// Which sessions the search alone matches (all of them without one): the filters' options
    /// count from it rather than searching again.
    matched: Vec<bool>,
}

impl Found {
    /// The words of the `role="status"` count: "6 séances", or "3 séances sur 12" while
    /// searching or filtering.
    pub fn status(&self, lang: crate::i18n::Lang) -> String {
        if self.selection.is_filtering() {
            crate::i18n::shown_count(lang, self.count, self.total)
        } else {
            crate::i18n::sessions_count(lang, self.count)
        }
    }
}

/// A facet's options while they are counted: each value once, in the order first met, with the
/// number of sessions it would give and whether any session has it.
#[derive(Default)]
struct Counted<'a> {
    values: Vec<&'a str>,
    positions: HashMap<&'a str, usize>,
    counts: Vec<usize>,
    has: Vec<bool>,
}

impl<'a> Counted<'a> {
    /// Where `value` is, added if new.
    fn at(&mut self, value: &'a str) -> usize {
        if let Some(&i) = self.positions.get(value) {
            return i;
        }
        self.values.push(value);
        self.counts.push(0);
        self.has.push(false);
        self.positions.insert(value, self.values.len() - 1);
        self.values.len() - 1
    }
}

/// A programme with its search index: answers which sessions a selection shows, with the
/// options named in the reader's language.
pub struct Finder<'a> {
    p: &'a Programme,
    index: &'a SearchIndex,
    lang: Lang,
}

impl<'a> Finder<'a> {
    /// A finder for a reader of the interface's default language.
    pub fn new(p: &'a Programme, index: &'a SearchIndex) -> Finder<'a> {
        Finder {
            p,
            index,
            lang: Lang::default(),
        }
    }

    /// The same finder, naming options as a reader of `lang` reads them.
    pub fn in_language(self, lang: Lang) -> Finder<'a> {
        Finder { lang, ..self }
    }

    /// Which sessions the search `q` matches.
    fn matched(&self, q: &str) -> Vec<bool> {
        self.index
            .matching(&SearchQuery::new(q), self.p.sessions.len())
    }

    fn passes(&self, s: &Session, sel: &Selection, matched: bool) -> bool {
        if sel.day.is_some_and(|d| s.day != d) || !matched {
            return false;
        }
        Facet::ALL.iter().all(|&f| {
            let chosen = sel.chosen(f);
            chosen.is_empty()
                || f.values(self.p, s, self.lang)
                    .iter()
                    .any(|v| chosen.iter().any(|c| c == v))
        })
    }

    /// The positions (in programme order) of what the selection shows: the sessions that pass,
    /// and, when nothing but the day is selected, the day's breaks.
    pub fn visible(&self, sel: &Selection) -> Vec<usize> {
        self.visible_of(sel, &self.matched(&sel.q))
    }

    /// [`Finder::visible`] with the search's answer known (see [`SearchIndex::matching`]).
    fn visible_of(&self, sel: &Selection, matched: &[bool]) -> Vec<usize> {
        let filtering = sel.is_filtering();
        self.p
            .sessions
            .iter()
            .enumerate()
            .filter(|(at, s)| {
                if self.p.is_break(s) {
                    !filtering && sel.day.is_none_or(|d| s.day == d)
                } else {
                    self.passes(s, sel, matched[*at])
                }
            })
            .map(|(at, _)| at)
            .collect()
    }

    /// How many real sessions (breaks not counted) the selection shows.
    pub fn count(&self, sel: &Selection) -> usize {
        self.visible(sel)
            .into_iter()
            .filter(|&at| !self.p.is_break(&self.p.sessions[at]))
            .count()
    }

    /// The options of a facet that the programme has, in the programme's order (rooms, themes
    /// and formats as listed; languages, speakers and arrangements as first met), each with the
    /// number of sessions it would give with the other current filters.
    pub fn options(&self, f: Facet, sel: &Selection) -> Vec<FacetOption> {
        self.options_of(&[f], sel).pop().unwrap_or_default()
    }

    /// [`Finder::options`] for several facets at once, in one pass over the sessions.
    pub fn options_of(&self, facets: &[Facet], sel: &Selection) -> Vec<Vec<FacetOption>> {
        let matched = self.matched(&sel.q);
        self.options_with(facets, sel, &matched)
    }

    /// [`Finder::options_of`] for what `found` shows: the search is not run again (a keystroke on
    /// a 1000-session programme counts every filter's options).
    pub fn options_for(&self, facets: &[Facet], found: &Found) -> Vec<Vec<FacetOption>> {
        self.options_with(facets, &found.selection, &found.matched)
    }

    /// Each session's values are read once, and only for the facets counted or chosen, into
    /// buffers kept from one session to the next; an option is found by its name in a map (a
    /// large conference has hundreds of speakers).
    fn options_with(
        &self,
        facets: &[Facet],
        sel: &Selection,
        matched: &[bool],
    ) -> Vec<Vec<FacetOption>> {
        let (p, lang) = (self.p, self.lang);
        let mut counted: Vec<Counted> = facets
            .iter()
            .map(|f| {
                let declared: Vec<&str> = match f {
                    Facet::Track => p.themes.iter().map(|t| p.pick(&t.name, lang)).collect(),
                    Facet::Room => p.rooms.iter().map(|r| p.pick(&r.name, lang)).collect(),
                    Facet::Format => p.formats.iter().map(|x| p.pick(&x.name, lang)).collect(),
                    _ => Vec::new(),
                };
                let mut c = Counted::default();
                for v in declared {
                    c.at(v);
                }
                c
            })
            .collect();
        let needed: [bool; 6] =
            Facet::ALL.map(|f| facets.contains(&f) || !sel.chosen(f).is_empty());
        // A session's values per facet (in `Facet::ALL` order), and whether it passes each
        // facet's own choices.
        let mut own: [Vec<&str>; 6] = Default::default();
        let mut ok = [true; 6];
        for (at, s) in p.sessions.iter().enumerate() {
            if p.is_break(s) {
                continue;
            }
            let base = sel.day.is_none_or(|d| s.day == d) && matched[at];
            for (i, f) in Facet::ALL.into_iter().enumerate() {
                own[i].clear();
                if needed[i] {
                    f.put_values(p, s, lang, &mut own[i]);
                }
                let chosen = sel.chosen(f);
                ok[i] = chosen.is_empty() || own[i].iter().any(|v| chosen.iter().any(|c| c == v));
            }
            for (c, f) in counted.iter_mut().zip(facets) {
                let passes = base && Facet::ALL.iter().zip(&ok).all(|(g, pass)| g == f || *pass);
                for v in &own[*f as usize] {
                    let i = c.at(v);
                    c.has[i] = true;
                    if passes {
                        c.counts[i] += 1;
                    }
                }
            }
        }
        facets
            .iter()
            .zip(counted)
            .map(|(f, c)| {
                let chosen = sel.chosen(*f);
                c.values
                    .iter()
                    .zip(&c.counts)
                    .zip(&c.has)
                    // An option no session has (a declared room left empty) is not offered.
                    .filter(|((v, _), has)| **has || chosen.iter().any(|c| c == *v))
                    .map(|((v, count), _)| FacetOption {
                        chosen: chosen.iter().any(|c| c == v),
                        value: (*v).to_owned(),
                        count: *count,
                    })
                    .collect()
            })
            .collect()
    }

    /// The selection the page applies, from the one the URL gives:
    /// - a filter value the programme does not have (a stale link) is dropped rather than giving
    ///   an empty page, and one written with other case or accents (`track=education`), or in
    ///   another of the programme's languages, takes the spelling the reader is shown;
    /// - a day the programme does not have is dropped;
    /// - without a day, the first day is shown, except while searching or filtering, which looks
    ///   through every day (`day: None`).
    pub fn effective(&self, sel: &Selection) -> Selection {
        let mut out = Selection {
            q: sel.q.clone(),
            day: sel.day.filter(|d| self.p.days.contains(d)),
            chosen: Default::default(),
        };
        for f in Facet::ALL {
            for wanted in sel.chosen(f) {
                let folded = fold(wanted);
                let same = |v: &str| v == wanted || fold(v) == folded;
                let known = self
                    .p
                    .sessions
                    .iter()
                    .find_map(|s| match f.name(self.p, s) {
                        // A name in any of its languages; the reader is shown theirs.
                        Some(name) => name.all().any(same).then(|| self.p.pick(name, self.lang)),
                        None => {
                            let mut values = Vec::new();
                            f.plain(self.p, s, &mut values);
                            values.into_iter().find(|v| same(v))
                        }
                    });
                if let Some(v) = known {
                    if !out.chosen(f).iter().any(|c| c == v) {
                        out.chosen_mut(f).push(v.to_owned());
                    }
                }
            }
        }
        if out.day.is_none() && !out.is_filtering() {
            out.day = self.p.days.first().copied();
        }
        out
    }

    /// Everything the agenda shows for the selection a URL asks for, worked out in one pass: the
    /// page applies it to cards drawn once (see `Found`).
    pub fn find(&self, wanted: &Selection) -> Found {
        let selection = self.effective(wanted);
        let matched = self.matched(&selection.q);
        let mut shown = vec![false; self.p.sessions.len()];
        let mut count = 0;
        for at in self.visible_of(&selection, &matched) {
            shown[at] = true;
            count += usize::from(!self.p.is_break(&self.p.sessions[at]));
        }
        let mut passing = vec![false; self.p.sessions.len()];
        let any_day = Selection {
            day: None,
            ..selection.clone()
        };
        for at in self.visible_of(&any_day, &matched) {
            passing[at] = true;
        }
        let total = selection
            .day
            .map_or_else(|| self.p.session_count(), |d| self.p.count_on_day(d));
        Found {
            selection,
            shown,
            passing,
            count,
            total,
            matched,
        }
    }

    /// The filters worth offering, each with its values in the programme's order: a facet with
    /// a single value is no choice (except an accessibility arrangement: finding the one session
    /// that has it is the point). A facet with more than `max` values (the speakers of a large
    /// conference) is left to the search box, keeping only the values `sel` already chose.
    pub fn offered(&self, sel: &Selection, max: usize) -> Vec<(Facet, Vec<String>)> {
        // Every facet's options counted in one pass.
        let all = Selection::default();
        Facet::ALL
            .into_iter()
            .zip(self.options_of(&Facet::ALL, &all))
            .filter_map(|(f, options)| {
                let values: Vec<String> = options.into_iter().map(|o| o.value).collect();
                let worth = values.len() > 1 || (f == Facet::Accessibility && !values.is_empty());
                let values = if values.len() > max {
                    sel.chosen(f).to_vec()
                } else {
                    values
                };
                (worth && !values.is_empty()).then_some((f, values))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    const P: &str = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
      "rooms": [{"id": "a", "name": "Salle A"}, {"id": "b", "name": "Salle B"}, {"id": "c", "name": "Salle vide"}],
      "themes": [{"id": "inc", "name": "Inclusion"}, {"id": "edu", "name": "Éducation"}, {"id": "don", "name": "Données"}],
      "formats": [{"id": "p", "name": "Pause", "kind": "break"}, {"id": "t", "name": "Atelier"}],
      "speakers": [{"id": "x", "name": "Loïc Dayot", "organisation": "Villejuif"}],
      "sessions": [
        {"id": "1", "title": "Médiathèque numérique", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "a", "theme": "inc", "speakers": ["x"], "language": "fr"},
        {"id": "2", "title": "École et données", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "b", "theme": "edu", "format": "t", "accessibility": ["lsf"]},
        {"id": "3", "title": "Open data", "start": "2026-02-11T10:00:00+01:00", "end": "2026-02-11T11:00:00+01:00", "room": "a", "theme": "don", "language": "en"},
        {"id": "p", "title": "Pause", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T11:15:00+01:00", "format": "p"}
      ]}"##;

    fn ids(p: &Programme, at: Vec<usize>) -> Vec<&str> {
        at.into_iter().map(|i| p.sessions[i].id.as_str()).collect()
    }

    #[test]
    fn within_a_facet_or_across_facets_and() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        let mut sel = Selection::default();
        assert_eq!(f.count(&sel), 3);
        sel.toggle(Facet::Track, "Inclusion");
        sel.toggle(Facet::Track, "Éducation");
        assert_eq!(ids(&p, f.visible(&sel)), ["1", "2"]);
        sel.toggle(Facet::Room, "Salle B");
        assert_eq!(ids(&p, f.visible(&sel)), ["2"]);
        sel.toggle(Facet::Room, "Salle B");
        sel.q = "MEDIATHEQUE".into();
        assert_eq!(ids(&p, f.visible(&sel)), ["1"]);
        sel.q = "dayot villejuif".into();
        assert_eq!(ids(&p, f.visible(&sel)), ["1"]);
        sel.clear();
        sel.day = Date::parse("2026-02-10").ok();
        // Breaks show only when nothing but the day is chosen, and never count.
        assert_eq!(ids(&p, f.visible(&sel)), ["1", "2", "p"]);
        assert_eq!(f.count(&sel), 2);
        sel.toggle(Facet::Accessibility, "lsf");
        assert_eq!(ids(&p, f.visible(&sel)), ["2"]);
    }

    #[test]
    fn options_count_with_the_other_filters() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        let mut sel = Selection::default();
        sel.toggle(Facet::Track, "Inclusion");
        sel.toggle(Facet::Room, "Salle A");
        let rooms = f.options(Facet::Room, &sel);
        let shown: Vec<(&str, usize, bool)> = rooms
            .iter()
            .map(|o| (o.value.as_str(), o.count, o.chosen))
            .collect();
        // The empty room is not offered; Salle B would give 0 with Inclusion chosen.
        assert_eq!(shown, [("Salle A", 1, true), ("Salle B", 0, false)]);
        let tracks: Vec<(String, usize)> = f
            .options(Facet::Track, &sel)
            .into_iter()
            .map(|o| (o.value, o.count))
            .collect();
        assert_eq!(
            tracks,
            [
                ("Inclusion".into(), 1),
                ("Éducation".into(), 0),
                ("Données".into(), 1)
            ]
        );
        let langs: Vec<String> = f
            .options(Facet::Language, &Selection::default())
            .into_iter()
            .map(|o| o.value)
            .collect();
        assert_eq!(langs, ["fr", "en"]);
        assert!(f
            .options(Facet::Format, &Selection::default())
            .iter()
            .all(|o| o.value != "Pause"));
    }

    #[test]
    fn find_says_what_to_show_and_how_many() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        // Nothing asked: the first day, its break shown but not counted.
        let found = f.find(&Selection::default());
        // (Sessions are in time order: the break comes before the second day.)
        assert_eq!(found.shown, [true, true, true, false]);
        // Whatever the day: every session and the break.
        assert_eq!(found.passing, [true, true, true, true]);
        assert_eq!((found.count, found.total), (2, 2));
        assert_eq!(found.status(crate::i18n::Lang::Fr), "2 séances");
        // Searching looks through every day, and counts out of the whole programme.
        let found = f.find(&Selection {
            q: "ecole".into(),
            ..Selection::default()
        });
        assert_eq!(found.shown, [false, true, false, false]);
        assert_eq!((found.count, found.total), (1, 3));
        assert_eq!(found.status(crate::i18n::Lang::Fr), "1 séance sur 3");
        assert_eq!(found.status(crate::i18n::Lang::En), "1 of 3 sessions");
        // A day and a filter: out of that day's sessions.
        let mut sel = Selection {
            day: Date::parse("2026-02-10").ok(),
            ..Selection::default()
        };
        sel.toggle(Facet::Room, "salle b");
        let found = f.find(&sel);
        assert_eq!(found.selection.chosen(Facet::Room), ["Salle B"]);
        assert_eq!((found.count, found.total), (1, 2));
        // Shown: passing, on the day chosen.
        let day = found.selection.day;
        for (at, s) in p.sessions.iter().enumerate() {
            let on_day = day.is_none_or(|d| s.day == d);
            assert_eq!(found.shown[at], found.passing[at] && on_day, "{}", s.id);
        }
        // Nothing matches: zero, said in words by the page.
        let found = f.find(&Selection {
            q: "introuvable".into(),
            ..Selection::default()
        });
        assert_eq!(found.count, 0);
        assert!(found.shown.iter().all(|on| !on));
    }

    #[test]
    fn offered_filters_are_choices() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        let offered = f.offered(&Selection::default(), 40);
        let facets: Vec<Facet> = offered.iter().map(|(f, _)| *f).collect();
        // One format (Atelier) and one speaker are no choice; one arrangement is.
        assert_eq!(
            facets,
            [
                Facet::Track,
                Facet::Room,
                Facet::Language,
                Facet::Accessibility
            ]
        );
        assert_eq!(offered[1].1, ["Salle A", "Salle B"]);
        // Too many values: only those already chosen stay, the rest is for the search box.
        let mut sel = Selection::default();
        sel.toggle(Facet::Track, "Données");
        let few = f.offered(&sel, 2);
        assert_eq!(few[0], (Facet::Track, vec!["Données".to_owned()]));
        assert_eq!(
            few[1].1,
            ["Salle A", "Salle B"],
            "two rooms are not too many"
        );
    }

    #[test]
    fn options_of_several_facets_agree_with_one_at_a_time() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        let mut selections = vec![Selection::default()];
        let mut sel = Selection::default();
        sel.toggle(Facet::Track, "Inclusion");
        selections.push(sel.clone());
        sel.toggle(Facet::Room, "Salle A");
        selections.push(sel.clone());
        sel.q = "numerique".into();
        selections.push(sel.clone());
        sel.day = Date::parse("2026-02-10").ok();
        sel.toggle(Facet::Room, "Salle vide");
        selections.push(sel);
        for sel in &selections {
            let all = f.options_of(&Facet::ALL, sel);
            let found = f.find(sel);
            assert_eq!(
                f.options_for(&Facet::ALL, &found),
                f.options_of(&Facet::ALL, &found.selection),
                "counted from what was found, {sel:?}"
            );
            for (k, facet) in Facet::ALL.into_iter().enumerate() {
                assert_eq!(all[k], f.options(facet, sel), "{facet:?} with {sel:?}");
            }
        }
    }

    #[test]
    fn two_rooms_of_one_name_are_one_option() {
        // Names are what a filter offers and what links carry (`?room=Amphi`): a programme that
        // declares two rooms of one name (two buildings' "Amphi") gets one choice for both.
        let p = read_programme(
            r#"{"agenda_format": 1, "event": {"title": "T"},
              "rooms": [{"id": "a", "name": "Amphi"}, {"id": "b", "name": "Amphi"}, {"id": "c", "name": "Salle C"}],
              "sessions": [
                {"id": "1", "title": "Un", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "a"},
                {"id": "2", "title": "Deux", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "b"},
                {"id": "3", "title": "Trois", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "c"}
              ]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        let rooms: Vec<(String, usize)> = f
            .options(Facet::Room, &Selection::default())
            .into_iter()
            .map(|o| (o.value, o.count))
            .collect();
        assert_eq!(rooms, [("Amphi".into(), 2), ("Salle C".into(), 1)]);
        let mut sel = Selection::default();
        sel.toggle(Facet::Room, "Amphi");
        assert_eq!(ids(&p, f.visible(&f.effective(&sel))), ["1", "2"]);
    }

    #[test]
    fn the_url_selection_is_made_safe() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let index = SearchIndex::new(&p);
        let f = Finder::new(&p, &index);
        let first = Date::parse("2026-02-10").ok();
        // Nothing chosen: the first day.
        assert_eq!(f.effective(&Selection::default()).day, first);
        // A stale theme and an unknown day are ignored, not an empty page.
        let mut sel = Selection {
            day: Date::parse("2030-01-01").ok(),
            ..Selection::default()
        };
        sel.toggle(Facet::Track, "Disparu");
        let e = f.effective(&sel);
        assert_eq!(
            e,
            Selection {
                day: first,
                ..Selection::default()
            }
        );
        // Case and accents are forgiven; the programme's spelling is kept; duplicates merge.
        sel.toggle(Facet::Track, "EDUCATION");
        sel.toggle(Facet::Track, "Éducation");
        let e = f.effective(&sel);
        assert_eq!(e.chosen(Facet::Track), ["Éducation"]);
        // Filtering without a day looks through every day; a day given is kept.
        assert_eq!(e.day, None);
        sel.day = Date::parse("2026-02-11").ok();
        assert_eq!(f.effective(&sel).day, sel.day);
        let search = Selection {
            q: "open".into(),
            ..Selection::default()
        };
        assert_eq!(ids(&p, f.visible(&f.effective(&search))), ["3"]);
    }
}
