//! A visitor's favourites: which sessions, how sure ("sûr" / "peut-être"), and what each one was
//! when starred, so that a session that later moves, changes room or is cancelled is flagged
//! rather than silently dropped. Stored as a small JSON text (the app puts it in localStorage
//! under [`storage_key`]); a corrupted text gives back whatever can be recovered.

use crate::model::{percent_encode, Programme, RoomId, SessionId, Status};
use crate::query::percent_decode;
use crate::time::{Date, DateTime};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

/// Stored as `"sure"` or `"maybe"`; any other word reads as sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Maybe,
    #[default]
    #[serde(other)]
    Sure,
}

/// One starred session, with what it was when starred. Stored as
/// `{"id":…,"level":"sure","start":…,"room":…,"title":…,"cancelled":true}`, what is absent (or
/// false) left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Favourite {
    pub id: SessionId,
    #[serde(default)]
    pub level: Level,
    /// Start as it was when starred, to tell the visitor it moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// Its title when starred, to name it should it leave the programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether it was already cancelled when starred or when the visitor last saw the changes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cancelled: bool,
}

/// The stored text as written: `{"v":1,"items":[…]}`.
#[derive(Serialize)]
struct Stored<'a> {
    v: u32,
    items: &'a [Favourite],
}

/// The stored text as read: every form a release wrote.
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredForm {
    /// The first format of all: a bare list.
    List(Vec<StoredItem>),
    /// `{"v":1,"items":[…]}`.
    Versioned { items: Vec<StoredItem> },
    /// JSON, but none of these: nothing to read.
    Unreadable(IgnoredAny),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StoredItem {
    /// An id alone (the bare list's items).
    Id(SessionId),
    Favourite(Favourite),
    /// Anything else is skipped, and said lost.
    Unreadable(IgnoredAny),
}

impl Favourite {
    /// A sure favourite of which nothing else is known.
    fn sure(id: SessionId) -> Favourite {
        Favourite {
            id,
            level: Level::Sure,
            start: None,
            room: None,
            title: None,
            cancelled: false,
        }
    }
}

/// The favourites of one programme, in the order they were starred.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Favourites {
    items: Vec<Favourite>,
}

/// What became of a favourite in the current programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The session is no longer in the programme.
    Gone,
    Cancelled,
    /// Its start changed (from the one recorded).
    Moved {
        from: String,
    },
    RoomChanged {
        from: String,
    },
}

impl Favourite {
    /// A favourite recording its session as it is in `p` (nothing recorded if it is not there).
    fn of(p: &Programme, id: &SessionId, level: Level) -> Favourite {
        let s = p.session(id);
        Favourite {
            id: id.clone(),
            level,
            start: s.map(|s| s.start.to_string()),
            room: s.and_then(|s| s.room.as_ref()).map(|r| r.0.clone()),
            // The title as first given: what names a favourite whose session has gone.
            title: s.map(|s| s.title.as_str().to_owned()),
            cancelled: s.is_some_and(|s| s.status == Status::Cancelled),
        }
    }
}

/// One day of "Mes favoris".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayPlan {
    pub day: Date,
    pub items: Vec<PlanItem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanItem {
    /// A favourite (its position in the programme) and the favourites it overlaps.
    Session { at: usize, clashes: Vec<usize> },
    /// Free time between favourites, and the other sessions on during it.
    Free {
        from: DateTime,
        to: DateTime,
        on: Vec<usize>,
    },
}

/// The localStorage key of a programme's favourites: two programmes never share them.
pub fn storage_key(programme_url: &str) -> String {
    format!("agenda:favourites:{programme_url}")
}

impl Favourites {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Favourite> {
        self.items.iter()
    }

    pub fn level(&self, id: &SessionId) -> Option<Level> {
        self.items.iter().find(|f| &f.id == id).map(|f| f.level)
    }

    pub fn contains(&self, id: &SessionId) -> bool {
        self.level(id).is_some()
    }

    /// Stars a session as it is now in `p` (or sets its level if already starred).
    pub fn add(&mut self, p: &Programme, id: &SessionId, level: Level) {
        match self.items.iter_mut().find(|f| &f.id == id) {
            Some(f) => f.level = level,
            None => self.items.push(Favourite::of(p, id, level)),
        }
    }

    pub fn remove(&mut self, id: &SessionId) {
        self.items.retain(|f| &f.id != id);
    }

    /// One tap: not starred → sure; starred → not starred.
    pub fn toggle(&mut self, p: &Programme, id: &SessionId) {
        if self.contains(id) {
            self.remove(id);
        } else {
            self.add(p, id, Level::Sure);
        }
    }

    /// Adds another selection (a shared link's) to this one, as its sessions are now in `p`;
    /// what is here already keeps its level.
    pub fn merge(&mut self, p: &Programme, other: &Favourites) {
        for f in &other.items {
            if !self.contains(&f.id) {
                self.items.push(Favourite::of(p, &f.id, f.level));
            }
        }
    }

    /// The visitor has seen what changed: each favourite now records its session as it is in `p`,
    /// and those no longer in the programme go (a cancelled one stays, flagged by its status).
    pub fn acknowledge(&mut self, p: &Programme) {
        self.items.retain(|f| p.session(&f.id).is_some());
        for f in &mut self.items {
            *f = Favourite::of(p, &f.id, f.level);
        }
    }

    /// The stored text: `{"v":1,"items":[{"id":…,"level":"sure","start":…,"room":…}]}`.
    pub fn to_storage(&self) -> String {
        // serde_json fails only on maps whose keys are not text, and there is none here.
        serde_json::to_string(&Stored {
            v: 1,
            items: &self.items,
        })
        .unwrap_or_default()
    }

    /// Reads a stored text. Never fails: what cannot be read is skipped, and a text that is not
    /// JSON at all still gives back any id-like words it holds (a visitor's stars are not thrown
    /// away because a byte went wrong). Returns the favourites and whether anything was lost.
    pub fn from_storage(text: &str) -> (Favourites, bool) {
        let mut fav = Favourites::default();
        let Ok(form) = serde_json::from_str::<StoredForm>(text) else {
            // Salvage what follows each `"id":"` (a truncated or damaged text still holds them).
            for part in text.split("\"id\":\"").skip(1) {
                if let Some(id) = part
                    .split('"')
                    .next()
                    .filter(|id| !id.is_empty() && part.contains('"'))
                {
                    fav.push_unique(Favourite::sure(SessionId(id.to_owned())));
                }
            }
            return (fav, true);
        };
        let items = match form {
            StoredForm::List(items) | StoredForm::Versioned { items } => items,
            StoredForm::Unreadable(_) => return (fav, true),
        };
        let mut lost = false;
        for item in items {
            let f = match item {
                StoredItem::Id(id) => Favourite::sure(id),
                StoredItem::Favourite(f) => f,
                StoredItem::Unreadable(_) => {
                    lost = true;
                    continue;
                }
            };
            if f.id.as_str().is_empty() {
                lost = true;
            } else {
                fav.push_unique(f);
            }
        }
        (fav, lost)
    }

    fn push_unique(&mut self, f: Favourite) {
        if !self.contains(&f.id) {
            self.items.push(f);
        }
    }

    /// What became of each favourite in `p`, for those that changed.
    pub fn changes(&self, p: &Programme) -> Vec<(SessionId, Change)> {
        let mut out = Vec::new();
        for f in &self.items {
            let Some(s) = p.session(&f.id) else {
                out.push((f.id.clone(), Change::Gone));
                continue;
            };
            if s.status == Status::Cancelled && !f.cancelled {
                out.push((f.id.clone(), Change::Cancelled));
            } else if let Some(from) = f
                .start
                .as_ref()
                .filter(|from| DateTime::parse(from).ok() != Some(s.start))
            {
                out.push((f.id.clone(), Change::Moved { from: from.clone() }));
            } else if let Some(from) = f
                .room
                .as_ref()
                .filter(|from| s.room.as_ref() != Some(&RoomId((*from).clone())))
            {
                out.push((f.id.clone(), Change::RoomChanged { from: from.clone() }));
            }
        }
        out
    }

    /// The favourites' positions in `p` (those still there), in time order.
    pub fn positions(&self, p: &Programme) -> Vec<usize> {
        (0..p.sessions.len())
            .filter(|&i| self.contains(&p.sessions[i].id))
            .collect()
    }

    /// Pairs of favourites (positions in `p`) that overlap in time: "chevauche …".
    pub fn clashes(&self, p: &Programme) -> Vec<(usize, usize)> {
        let mine: Vec<usize> = self
            .positions(p)
            .into_iter()
            .filter(|&i| p.sessions[i].status != Status::Cancelled)
            .collect();
        let mut out = Vec::new();
        for (k, &a) in mine.iter().enumerate() {
            for &b in &mine[k + 1..] {
                let (x, y) = (&p.sessions[a], &p.sessions[b]);
                // In time order, so once b starts after a ends, no later one overlaps a.
                if y.start.instant() >= x.end.instant() {
                    break;
                }
                out.push((a, b));
            }
        }
        out
    }

    /// The free time between favourites on each day, from the first favourite's start to the last
    /// one's end: `(start, end)` instants, only gaps of at least `min_minutes`.
    pub fn free_slots(&self, p: &Programme, min_minutes: i64) -> Vec<(i64, i64)> {
        self.plan(p, min_minutes)
            .iter()
            .flat_map(|d| &d.items)
            .filter_map(|item| match item {
                PlanItem::Free { from, to, .. } => Some((from.instant(), to.instant())),
                PlanItem::Session { .. } => None,
            })
            .collect()
    }

    /// "Mes favoris", day by day: each favourite still in the programme (time order) with those
    /// it overlaps, and between them the free time of at least `min_minutes` with what is on
    /// then. A cancelled favourite is listed but takes no time.
    pub fn plan(&self, p: &Programme, min_minutes: i64) -> Vec<DayPlan> {
        let clashes = self.clashes(p);
        let mut days: Vec<DayPlan> = Vec::new();
        let mut busy_until: Option<DateTime> = None;
        for at in self.positions(p) {
            let s = &p.sessions[at];
            if days.last().map(|d| d.day) != Some(s.day) {
                days.push(DayPlan {
                    day: s.day,
                    items: Vec::new(),
                });
                busy_until = None;
            }
            let Some(day) = days.last_mut() else {
                continue;
            };
            if s.status != Status::Cancelled {
                if let Some(from) = busy_until {
                    if s.start.instant() - from.instant() >= min_minutes * 60 {
                        let on = (0..p.sessions.len())
                            .filter(|&i| {
                                let o = &p.sessions[i];
                                o.start.instant() < s.start.instant()
                                    && o.end.instant() > from.instant()
                                    && o.status != Status::Cancelled
                                    && !p.is_break(o)
                                    && !self.contains(&o.id)
                            })
                            .collect();
                        day.items.push(PlanItem::Free {
                            from,
                            to: s.start,
                            on,
                        });
                    }
                }
                if busy_until.is_none_or(|b| s.end.instant() > b.instant()) {
                    busy_until = Some(s.end);
                }
            }
            let with = clashes
                .iter()
                .filter_map(|&(a, b)| {
                    if a == at {
                        Some(b)
                    } else if b == at {
                        Some(a)
                    } else {
                        None
                    }
                })
                .collect();
            day.items.push(PlanItem::Session { at, clashes: with });
        }
        days
    }

    /// The favourites as a URL parameter value: ids, percent-encoded, joined by commas ("maybe"
    /// ones marked with a leading `~`). Works with no server: the link carries everything.
    pub fn to_share(&self) -> String {
        self.items
            .iter()
            .map(|f| {
                format!(
                    "{}{}",
                    if f.level == Level::Maybe { "~" } else { "" },
                    percent_encode(f.id.as_str())
                )
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads [`Favourites::to_share`]'s text (after the URL's own decoding, or not).
    pub fn from_share(text: &str) -> Favourites {
        let mut fav = Favourites::default();
        for part in text.split(',').filter(|p| !p.is_empty()) {
            let (level, id) = match part.strip_prefix('~') {
                Some(rest) => (Level::Maybe, rest),
                None => (Level::Sure, part),
            };
            let id = percent_decode(id);
            if !id.is_empty() {
                fav.push_unique(Favourite {
                    level,
                    ..Favourite::sure(SessionId(id))
                });
            }
        }
        fav
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
        {"id": "2", "title": "Deux", "start": "2026-02-10T09:30:00+01:00", "end": "2026-02-10T10:30:00+01:00", "room": "b"},
        {"id": "3", "title": "Trois", "start": "2026-02-10T14:00:00+01:00", "end": "2026-02-10T15:00:00+01:00", "room": "a"},
        {"id": "4", "title": "Quatre", "start": "2026-02-11T09:00:00+01:00", "end": "2026-02-11T10:00:00+01:00", "room": "a"},
        {"id": "x, y/é", "title": "Odd id", "start": "2026-02-11T11:00:00+01:00", "end": "2026-02-11T12:00:00+01:00"}
      ]}"##;

    fn prog(json: &str) -> Programme {
        read_programme(json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn id(s: &str) -> SessionId {
        SessionId(s.into())
    }

    #[test]
    fn set_operations() {
        let p = prog(P);
        let mut f = Favourites::default();
        f.toggle(&p, &id("1"));
        f.add(&p, &id("3"), Level::Maybe);
        assert!(f.contains(&id("1")) && f.level(&id("3")) == Some(Level::Maybe));
        f.toggle(&p, &id("1"));
        assert!(!f.contains(&id("1")));
        let mut other = Favourites::default();
        other.add(&p, &id("3"), Level::Sure);
        other.add(&p, &id("4"), Level::Sure);
        f.merge(&p, &other);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f.level(&id("3")),
            Some(Level::Maybe),
            "merging keeps what was here"
        );
        assert_ne!(
            storage_key("programme.json"),
            storage_key("programmes/fing-2015.json")
        );
    }

    #[test]
    fn storage_round_trip_and_recovery() {
        let p = prog(P);
        let mut f = Favourites::default();
        f.add(&p, &id("1"), Level::Sure);
        f.add(&p, &id("x, y/é"), Level::Maybe);
        let text = f.to_storage();
        assert_eq!(Favourites::from_storage(&text), (f.clone(), false));
        // A bare list (an older format) reads too.
        assert_eq!(Favourites::from_storage(r#"["1","3"]"#).0.len(), 2);
        // One bad item among good ones: the good ones stay, the loss is said.
        let (g, lost) =
            Favourites::from_storage(r#"{"v":1,"items":[{"id":"1"},42,{"level":"sure"}]}"#);
        assert_eq!((g.len(), lost), (1, true));
        // Truncated text: the ids it holds are recovered.
        let (h, lost) = Favourites::from_storage(&text[..text.len() - 10]);
        assert!(lost && h.contains(&id("1")), "{h:?}");
        assert_eq!(Favourites::from_storage("").0.len(), 0);
        assert_eq!(
            Favourites::from_storage("null"),
            (Favourites::default(), true)
        );
    }

    #[test]
    fn moved_cancelled_and_gone_are_flagged() {
        let p = prog(P);
        let mut f = Favourites::default();
        for s in ["1", "2", "3", "4"] {
            f.add(&p, &id(s), Level::Sure);
        }
        let changed = prog(&P
            .replace(r#""start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a""#, r#""start": "2026-02-10T09:15:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a""#)
            .replace(r#""title": "Deux", "start": "2026-02-10T09:30:00+01:00", "end": "2026-02-10T10:30:00+01:00", "room": "b""#, r#""title": "Deux", "start": "2026-02-10T09:30:00+01:00", "end": "2026-02-10T10:30:00+01:00", "room": "a""#)
            .replace(r#""title": "Trois","#, r#""title": "Trois", "status": "cancelled","#)
            .replace(r#""id": "4""#, r#""id": "4b""#));
        assert_eq!(
            f.changes(&changed),
            [
                (
                    id("1"),
                    Change::Moved {
                        from: "2026-02-10T09:00:00+01:00".into()
                    }
                ),
                (id("2"), Change::RoomChanged { from: "b".into() }),
                (id("3"), Change::Cancelled),
                (id("4"), Change::Gone),
            ]
        );
        assert!(f.changes(&p).is_empty());
    }

    #[test]
    fn clashes_and_free_slots() {
        let p = prog(P);
        let mut f = Favourites::default();
        for s in ["1", "2", "3", "4"] {
            f.add(&p, &id(s), Level::Sure);
        }
        let title = |i: usize| p.sessions[i].title.as_str();
        let clashes: Vec<(&str, &str)> = f
            .clashes(&p)
            .into_iter()
            .map(|(a, b)| (title(a), title(b)))
            .collect();
        assert_eq!(clashes, [("Un", "Deux")]);
        let at = |s: &str| DateTime::parse(s).map(|d| d.instant()).unwrap_or(0);
        // 10:30–14:00 on the 10th; nothing on the 11th (one favourite); no slot across days.
        assert_eq!(
            f.free_slots(&p, 15),
            [(
                at("2026-02-10T10:30:00+01:00"),
                at("2026-02-10T14:00:00+01:00")
            )]
        );
        assert!(f.free_slots(&p, 300).is_empty());
    }

    #[test]
    fn plan_day_by_day_with_clashes_and_what_is_on_when_free() {
        let p = prog(P);
        let mut f = Favourites::default();
        for s in ["1", "3", "4", "2"] {
            f.add(&p, &id(s), Level::Sure);
        }
        let plan = f.plan(&p, 15);
        assert_eq!(plan.len(), 2, "two days");
        let pos = |s: &str| {
            p.sessions
                .iter()
                .position(|x| x.id.as_str() == s)
                .unwrap_or(99)
        };
        let at = |s: &str| DateTime::parse(s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            plan[0].items,
            [
                PlanItem::Session {
                    at: pos("1"),
                    clashes: vec![pos("2")]
                },
                PlanItem::Session {
                    at: pos("2"),
                    clashes: vec![pos("1")]
                },
                // From the end of the later of the two overlapping ones; nothing else is on.
                PlanItem::Free {
                    from: at("2026-02-10T10:30:00+01:00"),
                    to: at("2026-02-10T14:00:00+01:00"),
                    on: vec![],
                },
                PlanItem::Session {
                    at: pos("3"),
                    clashes: vec![]
                },
            ]
        );
        assert_eq!(
            plan[1].items,
            [PlanItem::Session {
                at: pos("4"),
                clashes: vec![]
            }]
        );
        // Without "Deux", its time is free and it is what is on then.
        f.remove(&id("2"));
        let plan = f.plan(&p, 15);
        assert!(matches!(&plan[0].items[1], PlanItem::Free { from, on, .. }
            if *from == at("2026-02-10T10:00:00+01:00") && on == &vec![pos("2")]));
        // A cancelled favourite is listed, takes no time and clashes with nothing.
        let cancelled = prog(&P.replace(
            r#""title": "Deux","#,
            r#""title": "Deux", "status": "cancelled","#,
        ));
        f.add(&cancelled, &id("2"), Level::Sure);
        let plan = f.plan(&cancelled, 15);
        assert_eq!(
            plan[0].items[0],
            PlanItem::Session {
                at: pos("1"),
                clashes: vec![]
            }
        );
        assert_eq!(
            plan[0].items[1],
            PlanItem::Session {
                at: pos("2"),
                clashes: vec![]
            }
        );
        assert!(matches!(&plan[0].items[2], PlanItem::Free { on, .. } if on.is_empty()));
    }

    #[test]
    fn seen_changes_are_recorded_and_gone_ones_named() {
        let p = prog(P);
        let mut f = Favourites::default();
        f.add(&p, &id("1"), Level::Maybe);
        f.add(&p, &id("4"), Level::Sure);
        let moved = prog(&P
            .replace(r#""start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a""#, r#""start": "2026-02-10T09:15:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a""#)
            .replace(r#""id": "4""#, r#""id": "4b""#));
        assert_eq!(f.changes(&moved).len(), 2);
        // The gone one keeps its title, to be named.
        let gone = f
            .iter()
            .find(|x| x.id == id("4"))
            .and_then(|x| x.title.clone());
        assert_eq!(gone.as_deref(), Some("Quatre"));
        let (back, _) = Favourites::from_storage(&f.to_storage());
        assert_eq!(back, f, "the title is stored");
        f.acknowledge(&moved);
        assert!(f.changes(&moved).is_empty());
        // A cancellation, once seen, is no longer news (the card still says "Annulée").
        let cancelled = prog(&P.replace(
            r#""title": "Un","#,
            r#""title": "Un", "status": "cancelled","#,
        ));
        assert_eq!(f.changes(&cancelled), [(id("1"), Change::Cancelled)]);
        f.acknowledge(&cancelled);
        assert!(f.changes(&cancelled).is_empty());
        assert_eq!(
            Favourites::from_storage(&f.to_storage()).0,
            f,
            "kept as seen"
        );
        assert_eq!((f.len(), f.level(&id("1"))), (1, Some(Level::Maybe)));
    }

    #[test]
    fn share_link_round_trip() {
        let p = prog(P);
        let mut f = Favourites::default();
        f.add(&p, &id("x, y/é"), Level::Sure);
        f.add(&p, &id("2"), Level::Maybe);
        let text = f.to_share();
        assert_eq!(text, "x%2C%20y%2F%C3%A9,~2");
        let back = Favourites::from_share(&text);
        assert_eq!(
            back.iter()
                .map(|x| (x.id.as_str(), x.level))
                .collect::<Vec<_>>(),
            [("x, y/é", Level::Sure), ("2", Level::Maybe)]
        );
        // Through the URL as the agenda writes it.
        let url = format!("?programme=programme.json&shared={}", percent_encode(&text));
        let value = url
            .split("shared=")
            .nth(1)
            .map(percent_decode)
            .unwrap_or_default();
        assert_eq!(Favourites::from_share(&value), back);
        assert!(Favourites::from_share(",,~,").is_empty());
    }

    /// What the release before serde wrote reads back unchanged, and is written again byte for
    /// byte; the older and damaged forms it read still read the same.
    #[test]
    fn stored_texts_of_earlier_releases_read_the_same() {
        let fav = |id: &str,
                   level,
                   start: Option<&str>,
                   room: Option<&str>,
                   title: Option<&str>,
                   cancelled| Favourite {
            id: id.into(),
            level,
            start: start.map(str::to_owned),
            room: room.map(str::to_owned),
            title: title.map(str::to_owned),
            cancelled,
        };
        // As the release wrote it: optional fields left out, text escaped as JSON strings are.
        let written = r#"{"v":1,"items":[{"id":"1","level":"sure","start":"2026-02-10T09:00:00+01:00","room":"a","title":"Un"},{"id":"x, y/é","level":"maybe","start":"2026-02-11T11:00:00+01:00","title":"Odd id"},{"id":"3","level":"sure","start":"2026-02-10T14:00:00+01:00","room":"Salle \"B\"","title":"Trois\\deux\n\tun\u0001 — ☃","cancelled":true},{"id":"7","level":"maybe"}]}"#;
        let expected = Favourites {
            items: vec![
                fav(
                    "1",
                    Level::Sure,
                    Some("2026-02-10T09:00:00+01:00"),
                    Some("a"),
                    Some("Un"),
                    false,
                ),
                fav(
                    "x, y/é",
                    Level::Maybe,
                    Some("2026-02-11T11:00:00+01:00"),
                    None,
                    Some("Odd id"),
                    false,
                ),
                fav(
                    "3",
                    Level::Sure,
                    Some("2026-02-10T14:00:00+01:00"),
                    Some("Salle \"B\""),
                    Some("Trois\\deux\n\tun\u{1} — ☃"),
                    true,
                ),
                fav("7", Level::Maybe, None, None, None, false),
            ],
        };
        assert_eq!(Favourites::from_storage(written), (expected.clone(), false));
        assert_eq!(expected.to_storage(), written);

        let bare = |ids: &[&str]| Favourites {
            items: ids
                .iter()
                .map(|i| fav(i, Level::Sure, None, None, None, false))
                .collect(),
        };
        for (stored, read, lost) in [
            // The first format: a bare list of ids.
            (r#"["1","3"]"#, bare(&["1", "3"]), false),
            (r#"["1","1"]"#, bare(&["1"]), false),
            (r#"{"v":1,"items":[]}"#, bare(&[]), false),
            // Fields of another release are skipped; what is not "maybe" is sure.
            (
                r#"{"v":2,"items":[{"id":"1","level":"sure","cancelled":false,"new":[1]}]}"#,
                bare(&["1"]),
                false,
            ),
            (
                r#"{"v":1,"items":[{"id":"1","level":"perhaps"}]}"#,
                bare(&["1"]),
                false,
            ),
            // Bad items go, said; the good ones stay.
            (
                r#"{"v":1,"items":[{"id":"1"},42,{"level":"sure"},"",{"id":""},null]}"#,
                bare(&["1"]),
                true,
            ),
            // Truncated or damaged: the ids it holds are salvaged.
            (
                r#"{"v":1,"items":[{"id":"1","level":"sure"},{"id":"2","level":"maybe","start":"2026-02-1"#,
                bare(&["1", "2"]),
                true,
            ),
            (
                r#"{"v":1,"items":[{"id":"1","level":"sure"},{"id":"2""#,
                bare(&["1", "2"]),
                true,
            ),
            (
                r#"{"v":1,"items":[{"id":"1","level":"sure"},{"id":"2"#,
                bare(&["1"]),
                true,
            ),
            ("", bare(&[]), true),
            ("not json", bare(&[]), true),
            ("null", bare(&[]), true),
            ("{}", bare(&[]), true),
            ("42", bare(&[]), true),
        ] {
            assert_eq!(Favourites::from_storage(stored), (read, lost), "{stored}");
        }
        // The one difference in writing: backspace and form feed (never seen in a programme)
        // are now `\b` and `\f`, where the release wrote `\u0008` and `\u000c`; both read alike.
        let odd = r#"{"v":1,"items":[{"id":"1","level":"sure","title":"\u0008\u000c"}]}"#;
        let (read, lost) = Favourites::from_storage(odd);
        assert_eq!(
            (read.iter().next().and_then(|f| f.title.as_deref()), lost),
            (Some("\u{8}\u{c}"), false)
        );
        assert_eq!(
            Favourites::from_storage(&read.to_storage()),
            (read.clone(), false)
        );
        assert_eq!(
            Favourites::from_storage(r#"["1","3"]"#).0.to_storage(),
            r#"{"v":1,"items":[{"id":"1","level":"sure"},{"id":"3","level":"sure"}]}"#
        );
    }
}
