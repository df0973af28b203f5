//! The sample programmes shipped with the site, and the programme file itself for whoever wants
//! the data.

use crate::api::DEFAULT_PROGRAMME;
use crate::state::route::{in_place, Route};
use crate::texts::texts;
use agenda_core::Query;
use leptos::prelude::*;

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

/// Rendered once per programme (a new programme renders the whole agenda anew), so nothing
/// here needs to be reactive.
#[component]
pub fn Footer() -> impl IntoView {
    let route = Route::get();
    let t = texts(route.lang());
    let (current, lang) = route.query().with_untracked(|q| {
        (
            q.programme
                .clone()
                .unwrap_or_else(|| DEFAULT_PROGRAMME.into()),
            q.lang,
        )
    });
    let samples = SAMPLES
        .into_iter()
        .map(|(file, name)| {
            let to = Query {
                programme: (file != DEFAULT_PROGRAMME).then(|| file.to_owned()),
                lang,
                ..Query::default()
            };
            let href = Route::href(&to);
            let current = (current == file).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current
                        on:click=move |ev| if in_place(&ev) { route.navigate(to.clone()) }>
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="agenda-footer">
            <nav aria-labelledby="agenda-other-programmes">
                <h2 id="agenda-other-programmes">{t.other_programmes}</h2>
                <ul>{samples}</ul>
            </nav>
            <p>
                <a href=current download>{t.programme_file}</a>
                " · "
                <a href="programme.schema.json">{t.programme_schema}</a>
            </p>
        </footer>
    }
}
