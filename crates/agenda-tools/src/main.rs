//! The page's tools worker, started when a visitor asks for what it makes
//! ([`agenda_core::tools`]): the views seldom opened drawn as HTML (a session, the speakers, Mes
//! favoris: `agenda_view`), a calendar file of sessions, the QR code of a share link. So none of
//! that is in the page's own download, nor in the worker that reads frab and pretalx exports
//! (`crates/agenda-worker`, which a frab programme needs at once and is kept small for it).
//!
//! Protocol: the worker says `"ready"` once it listens; the page then sends one text (a file to
//! read, or a tool request); the worker answers once with a text.

use agenda_core::tools::{self, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            let scope = answer_to.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match Request::parse(&text) {
                    None => "not a request".to_owned(),
                    Some(Request::Qr { text, label }) => tools::qr(&text, &label),
                    Some(Request::View {
                        programme,
                        favourites,
                        query,
                        lang,
                        local,
                        base,
                    }) => match fetch_text(&scope, &programme).await {
                        Some(file) => view(&file, &favourites, &query, &lang, local, &base),
                        None => "unreachable".into(),
                    },
                    Some(Request::Ics { programme, ids, now }) => {
                        match fetch_text(&scope, &programme).await {
                            Some(file) => tools::ics(&file, &ids, &programme, now)
                                .unwrap_or_else(|e| e),
                            None => "unreachable".into(),
                        }
                    }
                };
                let _ = scope.post_message(&JsValue::from_str(&answer));
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// The programme file's text, fetched again (from the browser's cache or the service worker's
/// when it can): the page keeps only the model it read, not the file.
async fn fetch_text(scope: &web_sys::DedicatedWorkerGlobalScope, url: &str) -> Option<String> {
    let response = JsFuture::from(scope.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// The view the address asks for, as HTML: a session, the speakers, or "Mes favoris" (the
/// visitor's favourites, or the selection of a share link).
fn view(file: &str, favourites: &str, query: &str, lang: &str, local: bool, base: &str) -> String {
    use agenda_core::favourites::Favourites;
    use agenda_view::markup::{self, Env, Mine};
    let Ok(p) = agenda_core::read_programme(file) else {
        return "unreadable".into();
    };
    let q = agenda_core::Query::parse(query);
    let lang = agenda_core::Lang::parse(lang).unwrap_or(agenda_core::Lang::Fr);
    let t = agenda_view::texts::texts(lang);
    let env = Env {
        local,
        local_hh_mm,
        path: markup::path_of(base),
    };
    if let Some(id) = &q.session {
        return agenda_view::detail::session(t, lang, &p, id, &env);
    }
    if q.page == agenda_core::Page::Speakers {
        return markup::speakers(t, lang, &p, &q, &env);
    }
    let own = Favourites::from_storage(favourites).0;
    let shared = q.shared.as_deref().map(Favourites::from_share);
    let m = Mine {
        shown: shared.as_ref().unwrap_or(&own),
        shared: shared.is_some(),
        share_url: shared
            .is_none()
            .then(|| markup::share_link(base, &q, &own)),
    };
    markup::mine(t, lang, &p, &m, &q, &env)
}

/// "14:05" in the visitor's zone, which the browser knows (as the page does it, in `dom.rs`).
fn local_hh_mm(dt: &agenda_core::DateTime) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(dt.instant() as f64 * 1000.0));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}
