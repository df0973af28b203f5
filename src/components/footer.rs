//! The sample programmes shipped with the site, and the programme file itself for whoever wants
//! the data.

use crate::api::DEFAULT_PROGRAMME;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::html::Html;
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
    let mut h = Html::new();
    h.tag("nav")
        .attr("aria-labelledby", "agenda-other-programmes");
    h.tag("h2")
        .attr("id", "agenda-other-programmes")
        .text(t.other_programmes)
        .close("h2");
    h.tag("ul");
    for (file, name) in SAMPLES {
        let to = Query {
            programme: (file != DEFAULT_PROGRAMME).then(|| file.to_owned()),
            lang,
            ..Query::default()
        };
        h.tag("li")
            .tag("a")
            .attr("href", &Route::href(&to))
            .attr("data-route", "");
        h.attr_some("aria-current", (current == file).then_some("page"));
        h.text(name).close("a").close("li");
    }
    h.close("ul").close("nav").tag("p");
    h.tag("a")
        .attr("href", &current)
        .attr("download", "")
        .text(t.programme_file)
        .close("a");
    h.text(" · ").tag("a").attr("href", "programme.schema.json");
    h.text(t.programme_schema).close("a").close("p");
    view! { <footer class="agenda-footer" inner_html=h.into_string()></footer> }
}
