//! A session's star: a toggle button (`aria-pressed`) named for what a press does ("Ajouter
//! « titre » à mes favoris" / "Retirer … de mes favoris"), ★ or ☆.

use crate::state::favourites::Favs;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::SessionId;
use leptos::prelude::*;

#[component]
pub fn Star(id: SessionId, title: String) -> impl IntoView {
    let t = texts(Route::get().lang());
    let favs = Favs::get();
    let on = favs.map_or_else(|| RwSignal::new(false), |f| f.starred(&id));
    let label = move || {
        let (before, after) = if on.get() { t.remove_fav } else { t.add_fav };
        format!("{before}{title}{after}")
    };
    let press = move |_| {
        if let Some(f) = favs {
            f.toggle(&id);
        }
    };
    view! {
        // Inert, and seen to be, in the page's pre-rendered view: no press is lost before the
        // app takes over.
        <button type="button" class="agenda-fav" disabled=!crate::browser::live()
            aria-pressed=move || on.get().to_string()
            aria-label=label on:click=press>
            {move || if on.get() { "★" } else { "☆" }}
        </button>
    }
}
