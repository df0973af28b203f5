//! The agenda's web app: Leptos components over the pure `agenda-core`. It fetches a static
//! programme file and renders it entirely in the browser.

mod api;
mod app;
mod browser;
mod components;
mod error;
mod highlight;
mod state;

use agenda_view::texts;

use wasm_bindgen::JsCast;

/// Mounts the app in `#agenda-root`, replacing the "loading" text that `index.html` shows while
/// the wasm downloads (or in `<body>` if a host page has no such element).
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("agenda-root"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, app::App).forget();
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}
