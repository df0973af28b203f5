//! One session in the agenda or in "Mes favoris": time, star, title (a link to its own view),
//! status, room, theme, format, speakers and abstract; a break is a single quiet line. In the
//! agenda, a card is hidden when the selection does not show it, and what the search matched in
//! its title, speakers and abstract is marked (see [`crate::highlight`]).

use crate::components::session_link::SessionLink;
use crate::components::star::Star;
use crate::highlight::Marks;
use crate::state::route::Route;
use crate::texts::{texts, Texts};
use agenda_core::{Programme, Session, SessionId, Status};
use leptos::prelude::*;
use std::sync::Arc;

/// The DOM id of a session's title link, to give focus back to it.
pub fn link_id(id: &SessionId) -> String {
    format!(
        "agenda-link-{}",
        id.as_str().replace(char::is_whitespace, "_")
    )
}

/// The words for a status that needs saying ("Annulée", "À confirmer").
pub fn status_note(t: &Texts, status: Status) -> Option<&'static str> {
    match status {
        Status::Cancelled => Some(t.cancelled),
        Status::Tentative => Some(t.tentative),
        Status::Confirmed => None,
    }
}

/// "09:30–10:00" with machine-readable `<time>`s, and the "horaire indicatif" mark.
#[component]
pub fn TimeRange(
    t: &'static Texts,
    start: agenda_core::DateTime,
    end: agenda_core::DateTime,
    illustrative: bool,
) -> impl IntoView {
    let route = Route::get();
    view! {
        <span class="agenda-time">
            <time datetime=start.to_string()>{route.hh_mm(&start)}</time>
            "–"
            <time datetime=end.to_string()>{route.hh_mm(&end)}</time>
        </span>
        {illustrative.then(|| view! {
            <span class="agenda-illustrative" title=t.illustrative_time_long>{t.illustrative_time}</span>
        })}
    }
}

/// How the agenda shows a card: whether the selection shows it, where it registers the texts
/// the search marks, and whether the agenda is a grid (the card then takes its place in it).
#[derive(Clone, Copy)]
pub struct Shown {
    pub shown: Signal<bool>,
    pub marks: Marks,
    pub grid: Signal<bool>,
}

#[component]
pub fn SessionCard(
    programme: Arc<Programme>,
    /// Its position in the programme.
    at: usize,
    /// Its place in the grid (CSS custom properties), if any: in its `style` only while the
    /// agenda is a grid. A place differs from card to card, and a `style` of its own costs each
    /// card's first styling about 2.5 times as much (the browser's cache of computed styles
    /// cannot share it): a list of 250 cards shown, 110 ms against 40 ms on a phone-class CPU.
    #[prop(optional)]
    place: Option<String>,
    /// Changed since the visitor's last visit ("modifié").
    #[prop(optional)]
    changed: bool,
    /// In the agenda: shown or hidden, and marked, as the selection says.
    #[prop(optional)]
    shown: Option<Shown>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let p = &programme;
    let s: &Session = &p.sessions[at];
    // Texts given in several languages are shown in the visitor's (see `Programme::pick`), and
    // keep their own language whatever the interface's (screen readers switch voice).
    let (title_lang, title) = p.session_text(s, &s.title, lang);
    let hidden = move || shown.is_some_and(|s| !s.shown.get());
    let time = view! { <TimeRange t=t start=s.start end=s.end illustrative=s.illustrative.time /> };
    let grid = shown.map(|s| s.grid);
    let place = move || place.clone().filter(|_| grid.is_some_and(|g| g.get()));
    if p.is_break(s) {
        return view! {
            <div class="agenda-break" style=place hidden=hidden>
                {time}
                <span class="agenda-break-title">{title.to_owned()}</span>
            </div>
        }
        .into_any();
    }
    let theme = s.theme.as_ref().and_then(|x| p.theme(x));
    let accent = theme
        .and_then(|x| x.css_color())
        .map(|c| format!("--agenda-accent:{c}"));
    let style = move || match (accent.clone(), place()) {
        (Some(accent), Some(place)) => Some(format!("{accent};{place}")),
        (accent, place) => accent.or(place),
    };
    let title_lang = title_lang.map(str::to_owned);
    let abstract_ = s.abstract_.as_ref().map(|a| {
        let (tag, text) = p.session_text(s, a, lang);
        (tag.map(str::to_owned), text.to_owned())
    });
    let class = if s.status == Status::Cancelled {
        "agenda-session agenda-cancelled"
    } else {
        "agenda-session"
    };
    let speakers = p.speakers_line(s);
    let title = title.to_owned();
    let (title_ref, speakers_ref, abstract_ref) = (
        NodeRef::<leptos::html::A>::new(),
        NodeRef::<leptos::html::P>::new(),
        NodeRef::<leptos::html::P>::new(),
    );
    if let Some(Shown { marks, shown, .. }) = shown {
        let texts = [
            Some(title.clone()),
            Some(speakers.clone()).filter(|s| !s.is_empty()),
            abstract_.as_ref().map(|(_, a)| a.clone()),
        ];
        // Once drawn, the card's texts are where the search's marks go.
        Effect::new(move |_| {
            let nodes: [Option<web_sys::Element>; 3] = [
                title_ref.get().map(Into::into),
                speakers_ref.get().map(Into::into),
                abstract_ref.get().map(Into::into),
            ];
            let found = nodes
                .into_iter()
                .zip(texts.clone())
                .filter_map(|(el, text)| Some((el?.first_child()?, text?)))
                .collect();
            marks.register(at, found, shown.get_untracked());
        });
        on_cleanup(move || marks.unregister(at));
    }
    let room = s.room.as_ref().and_then(|r| p.room(r)).map(|r| {
        view! { <span class="agenda-room">{p.pick(&r.name, lang).to_owned()}</span> }
    });
    let theme = theme.map(|th| {
        let chip = th.css_color().map(|c| format!("--agenda-chip:{c}"));
        view! {
            <span class="agenda-theme" style=chip>{p.pick(&th.name, lang).to_owned()}</span>
        }
    });
    let format = s.format.as_ref().and_then(|f| p.format(f)).map(|f| {
        view! { <span class="agenda-format">{p.pick(&f.name, lang).to_owned()}</span> }
    });
    view! {
        <article class=class style=style hidden=hidden>
            <p class="agenda-session-when">
                {time}
                {changed.then(|| view! { " " <span class="agenda-modified">{t.modified}</span> })}
            </p>
            <Star id=s.id.clone() title=title.clone() />
            <h4 class="agenda-session-title" lang=title_lang>
                <SessionLink id=s.id.clone() dom_id=link_id(&s.id) link_ref=title_ref>{title}</SessionLink>
            </h4>
            {status_note(t, s.status).map(|n| view! { <p class="agenda-status">{n}</p> })}
            <p class="agenda-session-meta">{room}{theme}{format}</p>
            {(!speakers.is_empty()).then(|| view! {
                <p class="agenda-session-speakers" node_ref=speakers_ref>{speakers}</p>
            })}
            {abstract_.map(|(a_lang, a)| view! {
                <p class="agenda-session-abstract" lang=a_lang node_ref=abstract_ref>{a}</p>
            })}
        </article>
    }
    .into_any()
}
