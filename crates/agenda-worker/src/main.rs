//! The page's web worker. The page starts it only for a schedule 2.0, frab or pretalx export: it
//! reads the file with the full readers and answers with the programme in the agenda's format and
//! the problems in words ([`agenda_core::convert`]). So those readers stay out of the page's own
//! download, and a large export is read without freezing the page.
//!
//! Protocol: the worker says `"ready"` once it listens; the page then sends the file's text; the
//! worker answers once with a JSON text.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let text = e.data().as_string().unwrap_or_default();
            // Writing the answer does not fail; were it to, the error's words are not JSON, and
            // the page says it could not read the answer.
            let answer = agenda_core::convert::answer(&text).unwrap_or_else(|e| e.to_string());
            let _ = answer_to.post_message(&JsValue::from_str(&answer));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
