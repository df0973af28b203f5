//! "En ce moment / À suivre": what is on now and what starts next, per room, for a given instant.
//! The clock is a parameter (the app passes the browser's, or `?now=` for tests and demos), so
//! this is tested without waiting for the event.

use crate::model::{Programme, RoomId, Session};
use crate::time::{Date, DateTime, TimeOfDay};

/// One room's current and next session. Breaks count: "Déjeuner" is what is on.
#[derive(Debug, PartialEq)]
pub struct RoomNow<'a> {
    /// `None` for sessions without a room.
    pub room: Option<&'a RoomId>,
    pub now: Option<&'a Session>,
    pub next: Option<&'a Session>,
}

impl Programme {
    /// For each room (in the programme's order, then sessions without a room), the session under
    /// way at `instant` (seconds since the epoch) and the first one starting after it, if any.
    /// Rooms with neither are left out; an empty list means the event is over.
    pub fn now_and_next(&self, instant: i64) -> Vec<RoomNow<'_>> {
        let rooms = self.rooms.iter().map(|r| Some(&r.id)).chain([None]);
        rooms
            .filter_map(|room| {
                let in_room = || {
                    self.sessions.iter().filter(move |s| {
                        s.room.as_ref() == room && s.status != crate::model::Status::Cancelled
                    })
                };
                let now =
                    in_room().find(|s| s.start.instant() <= instant && instant < s.end.instant());
                // Sessions are in start order, so the first one after `instant` is the next.
                let next = in_room().find(|s| s.start.instant() > instant);
                (now.is_some() || next.is_some()).then_some(RoomNow { room, now, next })
            })
            .collect()
    }

    /// Whether `instant` falls between the first session's start and the last one's end.
    pub fn is_under_way(&self, instant: i64) -> bool {
        let first = self.sessions.iter().map(|s| s.start.instant()).min();
        let last = self.sessions.iter().map(|s| s.end.instant()).max();
        matches!((first, last), (Some(a), Some(b)) if a <= instant && instant < b)
    }

    /// The programme day that `instant` belongs to, if any: the day of a session under way or,
    /// between sessions, of the next one that day.
    pub fn day_at(&self, instant: i64) -> Option<Date> {
        self.sessions
            .iter()
            .find(|s| s.end.instant() > instant)
            .filter(|s| s.start.instant() <= instant || s.start.instant() - instant < 86_400)
            .map(|s| s.day)
    }
}

impl Programme {
    /// "Aller à maintenant": among the sessions `shown` (by position), the time slot that
    /// `instant` falls in (the last one started by then), else the next one; the position of its
    /// first session that is not a break (the link to give focus to), or of the break itself.
    pub fn slot_at(&self, shown: &[bool], instant: i64) -> Option<usize> {
        let shown = |at: &usize| shown.get(*at).copied().unwrap_or(false);
        let starts: Vec<i64> = (0..self.sessions.len())
            .filter(shown)
            .map(|at| self.sessions[at].start.instant())
            .collect();
        let start = starts
            .iter()
            .copied()
            .filter(|&s| s <= instant)
            .max()
            .or_else(|| starts.iter().copied().filter(|&s| s > instant).min())?;
        let in_slot = || {
            (0..self.sessions.len())
                .filter(shown)
                .filter(move |&at| self.sessions[at].start.instant() == start)
        };
        in_slot()
            .find(|&at| !self.is_break(&self.sessions[at]))
            .or_else(|| in_slot().next())
    }
}

/// Reads `?now=2026-02-10T14:05`: a wall-clock time in the event's zone, whose offset is the one
/// the programme uses that day (taken from a session of that date; else from the first session).
pub fn parse_now(p: &Programme, s: &str) -> Option<i64> {
    if let Ok(dt) = DateTime::parse(s) {
        return Some(dt.instant());
    }
    let s = s.trim();
    let date = Date::parse(s.get(..10)?).ok()?;
    let time = match s.get(11..) {
        Some(t) if !t.is_empty() => crate::time::parse_time_of_day(t).ok()?,
        _ => TimeOfDay {
            hour: 0,
            minute: 0,
            second: 0,
        },
    };
    let offset = p
        .sessions
        .iter()
        .find(|x| x.start.date == date)
        .or(p.sessions.first())
        .map_or(0, |x| x.start.offset_minutes);
    Some(
        DateTime {
            date,
            time,
            offset_minutes: offset,
        }
        .instant(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    const P: &str = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
      "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
      "sessions": [
        {"id": "1", "title": "A1", "start": "2026-02-10T09:30:00+01:00", "end": "2026-02-10T10:30:00+01:00", "room": "a"},
        {"id": "2", "title": "A2", "start": "2026-02-10T14:00:00+01:00", "end": "2026-02-10T15:00:00+01:00", "room": "a"},
        {"id": "3", "title": "B1", "start": "2026-02-10T14:00:00+01:00", "end": "2026-02-10T14:30:00+01:00", "room": "b"},
        {"id": "4", "title": "B2", "start": "2026-02-10T14:30:00+01:00", "end": "2026-02-10T16:00:00+01:00", "room": "b", "status": "cancelled"},
        {"id": "5", "title": "B3", "start": "2026-02-10T16:00:00+01:00", "end": "2026-02-10T17:00:00+01:00", "room": "b"}
      ]}"##;

    fn titles<'a>(
        rows: &[RoomNow<'a>],
    ) -> Vec<(Option<&'a str>, Option<&'a str>, Option<&'a str>)> {
        rows.iter()
            .map(|r| {
                (
                    r.room.map(|x| x.as_str()),
                    r.now.map(|s| s.title.as_str()),
                    r.next.map(|s| s.title.as_str()),
                )
            })
            .collect()
    }

    #[test]
    fn now_and_next_with_an_injected_clock() {
        let p = read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let at = |s: &str| parse_now(&p, s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(
            at("2026-02-10T14:05"),
            DateTime::parse("2026-02-10T13:05:00Z")
                .map(|d| d.instant())
                .unwrap_or(0)
        );
        assert_eq!(
            titles(&p.now_and_next(at("2026-02-10T14:05"))),
            [
                (Some("a"), Some("A2"), None),
                (Some("b"), Some("B1"), Some("B3"))
            ]
        );
        // Between sessions: nothing on in room A, the afternoon next; a session starting now is on.
        assert_eq!(
            titles(&p.now_and_next(at("2026-02-10T12:00"))),
            [(Some("a"), None, Some("A2")), (Some("b"), None, Some("B1"))]
        );
        assert_eq!(
            titles(&p.now_and_next(at("2026-02-10T09:30")))[0],
            (Some("a"), Some("A1"), Some("A2"))
        );
        // Over: nothing left.
        assert!(p.now_and_next(at("2026-02-10T18:00")).is_empty());
        assert!(p.is_under_way(at("2026-02-10T12:00")));
        assert!(!p.is_under_way(at("2026-02-11T12:00")));
        assert_eq!(
            p.day_at(at("2026-02-10T12:00"))
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-02-10")
        );
        assert_eq!(parse_now(&p, "yesterday"), None);
    }

    #[test]
    fn now_uses_the_offset_in_force_that_day() {
        // Across the October 2025 change, `?now=` wall-clock times read with each day's offset.
        let json = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"}, "sessions": [
            {"id": "1", "title": "Sat", "start": "2025-10-25T10:00:00+02:00", "end": "2025-10-25T11:00:00+02:00"},
            {"id": "2", "title": "Sun", "start": "2025-10-26T10:00:00+01:00", "end": "2025-10-26T11:00:00+01:00"}]}"##;
        let p = read_programme(json).unwrap_or_else(|e| panic!("{e}"));
        let sat = parse_now(&p, "2025-10-25T10:30").unwrap_or(0);
        let sun = parse_now(&p, "2025-10-26T10:30").unwrap_or(0);
        assert_eq!(sun - sat, 86_400 + 3600);
        assert_eq!(titles(&p.now_and_next(sat))[0].1, Some("Sat"));
        assert_eq!(titles(&p.now_and_next(sun))[0].1, Some("Sun"));
        // A visitor one hour ahead of UTC+1 sees the Sunday session at 11:00 of their clock.
        let their = DateTime::from_instant(p.sessions[1].start.instant(), 120);
        assert_eq!(their.time.hh_mm(), "11:00");
    }

    #[test]
    fn the_slot_under_way_or_the_next_one() {
        let p = crate::read_programme(
            r#"{"agenda_format": 1, "event": {"title": "T"}, "sessions": [
              {"id": "a", "title": "A", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00"},
              {"id": "b", "title": "B", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T09:30:00+01:00"},
              {"id": "c", "title": "C", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T12:00:00+01:00"}]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let at = |t: &str| {
            DateTime::parse(t)
                .unwrap_or_else(|e| panic!("{e}"))
                .instant()
        };
        let all = vec![true; 3];
        assert_eq!(
            p.slot_at(&all, at("2026-02-10T09:40:00+01:00")),
            Some(0),
            "under way"
        );
        assert_eq!(
            p.slot_at(&all, at("2026-02-10T10:30:00+01:00")),
            Some(0),
            "the last one started"
        );
        assert_eq!(
            p.slot_at(&all, at("2026-02-10T08:00:00+01:00")),
            Some(0),
            "the next one"
        );
        assert_eq!(
            p.slot_at(&[false, true, true], at("2026-02-10T09:10:00+01:00")),
            Some(1),
            "only what is shown"
        );
        assert_eq!(
            p.slot_at(&[false; 3], at("2026-02-10T09:10:00+01:00")),
            None
        );
    }
}
