//! Small browser helpers. Each one does nothing, rather than panic, when the browser refuses.

use crate::components::finder::Change;
use agenda_core::filter::{Facet, FacetOption, Found};
use agenda_core::search::SearchQuery;
use agenda_core::Date;
use wasm_bindgen::JsCast;

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
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

pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

pub fn scroll_to_y(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Moves keyboard focus to the element with this id, without scrolling it away from view.
pub fn focus_id(id: &str) {
    let el = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// What the agenda's effect shows (see [`show_found`]).
pub struct Shown<'a> {
    pub found: &'a Found,
    pub search: &'a SearchQuery,
    /// The words of the `role="status"` count.
    pub status: &'a str,
    /// The options of each filter drawn, with their numbers.
    pub options: &'a [(Facet, Vec<FacetOption>)],
    /// The address of a day's link (`None`: every day) with the current search and filters.
    pub day_href: &'a dyn Fn(Option<Date>) -> String,
}

/// Shows a selection in the agenda under `root`, in one pass:
/// - each card (`data-at`, its position in the programme) shown or hidden, with what the search
///   matched marked in its `data-mark` elements; day sections and time slots left empty hidden;
/// - the count (`role="status"`), what is there only while filtering (`data-when="filtering"`)
///   or when nothing matches (`data-when="empty"`);
/// - each filter checkbox (`data-facet`) checked or not, with its number of sessions;
/// - each day link (`data-day`) with its address and `aria-current`;
/// - the search box's text, when the URL changed it (back, forward, "Tout effacer").
pub fn show_found(root: &web_sys::Element, s: &Shown) {
    let sel = &s.found.selection;
    let filtering = sel.is_filtering();
    for card in all(root, "[data-at]") {
        let at = card
            .get_attribute("data-at")
            .and_then(|a| a.parse::<usize>().ok());
        let on = at
            .and_then(|at| s.found.shown.get(at))
            .copied()
            .unwrap_or(true);
        let _ = card.toggle_attribute_with_force("hidden", !on);
        if on {
            mark(&card, s.search);
        }
    }
    for section in all(root, ".agenda-day-section, .agenda-slot") {
        let empty = section
            .query_selector("[data-at]:not([hidden])")
            .ok()
            .flatten()
            .is_none();
        let _ = section.toggle_attribute_with_force("hidden", empty);
    }
    for el in all(root, "[role=status]") {
        el.set_text_content(Some(s.status));
    }
    for el in all(root, "[data-when]") {
        let on = match el.get_attribute("data-when").as_deref() {
            Some("filtering") => filtering,
            _ => filtering && s.found.count == 0,
        };
        let _ = el.toggle_attribute_with_force("hidden", !on);
    }
    for el in all(root, "input[data-facet]") {
        show_option(el, s.options);
    }
    for link in all(root, "a[data-day]") {
        let day = link
            .get_attribute("data-day")
            .and_then(|d| Date::parse(&d).ok());
        let _ = link.set_attribute("href", &(s.day_href)(day));
        match day == sel.day {
            true => link.set_attribute("aria-current", "date"),
            false => link.remove_attribute("aria-current"),
        }
        .ok();
    }
    let search = document()
        .and_then(|d| d.get_element_by_id(crate::components::finder::SEARCH_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = search {
        // Left alone while it already says the same: its caret stays where the visitor typed.
        if input.value() != sel.q {
            input.set_value(&sel.q);
        }
    }
}

/// Marks what the search matched in a card's `data-mark` elements. The marks are escaped HTML
/// from the core; an element's text is its `textContent`, so marking again starts from the plain
/// text.
fn mark(card: &web_sys::Element, q: &SearchQuery) {
    for el in all(card, "[data-mark]") {
        let text = el.text_content().unwrap_or_default();
        match q.marked_html(&text) {
            Some(html) => el.set_inner_html(&html),
            None if el.child_element_count() > 0 => el.set_text_content(Some(&text)),
            None => {}
        }
    }
}

/// A filter checkbox: checked if its value is chosen, and the number of sessions it would give in
/// its label's `.agenda-option-count`.
fn show_option(el: web_sys::Element, options: &[(Facet, Vec<FacetOption>)]) {
    let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() else {
        return;
    };
    let facet = input
        .get_attribute("data-facet")
        .and_then(|f| f.parse::<usize>().ok());
    let value = input.value();
    let option = options
        .iter()
        .find(|(f, _)| Some(*f as usize) == facet)
        .and_then(|(_, os)| os.iter().find(|o| o.value == value));
    let Some(option) = option else { return };
    input.set_checked(option.chosen);
    let counter = input
        .parent_element()
        .and_then(|label| label.query_selector(".agenda-option-count").ok().flatten());
    if let Some(counter) = counter {
        counter.set_text_content(Some(&format!(" ({})", option.count)));
    }
}

/// The elements under `root` that match `selector` (none if the browser refuses the selector).
fn all(root: &web_sys::Element, selector: &str) -> impl Iterator<Item = web_sys::Element> {
    let list = root.query_selector_all(selector).ok();
    let n = list.as_ref().map_or(0, |l| l.length());
    (0..n).filter_map(move |i| list.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
}

/// What the visitor did in the agenda's finder, if anything its listener handles.
pub enum Action {
    /// A key in the search box, or a filter checkbox.
    Change(Change),
    /// "Tout effacer".
    Clear,
    /// "Liste" or "Grille" chosen (the choice is already stored), or the window resized.
    Layout,
    /// The event's times or the visitor's.
    Times,
    /// "Aller à maintenant", with the instant it was drawn for.
    Now(i64),
}

/// Reads an `input`, `click` or `resize` event: the search box's new text, a filter checkbox's
/// facet and value (`data-facet`), "Tout effacer" (`data-action="clear"`), "Liste" or "Grille"
/// (`data-layout-choice`, stored at once), or a new window size.
pub fn finder_event(ev: &web_sys::Event) -> Option<Action> {
    if ev.type_() == "resize" {
        return Some(Action::Layout);
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if ev.type_() == "click" {
        let el = target
            .closest("[data-action], [data-layout-choice]")
            .ok()??;
        if let Some(choice) = el.get_attribute("data-layout-choice") {
            remember_layout(&choice);
            return Some(Action::Layout);
        }
        return match el.get_attribute("data-action").as_deref() {
            Some("clear") => Some(Action::Clear),
            Some("times") => Some(Action::Times),
            Some("now") => el
                .get_attribute("data-now")
                .and_then(|n| n.parse().ok())
                .map(Action::Now),
            _ => None,
        };
    }
    let input = target.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    if input.get_attribute("id").as_deref() == Some(crate::components::finder::SEARCH_ID) {
        return Some(Action::Change(Change::Search(input.value())));
    }
    let facet = input.get_attribute("data-facet")?.parse::<usize>().ok()?;
    let facet = *Facet::ALL.get(facet)?;
    Some(Action::Change(Change::Toggle(facet, input.value())))
}

/// A click the route handles (see [`crate::state::route::Route::provide`]).
pub enum RouteClick {
    /// "Retour au programme" (`data-action="back"`).
    Back,
    /// A link to another view (`a[data-route]`): its address's query, and its id when it asks to
    /// keep focus (`data-keep-focus`) through the new rendering.
    To {
        search: String,
        keep_focus: Option<String>,
    },
}

/// What a click means to the route, if anything; when it does, the browser's own handling (the
/// link followed as a new page) is prevented.
pub fn route_click(ev: &web_sys::MouseEvent) -> Option<RouteClick> {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("a[data-route], [data-action=back]").ok()??;
    ev.prevent_default();
    let Some(href) = el.get_attribute("href") else {
        return Some(RouteClick::Back);
    };
    let search = href.find('?').map_or("", |i| &href[i..]).to_owned();
    let keep_focus = el
        .get_attribute("data-keep-focus")
        .and_then(|_| el.get_attribute("id"));
    Some(RouteClick::To { search, keep_focus })
}

/// The id of the agenda's list (search, filters, days), whose width decides the layout.
pub const LIST_ID: &str = "agenda-list";
/// Where the visitor's choice of list or grid is kept.
const LAYOUT_KEY: &str = "agenda-layout";
/// Below this width (in CSS pixels) the agenda is a list unless the visitor asks for the grid: a
/// grid column narrower than about 12 rem is not readable.
const GRID_MIN_WIDTH: i32 = 880;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Where the choice of the event's or the visitor's times is kept.
pub const TIMES_KEY: &str = "agenda-times";

/// A choice kept in this browser, if storage allows and there is one.
pub fn remembered(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Keeps a choice in this browser when storage allows (private browsing, a blocked third-party
/// frame or a full quota refuse: the choice then lasts the visit).
pub fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// "14:05" for a date-time: as the programme writes it (the event's own time), or in the
/// visitor's zone, which the browser knows (no zone database in the wasm).
pub fn hh_mm(dt: &agenda_core::DateTime, local: bool) -> String {
    if !local {
        return dt.time.hh_mm();
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        dt.instant() as f64 * 1000.0,
    ));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// The visitor's time zone (IANA id) when it differs from the event's during the event: some
/// session's offset from UTC in the visitor's zone is not the programme's. `None` when they
/// agree, or the browser does not say.
pub fn visitor_zone(p: &agenda_core::Programme) -> Option<String> {
    let differs = p.sessions.iter().any(|s| {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
            s.start.instant() as f64 * 1000.0,
        ));
        // getTimezoneOffset is UTC minus local, in minutes.
        -(d.get_timezone_offset() as i32) != s.start.offset_minutes as i32
    });
    if !differs {
        return None;
    }
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &wasm_bindgen::JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

/// Keeps the visitor's choice of layout: for the visit on the list itself (`data-layout-chosen`),
/// and in storage for the next ones, when the browser allows it (private browsing, a blocked
/// third-party frame or a full quota refuse; the choice then lasts the visit).
fn remember_layout(choice: &str) {
    if let Some(list) = document().and_then(|d| d.get_element_by_id(LIST_ID)) {
        let _ = list.set_attribute("data-layout-chosen", choice);
    }
    remember(LAYOUT_KEY, choice);
}

/// Sets the agenda's layout (`data-layout="list"` or `"grid"` on `root`, which the stylesheet
/// follows) and the switch's `aria-pressed`: the visitor's choice (this visit's, else the stored
/// one), else the grid when `root` is wide enough and there are rooms to make columns of.
pub fn show_layout(root: &web_sys::Element, can_grid: bool) {
    let choice = root
        .get_attribute("data-layout-chosen")
        .or_else(|| remembered(LAYOUT_KEY));
    let grid = match choice.as_deref() {
        Some("grid") => true,
        Some("list") => false,
        _ => can_grid && root.client_width() >= GRID_MIN_WIDTH,
    };
    let layout = if grid { "grid" } else { "list" };
    let _ = root.set_attribute("data-layout", layout);
    for button in all(root, "[data-layout-choice]") {
        let pressed = button.get_attribute("data-layout-choice").as_deref() == Some(layout);
        let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
    }
}

/// The layout again, after a choice or a new window size.
pub fn layout_changed(can_grid: bool) {
    if let Some(root) = document().and_then(|d| d.get_element_by_id(LIST_ID)) {
        show_layout(&root, can_grid);
    }
}

/// Shows the time slot that `now` falls in (or the next one) in the agenda, with focus on its
/// first link: "Aller à maintenant", once the day is drawn.
pub fn show_slot_at(now: i64) {
    let Some(list) = document().and_then(|d| d.get_element_by_id(LIST_ID)) else {
        return;
    };
    let slots: Vec<(i64, web_sys::Element)> = all(&list, ".agenda-slot[data-start]:not([hidden])")
        .filter_map(|el| Some((el.get_attribute("data-start")?.parse().ok()?, el)))
        .collect();
    let at = slots
        .iter()
        .rposition(|(start, _)| *start <= now)
        .or_else(|| slots.iter().position(|(start, _)| *start > now));
    if let Some((_, slot)) = at.and_then(|i| slots.get(i)) {
        slot.scroll_into_view();
        if let Some(link) = slot
            .query_selector("a")
            .ok()
            .flatten()
            .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = link.focus();
        }
    }
}

/// The browser's clock, in seconds since the epoch.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
