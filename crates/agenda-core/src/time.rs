//! Calendar dates and date-times with a UTC offset, without a time-zone database.
//!
//! A programme says when a session starts as the organiser's wall-clock time plus its UTC offset
//! (`2026-02-10T09:30:00+01:00`). The agenda shows that wall-clock time as written, so it stays
//! right across a daylight-saving change with no zone rules in the wasm; the instant (seconds
//! since the Unix epoch) orders sessions and measures overlaps. Converting to another zone is the
//! browser's job (`Intl`).

use std::cmp::Ordering;
use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
        {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, TimeError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(TimeError::Syntax);
        }
        let year = digits(&b[0..4])? as i32;
        let month = digits(&b[5..7])? as u8;
        let day = digits(&b[8..10])? as u8;
        Date::new(year, month, day).ok_or(TimeError::Impossible)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days since 1970-01-01. Howard Hinnant's `civil_from_days`.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        const DAYS: [Weekday; 7] = [
            Weekday::Thursday, // 1970-01-01
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
        ];
        DAYS[self.days_since_epoch().rem_euclid(7) as usize]
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A wall-clock time of day, to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl TimeOfDay {
    pub fn seconds(self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }

    /// `HH:MM`, the way times are shown in the agenda in both languages.
    pub fn hh_mm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// A date-time as an organiser wrote it: wall-clock date and time plus the UTC offset in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub date: Date,
    pub time: TimeOfDay,
    /// Minutes east of UTC (`+01:00` is 60).
    pub offset_minutes: i16,
}

/// Why a date or time could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeError {
    /// Not of the expected shape.
    Syntax,
    /// Well formed but not in the calendar (30 February, 25:00).
    Impossible,
    /// A date-time with no UTC offset where one is required.
    MissingOffset,
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeError::Syntax => "not an ISO 8601 date-time",
            TimeError::Impossible => "no such date or time",
            TimeError::MissingOffset => "no UTC offset",
        })
    }
}

fn digits(b: &[u8]) -> Result<u32, TimeError> {
    if b.is_empty() {
        return Err(TimeError::Syntax);
    }
    b.iter().try_fold(0u32, |acc, &c| {
        if c.is_ascii_digit() {
            Ok(acc * 10 + u32::from(c - b'0'))
        } else {
            Err(TimeError::Syntax)
        }
    })
}

/// Parses `HH:MM` or `HH:MM:SS`.
pub fn parse_time_of_day(s: &str) -> Result<TimeOfDay, TimeError> {
    let b = s.as_bytes();
    let (hour, minute, second) = match b.len() {
        5 if b[2] == b':' => (digits(&b[0..2])?, digits(&b[3..5])?, 0),
        8 if b[2] == b':' && b[5] == b':' => {
            (digits(&b[0..2])?, digits(&b[3..5])?, digits(&b[6..8])?)
        }
        _ => return Err(TimeError::Syntax),
    };
    if hour > 23 || minute > 59 || second > 59 {
        return Err(TimeError::Impossible);
    }
    Ok(TimeOfDay {
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
    })
}

/// Parses a duration `HH:MM`, `H:MM`, `HH:MM:SS` or `D:HH:MM` (frab), or ISO 8601
/// (`PT40M`, `P0DT00H10M00S`: c3voc schedule 2.0), into seconds.
pub fn parse_duration(s: &str) -> Result<i64, TimeError> {
    if s.trim().starts_with(['P', 'p']) {
        return parse_iso_duration(s.trim());
    }
    let parts: Vec<&str> = s.trim().split(':').collect();
    let n = |p: &str| -> Result<i64, TimeError> { digits(p.as_bytes()).map(i64::from) };
    let secs = match parts.as_slice() {
        [h, m] => n(h)? * 3600 + n(m)? * 60,
        [a, b, c]
            if c.len() == 2 && b.len() == 2 && a.len() <= 2 && s.matches(':').count() == 2 =>
        {
            // frab writes days:hours:minutes for long events, most tools hours:minutes:seconds;
            // hours:minutes:seconds is far more common, so only read days when hours would not fit.
            let (x, y, z) = (n(a)?, n(b)?, n(c)?);
            if y > 59 {
                x * 86_400 + y * 3600 + z * 60
            } else {
                x * 3600 + y * 60 + z
            }
        }
        _ => return Err(TimeError::Syntax),
    };
    Ok(secs)
}

/// An ISO 8601 duration in weeks, days, hours, minutes and whole seconds, in seconds. Years and
/// months, which have no fixed length, are refused.
fn parse_iso_duration(s: &str) -> Result<i64, TimeError> {
    let rest = s.get(1..).ok_or(TimeError::Syntax)?;
    let (mut secs, mut number, mut in_time, mut units) = (0i64, None::<i64>, false, 0);
    for c in rest.chars() {
        if let Some(d) = c.to_digit(10) {
            let n = number.unwrap_or(0).checked_mul(10);
            number = Some(
                n.and_then(|n| n.checked_add(i64::from(d)))
                    .ok_or(TimeError::Syntax)?,
            );
            continue;
        }
        let unit = match (c.to_ascii_uppercase(), in_time) {
            ('T', false) if number.is_none() => {
                in_time = true;
                continue;
            }
            ('W', false) => 604_800,
            ('D', false) => 86_400,
            ('H', true) => 3600,
            ('M', true) => 60,
            ('S', true) => 1,
            _ => return Err(TimeError::Syntax),
        };
        let n = number.take().ok_or(TimeError::Syntax)?;
        secs = n
            .checked_mul(unit)
            .and_then(|x| secs.checked_add(x))
            .ok_or(TimeError::Syntax)?;
        units += 1;
    }
    if number.is_some() || units == 0 {
        return Err(TimeError::Syntax);
    }
    Ok(secs)
}

impl DateTime {
    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`. A space may stand for `T`.
    /// The offset is required: without it the instant is unknown.
    pub fn parse(s: &str) -> Result<DateTime, TimeError> {
        let s = s.trim();
        if s.len() < 16 || !s.is_char_boundary(10) {
            return Err(TimeError::Syntax);
        }
        let date = Date::parse(&s[..10])?;
        let sep = s.as_bytes()[10];
        if sep != b'T' && sep != b't' && sep != b' ' {
            return Err(TimeError::Syntax);
        }
        let rest = &s[11..];
        // Split the clock part from the offset part.
        let off_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
        let (clock, offset) = rest.split_at(off_at);
        // Drop fractional seconds: the agenda works to the second.
        let clock = clock.split('.').next().unwrap_or(clock);
        let time = parse_time_of_day(clock)?;
        let offset_minutes = parse_offset(offset)?;
        Ok(DateTime {
            date,
            time,
            offset_minutes,
        })
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn instant(&self) -> i64 {
        self.date.days_since_epoch() * 86_400 + self.time.seconds()
            - i64::from(self.offset_minutes) * 60
    }

    /// The same instant plus `secs`, written in the same offset (which is what frab's
    /// `date + duration` means).
    pub fn plus_seconds(&self, secs: i64) -> DateTime {
        let local = self.date.days_since_epoch() * 86_400 + self.time.seconds() + secs;
        DateTime::from_local_seconds(local, self.offset_minutes)
    }

    /// The wall-clock date-time at `instant` for a given offset.
    pub fn from_instant(instant: i64, offset_minutes: i16) -> DateTime {
        DateTime::from_local_seconds(instant + i64::from(offset_minutes) * 60, offset_minutes)
    }

    fn from_local_seconds(local: i64, offset_minutes: i16) -> DateTime {
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        DateTime {
            date: Date::from_days_since_epoch(days),
            time: TimeOfDay {
                hour: (secs / 3600) as u8,
                minute: (secs % 3600 / 60) as u8,
                second: (secs % 60) as u8,
            },
            offset_minutes,
        }
    }
}

fn parse_offset(s: &str) -> Result<i16, TimeError> {
    match s.as_bytes() {
        [] => Err(TimeError::MissingOffset),
        [b'Z' | b'z'] => Ok(0),
        [sign @ (b'+' | b'-'), h1, h2, rest @ ..] => {
            let h = digits(&[*h1, *h2])?;
            let m = match rest {
                [] => 0,
                [b':', m1, m2] | [m1, m2] => digits(&[*m1, *m2])?,
                _ => return Err(TimeError::Syntax),
            };
            if h > 18 || m > 59 {
                return Err(TimeError::Impossible);
            }
            let total = (h * 60 + m) as i16;
            Ok(if *sign == b'-' { -total } else { total })
        }
        _ => Err(TimeError::Syntax),
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    /// By instant; equal instants written in different offsets order by offset, so that the
    /// order is total and agrees with `Eq`.
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant()
            .cmp(&other.instant())
            .then(self.offset_minutes.cmp(&other.offset_minutes))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.date, self.time.hour, self.time.minute, self.time.second
        )?;
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let abs = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> DateTime {
        match DateTime::parse(s) {
            Ok(d) => d,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn parses_iso_with_offsets() {
        let a = dt("2026-02-10T09:30:00+01:00");
        assert_eq!(
            a.date,
            Date {
                year: 2026,
                month: 2,
                day: 10
            }
        );
        assert_eq!(a.time.hh_mm(), "09:30");
        assert_eq!(a.offset_minutes, 60);
        assert_eq!(a.instant(), dt("2026-02-10T08:30:00Z").instant());
        assert_eq!(dt("2026-02-10 09:30+0100").instant(), a.instant());
        assert_eq!(dt("2026-02-10T09:30:00.123+01:00").instant(), a.instant());
        assert_eq!(dt("2020-01-01T00:00-05:30").offset_minutes, -330);
        assert_eq!(a.to_string(), "2026-02-10T09:30:00+01:00");
    }

    #[test]
    fn rejects_bad_date_times() {
        assert_eq!(
            DateTime::parse("2026-02-30T09:00:00+01:00"),
            Err(TimeError::Impossible)
        );
        assert_eq!(
            DateTime::parse("2026-02-10T25:00:00+01:00"),
            Err(TimeError::Impossible)
        );
        assert_eq!(
            DateTime::parse("2026-02-10T09:00:00"),
            Err(TimeError::MissingOffset)
        );
        assert_eq!(DateTime::parse("10/02/2026 9h30"), Err(TimeError::Syntax));
        assert_eq!(DateTime::parse(""), Err(TimeError::Syntax));
        assert_eq!(
            DateTime::parse("2026-02-10T09:00:00+01:0x"),
            Err(TimeError::Syntax)
        );
        assert_eq!(
            DateTime::parse("2026-02-10é09:00:00+01:00"),
            Err(TimeError::Syntax)
        );
        assert_eq!(Date::parse("2025-02-29"), Err(TimeError::Impossible));
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn civil_days_round_trip_and_weekdays() {
        for days in [-800_000, -1, 0, 1, 20_494, 2_932_896] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(
            Date::parse("1970-01-01").map(|d| d.days_since_epoch()),
            Ok(0)
        );
        // 10 February 2026 is a Tuesday; 11 February 2015 a Wednesday.
        assert_eq!(
            Date::parse("2026-02-10").map(Date::weekday),
            Ok(Weekday::Tuesday)
        );
        assert_eq!(
            Date::parse("2015-02-11").map(Date::weekday),
            Ok(Weekday::Wednesday)
        );
        assert_eq!(
            Date::parse("2026-02-28").map(|d| d.add_days(1).to_string()),
            Ok("2026-03-01".into())
        );
    }

    #[test]
    fn wall_clock_is_kept_across_a_daylight_saving_change() {
        // Paris leaves summer time at 03:00 on 26 October 2025: 02:30 happens twice.
        let before = dt("2025-10-26T02:30:00+02:00");
        let after = dt("2025-10-26T02:30:00+01:00");
        assert_eq!(before.time, after.time);
        assert_eq!(after.instant() - before.instant(), 3600);
        assert!(before < after);
        // A one-hour session from 01:30 summer time ends at 02:30 summer time, as written.
        let end = dt("2025-10-26T01:30:00+02:00").plus_seconds(3600);
        assert_eq!(end.to_string(), "2025-10-26T02:30:00+02:00");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("00:30"), Ok(1800));
        assert_eq!(parse_duration("1:15"), Ok(4500));
        assert_eq!(parse_duration("01:00:30"), Ok(3630));
        assert_eq!(parse_duration("1:02:00"), Ok(3720));
        assert_eq!(parse_duration("half an hour"), Err(TimeError::Syntax));
        // ISO 8601, as c3voc schedule 2.0 writes them.
        assert_eq!(parse_duration("PT40M"), Ok(2400));
        assert_eq!(parse_duration("P0DT00H10M00S"), Ok(600));
        assert_eq!(parse_duration("PT1H30M"), Ok(5400));
        assert_eq!(parse_duration("P1DT2H"), Ok(93_600));
        for bad in [
            "P",
            "PT",
            "P1M",
            "PT1.5S",
            "PT10",
            "P1H",
            "PTM",
            "P99999999999999999999D",
        ] {
            assert_eq!(parse_duration(bad), Err(TimeError::Syntax), "{bad}");
        }
        assert_eq!(
            dt("2019-08-21T23:30:00+02:00")
                .plus_seconds(5400)
                .to_string(),
            "2019-08-22T01:00:00+02:00"
        );
    }
}
