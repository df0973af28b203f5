//! Finding sessions: the search box, the filters, the days, list or grid, the count and "Tout
//! effacer". All of it is drawn once, as HTML (see `agenda_core::html`): the agenda's one
//! listener reads what the visitor does and its one effect shows the result (see
//! [`crate::components::session_list`]), which keeps the wasm small and a keystroke fast on a
//! 1000-session programme.

use crate::texts::Texts;
use agenda_core::filter::{Facet, Selection};
use agenda_core::html::Html;
use agenda_core::i18n::{is_utc, month_heading, short_date, zone_name};
use agenda_core::{Date, Lang, Programme};

/// The id of the switch between the event's times and the visitor's.
pub const TIMES_ID: &str = "agenda-times-switch";

/// The id of the search box: "Tout effacer" gives it focus.
pub const SEARCH_ID: &str = "agenda-search";

fn facet_name(t: &Texts, f: Facet) -> &'static str {
    match f {
        Facet::Track => t.theme,
        Facet::Room => t.room,
        Facet::Format => t.format,
        Facet::Language => t.language,
        Facet::Speaker => t.speakers,
        Facet::Accessibility => t.accessibility,
    }
}

/// Everything above the sessions. `sel` is the selection the page opens with.
pub fn finder(
    t: &Texts,
    lang: Lang,
    p: &Programme,
    offered: &[(Facet, Vec<String>)],
    sel: &Selection,
    can_grid: bool,
    zones: &Zones,
) -> String {
    let mut h = Html::new();
    // The search box. Not in a `<form>`: Enter has nothing to submit, results follow every key.
    h.tag("div")
        .attr("role", "search")
        .attr("class", "agenda-search");
    h.tag("input")
        .attr("id", SEARCH_ID)
        .attr("type", "search")
        .attr("aria-label", t.search);
    h.attr("placeholder", t.search)
        .attr("value", &sel.q)
        .attr("autocomplete", "off");
    h.attr("enterkeyhint", "search").close("div");
    filters(&mut h, t, offered, sel.chosen.iter().any(|c| !c.is_empty()));
    day_nav(&mut h, t, lang, p);
    if can_grid {
        // List or grid, remembered in this browser; until the visitor chooses, a grid when the
        // agenda is wide enough (see `crate::dom::show_layout`).
        h.tag("div")
            .attr("class", "agenda-layout-switch")
            .attr("role", "group");
        h.attr("aria-label", t.layout);
        for (choice, label) in [("list", t.layout_list), ("grid", t.layout_grid)] {
            h.tag("button")
                .attr("type", "button")
                .attr("data-layout-choice", choice);
            h.attr("aria-pressed", "false").text(label).close("button");
        }
        h.close("div");
    }
    h.tag("div").attr("class", "agenda-count-row");
    h.tag("p")
        .attr("class", "agenda-count")
        .attr("role", "status")
        .close("p");
    h.tag("span")
        .attr("data-when", "filtering")
        .attr("hidden", "");
    clear_all(&mut h, t);
    h.close("span").close("div");
    times(&mut h, t, lang, p, zones);
    if p.sessions.is_empty() {
        h.text_el("p", "agenda-empty", t.no_sessions);
    }
    h.tag("div")
        .attr("class", "agenda-empty")
        .attr("data-when", "empty")
        .attr("hidden", "");
    h.tag("p").text(t.no_match).close("p");
    clear_all(&mut h, t);
    h.close("div");
    h.into_string()
}

/// Whose times the agenda shows, and the visitor's zone when it differs from the event's.
pub struct Zones {
    pub local: bool,
    pub visitor: Option<String>,
}

/// The zone the times are in, named ("Heures de l’événement : heure de Paris"), and, when the
/// visitor's zone differs during the event, the offer to switch ("Afficher mes heures locales
/// (heure de New York)") or back (`data-action="times"`, remembered).
fn times(h: &mut Html, t: &Texts, lang: Lang, p: &Programme, zones: &Zones) {
    // A zone declared UTC while the times carry another offset (seen in frab exports) is not
    // named: the times are right, the label would not be.
    let event_zone = p
        .event
        .time_zone
        .as_deref()
        .filter(|z| !is_utc(z) || p.sessions.iter().all(|s| s.start.offset_minutes == 0));
    let visitor = zones.visitor.as_deref();
    let (label, zone) = match (zones.local && visitor.is_some(), event_zone) {
        (true, _) => (t.local_times, visitor),
        (false, Some(z)) => (t.event_times, Some(z)),
        (false, None) => (t.time_zone_note, None),
    };
    h.tag("p").attr("class", "agenda-tz").text(label);
    if let Some(z) = zone {
        h.text(t.colon).text(&zone_name(lang, z));
    }
    if let Some(v) = visitor {
        let offer = if zones.local {
            t.show_event_times.to_owned()
        } else {
            format!("{} ({})", t.show_local_times, zone_name(lang, v))
        };
        h.text(" ")
            .tag("button")
            .attr("type", "button")
            .attr("class", "agenda-link-button");
        // The agenda is drawn anew in the other times: focus comes back to this button.
        h.attr("id", TIMES_ID)
            .attr("data-action", "times")
            .text(&offer)
            .close("button");
    }
    h.close("p");
}

/// The filters the programme gives reason for, folded away until asked for (on a phone the
/// agenda comes first), `open` when the URL already sets one. Each choice is a checkbox
/// (`data-facet` and its value) with room for the number of sessions it would give.
fn filters(h: &mut Html, t: &Texts, offered: &[(Facet, Vec<String>)], open: bool) {
    if offered.is_empty() {
        return;
    }
    h.tag("details").attr("class", "agenda-filters");
    if open {
        h.attr("open", "");
    }
    h.tag("summary").text(t.filters).close("summary");
    h.tag("div").attr("class", "agenda-facets");
    for (f, values) in offered {
        let facet = (*f as usize).to_string();
        h.tag("fieldset").attr("class", "agenda-facet");
        h.tag("legend")
            .text(facet_name(t, *f))
            .close("legend")
            .tag("ul");
        for v in values {
            h.tag("li").tag("label");
            h.tag("input")
                .attr("type", "checkbox")
                .attr("data-facet", &facet)
                .attr("value", v);
            h.tag("span").text(v).close("span");
            h.tag("span")
                .attr("class", "agenda-option-count")
                .close("span");
            h.close("label").close("li");
        }
        h.close("ul").close("fieldset");
    }
    h.close("div").close("details");
}

/// "Tout effacer": every filter and the search at once (the day stays).
fn clear_all(h: &mut Html, t: &Texts) {
    h.tag("button")
        .attr("type", "button")
        .attr("class", "agenda-clear");
    h.attr("data-action", "clear")
        .text(t.clear_all)
        .close("button");
}

/// Choosing a day: a row of tabs for a few days; for a programme spread over weeks, a compact
/// list of dates grouped by month. While searching or filtering, "Tous les jours" comes first.
/// Each link has its day in `data-day` ("" for every day); the agenda's effect keeps its address
/// (the day with the current search and filters) and `aria-current` up to date, and a click goes
/// where the address says.
fn day_nav(h: &mut Html, t: &Texts, lang: Lang, p: &Programme) {
    if p.days.len() < 2 {
        return;
    }
    let compact = p.days_span_weeks();
    let class = if compact {
        "agenda-days agenda-days-compact"
    } else {
        "agenda-days"
    };
    h.tag("nav")
        .attr("class", class)
        .attr("aria-label", t.days)
        .tag("ul");
    day_link(h, None, t.all_days);
    if !compact {
        for &d in &p.days {
            day_link(h, Some(d), &short_date(lang, d));
        }
        h.close("ul").close("nav");
        return;
    }
    // One short list per month.
    h.close("ul");
    let mut month: Option<Date> = None;
    for &d in &p.days {
        if month.is_none_or(|m| m.year != d.year || m.month != d.month) {
            if month.is_some() {
                h.close("ul").close("div");
            }
            h.tag("div").attr("class", "agenda-month");
            h.tag("span")
                .attr("class", "agenda-month-name")
                .attr("aria-hidden", "true");
            h.text(&month_heading(lang, d)).close("span").tag("ul");
            month = Some(d);
        }
        day_link(h, Some(d), &short_date(lang, d));
    }
    if month.is_some() {
        h.close("ul").close("div");
    }
    h.close("nav");
}

fn day_link(h: &mut Html, day: Option<Date>, label: &str) {
    h.tag("li");
    if day.is_none() {
        // "Tous les jours" is there only while searching or filtering.
        h.attr("data-when", "filtering").attr("hidden", "");
    }
    let data_day = day.map(|d| d.to_string()).unwrap_or_default();
    h.tag("a")
        .attr("class", "agenda-day")
        .attr("href", "")
        .attr("data-day", &data_day);
    h.attr("data-route", "").text(label).close("a").close("li");
}

/// What a change in the finder asks: a new search text, or a filter value turned on or off.
pub enum Change {
    Search(String),
    Toggle(Facet, String),
}

impl Change {
    pub fn apply(self, sel: &mut Selection) {
        match self {
            Change::Search(q) => sel.q = q,
            Change::Toggle(f, v) => sel.toggle(f, &v),
        }
    }
}
