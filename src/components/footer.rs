//! The sample programmes shipped with the site, and the programme file itself for whoever wants
//! the data.

use crate::api::DEFAULT_PROGRAMME;
use crate::components::link::RouteLink;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::{Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

/// The sample programmes in `public/`: file and name.
const SAMPLES: [(&str, &str); 5] = [
    (
        "programme.json",
        "Rencontres du numérique 2026 — Numérique et territoires",
    ),
    (
        "programmes/fing-2015.json",
        "Transitions, territoires et numérique (Fing, 2015)",
    ),
    (
        "programmes/nec-nantes-2018.json",
        "Numérique en Commun[s] Nantes 2018",
    ),
    (
        "programmes/nec-strasbourg-2025.json",
        "Numérique en Commun[s] Strasbourg 2025",
    ),
    (
        "programmes/fabrique-territoire-2021.json",
        "Fabrique de territoire intelligent (2021)",
    ),
];

#[component]
pub fn Footer(programme: Arc<Programme>) -> impl IntoView {
    let _ = programme;
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();
    let current = Memo::new(move |_| {
        query
            .with(|q| q.programme.clone())
            .unwrap_or_else(|| DEFAULT_PROGRAMME.into())
    });
    let samples = SAMPLES
        .iter()
        .map(|&(file, name)| {
            let to = Query {
                programme: (file != DEFAULT_PROGRAMME).then(|| file.to_owned()),
                lang: query.with_untracked(|q| q.lang),
                ..Query::default()
            };
            let is_current = Signal::derive(move || (current.get() == file).then_some("page"));
            view! { <li><RouteLink to=to current=is_current>{name}</RouteLink></li> }
        })
        .collect_view();
    view! {
        <footer class="agenda-footer">
            <nav aria-labelledby="agenda-other-programmes">
                <h2 id="agenda-other-programmes">{t.other_programmes}</h2>
                <ul>{samples}</ul>
            </nav>
            <p>
                <a href=move || current.get() download="">{t.programme_file}</a>
                " · "
                <a href="programme.schema.json">{t.programme_schema}</a>
            </p>
        </footer>
    }
}
