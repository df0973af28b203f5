//! A session in its own linkable view (`?session=<id>`): everything the programme says about it,
//! as HTML. Drawn by the worker when the visitor opens it (see `crates/agenda-worker`), so that
//! none of it weighs on the page's own download; the page moves focus to its title, and
//! "Retour au programme" (or Escape) goes back.

use crate::markup::{status_note, Env};
use crate::texts::{accessibility_label, language_name, MineTexts, Texts};
use agenda_core::html::Html;
use agenda_core::i18n::long_date;
use agenda_core::text::paragraphs;
use agenda_core::{Lang, Link, Programme, Session, SessionId, Speaker, Status};

/// The view of session `id` (or "not in the programme").
pub fn session(t: &Texts, lang: Lang, programme: &Programme, id: &SessionId, env: &Env) -> String {
    let cancelled = programme
        .session(id)
        .is_some_and(|s| s.status == Status::Cancelled);
    let w = crate::texts::mine_texts(lang);
    let mut h = Html::new();
    h.tag("article").attr(
        "class",
        if cancelled {
            "agenda-detail agenda-cancelled"
        } else {
            "agenda-detail"
        },
    );
    h.tag("button")
        .attr("type", "button")
        .attr("class", "agenda-back")
        .attr("data-action", "back");
    h.tag("span")
        .attr("aria-hidden", "true")
        .text("← ")
        .close("span");
    h.text(w.back_to_agenda).close("button");
    let Some(s) = programme.session(id).cloned() else {
        h.tag("h2").attr("id", TITLE_ID).attr("tabindex", "-1").attr("data-focus", "");
        h.text(w.session_not_found).close("h2");
        h.close("article");
        return h.into_string();
    };
    let p = programme;
    // Programme text keeps its own language, whatever the interface's (screen readers switch voice).
    let content_lang = s.language.clone().or_else(|| p.event.language.clone());
    // The facts of the session, as (label, value, colour mark, note): one shape for all, which
    // keeps the page simple to read and the wasm small.
    let when = format!(
        "{}, {}–{}",
        long_date(lang, s.day),
        env.hh_mm(&s.start),
        env.hh_mm(&s.end)
    );
    let mut facts: Vec<Fact> =
        vec![Fact::new(w.when, when).note(s.illustrative.time.then_some(t.illustrative_time))];
    if let Some(r) = s.room.as_ref().and_then(|r| p.room(r)) {
        facts.push(
            Fact::new(t.room, r.name.clone())
                .note(s.illustrative.room.then_some(w.illustrative_room)),
        );
    }
    if let Some(th) = s.theme.as_ref().and_then(|x| p.theme(x)) {
        facts.push(Fact {
            color: th.color.clone(),
            ..Fact::new(t.theme, th.name.clone())
        });
    }
    if let Some(f) = s.format.as_ref().and_then(|f| p.format(f)) {
        facts.push(Fact::new(t.format, f.name.clone()));
    }
    if let Some(l) = &s.language {
        facts.push(Fact::new(t.language, language_name(lang, l)));
    }
    if !s.accessibility.is_empty() {
        let a = s
            .accessibility
            .iter()
            .map(|c| accessibility_label(lang, c))
            .collect::<Vec<_>>()
            .join(", ");
        facts.push(Fact::new(t.accessibility, a));
    }
    let speakers: Vec<Speaker> = s
        .speakers
        .iter()
        .filter_map(|sp| p.speaker(sp))
        .cloned()
        .collect();
    let content_lang = content_lang.as_deref();
    h.tag("h2")
        .attr("id", TITLE_ID)
        .attr("tabindex", "-1")
        .attr("data-focus", "")
        .attr("class", "agenda-detail-title");
    h.attr_some("lang", content_lang).text(&s.title).close("h2");
    if let Some(st) = &s.subtitle {
        h.tag("p")
            .attr("class", "agenda-detail-subtitle")
            .attr_some("lang", content_lang);
        h.text(st).close("p");
    }
    if let Some(note) = status_note(t, s.status) {
        h.text_el("p", "agenda-status", note);
    }
    h.tag("p").attr("class", "agenda-actions");
    crate::markup::star(&mut h, t, &s);
    h.tag("button")
        .attr("type", "button")
        .attr("data-ics", s.id.as_str())
        .text(w.ics_one)
        .close("button")
        .close("p");
    crate::markup::tool_status(&mut h);
    h.tag("dl").attr("class", "agenda-facts");
    for f in facts {
        fact(&mut h, f);
    }
    h.close("dl");
    if s.illustrative.date {
        h.text_el("p", "agenda-note", w.illustrative_date);
    }
    h.tag("div")
        .attr("class", "agenda-detail-text")
        .attr_some("lang", content_lang);
    // The abstract is often the description's first sentence: then it is said once.
    let repeated = |a: &str| s.description.as_deref().is_some_and(|d| d.starts_with(a));
    if let Some(a) = s.abstract_.as_deref().filter(|a| !repeated(a)) {
        h.text_el("p", "agenda-detail-abstract", a);
    }
    for para in s
        .description
        .as_deref()
        .map(paragraphs)
        .into_iter()
        .flatten()
    {
        h.tag("p").text(para).close("p");
    }
    h.close("div");
    if !speakers.is_empty() {
        labelled_section(&mut h, "agenda-detail-speakers", t.speakers);
        if s.illustrative.speakers {
            h.text_el("p", "agenda-note", w.illustrative_speakers);
        }
        h.tag("ul");
        for sp in &speakers {
            speaker_item(&mut h, sp);
        }
        h.close("ul").close("section");
    }
    session_links(&mut h, w, &s);
    h.close("article");
    h.into_string()
}

/// The id of the view's title, which gets focus when the view opens.
pub const TITLE_ID: &str = "agenda-detail-title";

fn speaker_item(h: &mut Html, sp: &Speaker) {
    h.tag("li").attr("class", "agenda-speaker");
    h.text_el("span", "agenda-speaker-name", &sp.name);
    if let Some(a) = sp.affiliation() {
        h.tag("span")
            .attr("class", "agenda-speaker-affiliation")
            .text(", ")
            .text(&a)
            .close("span");
    }
    for para in sp.bio.as_deref().map(paragraphs).into_iter().flatten() {
        h.text_el("p", "agenda-speaker-bio", para);
    }
    if !sp.links.is_empty() {
        h.tag("ul").attr("class", "agenda-links");
        for l in &sp.links {
            link_item(h, l.url.as_str(), &link_label(l));
        }
        h.close("ul");
    }
    h.close("li");
}

/// A link's words: its label, else its address (an e-mail address without `mailto:`).
fn link_label(l: &Link) -> String {
    l.label
        .clone()
        .unwrap_or_else(|| l.url.as_str().trim_start_matches("mailto:").to_owned())
}

/// A link out of the agenda, in a list: a new tab, and no `Referer` or `window.opener` for the
/// other site.
fn link_item(h: &mut Html, href: &str, label: &str) {
    h.tag("li")
        .tag("a")
        .attr("href", href)
        .attr("rel", "noopener noreferrer");
    h.attr("target", "_blank")
        .text(label)
        .close("a")
        .close("li");
}

/// Opens a `<section>` named by its `<h3>` (`name` is its class and its heading's id).
fn labelled_section(h: &mut Html, name: &'static str, heading: &str) {
    h.tag("section")
        .attr("class", name)
        .attr("aria-labelledby", name);
    h.tag("h3").attr("id", name).text(heading).close("h3");
}

fn session_links(h: &mut Html, w: &MineTexts, s: &Session) {
    if s.links.is_empty() && s.url.is_none() {
        return;
    }
    labelled_section(h, "agenda-detail-links", w.links);
    h.tag("ul").attr("class", "agenda-links");
    for l in &s.links {
        link_item(h, l.url.as_str(), &link_label(l));
    }
    if let Some(u) = &s.url {
        link_item(h, u.as_str(), w.session_page);
    }
    h.close("ul").close("section");
}
/// One line of a session's facts: "Salle : Auditorium Maurice Gross".
struct Fact {
    label: &'static str,
    value: String,
    /// A theme's colour, drawn as a mark before the value (never alone: the name is the value).
    color: Option<String>,
    /// "horaire indicatif" and the like.
    note: Option<&'static str>,
}

impl Fact {
    fn new(label: &'static str, value: String) -> Fact {
        Fact {
            label,
            value,
            color: None,
            note: None,
        }
    }

    fn note(self, note: Option<&'static str>) -> Fact {
        Fact { note, ..self }
    }
}

fn fact(h: &mut Html, f: Fact) {
    h.tag("div").tag("dt").text(f.label).close("dt").tag("dd");
    if let Some(c) = &f.color {
        h.tag("span")
            .attr("class", "agenda-theme-mark")
            .attr("style", &format!("--agenda-chip:{c}"));
        h.attr("aria-hidden", "true").close("span");
    }
    h.text(&f.value);
    if let Some(n) = f.note {
        h.text(" ").text_el("span", "agenda-illustrative", n);
    }
    h.close("dd").close("div");
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = r##"{"agenda_format": 1, "event": {"title": "T", "time_zone": "Europe/Paris", "language": "fr"},
      "rooms": [{"id": "a", "name": "Salle A"}],
      "speakers": [{"id": "x", "name": "Ada <Lovelace>", "organisation": "Analytical", "bio": "Un.\n\nDeux.",
                    "links": [{"url": "mailto:ada@example.org"}]}],
      "sessions": [
        {"id": "s", "title": "Moteur & calcul", "start": "2026-02-10T09:00:00+01:00", "end": "2026-02-10T10:00:00+01:00",
         "room": "a", "speakers": ["x"], "status": "cancelled", "language": "en", "accessibility": ["lsf"],
         "abstract": "Court.", "description": "Long.\n\nSuite.", "links": [{"url": "https://example.org/s", "label": "Diapos"}]}
      ]}"##;

    fn env() -> Env {
        Env {
            local: false,
            local_hh_mm: |_| "??".into(),
            path: "/".into(),
        }
    }

    #[test]
    fn a_session_says_everything_the_programme_says_as_text() {
        let p = agenda_core::read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let t = crate::texts::texts(Lang::Fr);
        let html = session(t, Lang::Fr, &p, &SessionId("s".into()), &env());
        assert!(html.starts_with("<article class=\"agenda-detail agenda-cancelled\">"), "{html}");
        assert!(html.contains("data-focus=\"\" class=\"agenda-detail-title\" lang=\"en\">Moteur &amp; calcul</h2>"), "{html}");
        assert!(html.contains("mardi 10 février 2026, 09:00–10:00"));
        assert!(html.contains("Annulée"));
        assert!(html.contains("Interprétation en langue des signes française (LSF)"));
        assert!(html.contains("Ada &lt;Lovelace&gt;"), "names stay text");
        assert!(html.contains("<p class=\"agenda-speaker-bio\">Un.</p><p class=\"agenda-speaker-bio\">Deux.</p>"));
        assert!(html.contains("href=\"https://example.org/s\" rel=\"noopener noreferrer\" target=\"_blank\">Diapos</a>"));
        assert!(html.contains(">ada@example.org</a>"), "an e-mail address without mailto:");
        assert!(html.contains("data-ics=\"s\""), "its own calendar file");
        assert!(html.contains("data-fav=\"s\""), "its star");
        assert!(html.ends_with("</article>"));
        let missing = session(t, Lang::En, &p, &SessionId("nope".into()), &env());
        assert!(missing.contains("data-focus") && missing.ends_with("</h2></article>"), "{missing}");
    }

    #[test]
    fn speakers_with_their_sessions() {
        let p = agenda_core::read_programme(P).unwrap_or_else(|e| panic!("{e}"));
        let t = crate::texts::texts(Lang::En);
        let q = agenda_core::Query::parse("?page=speakers&lang=en");
        let html = crate::markup::speakers(t, Lang::En, &p, &q, &env());
        assert!(html.contains("<h3 class=\"agenda-speaker-name\">Ada &lt;Lovelace&gt;</h3>"), "{html}");
        assert!(html.contains("href=\"?lang=en&amp;page=speakers&amp;session=s\""), "{html}");
        assert!(html.contains(" — Tue 10 February, 09:00"), "{html}");
    }
}
