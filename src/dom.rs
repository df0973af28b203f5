//! Small browser helpers. Each one does nothing, rather than panic, when the browser refuses.

use agenda_core::search::SearchQuery;
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

/// Shows the cards (elements with `data-at`, a position in the programme) that `shown` says, hides
/// the others and the day sections left empty, and marks in each shown card's `data-mark`
/// elements what the search matched. The marks are escaped HTML from the core; an element's text
/// is its `textContent`, so marking again starts from the plain text.
pub fn show_selection(root: &web_sys::Element, shown: &[bool], q: &SearchQuery) {
    for card in all(root, "[data-at]") {
        let at = card
            .get_attribute("data-at")
            .and_then(|a| a.parse::<usize>().ok());
        let on = at.and_then(|at| shown.get(at)).copied().unwrap_or(true);
        let _ = card.toggle_attribute_with_force("hidden", !on);
        if !on {
            continue;
        }
        for el in all(&card, "[data-mark]") {
            let text = el.text_content().unwrap_or_default();
            match q.marked_html(&text) {
                Some(html) => el.set_inner_html(&html),
                None if el.child_element_count() > 0 => el.set_text_content(Some(&text)),
                None => {}
            }
        }
    }
    for section in all(root, "section") {
        let empty = section
            .query_selector("[data-at]:not([hidden])")
            .ok()
            .flatten()
            .is_none();
        let _ = section.toggle_attribute_with_force("hidden", empty);
    }
}

/// The elements under `root` that match `selector` (none if the browser refuses the selector).
fn all(root: &web_sys::Element, selector: &str) -> impl Iterator<Item = web_sys::Element> {
    let list = root.query_selector_all(selector).ok();
    let n = list.as_ref().map_or(0, |l| l.length());
    (0..n).filter_map(move |i| list.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
}

/// Sets each filter checkbox under `root` (`input[data-facet]`, its value the option's) as
/// `state(facet, value)` says: whether it is chosen, and the number of sessions it would give,
/// written in the label's `.agenda-option-count`.
pub fn show_options(root: &web_sys::Element, state: &dyn Fn(usize, &str) -> Option<(bool, usize)>) {
    for el in all(root, "input[data-facet]") {
        let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() else {
            continue;
        };
        let facet = input
            .get_attribute("data-facet")
            .and_then(|f| f.parse::<usize>().ok());
        let Some((chosen, count)) = facet.and_then(|f| state(f, &input.value())) else {
            continue;
        };
        input.set_checked(chosen);
        let counter = input
            .parent_element()
            .and_then(|label| label.query_selector(".agenda-option-count").ok().flatten());
        if let Some(counter) = counter {
            counter.set_text_content(Some(&format!(" ({count})")));
        }
    }
}

/// The filter option a change event comes from: its facet (`data-facet`) and value.
pub fn changed_option(ev: &web_sys::Event) -> Option<(usize, String)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let facet = input.get_attribute("data-facet")?.parse().ok()?;
    Some((facet, input.value()))
}
