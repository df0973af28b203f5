//! The page's first view, drawn natively at build time by the app's own components (`App` given
//! the programme), so that the programme is on screen before the wasm arrives and readable with
//! JavaScript off. `agenda-check --publish` writes it into `index.html`; `js/prerender.js` shows
//! it only where the app would draw the same (the bare address, French, the list, the event's
//! times, outside the event) and hands over to the app once it has drawn.
//!
//! Drawn as a fresh visitor's browser shows the bare address: no favourites, nothing changed
//! since a last visit, no "En ce moment" (it would be stale), buttons and checkboxes inert until
//! the app takes over (see [`crate::browser::live`]).

use crate::app::App;
use crate::components::finder::Times;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

/// What `index.html` carries of a programme.
pub struct Prerendered {
    /// The first view's markup (the app's `<div class="agenda">`), with the line of the times'
    /// zone drawn twice: for a visitor in the event's zone and for one elsewhere (the page's
    /// script shows the one the app will draw).
    pub html: String,
    /// What the page's script decides by, as JSON: when the event is under way (`from` ≤ now <
    /// `until`, seconds since the epoch; "En ce moment" would be missing), how many rooms (the
    /// app may choose the grid), and `zones`: instants with the programme's offset from UTC
    /// then (minutes), whose offsets in the visitor's zone say whether it is the event's.
    pub conditions: String,
}

/// Draws the first view of `programme` at the bare address.
pub fn prerender(programme: &Programme) -> Prerendered {
    let programme = Arc::new(programme.clone());
    let owner = Owner::new();
    let (html, other_zone) = owner.with(|| {
        let html = view! { <App programme=programme.clone() /> }.to_html();
        // The times' line as the app draws it for a visitor elsewhere (its "Afficher mes heures
        // locales" before the visitor's zone is named).
        let route = Route::provide();
        let lang = route.lang();
        let times = view! {
            <Times t=texts(lang) lang=lang programme=programme.clone()
                visitor=Some(Signal::stored(None)) />
        }
        .to_html();
        (html, times)
    });
    drop(owner);
    Prerendered {
        html: beside_same_zone_line(html, &other_zone),
        conditions: conditions(&programme),
    }
}

/// `html` with `other` after its line of the event's times (`agenda-tz-same`).
fn beside_same_zone_line(mut html: String, other: &str) -> String {
    let end = html
        .find("agenda-tz agenda-tz-same")
        .and_then(|at| html[at..].find("</p>").map(|end| at + end + "</p>".len()));
    if let Some(end) = end {
        html.insert_str(end, other);
    }
    html
}

fn conditions(p: &Programme) -> String {
    let from = p.sessions.iter().map(|s| s.start.instant()).min();
    let until = p.sessions.iter().map(|s| s.end.instant()).max();
    // For each offset the programme uses, its first and last instants: the visitor's zone is the
    // event's when its offset is the same at each (a zone changes its offset at most twice a
    // year).
    let mut zones: Vec<(i64, i32)> = Vec::new();
    let mut offsets: Vec<i32> = p
        .sessions
        .iter()
        .map(|s| i32::from(s.start.offset_minutes))
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    for offset in offsets {
        let at = p
            .sessions
            .iter()
            .filter(|s| i32::from(s.start.offset_minutes) == offset)
            .map(|s| s.start.instant());
        let (first, last) = (at.clone().min(), at.max());
        zones.extend(first.into_iter().chain(last).map(|t| (t, offset)));
    }
    zones.dedup();
    let zones = zones
        .iter()
        .map(|(t, o)| format!("[{t},{o}]"))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        r#"{{"from":{},"until":{},"rooms":{},"zones":[{zones}]}}"#,
        from.unwrap_or(0),
        until.unwrap_or(0),
        p.rooms.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_programme() -> Programme {
        let text = include_str!("../public/programme.json");
        agenda_core::read_programme(text).expect("the default programme reads")
    }

    #[test]
    fn the_first_view_is_drawn_by_the_components() {
        let p = default_programme();
        let out = prerender(&p);
        let html = &out.html;
        assert!(html.starts_with("<div class=\"agenda\""), "{}", &html[..80]);
        for s in &p.sessions {
            let title = p.pick(&s.title, agenda_core::Lang::Fr);
            let escaped = title.replace('&', "&amp;").replace('<', "&lt;");
            assert!(html.contains(&escaped), "{title} is in the page");
        }
        assert!(html.contains("agenda-session-speakers"), "speakers too");
        assert!(!html.contains("agenda-now"), "no 'En ce moment'");
        let stars = html.matches("class=\"agenda-fav\"").count();
        assert_eq!(
            stars,
            html.matches("disabled aria-pressed").count(),
            "stars inert"
        );
        assert!(stars >= 5);
        assert!(html.contains("agenda-tz agenda-tz-same") && html.contains("class=\"agenda-tz\""));
        assert!(html.contains("<footer"), "drawn whole, footer included");
    }

    #[test]
    fn the_conditions_say_when_and_where() {
        let p = default_programme();
        let c = prerender(&p).conditions;
        // 10 February 2026, 09:30 to 17:00 in Paris (UTC+1).
        assert!(c.starts_with(r#"{"from":1770712200,"#), "{c}");
        assert!(c.contains(r#""rooms":1"#) && c.contains(",60]"), "{c}");
    }
}
