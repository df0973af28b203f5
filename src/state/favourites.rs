//! The visitor's favourites for the programme shown: kept in this browser's localStorage under
//! the programme's own key (two programmes never share them), saved at each change, followed
//! from other tabs (the `storage` event). A stored text that is damaged gives back what can be
//! recovered; a browser that refuses storage (private browsing, a blocked third-party frame, a
//! full quota) keeps them for the visit, and the page says so.

use agenda_core::favourites::{storage_key, Favourites};
use agenda_core::{Programme, SessionId};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Favs {
    pub set: RwSignal<Favourites>,
    /// Whether the browser keeps them (false once it refused to store them).
    pub kept: RwSignal<bool>,
}

impl Favs {
    /// Reads the programme's favourites, follows other tabs and the star buttons' clicks
    /// (`[data-fav]`, anywhere in the page), and provides them.
    pub fn provide(programme: Arc<Programme>, programme_url: &str) -> Favs {
        let key = storage_key(programme_url);
        let stored = crate::dom::remembered(&key).unwrap_or_default();
        let favs = Favs {
            set: RwSignal::new(Favourites::from_storage(&stored).0),
            kept: RwSignal::new(crate::dom::can_store()),
        };
        let k = key.clone();
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(k.as_str()) {
                let text = ev.new_value().unwrap_or_default();
                favs.set.set(Favourites::from_storage(&text).0);
            }
        });
        let clicks = window_event_listener(leptos::ev::click, move |ev| {
            if let Some(id) = crate::dom::fav_click(&ev) {
                favs.toggle(&programme, &id, &key);
            }
        });
        on_cleanup(move || {
            storage.remove();
            clicks.remove();
        });
        provide_context(favs);
        favs
    }

    pub fn get() -> Option<Favs> {
        use_context::<Favs>()
    }

    fn toggle(&self, p: &Programme, id: &SessionId, key: &str) {
        self.set.update(|f| f.toggle(p, id));
        let text = self.set.with_untracked(|f| f.to_storage());
        if !crate::dom::store(key, &text) {
            self.kept.set(false);
        }
    }
}
