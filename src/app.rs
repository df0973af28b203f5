//! The root component: reads the URL, loads the programme it names, and shows the agenda, the
//! loading text or the error.

use crate::api::{load_programme, DEFAULT_PROGRAMME};
use crate::browser;
use crate::components::{agenda::Agenda, error_view::ErrorView};
use crate::error::AppError;
use crate::state::route::Route;
use crate::texts::texts;
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
enum Load {
    Loading,
    /// The programme, and the positions of its sessions that changed since this browser last
    /// showed it (see `agenda_core::seen`).
    Ready(Arc<Programme>, Arc<Vec<usize>>),
    Failed(AppError),
}

#[component]
pub fn App(
    /// The programme already read: the page's first view drawn at build time (see
    /// [`crate::prerender`]). Otherwise the app fetches the one the URL names.
    #[prop(optional)]
    programme: Option<Arc<Programme>>,
) -> impl IntoView {
    let route = Route::provide();
    let lang = route.lang_signal();
    let local_times = route.local_times_signal();
    Effect::new(move |_| browser::set_html_lang(lang.get().tag()));

    let query = route.query();
    let programme_url = Memo::new(move |_| {
        query
            .with(|q| q.programme.clone())
            .unwrap_or_else(|| DEFAULT_PROGRAMME.to_owned())
    });
    let given = programme.is_some();
    let load = RwSignal::new(match programme {
        Some(p) => Load::Ready(p, Arc::default()),
        None => Load::Loading,
    });
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        if given {
            return;
        }
        let url = programme_url.get();
        attempt.track();
        // (Loading already at first: not drawn twice.)
        if !load.with_untracked(|l| matches!(l, Load::Loading)) {
            load.set(Load::Loading);
        }
        leptos::task::spawn_local(async move {
            // Asked for in a task of its own, after the page's first drawing: the file is
            // already on its way (the page preloads it, js/prerender.js).
            crate::api::next_task().await;
            let result = load_programme(&url).await;
            // What was read is drawn in a task of its own: a phone's main thread is never held
            // by reading and drawing a large programme at once.
            crate::api::next_task().await;
            // A slow answer for a programme the visitor has since left is dropped.
            if programme_url.get_untracked() != url {
                return;
            }
            load.set(match result {
                Ok(p) => {
                    let changed = changed_since_last_visit(&url, &p);
                    Load::Ready(Arc::new(p), Arc::new(changed))
                }
                Err(e) => Load::Failed(e),
            });
        });
    });

    // A programme that could not be read: the page's pre-rendered view, if shown, gives way to
    // the error (js/prerender.js); a programme read announces itself once drawn (`Agenda`).
    Effect::new(move |_| {
        if load.with(|l| matches!(l, Load::Failed(_))) {
            set_timeout(
                || browser::announce("agenda-drawn"),
                std::time::Duration::ZERO,
            );
        }
    });

    view! {
        <div class="agenda">
            // Everything below is rendered anew when the language changes, or the times' zone.
            {move || match (load.get(), lang.get(), local_times.get()).0 {
                Load::Loading => view! {
                    <p class="agenda-loading" aria-live="polite" aria-busy="true">{texts(lang.get_untracked()).loading}</p>
                }
                .into_any(),
                Load::Failed(error) => view! { <ErrorView error=error on_retry=move || attempt.update(|n| *n += 1) /> }.into_any(),
                Load::Ready(programme, changed) => view! { <Agenda programme=programme changed=changed /> }.into_any(),
            }}
        </div>
    }
}

/// The sessions of `p` that changed since this browser last showed the programme at `url`; the
/// programme is then remembered as it is now (storage refused: nothing is marked).
fn changed_since_last_visit(url: &str, p: &Programme) -> Vec<usize> {
    let key = format!("agenda:seen:{url}");
    let changed = agenda_core::seen::changed(p, &browser::remembered(&key).unwrap_or_default());
    browser::store(&key, &agenda_core::seen::fingerprints(p));
    changed
}
