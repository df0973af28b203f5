//! The agenda's sections (programme, speakers) and the language switch.

use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::html::Html;
use agenda_core::{Lang, Page, Query};
use leptos::prelude::*;

#[component]
pub fn SectionNav() -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let query = route.query();
    let t = texts(lang);
    // Links keep the programme and the language; the agenda link keeps the day and filters too.
    let to = move |q: &Query, page: Page| match page {
        Page::Agenda => Query {
            page,
            session: None,
            fav: false,
            shared: None,
            ..q.clone()
        },
        Page::Speakers => Query {
            programme: q.programme.clone(),
            lang: q.lang,
            page,
            ..Query::default()
        },
    };
    let other_lang = move |q: &Query| Query {
        lang: match lang {
            Lang::Fr => Some(Lang::En),
            Lang::En => None,
        },
        ..q.clone()
    };
    // Drawn anew (as HTML) when the URL changes: the links follow the view.
    let html = move || {
        query.with(|q| {
            let mut h = Html::new();
            h.tag("ul");
            let mine = Query {
                programme: q.programme.clone(),
                lang: q.lang,
                fav: true,
                ..Query::default()
            };
            for (page, label) in [(Page::Agenda, t.programme), (Page::Speakers, t.speakers), (Page::Agenda, t.my_favs)] {
                let fav = label == t.my_favs;
                let current = q.session.is_none() && q.page == page && q.fav == fav;
                let href = if fav { Route::href(&mine) } else { Route::href(&to(q, page)) };
                h.tag("li").tag("a").attr("href", &href);
                h.attr_some("aria-current", current.then_some("page"))
                    .attr("data-route", "");
                h.text(label).close("a").close("li");
            }
            h.close("ul");
            let tag = match lang {
                Lang::Fr => "en",
                Lang::En => "fr",
            };
            // The whole agenda is rendered anew in the other language: the visitor's place
            // stays on this link (`data-keep-focus`).
            h.tag("a")
                .attr("class", "agenda-lang-switch")
                .attr("href", &Route::href(&other_lang(q)));
            h.attr("hreflang", tag)
                .attr("lang", tag)
                .attr("aria-label", t.switch_language_label);
            h.attr("id", "agenda-lang-switch")
                .attr("data-route", "")
                .attr("data-keep-focus", "");
            h.text(t.switch_language).close("a");
            h.into_string()
        })
    };
    view! { <nav class="agenda-sections" aria-label=t.sections inner_html=html></nav> }
}
