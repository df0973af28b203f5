//! The agenda's sections (programme, speakers, "Mes favoris") and the language switch.

use crate::state::route::{in_place, Route};
use crate::texts::texts;
use agenda_core::{Lang, Page, Query};
use leptos::prelude::*;

/// The sections, each a view of the same programme.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Agenda,
    Speakers,
    Mine,
}

impl Section {
    /// The address of this section from the view `q`: each keeps the programme and the
    /// language; the agenda keeps the day, the search and the filters too.
    fn from(self, q: &Query) -> Query {
        let base = Query {
            programme: q.programme.clone(),
            lang: q.lang,
            ..Query::default()
        };
        match self {
            Section::Agenda => Query {
                page: Page::Agenda,
                session: None,
                fav: false,
                shared: None,
                ..q.clone()
            },
            Section::Speakers => Query {
                page: Page::Speakers,
                ..base
            },
            Section::Mine => Query { fav: true, ..base },
        }
    }

    /// Whether the view `q` is this section (a session's view is none).
    fn is_shown(self, q: &Query) -> bool {
        q.session.is_none()
            && match self {
                Section::Agenda => q.page == Page::Agenda && !q.fav,
                Section::Speakers => q.page == Page::Speakers,
                Section::Mine => q.page == Page::Agenda && q.fav,
            }
    }
}

/// The id of the language switch, which keeps focus when the agenda is drawn in the other
/// language.
const LANG_SWITCH_ID: &str = "agenda-lang-switch";

#[component]
pub fn SectionNav() -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let query = route.query();
    let t = texts(lang);
    let links = [
        (Section::Agenda, t.programme),
        (Section::Speakers, t.speakers),
        (Section::Mine, t.my_favs),
    ]
    .into_iter()
    .map(|(section, label)| {
        let href = move || query.with(|q| Route::href(&section.from(q)));
        let current = move || query.with(|q| section.is_shown(q).then_some("page"));
        let go = move |ev: leptos::ev::MouseEvent| {
            if in_place(&ev) {
                route.navigate(query.with_untracked(|q| section.from(q)));
            }
        };
        view! { <li><a href=href aria-current=current on:click=go>{label}</a></li> }
    })
    .collect_view();

    // The other language: the whole agenda is drawn anew in it, and focus stays on this link.
    let (other, tag) = match lang {
        Lang::Fr => (Some(Lang::En), "en"),
        Lang::En => (None, "fr"),
    };
    let in_other = move |q: &Query| Query {
        lang: other,
        ..q.clone()
    };
    let switch = move |ev: leptos::ev::MouseEvent| {
        if in_place(&ev) {
            route.focus_when_drawn(LANG_SWITCH_ID);
            route.navigate(query.with_untracked(in_other));
        }
    };
    // The agenda is drawn anew in the other language (its header a task later): focus comes
    // back to the switch.
    let link = NodeRef::<leptos::html::A>::new();
    Effect::new(move |_| {
        if let Some(a) = link.get() {
            if route.takes_focus(LANG_SWITCH_ID) {
                let _ = a.focus();
            }
        }
    });
    view! {
        <nav class="agenda-sections" aria-label=t.sections>
            <ul>{links}</ul>
            <a class="agenda-lang-switch" id=LANG_SWITCH_ID hreflang=tag lang=tag node_ref=link
                aria-label=t.switch_language_label
                href=move || query.with(|q| Route::href(&in_other(q)))
                on:click=switch>
                {t.switch_language}
            </a>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::Section;
    use agenda_core::Query;

    #[test]
    fn sections_keep_what_they_should() {
        let q = Query::parse("?programme=p.json&lang=en&q=data&day=2026-02-10&session=x");
        let agenda = Section::Agenda.from(&q);
        assert_eq!(
            agenda.to_search(),
            "?programme=p.json&lang=en&day=2026-02-10&q=data"
        );
        assert!(Section::Agenda.is_shown(&agenda));
        let speakers = Section::Speakers.from(&q);
        assert_eq!(
            speakers.to_search(),
            "?programme=p.json&lang=en&page=speakers"
        );
        assert!(Section::Speakers.is_shown(&speakers) && !Section::Agenda.is_shown(&speakers));
        let mine = Section::Mine.from(&q);
        assert_eq!(mine.to_search(), "?programme=p.json&lang=en&fav=1");
        assert!(
            Section::Mine.is_shown(&mine) && !Section::Mine.is_shown(&q),
            "a session's view is no section"
        );
    }
}
