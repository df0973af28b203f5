//! "Mes favoris" (`?fav=1`): the favourites day by day, each with what it overlaps ("Chevauche
//! …") and what changed since it was chosen; between them the free time and, one tap away, what
//! is on then. Then the calendar file, printing and the share link with its QR code. A selection
//! shared by a link (`&shared=`) is shown the same way, with "add to mine" and "replace mine";
//! nothing changes until the visitor chooses.

use crate::browser;
use crate::components::calendar::{CalendarButton, ToolStatus};
use crate::components::session_card::SessionCard;
use crate::components::session_link::SessionLink;
use crate::state::favourites::Favs;
use crate::state::route::{in_place, Route};
use crate::texts::{mine_texts, texts, MineTexts};
use agenda_core::favourites::{Change, Favourites, PlanItem};
use agenda_core::i18n::long_date;
use agenda_core::{DateTime, Programme, Query, RoomId};
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the view's heading (focus goes there when the view opens, and when its content
/// changes under a focus that was in it).
const HEADING_ID: &str = "agenda-mine-heading";

/// The share link of `favs`: the page's address (`base`, its own parameters dropped) with the
/// programme, the language and the selection. Opened anywhere, it shows the selection.
pub fn share_link(base: &str, q: &Query, favs: &Favourites) -> String {
    let page = base.split(['?', '#']).next().unwrap_or(base);
    let link = Query {
        programme: q.programme.clone(),
        lang: q.lang,
        fav: true,
        shared: Some(favs.to_share()),
        ..Query::default()
    };
    format!("{page}{}", link.to_search())
}

#[component]
pub fn Mine(programme: Arc<Programme>) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let (t, w) = (texts(lang), mine_texts(lang));
    let favs = Favs::get()?;
    let query = route.query();
    let shared =
        Memo::new(move |_| query.with(|q| q.shared.as_deref().map(Favourites::from_share)));
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            browser::focus_in_frame(h.into());
        }
    });
    let status = RwSignal::new(None);
    let section = NodeRef::<leptos::html::Section>::new();
    let p = programme.clone();
    let body = move || {
        let p = p.clone();
        // Drawn anew as the favourites change: focus that was in the view (a star whose card
        // leaves it) goes to its heading rather than to the page's top.
        if section
            .get_untracked()
            .is_some_and(|s| browser::has_focus_within(&s))
        {
            request_animation_frame(move || {
                let lost = section
                    .get_untracked()
                    .is_some_and(|s| !browser::has_focus_within(&s));
                if let (true, Some(h)) = (lost, heading.get_untracked()) {
                    let _ = h.focus();
                }
            });
        }
        let shared = shared.get();
        let is_shared = shared.is_some();
        // The visitor's own favourites, or the shared selection (which follows nothing).
        let shown = shared.unwrap_or_else(|| favs.with(Favourites::clone));
        let plan = shown.plan(&p, 15);
        let n: usize = plan.iter().map(|d| d.items.len()).sum();
        let count = shown.len();
        let changes = if is_shared {
            Vec::new()
        } else {
            shown.changes(&p)
        };
        let share_url = (!is_shared && n > 0)
            .then(|| query.with_untracked(|q| share_link(&browser::page_address(), q, &shown)));
        let shared_actions = is_shared.then(|| {
            let other = shown.clone();
            let other2 = shown.clone();
            let back = query.with_untracked(|q| Query {
                shared: None,
                session: None,
                ..q.clone()
            });
            let href = Route::href(&back);
            view! {
                <p>{w.shared_intro}</p>
                <p class="agenda-actions">
                    <button type="button" on:click=move |_| {
                        favs.merge(&other);
                        route.replace_with(|q| q.shared = None);
                    }>{w.merge}</button>
                    <button type="button" on:click=move |_| {
                        favs.replace(&other2);
                        route.replace_with(|q| q.shared = None);
                    }>{w.replace}</button>
                    <a href=href on:click=move |ev| if in_place(&ev) { route.navigate(back.clone()) }>{w.see_mine}</a>
                </p>
            }
        });
        let gone: Vec<String> = changes
            .iter()
            .filter(|(_, c)| *c == Change::Gone)
            .map(|(id, _)| {
                let title = shown
                    .iter()
                    .find(|f| &f.id == id)
                    .and_then(|f| f.title.clone())
                    .unwrap_or_else(|| id.as_str().to_owned());
                format!("{}{title}{}", w.gone.0, w.gone.1)
            })
            .collect();
        let changes_notice = (!changes.is_empty()).then(|| {
            view! {
                <div class="agenda-notice">
                    <p>{w.changes}</p>
                    {gone.into_iter().map(|g| view! { <p>{g}</p> }).collect_view()}
                    <button type="button" on:click=move |_| favs.acknowledge()>{w.seen}</button>
                </div>
            }
        });
        let actions = if n == 0 {
            view! { <p class="agenda-empty">{w.no_favs}</p> }.into_any()
        } else if !is_shared {
            view! {
                <p class="agenda-actions">
                    <CalendarButton programme=p.clone() one=None label=w.ics_all status=status />
                    <button type="button" on:click=|_| browser::print()>{w.print}</button>
                </p>
                <ToolStatus status=status />
            }
            .into_any()
        } else {
            ().into_any()
        };
        let share = share_url.map(|url| view! { <Share w=w url=url status=status /> });
        // The calendar, printing and the share link, folded on a phone so that the favourites
        // come on its first screen.
        let tools = if n > 0 && !is_shared {
            view! {
                <details class="agenda-mine-tools" open=browser::wide()>
                    <summary>{w.tools}</summary>
                    {actions}
                    {share}
                </details>
            }
            .into_any()
        } else {
            view! { {actions}{share} }.into_any()
        };
        let days = plan
            .into_iter()
            .map(|day| {
                let heading = format!("agenda-mine-{}", day.day);
                let labelled = heading.clone();
                let items = day
                    .items
                    .into_iter()
                    .map(|item| match item {
                        PlanItem::Session { at, clashes } => {
                            let notes = notes(&p, w, lang, route, at, &clashes, &changes);
                            view! {
                                <SessionCard programme=p.clone() at=at />
                                {notes}
                            }
                            .into_any()
                        }
                        PlanItem::Free { from, to, on } => {
                            view! { <FreeTime programme=p.clone() from=from to=to on=on /> }
                                .into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <section class="agenda-mine-day" aria-labelledby=labelled>
                        <h3 id=heading>{long_date(lang, day.day)}</h3>
                        {items}
                    </section>
                }
            })
            .collect_view();
        let words = if count == 1 {
            w.favs_count_one
        } else {
            w.favs_count_many
        };
        view! {
            <p class="agenda-count" role="status">{format!("{count} {words}")}</p>
            {shared_actions}
            {changes_notice}
            {tools}
            {days}
        }
    };
    Some(view! {
        <section class="agenda-mine" node_ref=section>
            <h2 id=HEADING_ID tabindex="-1" node_ref=heading>
                {move || if shared.with(Option::is_some) { w.shared_title } else { t.my_favs }}
            </h2>
            {body}
        </section>
    })
}

/// Under a favourite's card: what it overlaps, and what changed since it was chosen.
fn notes(
    p: &Programme,
    w: &'static MineTexts,
    lang: agenda_core::Lang,
    route: Route,
    at: usize,
    clashes: &[usize],
    changes: &[(agenda_core::SessionId, Change)],
) -> impl IntoView {
    let clashes = clashes
        .iter()
        .map(|&other| {
            let o = &p.sessions[other];
            let note = format!(
                "{}{}{} ({}–{})",
                w.clash.0,
                p.pick(&o.title, lang),
                w.clash.1,
                route.hh_mm(&o.start),
                route.hh_mm(&o.end)
            );
            view! { <p class="agenda-clash">{note}</p> }
        })
        .collect_view();
    let s = &p.sessions[at];
    let changed = changes
        .iter()
        .filter(|(id, _)| id == &s.id)
        .filter_map(|(_, change)| match change {
            Change::Moved { from } => DateTime::parse(from).ok().map(|d| {
                format!(
                    "{}{}, {}",
                    w.moved,
                    long_date(lang, d.date),
                    route.hh_mm(&d)
                )
            }),
            Change::RoomChanged { from } => Some(format!(
                "{}{}",
                w.room_changed,
                p.room(&RoomId(from.clone()))
                    .map_or(from.as_str(), |r| p.pick(&r.name, lang))
            )),
            _ => None,
        })
        .map(|note| view! { <p class="agenda-changed">{note}</p> })
        .collect_view();
    view! { {clashes}{changed} }
}

/// Free time between favourites, and what is on then behind a disclosure.
#[component]
fn FreeTime(
    programme: Arc<Programme>,
    from: DateTime,
    to: DateTime,
    on: Vec<usize>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let w = mine_texts(lang);
    let free = format!(
        "{}{}{}{} — ",
        w.free.0,
        route.hh_mm(&from),
        w.free.1,
        route.hh_mm(&to)
    );
    if on.is_empty() {
        return view! { <p class="agenda-free">{format!("{free}{}", w.free_none)}</p> }.into_any();
    }
    let words = if on.len() == 1 {
        w.free_on.0
    } else {
        w.free_on.1
    };
    let summary = format!("{free}{} {words}", on.len());
    let p = &programme;
    let items = on
        .iter()
        .map(|&at| {
            let s = &p.sessions[at];
            let room = s
                .room
                .as_ref()
                .and_then(|r| p.room(r))
                .map(|r| format!(" · {}", p.pick(&r.name, lang)));
            let title = p.pick(&s.title, lang).to_owned();
            view! {
                <li>
                    {format!("{}–{} ", route.hh_mm(&s.start), route.hh_mm(&s.end))}
                    <SessionLink id=s.id.clone()>{title}</SessionLink>
                    {room}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="agenda-free">
            <summary>{summary}</summary>
            <ul>{items}</ul>
        </details>
    }
    .into_any()
}

/// "Partager mes favoris": the link, "Copier le lien", and its QR code drawn here (no service
/// sees the visitor's favourites), as an image.
#[component]
fn Share(
    w: &'static MineTexts,
    url: String,
    status: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let t = texts(Route::get().lang());
    let input = NodeRef::<leptos::html::Input>::new();
    let qr = RwSignal::new(None::<agenda_core::qr::Code>);
    let (link, value) = (url.clone(), url.clone());
    let copy = move |_| {
        // Selected either way, so that the visitor can copy it themselves.
        if let Some(i) = input.get_untracked() {
            i.select();
        }
        if browser::copy(&link) {
            status.set(Some(t.copied));
        }
    };
    let show_qr = move |_| match agenda_core::qr::code(&url) {
        Some(code) => qr.set(Some(code)),
        None => status.set(Some(t.tool_failed)),
    };
    let code = move || {
        qr.get().map(|code| {
            let side = code.side.to_string();
            let view_box = format!("0 0 {side} {side}");
            view! {
                <svg xmlns="http://www.w3.org/2000/svg" viewBox=view_box role="img"
                    aria-label=t.qr_label shape-rendering="crispEdges">
                    <rect width=side.clone() height=side fill="#fff"></rect>
                    <path fill="#000" d=code.path></path>
                </svg>
            }
        })
    };
    view! {
        <details class="agenda-share">
            <summary>{w.share}</summary>
            <p>{w.share_help}</p>
            <p>
                <input id="agenda-share-link" readonly value=value aria-label=w.share_link node_ref=input />
                <button type="button" on:click=copy>{w.copy}</button>
                <button type="button" on:click=show_qr>{w.show_qr}</button>
            </p>
            <div id="agenda-qr" class="agenda-qr">{code}</div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::share_link;
    use agenda_core::favourites::Favourites;
    use agenda_core::Query;

    #[test]
    fn a_share_link_carries_the_programme_the_language_and_the_selection() {
        let favs = Favourites::from_share("ouverture,~algorithmes");
        let q = Query::parse("?programme=programmes%2Fx.json&lang=en&q=abc&day=2026-02-10&fav=1");
        assert_eq!(
            share_link("http://h/a/?q=abc#top", &q, &favs),
            "http://h/a/?programme=programmes%2Fx.json&lang=en&fav=1&shared=ouverture%2C~algorithmes"
        );
    }
}
