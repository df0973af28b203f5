//! The grid view's layout: rooms as columns, time flowing down, each session placed by its
//! start and sized by its duration. Pure arithmetic, so the page only maps it to CSS grid lines.

use crate::model::{Programme, RoomId};

/// Rows are five-minute slots: every time a programme writes falls on one.
pub const SLOT_MINUTES: i64 = 5;

/// Where one session goes in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The session's position in the programme.
    pub session: usize,
    /// 0-based column (the room's, or the "no room" column last).
    pub column: usize,
    /// 0-based first row and the row after the last (so `end - start` rows tall, at least 1).
    pub row_start: usize,
    pub row_end: usize,
    /// When sessions overlap in one room, each gets a lane: `lane` of `lanes` side by side.
    pub lane: usize,
    pub lanes: usize,
    /// A break (lunch, coffee) spans every column rather than taking one.
    pub across: bool,
}

impl Placement {
    /// The CSS that puts it in the page's grid, whose first column holds the times and first row
    /// the rooms' names (so grid lines are these numbers plus 2): custom properties only, which
    /// the stylesheet's grid reads (`grid-column: var(--column)`), and which the app writes in a
    /// card's `style` only while the agenda is a grid (why: the app's `SessionCard`, `place`).
    pub fn css(&self) -> String {
        let column = if self.across {
            "2/-1".to_owned()
        } else {
            (self.column + 2).to_string()
        };
        format!(
            "--column:{column};--row:{}/{};--lane:{};--lanes:{}",
            self.row_start + 2,
            self.row_end + 2,
            self.lane,
            self.lanes
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// The columns: rooms in the programme's order that have a session here, then `None` for
    /// sessions without a room (when there are any; breaks do not count, they span all).
    pub columns: Vec<Option<RoomId>>,
    /// Seconds since the epoch of the first row's start.
    pub origin: i64,
    pub rows: usize,
    pub placements: Vec<Placement>,
}

/// The width of a title's longest word at the grid's title size, and a card's padding and border,
/// in tenths of a rem (a wide bold face: 0.62 rem per character).
fn lane_tenths(title: &str) -> usize {
    let longest = title
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    (longest * 62).div_ceil(10) + 18
}

impl Grid {
    /// How narrow a column may be, in tenths of a rem, so that no word of a title in it is cut:
    /// each lane as wide as its session's longest word. Integer arithmetic, so that no float
    /// formatting comes into the page.
    pub fn column_min_tenths(&self, p: &Programme) -> usize {
        self.placements
            .iter()
            .filter(|pl| !pl.across)
            .map(|pl| pl.lanes * lane_tenths(&p.sessions[pl.session].title))
            .max()
            .unwrap_or(0)
    }

    /// Lays out the sessions at `positions` (any order).
    pub fn new(p: &Programme, positions: &[usize]) -> Grid {
        let sessions: Vec<usize> = positions
            .iter()
            .copied()
            .filter(|&i| i < p.sessions.len())
            .collect();
        let is_break = |i: usize| p.is_break(&p.sessions[i]);
        let mut columns: Vec<Option<RoomId>> = p
            .rooms
            .iter()
            .filter(|r| {
                sessions
                    .iter()
                    .any(|&i| !is_break(i) && p.sessions[i].room.as_ref() == Some(&r.id))
            })
            .map(|r| Some(r.id.clone()))
            .collect();
        if sessions.iter().any(|&i| {
            !is_break(i)
                && p.sessions[i]
                    .room
                    .as_ref()
                    .is_none_or(|r| p.room(r).is_none())
        }) {
            columns.push(None);
        }
        let slot = SLOT_MINUTES * 60;
        let origin = sessions
            .iter()
            .map(|&i| p.sessions[i].start.instant())
            .min()
            .map_or(0, |t| t - t.rem_euclid(slot));
        let row = |t: i64| ((t - origin) / slot) as usize;
        let row_up = |t: i64| ((t - origin + slot - 1) / slot) as usize;
        let mut placements: Vec<Placement> = sessions
            .iter()
            .map(|&i| {
                let s = &p.sessions[i];
                let across = is_break(i);
                // Breaks get a column of their own for the lanes (none overlaps another column's
                // sessions), and span every column on the page.
                let column = if across {
                    usize::MAX
                } else {
                    columns
                        .iter()
                        .position(|c| c.as_ref() == s.room.as_ref())
                        .unwrap_or(columns.len().saturating_sub(1))
                };
                let row_start = row(s.start.instant());
                let row_end = row_up(s.end.instant()).max(row_start + 1);
                Placement {
                    session: i,
                    column,
                    row_start,
                    row_end,
                    lane: 0,
                    lanes: 1,
                    across,
                }
            })
            .collect();
        assign_lanes(&mut placements);
        let rows = placements.iter().map(|pl| pl.row_end).max().unwrap_or(0);
        Grid {
            columns,
            origin,
            rows,
            placements,
        }
    }
}

/// Gives overlapping sessions of one column side-by-side lanes; a group of sessions that overlap
/// one another (transitively) shares the same number of lanes.
fn assign_lanes(placements: &mut [Placement]) {
    let mut order: Vec<usize> = (0..placements.len()).collect();
    crate::model::sort_positions(&mut order, &|a, b| {
        let key = |i: usize| {
            let pl = &placements[i];
            (pl.column, pl.row_start, pl.row_end)
        };
        key(a).cmp(&key(b))
    });
    let mut group: Vec<usize> = Vec::new();
    let mut lane_ends: Vec<usize> = Vec::new();
    let mut group_end = 0;
    let mut column = usize::MAX;
    let close = |group: &mut Vec<usize>, lanes: usize, placements: &mut [Placement]| {
        for &g in group.iter() {
            placements[g].lanes = lanes.max(1);
        }
        group.clear();
    };
    for i in order {
        let pl = placements[i];
        if pl.column != column || pl.row_start >= group_end {
            close(&mut group, lane_ends.len(), placements);
            lane_ends.clear();
            column = pl.column;
            group_end = 0;
        }
        let lane = match lane_ends.iter().position(|&end| end <= pl.row_start) {
            Some(l) => {
                lane_ends[l] = pl.row_end;
                l
            }
            None => {
                lane_ends.push(pl.row_end);
                lane_ends.len() - 1
            }
        };
        placements[i].lane = lane;
        group_end = group_end.max(pl.row_end);
        group.push(i);
    }
    close(&mut group, lane_ends.len(), placements);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    #[test]
    fn rooms_are_columns_and_time_flows_down() {
        let json = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris"},
          "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "empty", "name": "Empty"}],
          "sessions": [
            {"id": "1", "title": "A 9:30", "start": "2026-02-10T09:30:00+01:00", "end": "2026-02-10T10:30:00+01:00", "room": "a"},
            {"id": "2", "title": "B 9:45", "start": "2026-02-10T09:45:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "b"},
            {"id": "3", "title": "A overlap", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T11:00:00+01:00", "room": "a"},
            {"id": "4", "title": "A after", "start": "2026-02-10T11:00:00+01:00", "end": "2026-02-10T11:07:00+01:00", "room": "a"},
            {"id": "5", "title": "Nowhere", "start": "2026-02-10T09:32:00+01:00", "end": "2026-02-10T09:33:00+01:00"}
          ]}"##;
        let p = read_programme(json).unwrap_or_else(|e| panic!("{e}"));
        let all: Vec<usize> = (0..p.sessions.len()).collect();
        let g = Grid::new(&p, &all);
        assert_eq!(
            g.columns,
            [Some(RoomId("a".into())), Some(RoomId("b".into())), None]
        );
        let at = |title: &str| {
            let i = p
                .sessions
                .iter()
                .position(|s| s.title == title)
                .unwrap_or(usize::MAX);
            g.placements
                .iter()
                .find(|pl| pl.session == i)
                .copied()
                .unwrap_or_else(|| panic!("{title}"))
        };
        // 09:30 is row 0; an hour is 12 rows.
        assert_eq!(
            (
                at("A 9:30").column,
                at("A 9:30").row_start,
                at("A 9:30").row_end
            ),
            (0, 0, 12)
        );
        assert_eq!(
            (
                at("B 9:45").column,
                at("B 9:45").row_start,
                at("B 9:45").row_end
            ),
            (1, 3, 6)
        );
        // Overlapping sessions in room A sit side by side; the one after gets the full width back.
        assert_eq!((at("A 9:30").lane, at("A 9:30").lanes), (0, 2));
        assert_eq!((at("A overlap").lane, at("A overlap").lanes), (1, 2));
        // The widest lane: "overlap" (7 characters) in one of two lanes.
        assert_eq!(
            g.column_min_tenths(&p),
            2 * ((7 * 62_usize).div_ceil(10) + 18)
        );
        assert_eq!(
            (
                at("A after").lane,
                at("A after").lanes,
                at("A after").row_start,
                at("A after").row_end
            ),
            (0, 1, 18, 20)
        );
        // A one-minute session off the 5-minute grid still gets one row.
        assert_eq!(
            (
                at("Nowhere").column,
                at("Nowhere").row_start,
                at("Nowhere").row_end
            ),
            (2, 0, 1)
        );
        assert_eq!(g.rows, 20);
        assert_eq!(Grid::new(&p, &[]).placements, []);
        assert_eq!(
            at("A overlap").css(),
            "--column:2;--row:8/20;--lane:1;--lanes:2"
        );
    }

    #[test]
    fn breaks_span_every_column() {
        let json = r##"{"agenda_format": 1, "event": {"title": "T"},
          "rooms": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
          "formats": [{"id": "pause", "name": "Pause", "kind": "break"}],
          "sessions": [
            {"id": "1", "title": "A", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "a"},
            {"id": "2", "title": "B", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00", "room": "b"},
            {"id": "p", "title": "Pause", "start": "2026-02-10T10:00:00+01:00", "end": "2026-02-10T10:30:00+01:00", "format": "pause"}
          ]}"##;
        let p = read_programme(json).unwrap_or_else(|e| panic!("{e}"));
        let g = Grid::new(&p, &[0, 1, 2]);
        // No "no room" column for the break: it spans rooms A and B.
        assert_eq!(g.columns.len(), 2);
        let pause = g.placements.iter().find(|pl| pl.session == 2).copied();
        let pause = pause.unwrap_or_else(|| panic!("the break is placed"));
        assert!(pause.across);
        assert_eq!(pause.css(), "--column:2/-1;--row:14/20;--lane:0;--lanes:1");
        assert!(g.placements.iter().all(|pl| pl.lanes == 1));
    }
}
