//! The visitor's favourites for the programme shown: kept in this browser's localStorage under
//! the programme's own key (two programmes never share them), saved at each change, followed
//! from other tabs (the `storage` event). A stored text that is damaged gives back what can be
//! recovered; a browser that refuses storage (private browsing, a blocked third-party frame, a
//! full quota) keeps them for the visit, and the page says so.

use crate::browser;
use agenda_core::favourites::{storage_key, Favourites};
use agenda_core::{Programme, SessionId};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Favs {
    set: RwSignal<Favourites>,
    /// Whether the browser keeps them (false once it refused to store them).
    kept: RwSignal<bool>,
    programme: StoredValue<Arc<Programme>>,
    key: StoredValue<String>,
    /// Whether each session whose star is drawn is a favourite: one signal per session, so that
    /// a star pressed wakes its own star only, not every star of the page.
    starred: StoredValue<HashMap<SessionId, ArcRwSignal<bool>>>,
}

impl Favs {
    /// Reads the programme's favourites, follows other tabs, and provides them.
    pub fn provide(programme: Arc<Programme>, programme_url: &str) -> Favs {
        let key = storage_key(programme_url);
        let stored = browser::remembered(&key).unwrap_or_default();
        let favs = Favs {
            set: RwSignal::new(Favourites::from_storage(&stored).0),
            kept: RwSignal::new(browser::can_store()),
            programme: StoredValue::new(programme),
            key: StoredValue::new(key),
            starred: StoredValue::new(HashMap::new()),
        };
        provide_context(favs);
        // Drawn natively (the page's pre-rendered first view): no other tab to follow.
        if browser::window().is_none() {
            return favs;
        }
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            if favs
                .key
                .with_value(|k| ev.key().as_deref() == Some(k.as_str()))
            {
                let text = ev.new_value().unwrap_or_default();
                favs.set.set(Favourites::from_storage(&text).0);
                favs.sync_stars();
            }
        });
        on_cleanup(move || storage.remove());
        favs
    }

    /// The favourites provided by the agenda (none outside it).
    pub fn get() -> Option<Favs> {
        use_context::<Favs>()
    }

    /// Reads the favourites, tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Favourites) -> R) -> R {
        self.set.with(f)
    }

    /// Whether this session is a favourite, followed by its star.
    pub fn starred(&self, id: &SessionId) -> RwSignal<bool> {
        let on = self.contains_untracked(id);
        let signal = self.starred.try_update_value(|m| {
            m.entry(id.clone())
                .or_insert_with(|| ArcRwSignal::new(on))
                .clone()
        });
        signal.map_or_else(|| RwSignal::new(on), RwSignal::from)
    }

    /// Each star drawn says what the favourites say now.
    fn sync_stars(&self) {
        self.set.with_untracked(|f| {
            self.starred.with_value(|m| {
                for (id, on) in m {
                    let now = f.contains(id);
                    if on.get_untracked() != now {
                        on.set(now);
                    }
                }
            })
        });
    }

    /// Whether this session is a favourite, now.
    pub fn contains_untracked(&self, id: &SessionId) -> bool {
        self.set.with_untracked(|f| f.contains(id))
    }

    /// Whether the browser keeps them, tracked.
    pub fn kept(&self) -> bool {
        self.kept.get()
    }

    /// Changes the favourites and stores them at once.
    fn change(&self, f: impl FnOnce(&mut Favourites, &Programme)) {
        let p = self.programme.get_value();
        self.set.update(|favs| f(favs, &p));
        self.sync_stars();
        let text = self.set.with_untracked(|f| f.to_storage());
        if !self.key.with_value(|k| browser::store(k, &text)) {
            self.kept.set(false);
        }
    }

    /// A star pressed.
    pub fn toggle(&self, id: &SessionId) {
        self.change(|f, p| f.toggle(p, id));
    }

    /// A shared selection added to the visitor's own.
    pub fn merge(&self, other: &Favourites) {
        self.change(|f, p| f.merge(p, other));
    }

    /// A shared selection taken instead of the visitor's own.
    pub fn replace(&self, other: &Favourites) {
        self.change(|f, p| {
            *f = Favourites::default();
            f.merge(p, other);
        });
    }

    /// "J’ai vu ces changements": the favourites record their sessions as they are now.
    pub fn acknowledge(&self) {
        self.change(|f, p| f.acknowledge(p));
    }
}
