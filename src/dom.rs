//! Small browser helpers. Each one does nothing, rather than panic, when the browser refuses.

use crate::components::finder::Change;
use agenda_core::filter::{Facet, FacetOption, Found};
use agenda_core::search::{Marked, SearchQuery};
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
    let summary = details
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(summary) = summary {
        let _ = summary.focus();
    }
    true
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

/// The element with this id, if it is in the page.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
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

/// The cards, time slots and day sections as drawn, and how they were last shown: kept from one
/// pass to the next (the agenda's effect hands it back), so that a keystroke only touches what
/// changes. Rebuilt when other days are drawn.
#[derive(Default)]
pub struct Drawn {
    /// Which days were drawn when this was built (see the agenda's effect).
    pub key: (usize, Option<Date>),
    /// Each card: its position in the programme, its element, its `data-mark` text nodes with
    /// their text, and whether it was last shown.
    cards: Vec<Card>,
    /// Each time slot and day section, with the indexes (in `cards`) of the cards in it, and
    /// whether it was last shown.
    groups: Vec<(web_sys::Element, Vec<usize>, bool)>,
    built: bool,
}

struct Card {
    at: usize,
    el: web_sys::Element,
    texts: Vec<(web_sys::Node, Marked)>,
    shown: bool,
}

impl Drawn {
    fn build(root: &web_sys::Element, key: (usize, Option<Date>)) -> Drawn {
        let mut cards = Vec::new();
        for el in all(root, "[data-at]") {
            let Some(at) = el.get_attribute("data-at").and_then(|a| a.parse().ok()) else {
                continue;
            };
            let texts = all(&el, "[data-mark]")
                .filter_map(|m| {
                    let node = m.first_child()?;
                    let text = Marked::new(&node.text_content()?);
                    Some((node, text))
                })
                .collect();
            let shown = !el.has_attribute("hidden");
            cards.push(Card {
                at,
                el,
                texts,
                shown,
            });
        }
        // Card index by programme position, to read each group's cards by their `data-at`.
        let mut index = Vec::new();
        for (i, c) in cards.iter().enumerate() {
            if index.len() <= c.at {
                index.resize(c.at + 1, None);
            }
            index[c.at] = Some(i);
        }
        let groups = all(root, ".agenda-day-section, .agenda-slot")
            .map(|g| {
                let inside: Vec<usize> = all(&g, "[data-at]")
                    .filter_map(|c| c.get_attribute("data-at")?.parse::<usize>().ok())
                    .filter_map(|at| index.get(at).copied().flatten())
                    .collect();
                let shown = !g.has_attribute("hidden");
                (g, inside, shown)
            })
            .collect();
        Drawn {
            key,
            cards,
            groups,
            built: true,
        }
    }
}

/// Sets `hidden` on an element when it is not already so (a DOM write is what costs).
fn set_shown(el: &web_sys::Element, was: &mut bool, on: bool) {
    if *was != on {
        let _ = el.toggle_attribute_with_force("hidden", !on);
        *was = on;
    }
}

/// Shows a selection in the agenda under `root`, in one pass:
/// - each card (`data-at`, its position in the programme) shown or hidden, and what the search
///   matched in its `data-mark` texts highlighted (the CSS highlight API: no DOM change); day
///   sections and time slots left empty hidden;
/// - the count (`role="status"`), what is there only while filtering (`data-when="filtering"`)
///   or when nothing matches (`data-when="empty"`);
/// - each filter checkbox (`data-facet`) checked or not, with its number of sessions;
/// - each day link (`data-day`) with its address and `aria-current`;
/// - the search box's text, when the URL changed it (back, forward, "Tout effacer").
///
/// `drawn` is what the previous pass left (rebuilt here when `key`, the days drawn, changed).
pub fn show_found(
    root: &web_sys::Element,
    s: &Shown,
    drawn: &mut Drawn,
    key: (usize, Option<Date>),
) {
    if !drawn.built || drawn.key != key {
        *drawn = Drawn::build(root, key);
    }
    let sel = &s.found.selection;
    let filtering = sel.is_filtering();
    let ranges = js_sys::Array::new();
    let document = document();
    for card in &mut drawn.cards {
        let on = s.found.shown.get(card.at).copied().unwrap_or(true);
        set_shown(&card.el, &mut card.shown, on);
        if !on {
            continue;
        }
        for (node, text) in &card.texts {
            for r in s.search.highlights_in(text) {
                let Some(range) = document.as_ref().and_then(|d| d.create_range().ok()) else {
                    continue;
                };
                if range.set_start(node, r.start).is_ok() && range.set_end(node, r.end).is_ok() {
                    ranges.push(&range);
                }
            }
        }
    }
    highlight(&ranges);
    let Drawn { cards, groups, .. } = drawn;
    for (el, inside, was) in groups.iter_mut() {
        let on = inside.iter().any(|&i| cards[i].shown);
        set_shown(el, was, on);
    }
    for el in all(root, "[role=status]") {
        set_text(&el, s.status);
    }
    for el in all(root, "[data-when]") {
        let on = match el.get_attribute("data-when").as_deref() {
            Some("filtering") => filtering,
            _ => filtering && s.found.count == 0,
        };
        set_attr(&el, "hidden", (!on).then_some(""));
    }
    for el in all(root, "input[data-facet]") {
        show_option(el, s.options);
    }
    for link in all(root, "a[data-day]") {
        let day = link
            .get_attribute("data-day")
            .and_then(|d| Date::parse(&d).ok());
        set_attr(&link, "href", Some(&(s.day_href)(day)));
        set_attr(&link, "aria-current", (day == sel.day).then_some("date"));
    }
    let search = document
        .and_then(|d| d.get_element_by_id(crate::components::finder::SEARCH_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = search {
        // Left alone while it already says the same: its caret stays where the visitor typed.
        if input.value() != sel.q {
            input.set_value(&sel.q);
        }
    }
}

/// Highlights `ranges` as what the search matched (`::highlight(agenda-search)` in the
/// stylesheet): `CSS.highlights.set("agenda-search", new Highlight(...ranges))`. A browser
/// without the API shows no highlight, and nothing else changes.
fn highlight(ranges: &js_sys::Array) {
    use js_sys::Reflect;
    let Some(window) = web_sys::window() else {
        return;
    };
    let get = |on: &wasm_bindgen::JsValue, name: &str| Reflect::get(on, &name.into()).ok();
    let Some(ctor) = get(&window, "Highlight").and_then(|c| c.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let registry = get(&window, "CSS").and_then(|css| get(&css, "highlights"));
    let set = registry
        .as_ref()
        .and_then(|r| get(r, "set"))
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(registry), Some(set), Ok(h)) = (registry, set, Reflect::construct(&ctor, ranges)) {
        let _ = set.call2(&registry, &"agenda-search".into(), &h);
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
    if input.checked() != option.chosen {
        input.set_checked(option.chosen);
    }
    let counter = input
        .parent_element()
        .and_then(|label| label.query_selector(".agenda-option-count").ok().flatten());
    if let Some(counter) = counter {
        set_text(&counter, &format!(" ({})", option.count));
    }
}

/// Sets an element's text when it says something else (a DOM write is what costs).
fn set_text(el: &web_sys::Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// A toggle button's `aria-pressed`.
fn set_pressed(el: &web_sys::Element, on: bool) {
    set_attr(el, "aria-pressed", Some(if on { "true" } else { "false" }));
}

/// Sets an attribute when it has another value, or removes it (`None`) when it is there.
fn set_attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let now = el.get_attribute(name);
    if now.as_deref() == value {
        return;
    }
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
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
    /// "Liste" or "Grille" chosen (`Some`: "list" or "grid"), or the window resized (`None`).
    Layout(Option<String>),
    /// The event's times or the visitor's.
    Times,
    /// "Aller à maintenant", with the instant it was drawn for.
    Now(i64),
}

/// Reads an `input`, `click` or `resize` event: the search box's new text, a filter checkbox's
/// facet and value (`data-facet`), "Tout effacer" (`data-action="clear"`), "Liste" or "Grille"
/// (`data-layout-choice`), or a new window size.
pub fn finder_event(ev: &web_sys::Event) -> Option<Action> {
    if ev.type_() == "resize" {
        return Some(Action::Layout(None));
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if ev.type_() == "click" {
        let el = target
            .closest("[data-action], [data-layout-choice]")
            .ok()??;
        if let Some(choice) = el.get_attribute("data-layout-choice") {
            return Some(Action::Layout(Some(choice)));
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

/// Stores a value; false when the browser refuses (no storage, or setItem throws: private
/// browsing, a blocked third-party frame, a full quota).
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The sessions of `p` that changed since this browser last showed the programme at `url`; the
/// programme is then remembered as it is now (storage refused: nothing is marked).
pub fn changed_since_last_visit(url: &str, p: &agenda_core::Programme) -> Vec<usize> {
    let key = format!("agenda:seen:{url}");
    let changed = agenda_core::seen::changed(p, &remembered(&key).unwrap_or_default());
    store(&key, &agenda_core::seen::fingerprints(p));
    changed
}

/// Marks the cards under `root` whose session changed since the last visit ("modifié").
pub fn mark_changed(root: &web_sys::Element, changed: &[usize], word: &str) {
    for at in changed {
        let when = root
            .query_selector(&format!("[data-at=\"{at}\"] .agenda-session-when"))
            .ok()
            .flatten();
        if let Some(when) = when.filter(|w| w.query_selector(".agenda-modified").ok().flatten().is_none()) {
            let _ = when.insert_adjacent_html(
                "beforeend",
                &format!(" <span class=\"agenda-modified\">{word}</span>"),
            );
        }
    }
}

/// Whether this browser lets the page store anything (tried with a throwaway key).
pub fn can_store() -> bool {
    let ok = store("agenda:probe", "1");
    if let Some(s) = storage() {
        let _ = s.remove_item("agenda:probe");
    }
    ok
}

/// What a click in the page asks of the favourites, if anything: a star (`[data-fav]`), a
/// calendar file (`[data-ics]`: one session, or all favourites when empty), or a button of "Mes
/// favoris" (`[data-mine]`). The click is then theirs only.
pub enum FavClick {
    Star(agenda_core::SessionId),
    Ics(Option<agenda_core::SessionId>),
    Mine(String),
}

pub fn fav_click(ev: &web_sys::MouseEvent) -> Option<FavClick> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("[data-fav],[data-ics],[data-mine]").ok()??;
    ev.prevent_default();
    let value = |name: &str| el.get_attribute(name);
    if let Some(id) = value("data-fav") {
        Some(FavClick::Star(agenda_core::SessionId(id)))
    } else if let Some(id) = value("data-ics") {
        Some(FavClick::Ics(
            Some(id).filter(|i| !i.is_empty()).map(agenda_core::SessionId),
        ))
    } else {
        value("data-mine").map(FavClick::Mine)
    }
}

/// The star that has focus, if one has: its session's id.
pub fn focused_star() -> Option<String> {
    document()?.active_element()?.get_attribute("data-fav")
}

/// Gives focus back to a session's star after its view was drawn anew; false if it is not there.
pub fn focus_star(id: &str) -> bool {
    let star = document()
        .and_then(|d| d.query_selector(&format!("[data-fav=\"{}\"]", id.replace(['"', '\\'], ""))).ok()?)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    star.is_some_and(|s| s.focus().is_ok())
}

/// Moves focus to the element a view marks for it (`[data-focus]`: its title), if any.
pub fn focus_marked(root: &web_sys::Element) {
    let el = root
        .query_selector("[data-focus]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Whether keyboard focus is inside `root`.
pub fn has_focus(root: &web_sys::Element) -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| root.contains(Some(&a)))
}

/// An address of this page (a view's `?…`) made absolute, to be shared.
pub fn absolute(href: &str) -> Option<String> {
    let base = web_sys::window()?.location().href().ok()?;
    Some(web_sys::Url::new_with_base(href, &base).ok()?.href())
}

/// Sets the text of the element with this id (a status line).
pub fn say(id: &str, text: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.set_text_content(Some(text));
    }
}

/// Puts trusted markup (SVG the worker drew) into the element with this id.
pub fn put_html(id: &str, html: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.set_inner_html(html);
    }
}

/// The share link's text: copied to the clipboard when the browser allows, else selected so
/// that the visitor can copy it themselves. True when copied.
pub fn copy_link(id: &str) -> bool {
    let Some(input) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return false;
    };
    input.select();
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
    clipboard.is_some_and(|c| {
        // The promise's outcome is not awaited: the text is selected either way.
        let _ = c.write_text(&input.value());
        true
    })
}

/// The text of the input with this id (empty if there is none).
pub fn input_value(id: &str) -> String {
    document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Hands a text file to the browser as a download (a calendar file).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let (Ok(url), Some(doc)) = (web_sys::Url::create_object_url_with_blob(&blob), document()) else {
        return false;
    };
    let ok = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|a| {
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", name);
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

/// The browser's print dialog ("Mes favoris" has a print style sheet).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Sets each star (`[data-fav]`) under `root`: pressed or not, its name saying what a press does
/// ("Ajouter « titre » à mes favoris" / "Retirer … de mes favoris"), ★ or ☆.
pub fn show_favourites(
    root: &web_sys::Element,
    favs: &agenda_core::favourites::Favourites,
    p: &agenda_core::Programme,
    t: &crate::texts::Texts,
) {
    for star in all(root, "[data-fav]") {
        let Some(id) = star.get_attribute("data-fav").map(agenda_core::SessionId) else {
            continue;
        };
        let on = favs.contains(&id);
        let title = p.session(&id).map_or("", |s| s.title.as_str());
        let (before, after) = if on { t.remove_fav } else { t.add_fav };
        let label = format!("{before}{title}{after}");
        set_pressed(&star, on);
        set_attr(&star, "aria-label", Some(&label));
        set_text(&star, if on { "★" } else { "☆" });
    }
}

/// How the markup writes times and links in this page (see `agenda_view::markup::Env`).
pub fn env(local: bool) -> agenda_view::markup::Env {
    agenda_view::markup::Env {
        local,
        local_hh_mm,
        path: page_path(),
    }
}

/// The page's path: the address of the view with no parameter.
pub fn page_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "./".into())
}

/// "14:05" in the visitor's zone, which the browser knows (no zone database in the wasm).
fn local_hh_mm(dt: &agenda_core::DateTime) -> String {
    let d = js_date(dt);
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// The browser's `Date` for a programme date-time (its instant, whatever the offset written).
fn js_date(dt: &agenda_core::DateTime) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        dt.instant() as f64 * 1000.0,
    ))
}

/// The visitor's time zone (IANA id) when it differs from the event's during the event: some
/// session's offset from UTC in the visitor's zone is not the programme's. `None` when they
/// agree, or the browser does not say.
pub fn visitor_zone(p: &agenda_core::Programme) -> Option<String> {
    let differs = p.sessions.iter().any(|s| {
        let d = js_date(&s.start);
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
pub fn remember_layout(choice: &str) {
    if let Some(list) = document().and_then(|d| d.get_element_by_id(LIST_ID)) {
        let _ = list.set_attribute("data-layout-chosen", choice);
    }
    let _ = store(LAYOUT_KEY, choice);
}

/// Sets the agenda's layout (`data-layout="list"` or `"grid"` on `root`, which the stylesheet
/// follows) and the switch's `aria-pressed`: the visitor's choice this visit, else the page's
/// `?view=`, else the visitor's stored choice, else the grid when `root` is wide enough and there are rooms to make columns of.
pub fn show_layout(root: &web_sys::Element, can_grid: bool) {
    let choice = root
        .get_attribute("data-layout-chosen")
        // `?view=list|grid`, a partner's choice for its embedded agenda, which js/page.js puts
        // on <html> (it costs the wasm less than a URL parameter of the core's).
        .or_else(|| document()?.document_element()?.get_attribute("data-view"))
        .or_else(|| remembered(LAYOUT_KEY));
    let grid = match choice.as_deref() {
        Some("grid") => true,
        Some("list") => false,
        _ => can_grid && root.client_width() >= GRID_MIN_WIDTH,
    };
    let layout = if grid { "grid" } else { "list" };
    set_attr(root, "data-layout", Some(layout));
    for button in all(root, "[data-layout-choice]") {
        let pressed = button.get_attribute("data-layout-choice").as_deref() == Some(layout);
        set_pressed(&button, pressed);
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
