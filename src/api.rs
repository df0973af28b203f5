//! Fetching the programme file. The URL is the one in `?programme=` (relative to the page, or
//! absolute), else `programme.json` beside `index.html`.

use crate::error::AppError;
use agenda_core::{read_programme, Programme};
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
    read_programme(&text).map_err(AppError::Programme)
}
