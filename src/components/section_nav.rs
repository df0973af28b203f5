//! The agenda's sections (programme, speakers) and the language switch.

use crate::components::link::RouteLink;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::{Lang, Page, Query};
use leptos::prelude::*;

#[component]
pub fn SectionNav() -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let query = route.query();
    let t = texts(lang);
    // Links keep the programme and the language; the agenda link keeps the day and filters too.
    let to = move |page: Page| {
        query.with(|q| match page {
            Page::Agenda => Query {
                page,
                session: None,
                ..q.clone()
            },
            Page::Speakers => Query {
                programme: q.programme.clone(),
                lang: q.lang,
                page,
                ..Query::default()
            },
        })
    };
    let current = move |page: Page| {
        Signal::derive(move || {
            query.with(|q| (q.session.is_none() && q.page == page).then_some("page"))
        })
    };
    let other_lang = move || {
        query.with(|q| Query {
            lang: match lang {
                Lang::Fr => Some(Lang::En),
                Lang::En => None,
            },
            ..q.clone()
        })
    };
    view! {
        <nav class="agenda-sections" aria-label=t.sections>
            <ul>
                <li>{move || view! { <RouteLink to=to(Page::Agenda) current=current(Page::Agenda)>{t.programme}</RouteLink> }}</li>
                <li>{move || view! { <RouteLink to=to(Page::Speakers) current=current(Page::Speakers)>{t.speakers}</RouteLink> }}</li>
            </ul>
            {move || {
                let target = other_lang();
                let tag = match lang { Lang::Fr => "en", Lang::En => "fr" };
                view! {
                    <a class="agenda-lang-switch" href=Route::href(&target) hreflang=tag lang=tag
                        aria-label=t.switch_language_label
                        // The whole agenda is rendered anew in the other language: the visitor's
                        // place stays on this link (`data-keep-focus`).
                        id="agenda-lang-switch" data-route="" data-keep-focus="">
                        {t.switch_language}
                    </a>
                }
            }}
        </nav>
    }
}
