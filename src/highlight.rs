//! What the search matched, marked in the cards shown with the CSS Custom Highlight API
//! (`::highlight(agenda-search)` in the stylesheet): ranges over the text nodes already there, so
//! that marking changes no DOM node. A browser without the API shows no marks, and nothing else
//! changes.
//!
//! Each card of the agenda registers its marked texts (title, speakers, abstract) in [`Marks`];
//! after each search, once the cards found are on screen, one pass marks the matches of the cards
//! shown, a slice at a time (the texts are folded the first time a search needs them).

use agenda_core::search::{Marked, SearchQuery};
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use std::cell::OnceCell;
use wasm_bindgen::{JsCast, JsValue};

/// The page's `Highlight` (a set of ranges) registered as "agenda-search", with its `add` and
/// `clear` methods, if the browser has the API.
struct Registry {
    highlight: JsValue,
    add: Function,
    clear: Function,
}

thread_local! {
    static SEARCH: Option<Registry> = register();
}

fn get(on: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(on, &name.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

fn method(on: &JsValue, name: &str) -> Option<Function> {
    get(on, name)?.dyn_into::<Function>().ok()
}

fn register() -> Option<Registry> {
    let window: JsValue = crate::browser::window()?.into();
    let ctor = method(&window, "Highlight")?;
    let registry = get(&window, "CSS").and_then(|css| get(&css, "highlights"))?;
    let highlight = Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    method(&registry, "set")?
        .call2(&registry, &"agenda-search".into(), &highlight)
        .ok()?;
    Some(Registry {
        add: method(&highlight, "add")?,
        clear: method(&highlight, "clear")?,
        highlight,
    })
}

/// A card's texts that the search marks, their text nodes, and their folded forms once needed.
struct CardTexts {
    nodes: Vec<web_sys::Node>,
    texts: Vec<String>,
    folded: OnceCell<Vec<Marked>>,
}

/// The marked texts of the agenda's cards, by the session's position in the programme.
#[derive(Clone, Copy)]
pub struct Marks {
    cards: StoredValue<Vec<Option<CardTexts>>, LocalStorage>,
    /// The number of the pass under way: a new search stops the one before.
    pass: StoredValue<u32>,
    /// The search marked now, for cards drawn after its pass.
    search: StoredValue<Option<std::rc::Rc<SearchQuery>>, LocalStorage>,
}

impl Marks {
    pub fn new(sessions: usize) -> Marks {
        Marks {
            cards: StoredValue::new_local((0..sessions).map(|_| None).collect()),
            pass: StoredValue::new(0),
            search: StoredValue::new_local(None),
        }
    }

    /// A card drawn: its texts, with the text node each is in; marked at once when it is
    /// `shown` while a search is.
    pub fn register(&self, at: usize, texts: Vec<(web_sys::Node, String)>, shown: bool) {
        let (nodes, texts) = texts.into_iter().unzip();
        let card = CardTexts {
            nodes,
            texts,
            folded: OnceCell::new(),
        };
        if let (true, Some(search)) = (shown, self.search.get_value()) {
            mark_card(&card, &search);
        }
        self.cards.update_value(|c| {
            if let Some(slot) = c.get_mut(at) {
                *slot = Some(card);
            }
        });
    }

    /// A card gone.
    pub fn unregister(&self, at: usize) {
        let _ = self.cards.try_update_value(|c| {
            if let Some(slot) = c.get_mut(at) {
                *slot = None;
            }
        });
    }

    /// Marks what `search` matched in the cards at `shown` positions, a slice at a time when the
    /// browser is idle; a later call stops this one.
    pub fn mark(&self, search: SearchQuery, shown: Vec<usize>) {
        let pass = self.pass.get_value().wrapping_add(1);
        self.pass.set_value(pass);
        SEARCH.with(|r| {
            if let Some(r) = r {
                let _ = r.clear.call0(&r.highlight);
            }
        });
        let search = (!search.is_empty()).then(|| std::rc::Rc::new(search));
        self.search.set_value(search.clone());
        if let Some(search) = search {
            self.slice(pass, search, shown, 0);
        }
    }

    fn slice(self, pass: u32, search: std::rc::Rc<SearchQuery>, shown: Vec<usize>, from: usize) {
        const CARDS: usize = 15;
        crate::browser::when_idle(move || {
            if self.pass.try_get_value() != Some(pass) {
                return;
            }
            let end = (from + CARDS).min(shown.len());
            self.cards.with_value(|cards| {
                for &at in &shown[from..end] {
                    if let Some(Some(card)) = cards.get(at) {
                        mark_card(card, &search);
                    }
                }
            });
            if end < shown.len() {
                self.slice(pass, search, shown, end);
            }
        });
    }
}

fn mark_card(card: &CardTexts, search: &SearchQuery) {
    let folded = card
        .folded
        .get_or_init(|| card.texts.iter().map(|t| Marked::new(t)).collect());
    SEARCH.with(|r| {
        let Some(r) = r else { return };
        for (node, text) in card.nodes.iter().zip(folded) {
            let Some(doc) = node.owner_document() else {
                continue;
            };
            for span in search.highlights_in(text) {
                let Ok(range) = doc.create_range() else {
                    continue;
                };
                if range.set_start(node, span.start).is_ok()
                    && range.set_end(node, span.end).is_ok()
                {
                    let _ = r.add.call1(&r.highlight, &range);
                }
            }
        }
    });
}
