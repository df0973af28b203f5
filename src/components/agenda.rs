//! A loaded programme: its header, the section links, then the view the URL asks for (a day of
//! the agenda, a session, the speakers).

use crate::components::{
    event_header::EventHeader, footer::Footer, section_nav::SectionNav,
    session_list::SessionList, warnings::Warnings, worker_view::WorkerView,
};
use crate::dom;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::search::SearchIndex;
use agenda_core::{Page, Programme};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Agenda(programme: Arc<Programme>, changed: Arc<Vec<usize>>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let query = route.query();
    let session = Memo::new(move |_| query.with(|q| q.session.clone()));
    let page = Memo::new(move |_| query.with(|q| q.page));
    let fav = Memo::new(move |_| query.with(|q| q.fav));
    let programme_url = query.with_untracked(|q| q.programme.clone());
    let favs = Favs::provide(
        programme.clone(),
        programme_url
            .as_deref()
            .unwrap_or(crate::api::DEFAULT_PROGRAMME),
    );
    // Notices: favourites not kept by this browser; sessions changed since the last visit (marked
    // "modifié"), and how many of them are favourites (Mes favoris says what changed in them).
    let (p, marked) = (programme.clone(), changed.clone());
    let notices = move || {
        let t = texts(lang);
        let mut h = agenda_core::html::Html::new();
        if !favs.kept.get() {
            h.tag("p").attr("class", "agenda-notice").attr("role", "status");
            h.text(t.favs_not_kept).close("p");
        }
        let (n, mine) = favs.set.with(|f| {
            let mine = marked.iter().filter(|&&i| f.contains(&p.sessions[i].id)).count();
            (marked.len(), mine)
        });
        if n > 0 && !fav.get() {
            let words = if n == 1 { t.modified_since.0 } else { t.modified_since.1 };
            h.tag("p").attr("class", "agenda-notice").attr("role", "status");
            h.text(&format!("{n} {words}"));
            if mine > 0 {
                h.text(&format!("{}{mine}{}", t.modified_favs.0, t.modified_favs.1));
            }
            h.close("p");
        }
        h.into_string()
    };
    // Each session's text folded once for the search, kept while the programme is shown.
    let index = Arc::new(SearchIndex::new(&programme));

    // The tab's title follows the view: "Session — Event", or the event.
    let p = programme.clone();
    Effect::new(move |_| {
        let event = if p.event.title.is_empty() {
            texts(lang).untitled_programme
        } else {
            p.event.title.as_str()
        };
        let title = match session.get().as_ref().and_then(|id| p.session(id)) {
            Some(s) => format!("{} — {event}", s.title),
            None if page.get() == Page::Speakers => format!("{} — {event}", texts(lang).speakers),
            None if fav.get() => format!("{} — {event}", texts(lang).my_favs),
            None => event.to_owned(),
        };
        dom::set_title(&title);
    });

    let p = programme.clone();
    let main = move || {
        let p = p.clone();
        match (session.get(), page.get()) {
            // Each view a new component, so that it opens with focus on its title.
            (Some(_), _) | (None, Page::Speakers) => view! { <WorkerView programme=p /> }.into_any(),
            (None, Page::Agenda) if fav.get() => view! { <WorkerView programme=p /> }.into_any(),
            (None, Page::Agenda) => {
                view! { <SessionList programme=p index=index.clone() changed=changed.clone() /> }.into_any()
            }
        }
    };

    view! {
        <EventHeader programme=programme.clone() />
        <SectionNav />
        <div inner_html=notices></div>
        <main id="agenda-main" class="agenda-main">{main}</main>
        <Warnings programme=programme.clone() />
        <Footer />
    }
}
