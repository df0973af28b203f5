//! Fetching the programme file. The URL is the one in `?programme=` (relative to the page, or
//! absolute), else `programme.json` beside `index.html`.

use crate::error::AppError;
use agenda_core::{convert, read_own, Programme};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const DEFAULT_PROGRAMME: &str = "programme.json";

/// How long the programme may take to arrive before the page says so (a venue's network can
/// accept a request and never answer it).
const TIMEOUT_MS: i32 = 15_000;

/// Waits for `promise`, or gives up with [`AppError::Timeout`] after [`TIMEOUT_MS`]. The timer
/// resolves with `undefined`, which no awaited value here can be.
async fn within_time(
    window: &web_sys::Window,
    promise: js_sys::Promise,
) -> Result<wasm_bindgen::JsValue, AppError> {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, TIMEOUT_MS);
    });
    let value = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&promise, &timer)))
        .await
        .map_err(|_| AppError::Network)?;
    if value.is_undefined() {
        return Err(AppError::Timeout);
    }
    Ok(value)
}

/// Fetches and reads a programme. The browser's `fetch` is used directly: nothing more is needed
/// for one GET, and it keeps the wasm small.
pub async fn load_programme(url: &str) -> Result<Programme, AppError> {
    let window = web_sys::window().ok_or(AppError::Network)?;
    let response = within_time(&window, window.fetch_with_str(url)).await?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| AppError::Network)?;
    if !response.ok() {
        return Err(AppError::Http(response.status()));
    }
    let text = response.text().map_err(|_| AppError::Network)?;
    let text = within_time(&window, text).await?;
    let text = text.as_string().ok_or(AppError::Network)?;
    match read_own(&text).map_err(AppError::Programme)? {
        Some(programme) => Ok(programme),
        None => read_in_worker(&window, &text).await,
    }
}

/// The worker that reads frab and pretalx exports (crates/agenda-worker), beside `index.html`.
const WORKER: &str = "agenda-worker_loader.js";
/// The worker that draws the views seldom opened and makes calendar files and QR codes
/// (crates/agenda-tools).
pub const TOOLS: &str = "agenda-tools_loader.js";

/// Has the worker read a frab or pretalx export. A worker that cannot start (offline before it
/// was ever fetched) is a network error, with "Réessayer".
async fn read_in_worker(window: &web_sys::Window, text: &str) -> Result<Programme, AppError> {
    let answer = ask_worker(window, WORKER, text).await?;
    convert::read_answer(&answer).map_err(AppError::Programme)
}

/// Has the tools worker answer a request (see `agenda_core::tools`): "" when it could not.
pub async fn ask_tools(request: &agenda_core::tools::Request) -> String {
    match web_sys::window() {
        Some(w) => ask_worker(&w, TOOLS, &request.to_text())
            .await
            .unwrap_or_default(),
        None => String::new(),
    }
}

/// Sends one text to a new worker and waits for its one answer (see `crates/agenda-worker`): it
/// says "ready", is sent the text, answers once and is stopped.
pub async fn ask_worker(
    window: &web_sys::Window,
    url: &str,
    text: &str,
) -> Result<String, AppError> {
    let worker = web_sys::Worker::new(url).map_err(|_| AppError::Network)?;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let (w, text) = (worker.clone(), wasm_bindgen::JsValue::from_str(text));
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                if data.as_string().as_deref() == Some("ready") {
                    let _ = w.post_message(&text);
                } else {
                    let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &data);
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(&reject));
        // One small closure per request; it must outlive this function.
        on_message.forget();
    });
    let answer = within_time(window, answer).await;
    worker.terminate();
    answer?.as_string().ok_or(AppError::Network)
}
