//! Texts a programme may give in several languages: a room's name, a theme's, a format's, a
//! session's title, subtitle, abstract and description. A file writes such a text either as a
//! string or as a map of languages (`{"de": "Saal 1", "en": "Hall 1"}`, as pretalx and c3voc
//! schedule 2.0 do, and the agenda's own format since it grew them); the model keeps every
//! language given, and the page picks one when it draws ([`Text::pick`]): the interface's
//! language, else the programme's, else the first given.

use crate::i18n::Lang;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A text of the programme: one string, or the same text in several languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// Written once, in no language in particular (the session's or the programme's).
    Plain(String),
    /// Written in several languages, in the file's order: (language tag as written, text). Never
    /// empty (the readers make a [`Text::Plain`] or nothing of an empty map).
    Languages(Vec<(String, String)>),
}

impl Text {
    /// The text in the first of the `wanted` languages it is given in (`en` also finds `en-GB`,
    /// and `fr-CA` finds `fr`), else the first one given. Empty tags are skipped.
    pub fn pick(&self, wanted: &[&str]) -> &str {
        self.pick_tagged(wanted).1
    }

    /// [`Text::pick`], with the language of the text picked when the file gives it (for the
    /// `lang` attribute of what shows it).
    pub fn pick_tagged(&self, wanted: &[&str]) -> (Option<&str>, &str) {
        match self {
            Text::Plain(s) => (None, s),
            Text::Languages(given) => {
                let found = wanted
                    .iter()
                    .filter(|w| !w.is_empty())
                    .find_map(|w| given.iter().find(|(tag, _)| same_language(tag, w)))
                    .or(given.first());
                found.map_or((None, ""), |(tag, text)| {
                    (Some(tag.as_str()), text.as_str())
                })
            }
        }
    }

    /// The text as first given: what is said where no reader's language applies (a problem's
    /// place in the file, the order of sessions that start together, an id made from a name).
    pub fn as_str(&self) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Languages(given) => given.first().map_or("", |(_, t)| t.as_str()),
        }
    }

    /// Every language's text, in the file's order (one for a plain text): what the search looks
    /// through, and what a link's `?track=` may name.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        let (one, many) = match self {
            Text::Plain(s) => (Some(s.as_str()), &[][..]),
            Text::Languages(given) => (None, given.as_slice()),
        };
        one.into_iter().chain(many.iter().map(|(_, t)| t.as_str()))
    }

    /// The same text with each language's version changed by `f` (HTML reduced to text, say);
    /// versions that come out empty are left out, and nothing is left of a text with none.
    pub fn map(self, f: impl Fn(&str) -> Option<String>) -> Option<Text> {
        match self {
            Text::Plain(s) => f(&s).map(Text::Plain),
            Text::Languages(given) => {
                let kept: Vec<(String, String)> = given
                    .into_iter()
                    .filter_map(|(tag, t)| Some((tag, f(&t)?)))
                    .collect();
                (!kept.is_empty()).then_some(Text::Languages(kept))
            }
        }
    }
}

/// Whether two language tags name the same language, to the primary subtag (`en` and `en-GB`),
/// ignoring case.
fn same_language(a: &str, b: &str) -> bool {
    fn primary(t: &str) -> &str {
        t.split(['-', '_']).next().unwrap_or(t)
    }
    primary(a).eq_ignore_ascii_case(primary(b))
}

impl crate::model::Programme {
    /// A text of this programme as a reader of `lang` sees it: in `lang`, else in the programme's
    /// language, else as first given.
    pub fn pick<'t>(&self, text: &'t Text, lang: Lang) -> &'t str {
        text.pick(&self.languages(lang))
    }

    /// [`crate::model::Programme::pick`] with the language picked, when the file gives it.
    pub fn pick_tagged<'t>(&self, text: &'t Text, lang: Lang) -> (Option<&'t str>, &'t str) {
        text.pick_tagged(&self.languages(lang))
    }

    /// A session's text as a reader of `lang` sees it, with the language it is in when that is
    /// known (for a `lang` attribute, so that screen readers switch voice): the one the file gives
    /// it in, else the session's, else the programme's.
    pub fn session_text<'a>(
        &'a self,
        s: &'a crate::model::Session,
        text: &'a Text,
        lang: Lang,
    ) -> (Option<&'a str>, &'a str) {
        let (tag, shown) = self.pick_tagged(text, lang);
        let tag = tag
            .or(s.language.as_deref())
            .or(self.event.language.as_deref());
        (tag, shown)
    }

    /// The languages a reader of `lang` is shown texts in, by preference.
    fn languages(&self, lang: Lang) -> [&str; 2] {
        [lang.tag(), self.event.language.as_deref().unwrap_or("")]
    }
}

/// The text as first given, for code that shows no reader anything (see [`Text::as_str`]); what
/// a visitor reads is picked with [`Text::pick`].
impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// `text == "Hall"`: whether the text is "Hall" in one of its languages.
impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.all().any(|t| t == other)
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_owned())
    }
}

/// Written as the agenda's format has it: a string, or an object of languages in the file's order.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(s) => serializer.serialize_str(s),
            Text::Languages(given) => {
                let mut map = serializer.serialize_map(Some(given.len()))?;
                for (tag, text) in given {
                    map.serialize_entry(tag, text)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both() -> Text {
        Text::Languages(vec![
            ("de".into(), "Saal".into()),
            ("en-GB".into(), "Hall".into()),
        ])
    }

    #[test]
    fn the_wanted_language_else_the_next_else_the_first_given() {
        let t = both();
        assert_eq!(t.pick(&["en"]), "Hall", "en finds en-GB");
        assert_eq!(
            t.pick(&["fr", "de"]),
            "Saal",
            "the programme's language next"
        );
        assert_eq!(t.pick(&["fr", ""]), "Saal", "else the first given");
        assert_eq!(t.pick(&["EN-us"]), "Hall");
        assert_eq!(t.pick_tagged(&["en"]), (Some("en-GB"), "Hall"));
        let plain = Text::from("Salle");
        assert_eq!(plain.pick(&["en"]), "Salle");
        assert_eq!(plain.pick_tagged(&["en"]), (None, "Salle"));
    }

    #[test]
    fn the_programme_picks_for_its_reader() {
        let mut p = crate::model::Programme::default();
        let t = Text::Languages(vec![
            ("de".into(), "Saal".into()),
            ("fr".into(), "Salle".into()),
            ("en".into(), "Hall".into()),
        ]);
        assert_eq!(p.pick(&t, Lang::En), "Hall");
        assert_eq!(p.pick(&t, Lang::Fr), "Salle");
        let de_en = both();
        assert_eq!(p.pick(&de_en, Lang::Fr), "Saal", "the first given");
        p.event.language = Some("en".into());
        assert_eq!(p.pick(&de_en, Lang::Fr), "Hall", "the programme's language");
    }

    #[test]
    fn equal_to_any_of_its_languages_and_first_as_written() {
        let t = both();
        assert!(t == "Hall" && t == "Saal" && t != "Salle");
        assert_eq!(t.as_str(), "Saal");
        assert_eq!(&*t, "Saal");
        assert_eq!(t.all().collect::<Vec<_>>(), ["Saal", "Hall"]);
        assert_eq!(Text::from("x").all().collect::<Vec<_>>(), ["x"]);
    }

    #[test]
    fn mapped_versions_that_come_out_empty_are_left_out() {
        let keep_long = |s: &str| (s.len() > 4).then(|| s.to_uppercase());
        assert_eq!(both().map(keep_long), None);
        let t = Text::Languages(vec![
            ("de".into(), "Saal 1".into()),
            ("en".into(), "H".into()),
        ]);
        assert_eq!(
            t.map(keep_long),
            Some(Text::Languages(vec![("de".into(), "SAAL 1".into())]))
        );
        assert_eq!(Text::from("abc").map(keep_long), None);
    }

    #[test]
    fn written_as_a_string_or_a_map_in_the_file_order() -> serde_json::Result<()> {
        assert_eq!(serde_json::to_string(&Text::from("Salle"))?, r#""Salle""#);
        assert_eq!(
            serde_json::to_string(&both())?,
            r#"{"de":"Saal","en-GB":"Hall"}"#
        );
        Ok(())
    }
}
