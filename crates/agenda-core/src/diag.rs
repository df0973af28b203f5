//! What can be wrong with a programme file, said so that an organiser can fix it: which item,
//! which field, what is wrong. Fatal problems are a [`ProgrammeError`]; the rest are
//! [`Diagnostic`]s kept beside a programme that can still be shown.

use crate::i18n::Lang;
use crate::time::TimeError;
use std::fmt;

/// One problem in one place of a programme file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Where: a path into the file such as `sessions[3].end` or `schedule.conference.days[0]…`.
    pub path: String,
    /// What the item is called, when it has a name a person recognises (a session's title).
    pub item: Option<String>,
    pub problem: Problem,
}

/// The kinds of thing that can be wrong in a programme.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A required field is absent or empty.
    Missing,
    /// A field has the wrong JSON type.
    WrongType { expected: Expected },
    /// A date or date-time that cannot be read or does not exist.
    BadDateTime { value: String, reason: TimeError },
    /// A duration that cannot be read (frab `duration`).
    BadDuration { value: String },
    /// A session that ends before (or when) it starts.
    EndNotAfterStart,
    /// A reference to an id that the programme does not define.
    UnknownReference { kind: RefKind, id: String },
    /// An id used twice; the later item is left out.
    DuplicateId { id: String },
    /// A colour that is not `#rrggbb`.
    BadColor { value: String },
    /// A link that is not `http(s)` or `mailto`.
    BadUrl { value: String },
    /// A pretalx talk with no time yet.
    Unscheduled,
    /// The file declares a format version this agenda does not know.
    UnknownVersion { value: String },
    /// Objects that look like sessions (a title and a date), where the reader does not look for
    /// sessions: not read. `expected` is where the format has them.
    SessionsElsewhere { count: usize, expected: String },
    /// A problem already put into words, in both languages: what the page's worker found in a
    /// schedule 2.0, frab or pretalx export (see [`crate::convert`]).
    Said { fr: String, en: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    List,
    Object,
    Number,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Room,
    Theme,
    Format,
    Speaker,
}

/// Why a programme cannot be shown at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgrammeError {
    /// The file is empty.
    Empty,
    /// The file is an HTML page (often a server's error or login page) rather than JSON.
    Html,
    /// The file is not valid JSON.
    Syntax {
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// Valid JSON, but not an object: what it is instead, as [`crate::json::Value::kind`] names
    /// it (`null`, `array`, `number`…).
    NotAnObject { found: &'static str },
    /// An object, but none of the formats the agenda reads.
    UnknownFormat,
    /// The programme is in a known format but too broken to show: what is wrong, everywhere.
    Invalid(Vec<Diagnostic>),
    /// Not one session was read, yet the file holds objects that look like sessions (a title and
    /// a date) where the format does not have them: an export of another shape, or another
    /// version, rather than an empty programme.
    SessionsNotRead {
        /// Where they are: the path of the first list or object that holds them.
        place: String,
        /// How many there are, in the whole file.
        count: usize,
        /// Where the format has its sessions (`sessions`, `schedule.events`…).
        expected: String,
        /// What the reader found wrong, the objects' place first.
        problems: Vec<Diagnostic>,
    },
}

impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Text, Lang::Fr) => "un texte",
            (Expected::List, Lang::Fr) => "une liste",
            (Expected::Object, Lang::Fr) => "un objet",
            (Expected::Number, Lang::Fr) => "un nombre",
            (Expected::Text, Lang::En) => "a string",
            (Expected::List, Lang::En) => "a list",
            (Expected::Object, Lang::En) => "an object",
            (Expected::Number, Lang::En) => "a number",
        }
    }
}

impl RefKind {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            // The adjective agrees with the noun in French.
            (RefKind::Room, Lang::Fr) => "salle inconnue",
            (RefKind::Theme, Lang::Fr) => "thème inconnu",
            (RefKind::Format, Lang::Fr) => "format inconnu",
            (RefKind::Speaker, Lang::Fr) => "intervenant·e inconnu·e",
            (RefKind::Room, Lang::En) => "room",
            (RefKind::Theme, Lang::En) => "theme",
            (RefKind::Format, Lang::En) => "format",
            (RefKind::Speaker, Lang::En) => "speaker",
        }
    }
}

/// "2 objets qui ressemblent à des séances (un titre et une date)" / "1 object that looks like a
/// session (a title and a date)".
fn look_alike(count: usize, lang: Lang) -> String {
    let n = crate::i18n::number(lang, count);
    match (lang, count) {
        (Lang::Fr, 0 | 1) => format!("{n} objet qui ressemble à une séance (un titre et une date)"),
        (Lang::Fr, _) => format!("{n} objets qui ressemblent à des séances (un titre et une date)"),
        (Lang::En, 1) => "1 object that looks like a session (a title and a date)".into(),
        (Lang::En, _) => format!("{n} objects that look like sessions (a title and a date)"),
    }
}

/// Whether `place` (`schedule.conference.days[0].rooms`) is where a format has its sessions
/// (`schedule.conference.days[].rooms`), or inside it: then they are there, in another shape.
fn in_place(place: &str, expected: &str) -> bool {
    let mut general = String::with_capacity(place.len());
    let mut in_index = false;
    for c in place.chars() {
        match c {
            '[' => in_index = true,
            ']' => {
                in_index = false;
                general.push_str("[]");
            }
            _ if in_index => {}
            _ => general.push(c),
        }
    }
    general.starts_with(expected)
}

/// A JSON kind ([`crate::json::Value::kind`]) in words.
fn json_kind(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("array", Lang::Fr) => "une liste",
        ("array", Lang::En) => "a list",
        ("string", Lang::Fr) => "un texte",
        ("string", Lang::En) => "a string",
        ("number", Lang::Fr) => "un nombre",
        ("number", Lang::En) => "a number",
        ("boolean", Lang::Fr) => "un booléen",
        ("boolean", Lang::En) => "a boolean",
        _ => "null",
    }
}

fn time_reason(reason: TimeError, lang: Lang) -> &'static str {
    match (reason, lang) {
        (TimeError::Syntax, Lang::Fr) => {
            "ce n’est pas une date ISO 8601 (AAAA-MM-JJTHH:MM:SS+01:00)"
        }
        (TimeError::Impossible, Lang::Fr) => "cette date ou cette heure n’existe pas",
        (TimeError::MissingOffset, Lang::Fr) => {
            "il manque le décalage horaire (par exemple +01:00)"
        }
        (TimeError::Syntax, Lang::En) => "not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS+01:00)",
        (TimeError::Impossible, Lang::En) => "no such date or time",
        (TimeError::MissingOffset, Lang::En) => "the UTC offset is missing (for example +01:00)",
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Missing, Lang::Fr) => "champ obligatoire absent ou vide".into(),
            (Problem::Missing, Lang::En) => "required field missing or empty".into(),
            (Problem::WrongType { expected }, Lang::Fr) => {
                format!("devrait être {}", expected.text(lang))
            }
            (Problem::WrongType { expected }, Lang::En) => {
                format!("should be {}", expected.text(lang))
            }
            (Problem::BadDateTime { value, reason }, Lang::Fr) => {
                format!(
                    "date ou heure illisible « {value} » : {}",
                    time_reason(*reason, lang)
                )
            }
            (Problem::BadDateTime { value, reason }, Lang::En) => {
                format!(
                    "unreadable date or time \"{value}\": {}",
                    time_reason(*reason, lang)
                )
            }
            (Problem::BadDuration { value }, Lang::Fr) => {
                format!("durée illisible « {value} » (attendu HH:MM)")
            }
            (Problem::BadDuration { value }, Lang::En) => {
                format!("unreadable duration \"{value}\" (expected HH:MM)")
            }
            (Problem::EndNotAfterStart, Lang::Fr) => "la fin n’est pas après le début".into(),
            (Problem::EndNotAfterStart, Lang::En) => "the end is not after the start".into(),
            (Problem::UnknownReference { kind, id }, Lang::Fr) => {
                format!("{} « {id} » (pas dans la liste)", kind.text(lang))
            }
            (Problem::UnknownReference { kind, id }, Lang::En) => {
                format!("unknown {} \"{id}\" (not in the list)", kind.text(lang))
            }
            (Problem::DuplicateId { id }, Lang::Fr) => {
                format!("identifiant « {id} » déjà utilisé : cet élément est ignoré")
            }
            (Problem::DuplicateId { id }, Lang::En) => {
                format!("id \"{id}\" already used: this item is left out")
            }
            (Problem::BadColor { value }, Lang::Fr) => {
                format!("couleur « {value} » illisible (attendu #rrggbb)")
            }
            (Problem::BadColor { value }, Lang::En) => {
                format!("unreadable colour \"{value}\" (expected #rrggbb)")
            }
            (Problem::BadUrl { value }, Lang::Fr) => {
                format!("lien « {value} » refusé (seuls http, https et mailto sont permis)")
            }
            (Problem::BadUrl { value }, Lang::En) => {
                format!("link \"{value}\" refused (only http, https and mailto are allowed)")
            }
            (Problem::SessionsElsewhere { count, expected }, Lang::Fr) => format!(
                "{} : non lu{}, ce format attend ses séances dans « {expected} »",
                look_alike(*count, lang),
                if *count > 1 { "s" } else { "" }
            ),
            (Problem::SessionsElsewhere { count, expected }, Lang::En) => format!(
                "{}: not read, this format expects its sessions in \"{expected}\"",
                look_alike(*count, lang)
            ),
            (Problem::Said { fr, .. }, Lang::Fr) => fr.clone(),
            (Problem::Said { en, .. }, Lang::En) => en.clone(),
            (Problem::Unscheduled, Lang::Fr) => "pas encore d’horaire : séance non affichée".into(),
            (Problem::Unscheduled, Lang::En) => "not scheduled yet: session not shown".into(),
            (Problem::UnknownVersion { value }, Lang::Fr) => {
                format!("version de format « {value} » inconnue : lecture comme la version 1")
            }
            (Problem::UnknownVersion { value }, Lang::En) => {
                format!("unknown format version \"{value}\": read as version 1")
            }
        }
    }
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, problem: Problem) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            item: None,
            problem,
        }
    }

    pub fn about(mut self, item: Option<&str>) -> Diagnostic {
        self.item = item.map(str::to_owned);
        self
    }

    /// "sessions[3].end (« Ouverture ») : la fin n’est pas après le début".
    pub fn message(&self, lang: Lang) -> String {
        let sep = if lang == Lang::Fr { " : " } else { ": " };
        let item = match (&self.item, lang) {
            (Some(i), Lang::Fr) => format!(" (« {i} »)"),
            (Some(i), Lang::En) => format!(" (\"{i}\")"),
            (None, _) => String::new(),
        };
        format!("{}{item}{sep}{}", self.path, self.problem.message(lang))
    }
}

impl ProgrammeError {
    /// A one-sentence summary for the visitor; [`ProgrammeError::details`] lists the places.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ProgrammeError::Empty, Lang::Fr) => "Le fichier du programme est vide.".into(),
            (ProgrammeError::Empty, Lang::En) => "The programme file is empty.".into(),
            (ProgrammeError::Html, Lang::Fr) => {
                "Le fichier reçu est une page web (HTML), pas un programme JSON : l’adresse du programme est peut-être erronée.".into()
            }
            (ProgrammeError::Html, Lang::En) => {
                "The file received is a web page (HTML), not a JSON programme: the programme's address may be wrong.".into()
            }
            (ProgrammeError::Syntax { line, column, truncated: true }, Lang::Fr) => {
                format!("Le fichier du programme est incomplet (coupé ligne {line}, colonne {column}).")
            }
            (ProgrammeError::Syntax { line, column, truncated: true }, Lang::En) => {
                format!("The programme file is incomplete (cut off at line {line}, column {column}).")
            }
            (ProgrammeError::Syntax { line, column, .. }, Lang::Fr) => {
                format!("Le fichier du programme n’est pas du JSON valide (ligne {line}, colonne {column}).")
            }
            (ProgrammeError::Syntax { line, column, .. }, Lang::En) => {
                format!("The programme file is not valid JSON (line {line}, column {column}).")
            }
            (ProgrammeError::NotAnObject { found }, Lang::Fr) => {
                format!("Le fichier du programme contient {} au lieu d’un programme.", json_kind(found, lang))
            }
            (ProgrammeError::NotAnObject { found }, Lang::En) => format!("The programme file holds {} instead of a programme.", json_kind(found, lang)),
            (ProgrammeError::UnknownFormat, Lang::Fr) => {
                "Ce fichier JSON n’est pas un programme lisible : ni au format de l’agenda, ni un schedule.json frab ou c3voc (1.0 ou 2.0), ni le JSON du widget pretalx.".into()
            }
            (ProgrammeError::UnknownFormat, Lang::En) => {
                "This JSON file is not a readable programme: neither the agenda's format, nor a frab or c3voc schedule.json (1.0 or 2.0), nor pretalx's widget JSON.".into()
            }
            (ProgrammeError::Invalid(d), Lang::Fr) => format!(
                "Le programme ne peut pas être affiché : {} problème{} à corriger dans le fichier.",
                d.len(),
                if d.len() > 1 { "s" } else { "" }
            ),
            (ProgrammeError::Invalid(d), Lang::En) => format!(
                "The programme cannot be shown: {} problem{} to fix in the file.",
                d.len(),
                if d.len() > 1 { "s" } else { "" }
            ),
            (ProgrammeError::SessionsNotRead { place, count, expected, .. }, Lang::Fr) => {
                let why = if in_place(place, expected) {
                    "mais pas sous la forme que ce format attend là (voir le détail)".to_owned()
                } else {
                    format!("or ce format attend ses séances dans « {expected} »")
                };
                format!(
                    "Aucune séance n’a pu être lue, alors que le fichier contient {} dans « {place} », {why}.",
                    look_alike(*count, lang)
                )
            }
            (ProgrammeError::SessionsNotRead { place, count, expected, .. }, Lang::En) => {
                let why = if in_place(place, expected) {
                    "but not in the shape this format expects there (see the details)".to_owned()
                } else {
                    format!("but this format expects its sessions in \"{expected}\"")
                };
                format!(
                    "No session could be read, though the file holds {} in \"{place}\", {why}.",
                    look_alike(*count, lang)
                )
            }
        }
    }

    /// Each problem with its place, for the organiser.
    pub fn details(&self) -> &[Diagnostic] {
        match self {
            ProgrammeError::Invalid(d) => d,
            ProgrammeError::SessionsNotRead { problems, .. } => problems,
            _ => &[],
        }
    }
}

impl fmt::Display for ProgrammeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ProgrammeError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_programme;

    fn said(input: &str, lang: Lang) -> String {
        match read_programme(input) {
            Err(e) => e.message(lang),
            Ok(_) => panic!("{input:?} was read as a programme"),
        }
    }

    #[test]
    fn what_the_file_holds_instead_is_said_in_each_language() {
        for (input, fr, en) in [
            ("null", "contient null au lieu", "holds null instead"),
            ("[1]", "contient une liste au lieu", "holds a list instead"),
            (
                "\"x\"",
                "contient un texte au lieu",
                "holds a string instead",
            ),
            ("12", "contient un nombre au lieu", "holds a number instead"),
            (
                "true",
                "contient un booléen au lieu",
                "holds a boolean instead",
            ),
        ] {
            assert!(said(input, Lang::Fr).contains(fr), "{input}");
            assert!(said(input, Lang::En).contains(en), "{input}");
        }
    }

    #[test]
    fn every_fatal_problem_has_an_english_message_without_french() {
        for input in [
            "",
            "<!DOCTYPE html><p>502",
            "{\"a\":",
            "{\"a\" 1}",
            "[]",
            "{\"x\": 1}",
        ] {
            let en = said(input, Lang::En);
            assert!(
                en.starts_with("The ") || en.starts_with("This "),
                "{input}: {en}"
            );
            for french in ["fichier", "programme est", " une ", "au lieu"] {
                assert!(!en.contains(french), "{input}: {en}");
            }
        }
    }
}
