//! The few browser calls the components need, each doing nothing (rather than panic) when the
//! browser refuses: storage, the document's title and language, focus and scrolling, the clock
//! and the visitor's time zone, downloads, the clipboard and printing.
//!
//! Natively (the page's first view rendered at build time, see [`crate::prerender`]) there is no
//! browser: every call finds none and does nothing, as a browser that refuses would, and the
//! components draw what a fresh visitor's browser would show at the bare address.

use agenda_core::{DateTime, Programme};
use wasm_bindgen::JsCast;

/// The browser's window; none natively (calling into JavaScript there would panic).
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    return None;
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Whether the view is drawn in a browser: false when it is drawn natively at build time (the
/// page's pre-rendered first view, whose controls stay inert until the app takes over).
pub fn live() -> bool {
    // Asked by every card (its star): answered once (finding the window is a call into
    // JavaScript and a type check each time).
    thread_local!(static LIVE: bool = window().is_some());
    LIVE.with(|live| *live)
}

/// Tells the page's scripts that something happened (`agenda-start`, `agenda-drawn`: see
/// `js/prerender.js`), as an event on the document.
pub fn announce(name: &str) {
    if let Some(d) = document() {
        if let Ok(e) = web_sys::Event::new(name) {
            let _ = d.dispatch_event(&e);
        }
    }
}

/// Sets `<html lang>` so screen readers pick the right voice.
pub fn set_html_lang(tag: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", tag);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// `?view=list|grid`, a partner's choice for its embedded agenda, which `js/page.js` puts on
/// `<html data-view>`.
pub fn page_view_choice() -> Option<String> {
    document()?.document_element()?.get_attribute("data-view")
}

/// The address of the worker that reads frab and pretalx exports (crates/agenda-worker), beside
/// `index.html`: its name carries its content's hash in a built site, which `js/page.js` puts on
/// `<html data-worker>`.
pub fn worker_script() -> String {
    document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-worker"))
        .unwrap_or_else(|| "agenda-worker_loader.js".into())
}

/// Folds away the open `<details>` that holds focus, if any, and gives focus to its summary (so
/// that it is not lost to the page); false when focus is in no open panel.
pub fn fold_focused_details() -> bool {
    let details = document()
        .and_then(|d| d.active_element())
        .and_then(|a| a.closest("details[open]").ok().flatten());
    let Some(details) = details else {
        return false;
    };
    let _ = details.remove_attribute("open");
    if let Some(summary) = details
        .first_element_child()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = summary.focus();
    }
    true
}

pub fn scroll_y() -> f64 {
    window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

pub fn scroll_to_y(y: f64) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves keyboard focus to the element with this id; false when it is not in the page.
pub fn focus_id(id: &str) -> bool {
    html_element(id).is_some_and(|el| el.focus().is_ok())
}

/// Moves focus to `el` in the next frame, the one that draws it: its layout then serves both
/// (focusing at once makes the browser lay the page out in the tap's own task, and again in the
/// frame).
pub fn focus_in_frame(el: web_sys::HtmlElement) {
    if window().is_some() {
        leptos::prelude::request_animation_frame(move || {
            let _ = el.focus();
        });
    }
}

/// Whether keyboard focus is inside `el`.
pub fn has_focus_within(el: &web_sys::Element) -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| el.contains(Some(&a)))
}

/// Brings the element with this id into view (its top at the top of the window).
pub fn scroll_into_view(id: &str) {
    if let Some(el) = html_element(id) {
        el.scroll_into_view();
    }
}

/// Whether the page is at least 40 rem wide: wider than a phone held upright.
pub fn wide() -> bool {
    window()
        .and_then(|w| w.inner_width().ok()?.as_f64())
        .is_some_and(|w| w >= 40.0 * rem_px())
}

/// The root font size in CSS pixels (16 unless the visitor enlarged their text).
pub fn rem_px() -> f64 {
    let size = || {
        let w = window()?;
        let root = w.document()?.document_element()?;
        let style = w.get_computed_style(&root).ok()??;
        let px = style.get_property_value("font-size").ok()?;
        // Whole pixels are enough here (and parsing an integer keeps a float parser, about
        // 15 KB of wasm, out of the page).
        px.split(['.', 'p']).next()?.parse::<u32>().ok()
    };
    size().filter(|s| *s > 0).map_or(16.0, f64::from)
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

/// A value kept in this browser, if storage allows and there is one.
pub fn remembered(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores a value; false when the browser refuses (no storage, or setItem throws: private
/// browsing, a blocked third-party frame, a full quota).
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Whether this browser lets the page store anything (tried with a throwaway key).
pub fn can_store() -> bool {
    // Natively, drawn as a fresh visitor's browser shows it: one that keeps favourites.
    if window().is_none() {
        return true;
    }
    let ok = store("agenda:probe", "1");
    if let Some(s) = storage() {
        let _ = s.remove_item("agenda:probe");
    }
    ok
}

/// The page's path: the address of the view with no parameter.
pub fn page_path() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into())
}

/// The page's full address, to build a share link from.
pub fn page_address() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The browser's clock, in seconds since the epoch.
pub fn now() -> i64 {
    #[cfg(target_arch = "wasm32")]
    return (js_sys::Date::now() / 1000.0) as i64;
    // Never called natively (the clock is the browser's); the epoch, before any programme.
    #[cfg(not(target_arch = "wasm32"))]
    return 0;
}

/// The browser's `Date` for a programme date-time (its instant, whatever the offset written).
fn js_date(dt: &DateTime) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        dt.instant() as f64 * 1000.0,
    ))
}

/// "14:05" in the visitor's zone, which the browser knows (no zone database in the wasm).
pub fn local_hh_mm(dt: &DateTime) -> String {
    if window().is_none() {
        return dt.time.hh_mm();
    }
    let d = js_date(dt);
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Whether the visitor's time zone differs from the event's during the event: some session's
/// offset from UTC in the visitor's zone is not the programme's.
///
/// A start time shared by the session before (the programme's order keeps parallel sessions
/// together) is not asked again: a `Date` for each of 1000 sessions cost a phone-class CPU about
/// 20 ms.
pub fn zone_differs(p: &Programme) -> bool {
    if window().is_none() {
        return false;
    }
    let mut before = None;
    p.sessions.iter().any(|s| {
        let start = (s.start.instant(), s.start.offset_minutes);
        if before.replace(start) == Some(start) {
            return false;
        }
        // getTimezoneOffset is UTC minus local, in minutes.
        -(js_date(&s.start).get_timezone_offset() as i32) != i32::from(s.start.offset_minutes)
    })
}

/// The visitor's time zone (IANA id), if the browser says. Costly the first time (the browser
/// loads its time zone data: tens of milliseconds on a phone).
pub fn visitor_zone() -> Option<String> {
    window()?;
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &wasm_bindgen::JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

/// Hands a text file to the browser as a download (a calendar file); false when it refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let (Ok(url), Some(doc)) = (web_sys::Url::create_object_url_with_blob(&blob), document())
    else {
        return false;
    };
    let link = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let ok = link.is_some_and(|a| {
        a.set_href(&url);
        a.set_download(name);
        a.click();
        true
    });
    // Let go of the file once the browser has surely taken it.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(20),
    );
    ok
}

/// Puts a text on the clipboard, when the browser allows; false when it has no clipboard.
pub fn copy(text: &str) -> bool {
    let clipboard = window().map(|w| w.navigator().clipboard());
    clipboard.is_some_and(|c| {
        // The promise's outcome is not awaited: the link is selected on the page either way.
        let _ = c.write_text(text);
        true
    })
}

/// The browser's print dialog ("Mes favoris" has a print style sheet).
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Runs `f` when the browser is idle (or soon, where it has no idle callback): long work in
/// short slices, between the visitor's taps.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = window() else {
        return;
    };
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let has_idle = js_sys::Reflect::has(&w, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle {
        let _ = w.request_idle_callback(f.unchecked_ref());
    } else {
        let _ = w.set_timeout_with_callback(f.unchecked_ref());
    }
}

/// Runs `f` in a task of its own, right after the tasks already queued (a message the page posts
/// to itself: no timer's minimum delay, no wait for an idle period). Between two such tasks the
/// browser handles the visitor's input and draws its frames.
pub fn soon(f: impl FnOnce() + 'static) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return when_idle(f);
    };
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    channel.port1().set_onmessage(Some(f.unchecked_ref()));
    let _ = channel
        .port2()
        .post_message(&wasm_bindgen::JsValue::UNDEFINED);
}

/// Runs `f` in a task of its own once the next frame is drawn: what the visitor does not see (the
/// address bar) waits until the answer to their tap is on screen.
pub fn after_frame(f: impl FnOnce() + 'static) {
    if window().is_some() {
        leptos::prelude::request_animation_frame(move || soon(f));
    }
}

/// Follows an element's width (CSS pixels) with a `ResizeObserver`: told after each layout that
/// changed it, before the frame is painted, and never forcing a layout of its own. Stops when
/// dropped.
pub struct WidthObserver {
    observer: web_sys::ResizeObserver,
    _on_resize: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl WidthObserver {
    pub fn new(
        el: &web_sys::Element,
        mut on_width: impl FnMut(f64) + 'static,
    ) -> Option<WidthObserver> {
        // The observer also reports each change of height (a list growing as its cards are
        // drawn): only a new width is passed on.
        let mut width = None;
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                let last = entries
                    .iter()
                    .filter_map(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                    .next_back();
                if let Some(entry) = last {
                    let now = entry.content_rect().width();
                    if width.replace(now) != Some(now) {
                        on_width(now);
                    }
                }
            },
        );
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(WidthObserver {
            observer,
            _on_resize: on_resize,
        })
    }
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
