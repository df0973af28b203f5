//! A session in its own linkable view (`?session=<id>`): everything the programme says about it.
//! Focus moves to its title when it opens; "Retour au programme" (or Escape, see
//! [`crate::state::route::Route::provide`]) goes back.

use crate::markup::status_note;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::{accessibility_label, language_name, texts, Texts};
use agenda_core::html::Html;
use agenda_core::i18n::long_date;
use agenda_core::text::paragraphs;
use agenda_core::{Link, Programme, Session, SessionId, Speaker, Status};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SessionDetail(programme: Arc<Programme>, id: SessionId) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    // The view is drawn as HTML (see `crate::markup`); focus then goes to its title.
    Effect::new(move |_| crate::dom::focus_id(TITLE_ID));

    let mut h = Html::new();
    h.tag("button")
        .attr("type", "button")
        .attr("class", "agenda-back")
        .attr("data-action", "back");
    h.tag("span")
        .attr("aria-hidden", "true")
        .text("← ")
        .close("span");
    h.text(t.back_to_agenda).close("button");
    let Some(s) = programme.session(&id).cloned() else {
        h.tag("h2").attr("id", TITLE_ID).attr("tabindex", "-1");
        h.text(t.session_not_found).close("h2");
        return view! { <article class="agenda-detail" inner_html=h.into_string()></article> };
    };
    let p = programme;
    // Programme text keeps its own language, whatever the interface's (screen readers switch voice).
    let content_lang = s.language.clone().or_else(|| p.event.language.clone());
    // The facts of the session, as (label, value, colour mark, note): one shape for all, which
    // keeps the page simple to read and the wasm small.
    let when = format!(
        "{}, {}–{}",
        long_date(lang, s.day),
        crate::dom::hh_mm(&s.start, route.local_times()),
        crate::dom::hh_mm(&s.end, route.local_times())
    );
    let mut facts: Vec<Fact> =
        vec![Fact::new(t.when, when).note(s.illustrative.time.then_some(t.illustrative_time))];
    if let Some(r) = s.room.as_ref().and_then(|r| p.room(r)) {
        facts.push(
            Fact::new(t.room, r.name.clone())
                .note(s.illustrative.room.then_some(t.illustrative_room)),
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
    crate::markup::star(&mut h, t, &s);
    h.tag("dl").attr("class", "agenda-facts");
    for f in facts {
        fact(&mut h, f);
    }
    h.close("dl");
    if s.illustrative.date {
        h.text_el("p", "agenda-note", t.illustrative_date);
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
            h.text_el("p", "agenda-note", t.illustrative_speakers);
        }
        h.tag("ul");
        for sp in &speakers {
            speaker_item(&mut h, sp);
        }
        h.close("ul").close("section");
    }
    session_links(&mut h, t, &s);
    let root = NodeRef::<leptos::html::Article>::new();
    let (favs, p2) = (Favs::get(), p.clone());
    Effect::new(move |_| {
        if let (Some(root), Some(favs)) = (root.get(), favs) {
            favs.set
                .with(|f| crate::dom::show_favourites(&root, f, &p2, t));
        }
    });
    let class = if s.status == Status::Cancelled {
        "agenda-detail agenda-cancelled"
    } else {
        "agenda-detail"
    };
    view! { <article class=class node_ref=root inner_html=h.into_string()></article> }
}

/// The id of the view's title, which gets focus when the view opens.
const TITLE_ID: &str = "agenda-detail-title";

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

fn session_links(h: &mut Html, t: &Texts, s: &Session) {
    if s.links.is_empty() && s.url.is_none() {
        return;
    }
    labelled_section(h, "agenda-detail-links", t.links);
    h.tag("ul").attr("class", "agenda-links");
    for l in &s.links {
        link_item(h, l.url.as_str(), &link_label(l));
    }
    if let Some(u) = &s.url {
        link_item(h, u.as_str(), t.session_page);
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
