//! A loaded programme: its header, the section links, then the view the URL asks for (the agenda,
//! a session, the speakers, "Mes favoris"), all made from the one programme read.

use crate::browser;
use crate::components::{
    event_header::EventHeader, footer::Footer, mine::Mine, section_nav::SectionNav,
    session_list::SessionList, session_view::SessionView, speakers::Speakers, warnings::Warnings,
};
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::{Page, Programme, SessionId};
use leptos::prelude::*;
use std::sync::Arc;

/// The view the URL asks for, besides the agenda itself.
#[derive(Clone, PartialEq)]
enum View {
    Agenda,
    Session(SessionId),
    Speakers,
    Mine,
}

#[component]
pub fn Agenda(programme: Arc<Programme>, changed: Arc<Vec<usize>>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let view_shown = Memo::new(move |_| {
        query.with(|q| match (&q.session, q.page) {
            (Some(id), _) => View::Session(id.clone()),
            (None, Page::Speakers) => View::Speakers,
            (None, Page::Agenda) if q.fav => View::Mine,
            (None, Page::Agenda) => View::Agenda,
        })
    });
    let programme_url = query.with_untracked(|q| q.programme.clone());
    let favs = Favs::provide(
        programme.clone(),
        programme_url
            .as_deref()
            .unwrap_or(crate::api::DEFAULT_PROGRAMME),
    );

    // The tab's title follows the view: "Session — Event", or the event.
    let p = programme.clone();
    Effect::new(move |_| {
        let event = if p.event.title.is_empty() {
            t.untitled_programme
        } else {
            p.event.title.as_str()
        };
        let title = match view_shown.get() {
            View::Session(id) => p
                .session(&id)
                .map(|s| format!("{} — {event}", p.pick(&s.title, lang))),
            View::Speakers => Some(format!("{} — {event}", t.speakers)),
            View::Mine => Some(format!("{} — {event}", t.my_favs)),
            View::Agenda => None,
        };
        browser::set_title(&title.unwrap_or_else(|| event.to_owned()));
    });

    // Notices: favourites not kept by this browser; sessions changed since the last visit
    // (marked "modifié"), and how many of them are favourites (Mes favoris says what changed).
    let (p, marked) = (programme.clone(), changed.clone());
    let modified = move || {
        let n = marked.len();
        if n == 0 || view_shown.get() == View::Mine {
            return None;
        }
        let mine = favs.with(|f| {
            marked
                .iter()
                .filter(|&&i| f.contains(&p.sessions[i].id))
                .count()
        });
        let words = if n == 1 {
            t.modified_since.0
        } else {
            t.modified_since.1
        };
        let favourites =
            (mine > 0).then(|| format!("{}{mine}{}", t.modified_favs.0, t.modified_favs.1));
        Some(
            view! { <p class="agenda-notice" role="status">{format!("{n} {words}")}{favourites}</p> },
        )
    };
    let not_kept = move || {
        (!favs.kept())
            .then(|| view! { <p class="agenda-notice" role="status">{t.favs_not_kept}</p> })
    };

    // The agenda stays drawn (hidden) while another view is shown, so that coming back is
    // instant; it is drawn the first time it is shown.
    let on_agenda = Memo::new(move |_| view_shown.get() == View::Agenda);
    let list_needed =
        Memo::new(move |before: Option<&bool>| before == Some(&true) || on_agenda.get());
    let (p, c) = (programme.clone(), changed.clone());
    let list = move || {
        list_needed.get().then(|| {
            view! { <SessionList programme=p.clone() changed=c.clone() shown=on_agenda.into() /> }
        })
    };
    let p = programme.clone();
    let other = move || {
        let p = p.clone();
        match view_shown.get() {
            View::Agenda => None,
            View::Session(id) => Some(view! { <SessionView programme=p id=id /> }.into_any()),
            View::Speakers => Some(view! { <Speakers programme=p /> }.into_any()),
            View::Mine => Some(view! { <Mine programme=p /> }.into_any()),
        }
    };

    // Drawn top down in four tasks (what the view needs to begin: the favourites, the title; the
    // header; the view; the rest), so that a phone's main thread is never held long while the
    // page appears (much of the code runs for the first time then, and the browser compiles each
    // function of the wasm on its first call), and nothing already shown moves. Drawn at build
    // time (the page's pre-rendered first view): all at once.
    const LAST: u8 = 3;
    let stage = RwSignal::new(if browser::live() { 0u8 } else { LAST });
    let next = move || {
        set_timeout(
            move || {
                if let Some(s) = stage.try_get_untracked() {
                    stage.set(s + 1);
                }
            },
            std::time::Duration::ZERO,
        )
    };
    Effect::new(move |_| {
        if stage.get() < LAST {
            next();
        } else {
            // Drawn: the page's pre-rendered view, if shown, gives way (js/prerender.js).
            set_timeout(
                || browser::announce("agenda-drawn"),
                std::time::Duration::ZERO,
            );
        }
    });
    let from = move |k: u8| Memo::new(move |_| stage.get() >= k);
    let (header_stage, view_stage, rest_stage) = (from(1), from(2), from(LAST));
    let p = programme.clone();
    let header = move || {
        header_stage.get().then(|| {
            view! {
                <EventHeader programme=p.clone() />
                <SectionNav />
                <div>{not_kept}{modified.clone()}</div>
            }
        })
    };
    let p = programme.clone();
    let rest = move || {
        rest_stage
            .get()
            .then(|| view! { <Warnings programme=p.clone() /> <Footer /> })
    };
    view! {
        {header}
        <main id="agenda-main" class="agenda-main">
            {move || view_stage.get().then(list.clone())}
            {move || view_stage.get().then(other.clone())}
        </main>
        {rest}
    }
}
