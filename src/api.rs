//! Fetching the programme file (gloo-net). The URL is the one in `?programme=` (relative to the
//! page, or absolute), else `programme.json` beside `index.html`. A schedule 2.0, frab or pretalx export is read
//! by a web worker, off the page's thread.

use crate::browser;
use crate::error::AppError;
use agenda_core::{convert, parse_json, read_own_parsed, Programme};
use futures::future::{select, Either};
use std::future::Future;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const DEFAULT_PROGRAMME: &str = "programme.json";

/// How long the programme may take to arrive before the page says so (a venue's network can
/// accept a request and never answer it).
const TIMEOUT_MS: i32 = 15_000;

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = browser::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(timer).await;
}

/// Lets the browser run what waits (a tap, a frame) before going on.
pub async fn next_task() {
    sleep(0).await;
}

/// Waits for `work`, or gives up with [`AppError::Timeout`] after [`TIMEOUT_MS`].
async fn within_time<T>(work: impl Future<Output = T>) -> Result<T, AppError> {
    let (work, timer) = (std::pin::pin!(work), std::pin::pin!(sleep(TIMEOUT_MS)));
    match select(work, timer).await {
        Either::Left((value, _)) => Ok(value),
        Either::Right(_) => Err(AppError::Timeout),
    }
}

/// Fetches and reads a programme.
pub async fn load_programme(url: &str) -> Result<Programme, AppError> {
    let response = within_time(gloo_net::http::Request::get(url).send())
        .await?
        .map_err(|_| AppError::Network)?;
    if !response.ok() {
        return Err(AppError::Http(response.status()));
    }
    // Its bytes, copied into the wasm's memory as they are: `text()` would have the browser
    // decode them into a JS string, then encode that back into UTF-8 for Rust (about 70 ms for a
    // 1 MB programme on a phone-class CPU). Bytes that are not UTF-8 read as U+FFFD, as `text()`
    // reads them; a byte order mark is skipped by the readers.
    let bytes = within_time(response.binary())
        .await?
        .map_err(|_| AppError::Network)?;
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    // Parsed, then read in the next task: at 1000 sessions, on a phone, each takes about as long
    // as the two did in one.
    let parsed = parse_json(&text).map_err(AppError::Programme)?;
    next_task().await;
    match read_own_parsed(&parsed).map_err(AppError::Programme)? {
        Some(programme) => Ok(programme),
        None => {
            drop(parsed);
            read_in_worker(text).await
        }
    }
}

/// Has the worker read a schedule 2.0, frab or pretalx export: it says "ready", is sent the text, answers once
/// (see [`convert::answer`]) and is stopped. A worker that cannot start (offline before it was
/// ever fetched) is a network error, with "Réessayer".
async fn read_in_worker(text: String) -> Result<Programme, AppError> {
    let worker = web_sys::Worker::new(&browser::worker_script()).map_err(|_| AppError::Network)?;
    let (tx, rx) = futures::channel::oneshot::channel::<Option<String>>();
    // The one answer, or `None` when the worker fails: whichever comes first.
    let tx = std::rc::Rc::new(std::cell::Cell::new(Some(tx)));
    let answer_to = tx.clone();
    let w = worker.clone();
    // Kept until the answer has come (dropped at the end of this function, with the worker's
    // handlers), not forgotten.
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            match e.data().as_string() {
                Some(ready) if ready == "ready" => {
                    let _ = w.post_message(&wasm_bindgen::JsValue::from_str(&text));
                }
                answer => {
                    if let Some(tx) = answer_to.take() {
                        let _ = tx.send(answer);
                    }
                }
            }
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(tx) = tx.take() {
            let _ = tx.send(None);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let answer = within_time(rx).await;
    worker.set_onmessage(None);
    worker.set_onerror(None);
    worker.terminate();
    drop((on_message, on_error));
    let answer = answer?.ok().flatten().ok_or(AppError::Network)?;
    convert::read_answer(&answer).map_err(AppError::Programme)
}
