//! "Intervenantes et intervenants": every speaker, by name, with their sessions.

use crate::dom;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::html::Html;
use agenda_core::i18n::short_date;
use agenda_core::{Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SpeakersPage(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    if let Some((y, _)) = route.take_return_point() {
        request_animation_frame(move || dom::scroll_to_y(y));
    }
    let p = programme;
    let base = route.query().get_untracked();
    let mut h = Html::new();
    h.tag("h2")
        .attr("id", "agenda-speakers-heading")
        .text(t.speakers)
        .close("h2");
    h.tag("ul").attr("class", "agenda-speaker-list");
    for sp in p.speakers_by_name() {
        h.tag("li").attr("class", "agenda-speaker");
        h.text_el("h3", "agenda-speaker-name", &sp.name);
        if let Some(a) = sp.affiliation() {
            h.text_el("p", "agenda-speaker-affiliation", &a);
        }
        h.tag("ul").attr("class", "agenda-speaker-sessions");
        for s in p.sessions_of(&sp.id) {
            let to = Query {
                session: Some(s.id.clone()),
                ..base.clone()
            };
            h.tag("li")
                .tag("a")
                .attr("href", &Route::href(&to))
                .attr("data-route", "");
            h.text(&s.title).close("a");
            let start = crate::dom::hh_mm(&s.start, route.local_times());
            let when = format!(" — {}, {start}", short_date(lang, s.day));
            h.text_el("span", "agenda-speaker-when", &when).close("li");
        }
        h.close("ul").close("li");
    }
    h.close("ul");
    view! {
        <section class="agenda-speakers" aria-labelledby="agenda-speakers-heading"
            inner_html=h.into_string()></section>
    }
}
