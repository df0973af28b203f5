//! The interface's two languages and the few language rules the core needs: plurals, and dates
//! written out ("mardi 10 février 2026", "Tuesday 10 February 2026").

use crate::time::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Reads `fr`, `en`, `en-GB`, `FR`…; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAYS_SHORT_FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const WEEKDAYS_SHORT_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn month(lang: Lang, d: Date) -> &'static str {
    let i = usize::from(d.month.clamp(1, 12)) - 1;
    match lang {
        Lang::Fr => MONTHS_FR[i],
        Lang::En => MONTHS_EN[i],
    }
}

fn day_number(lang: Lang, d: Date) -> String {
    // French writes the first of the month as an ordinal: "1er mars".
    if lang == Lang::Fr && d.day == 1 {
        "1er".into()
    } else {
        d.day.to_string()
    }
}

/// "mardi 10 février 2026" / "Tuesday 10 February 2026".
pub fn long_date(lang: Lang, d: Date) -> String {
    let wd = d.weekday().index();
    let name = match lang {
        Lang::Fr => WEEKDAYS_FR[wd],
        Lang::En => WEEKDAYS_EN[wd],
    };
    format!(
        "{name} {} {} {}",
        day_number(lang, d),
        month(lang, d),
        d.year
    )
}

/// "mar. 10 févr." is French style, but abbreviations read badly aloud; tabs use
/// "mar. 10 février" / "Tue 10 February".
pub fn short_date(lang: Lang, d: Date) -> String {
    let wd = d.weekday().index();
    let name = match lang {
        Lang::Fr => WEEKDAYS_SHORT_FR[wd],
        Lang::En => WEEKDAYS_SHORT_EN[wd],
    };
    format!("{name} {} {}", day_number(lang, d), month(lang, d))
}

/// The span of an event: "mardi 10 février 2026", "du 29 au 30 octobre 2025",
/// "du 13 avril au 30 juin 2021", "13–14 September 2018"…
pub fn date_range(lang: Lang, from: Date, to: Date) -> String {
    if from >= to {
        return long_date(lang, from);
    }
    let same_year = from.year == to.year;
    let same_month = same_year && from.month == to.month;
    match lang {
        Lang::Fr => {
            let start = if same_month {
                day_number(lang, from)
            } else if same_year {
                format!("{} {}", day_number(lang, from), month(lang, from))
            } else {
                format!(
                    "{} {} {}",
                    day_number(lang, from),
                    month(lang, from),
                    from.year
                )
            };
            format!(
                "du {start} au {} {} {}",
                day_number(lang, to),
                month(lang, to),
                to.year
            )
        }
        Lang::En => {
            if same_month {
                format!("{}–{} {} {}", from.day, to.day, month(lang, to), to.year)
            } else if same_year {
                format!(
                    "{} {} – {} {} {}",
                    from.day,
                    month(lang, from),
                    to.day,
                    month(lang, to),
                    to.year
                )
            } else {
                format!(
                    "{} {} {} – {} {} {}",
                    from.day,
                    month(lang, from),
                    from.year,
                    to.day,
                    month(lang, to),
                    to.year
                )
            }
        }
    }
}

/// "mois" heading for a compact list of dates spread over weeks: "avril 2021".
pub fn month_heading(lang: Lang, d: Date) -> String {
    format!("{} {}", month(lang, d), d.year)
}

/// Whether a zone id is UTC, which has no city ("UTC", "Etc/UTC", "Etc/GMT", "GMT").
pub fn is_utc(tz: &str) -> bool {
    tz.starts_with("Etc/") || tz == "UTC" || tz == "GMT"
}

/// A time zone named for people, from its IANA id: "heure de Paris", "heure d’Amsterdam",
/// "heure de New York" / "Paris time". The city is the id's last part, as the tz database writes
/// it (in English): a name the visitor recognises, with no zone database shipped.
pub fn zone_name(lang: Lang, tz: &str) -> String {
    let city = tz.rsplit('/').next().unwrap_or(tz).replace('_', " ");
    if is_utc(tz) {
        return match lang {
            Lang::Fr => "temps universel (UTC)".into(),
            Lang::En => "UTC".into(),
        };
    }
    match lang {
        Lang::Fr if city.starts_with(['A', 'E', 'I', 'O', 'U', 'Y', 'H']) => {
            format!("heure d’{city}")
        }
        Lang::Fr => format!("heure de {city}"),
        Lang::En => format!("{city} time"),
    }
}

/// A number as the language writes it, in groups of three digits: "10 000" in French (a narrow
/// no-break space, so that the number never breaks across lines), "10,000" in English.
pub fn number(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + 6);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "0 séance", "1 séance", "12 séances" / "0 sessions", "1 session", "12 sessions". French puts
/// 0 and 1 in the singular.
pub fn sessions_count(lang: Lang, n: usize) -> String {
    let count = number(lang, n);
    match lang {
        Lang::Fr if n <= 1 => format!("{count} séance"),
        Lang::Fr => format!("{count} séances"),
        Lang::En if n == 1 => "1 session".into(),
        Lang::En => format!("{count} sessions"),
    }
}

/// The count while searching or filtering: "3 séances sur 12" / "3 of 12 sessions".
pub fn shown_count(lang: Lang, n: usize, total: usize) -> String {
    let of = number(lang, total);
    match lang {
        Lang::Fr => format!("{} sur {of}", sessions_count(lang, n)),
        Lang::En if total == 1 => format!("{n} of 1 session"),
        Lang::En => format!("{} of {of} sessions", number(lang, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        match Date::parse(s) {
            Ok(d) => d,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(
            long_date(Lang::Fr, d("2026-02-10")),
            "mardi 10 février 2026"
        );
        assert_eq!(
            long_date(Lang::En, d("2026-02-10")),
            "Tuesday 10 February 2026"
        );
        assert_eq!(long_date(Lang::Fr, d("2021-04-01")), "jeudi 1er avril 2021");
        assert_eq!(short_date(Lang::Fr, d("2025-10-29")), "mer. 29 octobre");
        assert_eq!(
            date_range(Lang::Fr, d("2025-10-29"), d("2025-10-30")),
            "du 29 au 30 octobre 2025"
        );
        assert_eq!(
            date_range(Lang::Fr, d("2021-04-06"), d("2021-06-30")),
            "du 6 avril au 30 juin 2021"
        );
        assert_eq!(
            date_range(Lang::En, d("2018-09-13"), d("2018-09-14")),
            "13–14 September 2018"
        );
        assert_eq!(
            date_range(Lang::Fr, d("2026-02-10"), d("2026-02-10")),
            "mardi 10 février 2026"
        );
        assert_eq!(month_heading(Lang::Fr, d("2021-04-06")), "avril 2021");
    }

    #[test]
    fn plurals() {
        assert_eq!(sessions_count(Lang::Fr, 0), "0 séance");
        assert_eq!(sessions_count(Lang::Fr, 1), "1 séance");
        assert_eq!(sessions_count(Lang::Fr, 12), "12 séances");
        assert_eq!(sessions_count(Lang::En, 1), "1 session");
        assert_eq!(sessions_count(Lang::En, 0), "0 sessions");
        assert_eq!(shown_count(Lang::Fr, 1, 12), "1 séance sur 12");
        assert_eq!(shown_count(Lang::Fr, 3, 12), "3 séances sur 12");
        assert_eq!(shown_count(Lang::En, 1, 12), "1 of 12 sessions");
        assert_eq!(shown_count(Lang::En, 0, 1), "0 of 1 session");
    }

    #[test]
    fn large_counts_are_grouped_by_thousands() {
        assert_eq!(number(Lang::Fr, 0), "0");
        assert_eq!(number(Lang::Fr, 999), "999");
        assert_eq!(number(Lang::Fr, 1000), "1\u{202f}000");
        assert_eq!(number(Lang::En, 1000), "1,000");
        assert_eq!(number(Lang::En, 123456), "123,456");
        assert_eq!(number(Lang::En, 1234567), "1,234,567");
        assert_eq!(sessions_count(Lang::Fr, 10_000), "10\u{202f}000 séances");
        assert_eq!(sessions_count(Lang::En, 10_000), "10,000 sessions");
        assert_eq!(
            shown_count(Lang::Fr, 1200, 10_000),
            "1\u{202f}200 séances sur 10\u{202f}000"
        );
        assert_eq!(
            shown_count(Lang::En, 1200, 10_000),
            "1,200 of 10,000 sessions"
        );
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn time_zones_are_named_by_their_city() {
        assert_eq!(zone_name(Lang::Fr, "Europe/Paris"), "heure de Paris");
        assert_eq!(zone_name(Lang::Fr, "Europe/Amsterdam"), "heure d’Amsterdam");
        assert_eq!(zone_name(Lang::Fr, "America/New_York"), "heure de New York");
        assert_eq!(
            zone_name(Lang::En, "America/Argentina/Buenos_Aires"),
            "Buenos Aires time"
        );
        assert_eq!(zone_name(Lang::En, "UTC"), "UTC");
        assert_eq!(zone_name(Lang::Fr, "Etc/UTC"), "temps universel (UTC)");
    }
}
