//! The programme as the agenda understands it, whatever file format it came from: references
//! resolved, times parsed, sessions in time order. Built only by the readers in [`crate::read`].

pub use crate::localised::Text;
use crate::time::{Date, DateTime};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A session's stable id: it is in shared links and in visitors' favourites.
    SessionId
);
id_type!(RoomId);
id_type!(ThemeId);
id_type!(FormatId);
id_type!(SpeakerId);

/// Which file format a programme was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Agenda,
    Frab,
    #[serde(rename = "pretalx")]
    PretalxWidget,
    /// c3voc schedule 2.0 (one flat `events` list).
    #[serde(rename = "schedule2")]
    Schedule2,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Programme {
    pub event: Event,
    pub rooms: Vec<Room>,
    pub themes: Vec<Theme>,
    pub formats: Vec<Format>,
    pub speakers: Vec<Speaker>,
    /// In time order (start, then room order, then title).
    pub sessions: Vec<Session>,
    /// The programme's days, in order; each session belongs to exactly one.
    pub days: Vec<Date>,
    /// Problems that did not prevent showing the programme.
    pub warnings: Vec<crate::Diagnostic>,
    pub source_format: Option<SourceFormat>,
    /// Speakers' and sessions' positions in the order of their ids, for look-ups by binary
    /// search (as fast as a hash map at these sizes, and less code in the wasm).
    pub(crate) speaker_index: Vec<usize>,
    pub(crate) session_index: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
    pub title: String,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub organisers: Vec<Organiser>,
    pub audience: Option<String>,
    /// IANA time zone name, e.g. `Europe/Paris`, when the programme gives one.
    pub time_zone: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub language: Option<String>,
    pub url: Option<Url>,
    pub venue: Option<Venue>,
    pub remote: Option<Remote>,
    pub registration: Option<Remote>,
    pub source: Option<String>,
    pub editorial_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Organiser {
    pub name: String,
    pub url: Option<Url>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Venue {
    pub name: Option<String>,
    pub building: Option<String>,
    pub institution: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub transport: Vec<String>,
    pub map_url: Option<Url>,
    /// Latitude and longitude as written (decimal degrees), used only to build a map link.
    pub geo: Option<(String, String)>,
}

impl Venue {
    /// The postal address on one line ("5 bd Descartes, 77420 Champs-sur-Marne").
    pub fn address_line(&self) -> Option<String> {
        let town = [self.postcode.as_deref(), self.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let parts: Vec<&str> = [
            self.street.as_deref(),
            Some(town.as_str()).filter(|t| !t.is_empty()),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// A link to the place on OpenStreetMap: the programme's own map link, else its coordinates,
    /// else a search for its address. A link is not a request: nothing is fetched from OSM.
    pub fn map_link(&self) -> Option<Url> {
        if let Some(u) = &self.map_url {
            return Some(u.clone());
        }
        if let Some((lat, lon)) = &self.geo {
            return Url::parse(&format!(
                "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
            ));
        }
        // With a street, the postal address finds the place; without one, the venue's name and town.
        let query = match self.address_line() {
            Some(address) if self.street.is_some() => address,
            _ => [self.name.as_deref(), self.city.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
        };
        if query.is_empty() {
            return None;
        }
        Url::parse(&format!(
            "https://www.openstreetmap.org/search?query={}",
            percent_encode(&query)
        ))
    }
}

/// Percent-encodes a string for a URL query value (RFC 3986 unreserved characters kept).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Remote participation or registration: a link, or a note saying when it will come.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Remote {
    pub url: Option<Url>,
    pub label: Option<String>,
    pub note: Option<String>,
}

/// A URL the agenda is willing to put in an `href`: `http`, `https` or `mailto` only, so a
/// programme can never smuggle in `javascript:`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Url(String);

impl Url {
    pub fn parse(s: &str) -> Option<Url> {
        let s = s.trim();
        let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
        let ok = (lower.starts_with("https://") && s.len() > 8)
            || (lower.starts_with("http://") && s.len() > 7)
            || (lower.starts_with("mailto:") && s.len() > 7);
        (ok && !s.chars().any(|c| c.is_control() || c == ' ')).then(|| Url(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Room {
    pub id: RoomId,
    pub name: Text,
    pub description: Option<Text>,
    pub capacity: Option<u32>,
    pub accessibility: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub id: ThemeId,
    pub name: Text,
    /// `#rrggbb`, validated: the theme's colour, or its colour on a light background when it has
    /// one for each.
    pub color: Option<String>,
    /// `#rrggbb`, validated: its colour on a dark background, when it has one of its own (never
    /// without `color`, never equal to it).
    pub color_dark: Option<String>,
    pub description: Option<Text>,
}

impl Theme {
    /// The colour as CSS: `#rrggbb`, or `light-dark(#light, #dark)` for a theme with one colour
    /// for each scheme (the page's `color-scheme` chooses).
    pub fn css_color(&self) -> Option<String> {
        match (&self.color, &self.color_dark) {
            (Some(light), Some(dark)) if light != dark => {
                Some(format!("light-dark({light}, {dark})"))
            }
            (Some(c), _) | (None, Some(c)) => Some(c.clone()),
            (None, None) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FormatKind {
    #[default]
    Session,
    /// Welcome, coffee break, meal: shown, not counted as a session.
    Break,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Format {
    pub id: FormatId,
    pub name: Text,
    pub kind: FormatKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub id: SpeakerId,
    pub name: String,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub bio: Option<String>,
    pub links: Vec<Link>,
}

impl Speaker {
    /// "IGN", "doctorante", "coordinatrice, GIS Marsouin": what to print after the name.
    pub fn affiliation(&self) -> Option<String> {
        match (&self.role, &self.organisation) {
            (Some(r), Some(o)) => Some(format!("{r}, {o}")),
            (Some(x), None) | (None, Some(x)) => Some(x.clone()),
            (None, None) => None,
        }
    }
}

/// Written in the agenda's format by its lowercase name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Slides,
    Video,
    Live,
    Recording,
    Website,
    Document,
    Other,
}

impl LinkKind {
    pub fn parse(s: &str) -> LinkKind {
        match s.to_ascii_lowercase().as_str() {
            "slides" => LinkKind::Slides,
            "video" => LinkKind::Video,
            "live" | "stream" => LinkKind::Live,
            "recording" => LinkKind::Recording,
            "website" | "web" => LinkKind::Website,
            "document" | "attachment" => LinkKind::Document,
            _ => LinkKind::Other,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub url: Url,
    pub label: Option<String>,
    pub kind: LinkKind,
}

/// Written in the agenda's format by its lowercase name (`confirmed` is left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Confirmed,
    Tentative,
    Cancelled,
}

/// Which facts of a session the programme's author made up for illustration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Illustrative {
    pub time: bool,
    pub date: bool,
    pub room: bool,
    pub speakers: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub id: SessionId,
    pub title: Text,
    pub subtitle: Option<Text>,
    pub start: DateTime,
    pub end: DateTime,
    /// The programme day it is listed under (frab days may run past midnight).
    pub day: Date,
    pub room: Option<RoomId>,
    pub theme: Option<ThemeId>,
    pub format: Option<FormatId>,
    pub speakers: Vec<SpeakerId>,
    pub language: Option<String>,
    pub abstract_: Option<Text>,
    /// Plain text; paragraphs separated by a blank line.
    pub description: Option<Text>,
    pub links: Vec<Link>,
    pub accessibility: Vec<String>,
    pub status: Status,
    pub illustrative: Illustrative,
    /// Its page on the source website, when the source has one.
    pub url: Option<Url>,
}

impl Session {
    pub fn duration_minutes(&self) -> i64 {
        (self.end.instant() - self.start.instant()) / 60
    }
}

impl Programme {
    /// A session's speakers as one line: "Emmanuelle Roux (IGN), Antoine Courmont (…)".
    pub fn speakers_line(&self, s: &Session) -> String {
        s.speakers
            .iter()
            .filter_map(|id| self.speaker(id))
            .map(|sp| match sp.affiliation() {
                Some(a) => format!("{} ({a})", sp.name),
                None => sp.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Puts sessions in time order, derives the days and builds the look-up indexes. Readers call
    /// it last.
    pub(crate) fn finish(mut self) -> Programme {
        // Time order: start, then the rooms' order, then title (a stable sort: ties keep the
        // file's order).
        let sessions = std::mem::take(&mut self.sessions);
        let room_of: Vec<usize> = sessions
            .iter()
            .map(|s| {
                s.room
                    .as_ref()
                    .and_then(|r| self.rooms.iter().position(|x| &x.id == r))
                    .unwrap_or(usize::MAX)
            })
            .collect();
        let mut by_time: Vec<usize> = (0..sessions.len()).collect();
        sort_positions(&mut by_time, &|a, b| {
            let (x, y) = (&sessions[a], &sessions[b]);
            (x.start.instant(), room_of[a])
                .cmp(&(y.start.instant(), room_of[b]))
                .then_with(|| x.title.as_str().cmp(y.title.as_str()))
        });
        let mut sessions: Vec<Option<Session>> = sessions.into_iter().map(Some).collect();
        self.sessions = by_time
            .into_iter()
            .filter_map(|at| sessions[at].take())
            .collect();

        let mut days: Vec<Date> = self.sessions.iter().map(|s| s.day).collect();
        days.sort();
        days.dedup();
        self.days = days;
        if self.event.start_date.is_none() {
            self.event.start_date = self.days.first().copied();
        }
        if self.event.end_date.is_none() {
            self.event.end_date = self.days.last().copied();
        }
        let speakers = &self.speakers;
        let mut speaker_index: Vec<usize> = (0..speakers.len()).collect();
        sort_positions(&mut speaker_index, &|a, b| {
            speakers[a].id.cmp(&speakers[b].id)
        });
        self.speaker_index = speaker_index;
        let sessions = &self.sessions;
        let mut session_index: Vec<usize> = (0..sessions.len()).collect();
        sort_positions(&mut session_index, &|a, b| {
            sessions[a].id.cmp(&sessions[b].id)
        });
        self.session_index = session_index;
        self
    }

    pub fn session(&self, id: &SessionId) -> Option<&Session> {
        let at = self
            .session_index
            .binary_search_by(|&i| self.sessions[i].id.cmp(id))
            .ok()?;
        self.sessions.get(self.session_index[at])
    }

    pub fn speaker(&self, id: &SpeakerId) -> Option<&Speaker> {
        let at = self
            .speaker_index
            .binary_search_by(|&i| self.speakers[i].id.cmp(id))
            .ok()?;
        self.speakers.get(self.speaker_index[at])
    }

    pub fn room(&self, id: &RoomId) -> Option<&Room> {
        self.rooms.iter().find(|r| &r.id == id)
    }

    pub fn theme(&self, id: &ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| &t.id == id)
    }

    pub fn format(&self, id: &FormatId) -> Option<&Format> {
        self.formats.iter().find(|f| &f.id == id)
    }

    /// Whether a session is a break (welcome, pause, meal), which is shown but not counted.
    pub fn is_break(&self, s: &Session) -> bool {
        s.format
            .as_ref()
            .and_then(|f| self.format(f))
            .is_some_and(|f| f.kind == FormatKind::Break)
    }

    /// Everything listed on `day`, breaks included, in time order.
    pub fn on_day(&self, day: Date) -> impl Iterator<Item = &Session> {
        self.sessions.iter().filter(move |s| s.day == day)
    }

    /// How many real sessions (not breaks) are listed on `day`.
    pub fn count_on_day(&self, day: Date) -> usize {
        self.on_day(day).filter(|s| !self.is_break(s)).count()
    }

    /// How many real sessions the programme has in all.
    pub fn session_count(&self) -> usize {
        self.sessions.iter().filter(|s| !self.is_break(s)).count()
    }

    /// The day to show first: `wanted` when the programme has it, else the first day.
    pub fn day_or_first(&self, wanted: Option<Date>) -> Option<Date> {
        wanted
            .filter(|d| self.days.contains(d))
            .or_else(|| self.days.first().copied())
    }

    /// The sessions a speaker takes part in, in time order.
    pub fn sessions_of(&self, speaker: &SpeakerId) -> impl Iterator<Item = &Session> {
        let speaker = speaker.clone();
        self.sessions
            .iter()
            .filter(move |s| s.speakers.contains(&speaker))
    }

    /// Speakers sorted by name the way a reader looks them up (accents and case ignored), with at
    /// least one session.
    pub fn speakers_by_name(&self) -> Vec<&Speaker> {
        let speakers: Vec<&Speaker> = self
            .speakers
            .iter()
            .filter(|sp| self.sessions.iter().any(|s| s.speakers.contains(&sp.id)))
            .collect();
        let keys: Vec<String> = speakers
            .iter()
            .map(|sp| crate::text::fold(&sp.name))
            .collect();
        let mut by_name: Vec<usize> = (0..speakers.len()).collect();
        sort_positions(&mut by_name, &|a, b| {
            keys[a]
                .cmp(&keys[b])
                .then_with(|| speakers[a].name.cmp(&speakers[b].name))
        });
        by_name.into_iter().map(|at| speakers[at]).collect()
    }

    /// Whether the programme spans more days than a row of tabs can hold, or spreads its days
    /// over several weeks: then days are offered as a compact list.
    pub fn days_span_weeks(&self) -> bool {
        match (self.days.first(), self.days.last()) {
            (Some(a), Some(b)) => {
                self.days.len() > 7 || b.days_since_epoch() - a.days_since_epoch() > 13
            }
            _ => false,
        }
    }
}

/// Sorts positions (indexes into some list) with the standard library's stable sort, in the
/// order `cmp` gives them. Every sort of positions goes through this one function, so that the
/// page's wasm carries one copy of the sort rather than one per call site (measured: 20 KB of
/// wasm, 2.7 KB over the wire, for the core's sorts).
pub(crate) fn sort_positions(
    positions: &mut [usize],
    cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) {
    positions.sort_by(|&a, &b| cmp(a, b));
}
