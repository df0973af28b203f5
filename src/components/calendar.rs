//! "Ajouter à mon calendrier": a calendar file (RFC 5545, see `agenda_core::ical`) of one session
//! or of all favourites, made from the programme the page holds and handed to the browser as a
//! download; a status line says it was.

use crate::api::DEFAULT_PROGRAMME;
use crate::browser;
use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::{DateTime, Programme, SessionId};
use leptos::prelude::*;
use std::sync::Arc;

/// A calendar file's name: `mes-favoris.ics`, or one session's id in letters, digits and dashes.
pub fn file_name(one: Option<&SessionId>) -> String {
    let Some(id) = one else {
        return "mes-favoris.ics".to_owned();
    };
    let safe: String = id
        .as_str()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("seance-{}.ics", safe.trim_matches('-'))
}

/// The button; its outcome is said in `status` (see [`ToolStatus`]).
#[component]
pub fn CalendarButton(
    programme: Arc<Programme>,
    /// One session, or all favourites.
    one: Option<SessionId>,
    label: &'static str,
    status: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let route = Route::get();
    let t = texts(route.lang());
    let favs = Favs::get();
    let make = move |_| {
        let p = &programme;
        let positions: Vec<usize> = (0..p.sessions.len())
            .filter(|&at| {
                let id = &p.sessions[at].id;
                match &one {
                    Some(one) => id == one,
                    None => favs.is_some_and(|f| f.contains_untracked(id)),
                }
            })
            .collect();
        // The programme's address identifies its sessions across exports (their UIDs).
        let key = route.query().with_untracked(|q| {
            q.programme
                .clone()
                .unwrap_or_else(|| DEFAULT_PROGRAMME.to_owned())
        });
        let now = DateTime::from_instant(browser::now(), 0);
        let text = agenda_core::ical::calendar_in(p, &positions, &key, &now, route.lang());
        let done = !positions.is_empty()
            && browser::download(
                &file_name(one.as_ref()),
                "text/calendar;charset=utf-8",
                &text,
            );
        status.set(Some(if done { t.ics_done } else { t.tool_failed }));
    };
    view! { <button type="button" on:click=make>{label}</button> }
}

/// Where the calendar file and the share link's tools say how it went.
#[component]
pub fn ToolStatus(status: RwSignal<Option<&'static str>>) -> impl IntoView {
    view! { <p id="agenda-tool-status" class="agenda-tool-status" role="status">{move || status.get()}</p> }
}

#[cfg(test)]
mod tests {
    use super::file_name;
    use agenda_core::SessionId;

    #[test]
    fn calendar_files_are_named_safely() {
        assert_eq!(file_name(None), "mes-favoris.ics");
        assert_eq!(
            file_name(Some(&SessionId("ouverture".into()))),
            "seance-ouverture.ics"
        );
        assert_eq!(
            file_name(Some(&SessionId("../a b/é".into()))),
            "seance-a-b.ics"
        );
    }
}
