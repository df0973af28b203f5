//! What the search matched, marked in the cards' text with the CSS Custom Highlight API
//! (`::highlight(agenda-search)` in the stylesheet): ranges over the text nodes already there, so
//! that a keystroke changes no DOM node. A browser without the API shows no highlight, and
//! nothing else changes. One `Highlight` for the page, registered once.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The page's `Highlight` (a set of ranges) registered as "agenda-search", if the browser has
    /// the API.
    static SEARCH: Option<JsValue> = register();
}

fn get(on: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(on, &name.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

fn register() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let ctor = get(&window, "Highlight")?.dyn_into::<Function>().ok()?;
    let registry = get(&window, "CSS").and_then(|css| get(&css, "highlights"))?;
    let set = get(&registry, "set")?.dyn_into::<Function>().ok()?;
    let highlight = Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    set.call2(&registry, &"agenda-search".into(), &highlight)
        .ok()?;
    Some(highlight)
}

/// Calls the page's highlight's `add` or `delete` with `range`.
fn call(method: &str, range: &web_sys::Range) {
    SEARCH.with(|h| {
        let Some(h) = h else { return };
        if let Some(f) = get(h, method).and_then(|f| f.dyn_into::<Function>().ok()) {
            let _ = f.call1(h, range);
        }
    });
}

/// Marks these ranges of `node`'s text (UTF-16 offsets); returns the ranges, to unmark them.
pub fn mark(node: &web_sys::Node, spans: &[std::ops::Range<u32>]) -> Vec<web_sys::Range> {
    let Some(doc) = node.owner_document() else {
        return Vec::new();
    };
    spans
        .iter()
        .filter_map(|r| {
            let range = doc.create_range().ok()?;
            range.set_start(node, r.start).ok()?;
            range.set_end(node, r.end).ok()?;
            call("add", &range);
            Some(range)
        })
        .collect()
}

/// Unmarks ranges marked by [`mark`].
pub fn unmark(ranges: Vec<web_sys::Range>) {
    for r in &ranges {
        call("delete", r);
    }
}
