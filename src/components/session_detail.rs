//! A session in its own linkable view (`?session=<id>`): everything the programme says about it.
//! Focus moves to its title when it opens; "Retour au programme" (or Escape) goes back.

use crate::components::session_card::status_note;
use crate::state::route::Route;
use crate::texts::{accessibility_label, language_name, texts};
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
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            route.close_session();
        }
    });
    on_cleanup(move || handle.remove());

    let back = view! {
        <button type="button" class="agenda-back" data-action="back">
            <span aria-hidden="true">"← "</span>{t.back_to_agenda}
        </button>
    };
    let Some(s) = programme.session(&id).cloned() else {
        return view! {
            <div class="agenda-detail">
                {back}
                <h2 node_ref=heading tabindex="-1">{t.session_not_found}</h2>
            </div>
        }
        .into_any();
    };
    let p = programme;
    // Programme text keeps its own language, whatever the interface's (screen readers switch voice).
    let content_lang = s.language.clone().or_else(|| p.event.language.clone());
    // The facts of the session, as (label, value, colour mark, note): one shape for all, which
    // keeps the page simple to read and the wasm small.
    let when = format!(
        "{}, {}–{}",
        long_date(lang, s.day),
        s.start.time.hh_mm(),
        s.end.time.hh_mm()
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
    view! {
        <article class="agenda-detail" class:agenda-cancelled=s.status == Status::Cancelled>
            {back}
            <h2 node_ref=heading tabindex="-1" class="agenda-detail-title" lang=content_lang.clone()>{s.title.clone()}</h2>
            {s.subtitle.clone().map(|st| view! { <p class="agenda-detail-subtitle" lang=content_lang.clone()>{st}</p> })}
            {status_note(s.status).map(|pick| view! { <p class="agenda-status">{pick(t)}</p> })}
            <dl class="agenda-facts">{facts.into_iter().map(fact_view).collect_view()}</dl>
            {s.illustrative.date.then(|| view! { <p class="agenda-note">{t.illustrative_date}</p> })}
            <div class="agenda-detail-text" lang=content_lang.clone()>
                // The abstract is often the description's first sentence: then it is said once.
                {s.abstract_.clone().filter(|a| !s.description.as_deref().is_some_and(|d| d.starts_with(a.as_str()))).map(|a| view! { <p class="agenda-detail-abstract">{a}</p> })}
                {s.description.clone().map(|d| paragraphs(&d).map(|para| view! { <p>{para.to_owned()}</p> }).collect_view())}
            </div>
            {(!speakers.is_empty()).then(|| view! {
                <section class="agenda-detail-speakers" aria-labelledby="agenda-detail-speakers">
                    <h3 id="agenda-detail-speakers">{t.speakers}</h3>
                    {s.illustrative.speakers.then(|| view! { <p class="agenda-note">{t.illustrative_speakers}</p> })}
                    <ul>{speakers.into_iter().map(|sp| view! { <SpeakerItem speaker=sp /> }).collect_view()}</ul>
                </section>
            })}
            <SessionLinks session=s.clone() />
        </article>
    }
    .into_any()
}

#[component]
fn SpeakerItem(speaker: Speaker) -> impl IntoView {
    let sp = speaker;
    view! {
        <li class="agenda-speaker">
            <span class="agenda-speaker-name">{sp.name.clone()}</span>
            {sp.affiliation().map(|a| view! { <span class="agenda-speaker-affiliation">", "{a}</span> })}
            {sp.bio.as_deref().map(|b| paragraphs(b).map(|para| view! { <p class="agenda-speaker-bio">{para.to_owned()}</p> }).collect_view())}
            {(!sp.links.is_empty()).then(|| view! { <ul class="agenda-links">{sp.links.iter().map(link_item).collect_view()}</ul> })}
        </li>
    }
}

fn link_item(l: &Link) -> impl IntoView {
    let label = l
        .label
        .clone()
        .unwrap_or_else(|| l.url.as_str().trim_start_matches("mailto:").to_owned());
    view! { <li><a href=l.url.as_str().to_owned() rel="noopener noreferrer" target="_blank">{label}</a></li> }
}

#[component]
fn SessionLinks(session: Session) -> impl IntoView {
    let lang = Route::get().lang();
    let t = texts(lang);
    let s = session;
    if s.links.is_empty() && s.url.is_none() {
        return None;
    }
    Some(view! {
        <section class="agenda-detail-links" aria-labelledby="agenda-detail-links">
            <h3 id="agenda-detail-links">{t.links}</h3>
            <ul class="agenda-links">
                {s.links.iter().map(link_item).collect_view()}
                {s.url.map(|u| view! {
                    <li><a href=u.as_str().to_owned() rel="noopener noreferrer" target="_blank">{t.session_page}</a></li>
                })}
            </ul>
        </section>
    })
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

fn fact_view(f: Fact) -> impl IntoView {
    view! {
        <div>
            <dt>{f.label}</dt>
            <dd>
                {f.color.map(|c| view! { <span class="agenda-theme-mark" style=format!("--agenda-chip: {c}") aria-hidden="true"></span> })}
                {f.value}
                {f.note.map(|n| view! { " " <span class="agenda-illustrative">{n}</span> })}
            </dd>
        </div>
    }
}
