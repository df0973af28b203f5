//! The agenda's web app: Leptos components over the pure `agenda-core`. It fetches a static
//! programme file and renders it entirely in the browser.

// The pre-rendered view's types (`ssr`: views resolved as futures) nest deeper than the default.
#![recursion_limit = "256"]

mod api;
mod app;
mod browser;
mod components;
mod error;
mod highlight;
#[cfg(feature = "ssr")]
mod prerender;
mod state;

#[cfg(feature = "ssr")]
pub use prerender::{prerender, Prerendered};

use agenda_view::texts;

use wasm_bindgen::JsCast;

/// Mounts the app in `#agenda-root`, replacing the "loading" text that `index.html` shows while
/// the wasm downloads (or in `<body>` if a host page has no such element).
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("agenda-root"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    // The page's pre-rendered view, if shown, sets its ids aside for the app's (js/prerender.js).
    browser::announce("agenda-start");
    // In a task of its own: compiling the wasm's start and running it (the browser compiles
    // each function the first time it runs) already make one task on a phone; the app's first
    // drawing, which runs a good part of its code for the first time, makes the next.
    leptos::prelude::set_timeout(
        move || match root {
            Some(root) => {
                root.set_inner_html("");
                leptos::mount::mount_to(root, || leptos::view! { <app::App /> }).forget();
            }
            None => leptos::mount::mount_to_body(|| leptos::view! { <app::App /> }),
        },
        std::time::Duration::ZERO,
    );
}
