//! Fetching the programme file. The URL is the one in `?programme=` (relative to the page, or
//! absolute), else `programme.json` beside `index.html`.

use crate::error::AppError;
use agenda_core::{read_programme, Programme};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const DEFAULT_PROGRAMME: &str = "programme.json";

/// Fetches and reads a programme. The browser's `fetch` is used directly: nothing more is needed
/// for one GET, and it keeps the wasm small.
pub async fn load_programme(url: &str) -> Result<Programme, AppError> {
    let window = web_sys::window().ok_or(AppError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| AppError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| AppError::Network)?;
    if !response.ok() {
        return Err(AppError::Http(response.status()));
    }
    let text = response.text().map_err(|_| AppError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| AppError::Network)?;
    let text = text.as_string().ok_or(AppError::Network)?;
    read_programme(&text).map_err(AppError::Programme)
}
