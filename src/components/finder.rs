//! Finding sessions: the search box, the filters, the days, list or grid, the count and "Tout
//! effacer", and whose times the agenda shows. What the visitor does here writes the URL, which
//! is the state (a search or a filter without a history entry per key); what is shown follows
//! the selection the agenda found ([`Found`]).

use crate::state::route::{in_place, Layout, Route};
use crate::texts::Texts;
use agenda_core::filter::{Facet, FacetOption, Found, Selection};
use agenda_core::i18n::{is_utc, month_heading, short_date, zone_name};
use agenda_core::{Date, Lang, Programme, Query};
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the search box: "Tout effacer" gives it focus.
pub const SEARCH_ID: &str = "agenda-search";
/// The id of the switch between the event's times and the visitor's.
const TIMES_ID: &str = "agenda-times-switch";

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

/// Everything above the sessions.
#[component]
pub fn Finder(
    t: &'static Texts,
    lang: Lang,
    programme: Arc<Programme>,
    /// The filters offered, with their values (in the order of `options`).
    offered: Vec<(Facet, Vec<String>)>,
    /// What the current selection shows.
    found: Memo<Found>,
    /// Each offered filter's options with their numbers, for the current selection.
    options: Memo<Vec<Vec<FacetOption>>>,
    /// The layout shown, and the visitor's choice (`None` when the agenda has one room).
    layout: Signal<Layout>,
    choose_layout: Option<Callback<Layout>>,
    /// The visitor's time zone, when it differs from the event's (known a moment after the
    /// first view: asking the browser costs).
    /// `None` when the visitor's zone is the event's.
    visitor_zone: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let route = Route::get();
    let filtering = Memo::new(move |_| found.with(|f| f.selection.is_filtering()));
    let change = move |f: Box<dyn FnOnce(&mut Selection)>| {
        route.replace_with(|q| {
            let mut sel = q.selection();
            f(&mut sel);
            *q = q.with_selection(sel);
        })
    };
    let clear = move |_| {
        change(Box::new(Selection::clear));
        crate::browser::focus_id(SEARCH_ID);
    };
    // The page's pre-rendered view (drawn at build time) has its buttons and checkboxes
    // inert, and seen to be, until the app takes over: no press is silently lost.
    let inert = !crate::browser::live();
    let clear_all = move || {
        view! { <button type="button" class="agenda-clear" disabled=inert on:click=clear>{t.clear_all}</button> }
    };
    let layout_switch = choose_layout.map(|choose| {
        let buttons = [(Layout::List, t.layout_list), (Layout::Grid, t.layout_grid)]
            .into_iter()
            .map(|(l, label)| {
                view! {
                    <button type="button" disabled=inert aria-pressed=move || (layout.get() == l).to_string()
                        on:click=move |_| choose.run(l)>{label}</button>
                }
            })
            .collect_view();
        view! { <div class="agenda-layout-switch" role="group" aria-label=t.layout>{buttons}</div> }
    });
    let empty_programme = programme.sessions.is_empty();
    let filters_set = found.with_untracked(|f| {
        offered
            .iter()
            .any(|(facet, _)| !f.selection.chosen(*facet).is_empty())
    });
    view! {
        // Not in a <form>: Enter has nothing to submit, results follow every key.
        <div role="search" class="agenda-search">
            <input id=SEARCH_ID type="search" aria-label=t.search placeholder=t.search
                autocomplete="off" enterkeyhint="search"
                prop:value=move || found.with(|f| f.selection.q.clone())
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    change(Box::new(move |sel| sel.q = typed));
                } />
        </div>
        <Filters t=t offered=offered options=options open=filters_set change=Callback::new(move |(f, v): (Facet, String)| {
            change(Box::new(move |sel| sel.toggle(f, &v)))
        }) />
        <DayNav t=t lang=lang programme=programme.clone() found=found filtering=filtering />
        <div class="agenda-count-row">
            <p class="agenda-count" role="status">{move || found.with(|f| f.status(lang))}</p>
            <span hidden=move || !filtering.get()>{clear_all()}</span>
        </div>
        {layout_switch}
        <Times t=t lang=lang programme=programme visitor=visitor_zone />
        {empty_programme.then(|| view! { <p class="agenda-empty">{t.no_sessions}</p> })}
        <div class="agenda-empty" hidden=move || !(filtering.get() && found.with(|f| f.count == 0))>
            <p>{t.no_match}</p>
            {clear_all()}
        </div>
    }
}

/// The filters the programme gives reason for, folded away until asked for (on a phone the
/// agenda comes first), open when the URL already sets one. Each choice is a checkbox with the
/// number of sessions it would give.
///
/// The choices are drawn the first time the panel opens: until then nothing counts the options
/// (a search on a 1000-session programme counts every filter's), and the page's first view does
/// not wait for some 200 elements it does not show.
#[component]
fn Filters(
    t: &'static Texts,
    offered: Vec<(Facet, Vec<String>)>,
    options: Memo<Vec<Vec<FacetOption>>>,
    /// Whether the selection sets a filter already: the panel is open.
    open: bool,
    change: Callback<(Facet, String)>,
) -> impl IntoView {
    if offered.is_empty() {
        return None;
    }
    // The page's pre-rendered view has them all (inert), as it is with JavaScript off.
    let opened = RwSignal::new(open || !crate::browser::live());
    let now_open = move || {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    let facets = move || {
        opened.get().then(|| {
            offered
                .iter()
                .enumerate()
                .map(|(k, (facet, values))| {
                    let facet = *facet;
                    let values = values
                        .iter()
                        .map(|value| facet_option(options, k, facet, value.clone(), change))
                        .collect_view();
                    view! {
                        <fieldset class="agenda-facet">
                            <legend>{facet_name(t, facet)}</legend>
                            <ul>{values}</ul>
                        </fieldset>
                    }
                })
                .collect_view()
        })
    };
    Some(view! {
        // Opened by a click or a key on its summary, or otherwise (the browser's find in page,
        // the pre-rendered view's panel handed over open): its choices are drawn either way. The
        // summary's click draws them before the panel's first frame; `toggle` comes a task later.
        <details class="agenda-filters" open=open
            on:toggle=move |ev| {
                if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                    now_open();
                }
            }>
            <summary on:click=move |_| now_open()>{t.filters}</summary>
            <div class="agenda-facets">{facets}</div>
        </details>
    })
}

/// One choice of a filter: a checkbox with the number of sessions it would give.
fn facet_option(
    options: Memo<Vec<Vec<FacetOption>>>,
    k: usize,
    facet: Facet,
    value: String,
    change: Callback<(Facet, String)>,
) -> impl IntoView {
    // This option as the selection makes it now.
    let option = {
        let value = value.clone();
        Memo::new(move |_| {
            options.with(|o| {
                o.get(k)
                    .and_then(|os| os.iter().find(|o| o.value == value))
                    .map(|o| (o.chosen, o.count))
                    .unwrap_or_default()
            })
        })
    };
    let toggled = value.clone();
    view! {
        <li><label>
            <input type="checkbox" value=value.clone() disabled=!crate::browser::live()
                prop:checked=move || option.get().0
                on:change=move |_| change.run((facet, toggled.clone())) />
            <span>{value}</span>
            <span class="agenda-option-count">{move || format!(" ({})", option.get().1)}</span>
        </label></li>
    }
}

/// Choosing a day: a row of tabs for a few days; for a programme spread over weeks, a compact
/// list of dates grouped by month. While searching or filtering, "Tous les jours" comes first.
/// Each link's address is the day with the current search and filters.
#[component]
fn DayNav(
    t: &'static Texts,
    lang: Lang,
    programme: Arc<Programme>,
    found: Memo<Found>,
    filtering: Memo<bool>,
) -> impl IntoView {
    if programme.days.len() < 2 {
        return None;
    }
    let compact = programme.days_span_weeks();
    let link = move |day: Option<Date>| {
        let label = day.map_or_else(|| t.all_days.to_owned(), |d| short_date(lang, d));
        view! { <DayLink day=day label=label found=found filtering=filtering /> }
    };
    let class = if compact {
        "agenda-days agenda-days-compact"
    } else {
        "agenda-days"
    };
    if !compact {
        let days = programme.days.iter().map(|&d| link(Some(d))).collect_view();
        return Some(
            view! { <nav class=class aria-label=t.days><ul>{link(None)}{days}</ul></nav> }
                .into_any(),
        );
    }
    // One short list per month.
    let mut months: Vec<Vec<Date>> = Vec::new();
    for &d in &programme.days {
        match months.last_mut() {
            Some(m) if m[0].year == d.year && m[0].month == d.month => m.push(d),
            _ => months.push(vec![d]),
        }
    }
    let months = months
        .into_iter()
        .map(|days| {
            view! {
                <div class="agenda-month">
                    <span class="agenda-month-name" aria-hidden="true">{month_heading(lang, days[0])}</span>
                    <ul>{days.into_iter().map(|d| link(Some(d))).collect_view()}</ul>
                </div>
            }
        })
        .collect_view();
    Some(
        view! { <nav class=class aria-label=t.days><ul>{link(None)}</ul>{months}</nav> }.into_any(),
    )
}

/// A day's link (`None`: every day, there only while searching or filtering).
#[component]
fn DayLink(
    day: Option<Date>,
    label: String,
    found: Memo<Found>,
    filtering: Memo<bool>,
) -> impl IntoView {
    let route = Route::get();
    let query = route.query();
    let to = move |q: &Query| Query {
        day,
        session: None,
        ..q.clone()
    };
    let current = Memo::new(move |_| found.with(|f| f.selection.day == day));
    view! {
        <li hidden=move || day.is_none() && !filtering.get()>
            <a class="agenda-day" href=move || query.with(|q| Route::href(&to(q)))
                aria-current=move || current.get().then_some("date")
                on:click=move |ev| if in_place(&ev) { route.navigate(query.with_untracked(to)) }>
                {label}
            </a>
        </li>
    }
}

/// The zone the times are in, named ("Heures de l’événement : heure de Paris"), and, when the
/// visitor's zone differs during the event, the offer to switch ("Afficher mes heures locales
/// (heure de New York)") or back (remembered). The agenda is drawn anew in the other times, with
/// focus back on the switch.
#[component]
pub(crate) fn Times(
    t: &'static Texts,
    lang: Lang,
    programme: Arc<Programme>,
    /// `None` when the visitor's zone is the event's.
    visitor: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let route = Route::get();
    let local = route.local_times();
    // In the event's zone, the line only names it: a phone leaves it out.
    let class = if visitor.is_some() {
        "agenda-tz"
    } else {
        "agenda-tz agenda-tz-same"
    };
    let differs = visitor.is_some();
    let visitor = visitor.unwrap_or(Signal::stored(None));
    // A zone declared UTC while the times carry another offset (seen in frab exports) is not
    // named: the times are right, the label would not be.
    let event_zone = programme.event.time_zone.clone().filter(|z| {
        !is_utc(z)
            || programme
                .sessions
                .iter()
                .all(|s| s.start.offset_minutes == 0)
    });
    let toggle = move |_| {
        route.focus_when_drawn(TIMES_ID);
        route.toggle_local_times();
    };
    // The agenda is drawn anew in the other times: focus comes back to the switch.
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            if route.takes_focus(TIMES_ID) {
                let _ = b.focus();
            }
        }
    });
    let line = move || {
        let visitor = visitor.get();
        let (label, zone) = match (local && visitor.is_some(), event_zone.as_deref()) {
            (true, _) => (t.local_times, visitor.as_deref()),
            (false, Some(z)) => (t.event_times, Some(z)),
            (false, None) => (t.time_zone_note, None),
        };
        let zone = zone.map(|z| format!("{}{}", t.colon, zone_name(lang, z)));
        // Drawn at once, on a line of its own: the visitor's zone's name, known a moment later,
        // then fills in without moving what follows.
        let switch = differs.then(|| {
            let offer = match (local, visitor.as_deref()) {
                (true, _) => t.show_event_times.to_owned(),
                (false, Some(v)) => format!("{} ({})", t.show_local_times, zone_name(lang, v)),
                (false, None) => t.show_local_times.to_owned(),
            };
            view! {
                " "
                <button type="button" class="agenda-link-button" id=TIMES_ID node_ref=button
                    disabled=!crate::browser::live() on:click=toggle>{offer}</button>
            }
        });
        view! { {label}{zone}{switch} }
    };
    view! { <p class=class>{line}</p> }
}
