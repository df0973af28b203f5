//! A session in its own linkable view (`?session=<id>`): everything the programme says about it.
//! Focus goes to its title when it opens; "Retour au programme" (or Escape) goes back.

use crate::browser;
use crate::components::calendar::{CalendarButton, ToolStatus};
use crate::components::session_card::status_note;
use crate::components::star::Star;
use crate::state::route::Route;
use crate::texts::{accessibility_label, language_name, mine_texts, texts};
use agenda_core::i18n::long_date;
use agenda_core::text::paragraphs;
use agenda_core::{Link, Programme, SessionId, Speaker, Status};
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the view's title, which gets focus when the view opens.
pub const TITLE_ID: &str = "agenda-detail-title";

/// One line of a session's facts: "Salle : Auditorium Maurice Gross", with a theme's colour
/// mark (never alone: the name is the value) and a note ("horaire indicatif").
struct Fact {
    label: &'static str,
    value: String,
    color: Option<String>,
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
}

#[component]
pub fn SessionView(programme: Arc<Programme>, id: SessionId) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let (t, w) = (texts(lang), mine_texts(lang));
    let title_ref = NodeRef::<leptos::html::H2>::new();
    let status = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(h) = title_ref.get() {
            browser::focus_in_frame(h.into());
        }
    });
    let back = view! {
        <button type="button" class="agenda-back" on:click=move |_| route.close_session()>
            <span aria-hidden="true">"← "</span>
            {w.back_to_agenda}
        </button>
    };
    let p = &programme;
    let Some(s) = p.session(&id) else {
        return view! {
            <article class="agenda-detail">
                {back}
                <h2 id=TITLE_ID tabindex="-1" node_ref=title_ref>{w.session_not_found}</h2>
            </article>
        }
        .into_any();
    };
    // Programme text keeps its own language, whatever the interface's (screen readers switch
    // voice); a text given in several languages is shown in the visitor's (see
    // `Programme::pick`), in a `lang` of its own.
    let content_lang = s.language.clone().or_else(|| p.event.language.clone());
    let (title_lang, title) = p.session_text(s, &s.title, lang);
    let (title_lang, title) = (title_lang.map(str::to_owned), title.to_owned());
    let text = |t: &agenda_core::Text| {
        let (tag, shown) = p.pick_tagged(t, lang);
        (tag.map(str::to_owned), shown.to_owned())
    };
    let when = format!(
        "{}, {}–{}",
        long_date(lang, s.day),
        route.hh_mm(&s.start),
        route.hh_mm(&s.end)
    );
    let mut facts = vec![Fact {
        note: s.illustrative.time.then_some(t.illustrative_time),
        ..Fact::new(w.when, when)
    }];
    if let Some(r) = s.room.as_ref().and_then(|r| p.room(r)) {
        facts.push(Fact {
            note: s.illustrative.room.then_some(w.illustrative_room),
            ..Fact::new(t.room, p.pick(&r.name, lang).to_owned())
        });
    }
    if let Some(th) = s.theme.as_ref().and_then(|x| p.theme(x)) {
        facts.push(Fact {
            color: th.css_color(),
            ..Fact::new(t.theme, p.pick(&th.name, lang).to_owned())
        });
    }
    if let Some(f) = s.format.as_ref().and_then(|f| p.format(f)) {
        facts.push(Fact::new(t.format, p.pick(&f.name, lang).to_owned()));
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
    let facts = facts
        .into_iter()
        .map(|f| {
            let mark = f.color.map(|c| {
                view! { <span class="agenda-theme-mark" style=format!("--agenda-chip:{c}") aria-hidden="true"></span> }
            });
            let note = f.note.map(|n| view! { " " <span class="agenda-illustrative">{n}</span> });
            view! { <div><dt>{f.label}</dt><dd>{mark}{f.value}{note}</dd></div> }
        })
        .collect_view();
    // The abstract is often the description's first sentence: then it is said once.
    let description = s.description.as_ref().map(text);
    let repeated = |a: &str| description.as_ref().is_some_and(|(_, d)| d.starts_with(a));
    let abstract_ = s
        .abstract_
        .as_ref()
        .map(text)
        .filter(|(_, a)| !repeated(a))
        .map(|(a_lang, a)| {
            view! { <p class="agenda-detail-abstract" lang=a_lang>{a}</p> }
        });
    let description = description.map(|(d_lang, d)| {
        paragraphs(&d)
            .map(|para| view! { <p lang=d_lang.clone()>{para.to_owned()}</p> })
            .collect_view()
    });
    let subtitle = s.subtitle.as_ref().map(text).map(|(st_lang, st)| {
        let st_lang = st_lang.or_else(|| content_lang.clone());
        view! { <p class="agenda-detail-subtitle" lang=st_lang>{st}</p> }
    });
    let speakers: Vec<Speaker> = s
        .speakers
        .iter()
        .filter_map(|sp| p.speaker(sp))
        .cloned()
        .collect();
    let speakers = (!speakers.is_empty()).then(|| {
        view! {
            <section class="agenda-detail-speakers" aria-labelledby="agenda-detail-speakers">
                <h3 id="agenda-detail-speakers">{t.speakers}</h3>
                {s.illustrative.speakers.then(|| view! { <p class="agenda-note">{w.illustrative_speakers}</p> })}
                <ul>{speakers.into_iter().map(|sp| view! { <SpeakerItem speaker=sp /> }).collect_view()}</ul>
            </section>
        }
    });
    let mut links: Vec<(String, String)> = s
        .links
        .iter()
        .map(|l| (l.url.as_str().to_owned(), link_label(l)))
        .collect();
    if let Some(u) = &s.url {
        links.push((u.as_str().to_owned(), w.session_page.to_owned()));
    }
    let links = (!links.is_empty()).then(|| {
        view! {
            <section class="agenda-detail-links" aria-labelledby="agenda-detail-links">
                <h3 id="agenda-detail-links">{w.links}</h3>
                <Links links=links />
            </section>
        }
    });
    let class = if s.status == Status::Cancelled {
        "agenda-detail agenda-cancelled"
    } else {
        "agenda-detail"
    };
    view! {
        <article class=class>
            {back}
            <h2 id=TITLE_ID tabindex="-1" class="agenda-detail-title" lang=title_lang node_ref=title_ref>
                {title.clone()}
            </h2>
            {subtitle}
            {status_note(t, s.status).map(|n| view! { <p class="agenda-status">{n}</p> })}
            <p class="agenda-actions">
                <Star id=s.id.clone() title=title.clone() />
                <CalendarButton programme=programme.clone() one=Some(s.id.clone()) label=w.ics_one status=status />
            </p>
            <ToolStatus status=status />
            <dl class="agenda-facts">{facts}</dl>
            {s.illustrative.date.then(|| view! { <p class="agenda-note">{w.illustrative_date}</p> })}
            <div class="agenda-detail-text" lang=content_lang>{abstract_}{description}</div>
            {speakers}
            {links}
        </article>
    }
    .into_any()
}

#[component]
fn SpeakerItem(speaker: Speaker) -> impl IntoView {
    let links: Vec<(String, String)> = speaker
        .links
        .iter()
        .map(|l| (l.url.as_str().to_owned(), link_label(l)))
        .collect();
    view! {
        <li class="agenda-speaker">
            <span class="agenda-speaker-name">{speaker.name.clone()}</span>
            {speaker.affiliation().map(|a| view! { <span class="agenda-speaker-affiliation">", "{a}</span> })}
            {speaker.bio.as_deref().map(|b| paragraphs(b).map(|para| view! { <p class="agenda-speaker-bio">{para.to_owned()}</p> }).collect_view())}
            {(!links.is_empty()).then(|| view! { <Links links=links /> })}
        </li>
    }
}

/// Links out of the agenda, in a list: a new tab, and no `Referer` or `window.opener` for the
/// other site.
#[component]
fn Links(links: Vec<(String, String)>) -> impl IntoView {
    let items = links
        .into_iter()
        .map(|(href, label)| {
            view! { <li><a href=href rel="noopener noreferrer" target="_blank">{label}</a></li> }
        })
        .collect_view();
    view! { <ul class="agenda-links">{items}</ul> }
}

/// A link's words: its label, else its address (an e-mail address without `mailto:`).
fn link_label(l: &Link) -> String {
    l.label
        .clone()
        .unwrap_or_else(|| l.url.as_str().trim_start_matches("mailto:").to_owned())
}
