//! The agenda proper: "En ce moment / À suivre", the search and filters, the day's choice, list
//! or grid, the count of sessions shown, then the sessions and breaks time slot by time slot: one
//! day, or every day while searching or filtering.
//!
//! The URL is the state: the selection it gives is found once per change ([`Found`], a memo), and
//! every card, slot and day shows or hides itself by it. Cards are drawn once, a few slots at a
//! time when the browser is idle (the day shown first, then the others), so that a search, a
//! filter or another day only shows and hides cards already there, and no long task holds the
//! page while the visitor may be tapping. What such a change shows or hides is set at once for
//! the answer's first screen, in the input's own frame, and for the other cards in short tasks
//! after it.

use crate::browser;
use crate::components::day_section::{self, DayPlan, DaySection};
use crate::components::finder::Finder;
use crate::components::now_panel::NowPanel;
use crate::components::session_card::link_id;
use crate::highlight::Marks;
use crate::state::route::{Layout, Route};
use crate::texts::texts;
use agenda_core::filter::{Facet, Finder as Find};
use agenda_core::now::parse_now;
use agenda_core::search::{SearchIndex, SearchQuery};
use agenda_core::Programme;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// More options than this (speakers of a large conference) are left to the search box: a list of
/// hundreds of checkboxes helps nobody.
const MAX_OPTIONS: usize = 40;
/// This many cards are drawn at once, for the first screen.
const FIRST_SCREEN: usize = 12;
/// This many cards are drawn in the first slice of idle work (a card takes a slow phone about
/// 5 ms); the next slices are sized by how long the last one took (see [`next_slice`]).
const SLICE: usize = 4;
/// What one slice of idle drawing may take, in milliseconds: well under the 50 ms of a long task,
/// since cards differ and a slice is sized by the pace of the one before (with 30 ms, slices of
/// 50 to 60 ms were seen on a phone-class CPU; the browser computes the new cards' style
/// afterwards, in a task of its own).
const SLICE_BUDGET_MS: f64 = 20.0;

/// At most this many cards in a slice, however fast the device: a phone-class CPU draws about
/// ten in [`SLICE_BUDGET_MS`] anyway; a laptop draws them in a few milliseconds, and slices of 48
/// took it 15 to 70 ms, which Lighthouse, reckoning a phone's time as four times the laptop's,
/// counted as blocking time (at 1000 sessions, four interleaved pairs of runs: 108–289 ms, median
/// 180, against 26–67 with this cap; the first day's cards on the slow profile as soon).
const MAX_SLICE: usize = 12;

/// While the day on screen is not drawn whole yet (the cards below its first screen, where a
/// visitor scrolls next), a device as slow as a phone draws slices of up to this long and this
/// many cards: each slice is followed by a frame, which on such a CPU with 1000 sessions drawn
/// costs 12 to 20 ms whatever the slice drew, so fewer, larger slices draw the day sooner (at
/// 1000 sessions on the slow profile, its 250 cards about 200 ms sooner), each still well under
/// the 50 ms of a long task. A faster device keeps the slices of [`MAX_SLICE`]: its frames are
/// cheap, and Lighthouse, reckoning a phone's time as four times the laptop's, counted its
/// slices of 24 cards as blocking time.
const SHOWN_BUDGET_MS: f64 = 24.0;
const MAX_SHOWN_SLICE: usize = 24;
/// A device that takes at least this long to draw a card (milliseconds) is as slow as a phone:
/// measured on this project's machine, 1.3 to 3 ms with the CPU slowed 4×, 0.3 to 0.75 ms
/// without.
const SLOW_PACE_MS: f64 = 1.0;

/// How many cards the next slice draws, after `cards` took `took_ms`: as many as fit in
/// [`SLICE_BUDGET_MS`] at that pace, at least 2, at most [`MAX_SLICE`] (on a slow device, for the
/// day on screen, `shown`: [`SHOWN_BUDGET_MS`] and [`MAX_SHOWN_SLICE`]), and at most twice as many
/// as the last (one fast slice, a garbage collection skipped, does not make the next one long).
fn next_slice(cards: usize, took_ms: f64, shown: bool) -> usize {
    let pace = took_ms.max(0.5) / cards.max(1) as f64;
    let (budget, cap) = if shown && pace >= SLOW_PACE_MS {
        (SHOWN_BUDGET_MS, MAX_SHOWN_SLICE)
    } else {
        (SLICE_BUDGET_MS, MAX_SLICE)
    };
    let fit = (budget / pace) as usize;
    fit.clamp(2, cap).min(cards.max(1) * 2)
}
/// Where the visitor's choice of list or grid is kept.
const LAYOUT_KEY: &str = "agenda-layout";
/// Below this width (in CSS pixels) the agenda is a list unless the visitor asks for the grid: a
/// grid column narrower than about 12 rem is not readable.
const GRID_MIN_WIDTH: i32 = 880;
/// Until the visitor chooses, the grid is shown only when all its columns fit: the times (4 rem)
/// and per room 12 rem, or what its titles' longest words need (`column_min`, tenths of a rem).
/// A grid of 25 rooms on a laptop would scroll sideways in its box, and cost every search its
/// layout; a list reads better there. (`rem`: the root font size in pixels.)
fn grid_fits(width: f64, rooms: usize, column_min: usize, rem: f64) -> bool {
    let column = (column_min as f64 / 10.0).max(12.0);
    let needed = (4.0 + column * rooms as f64) * rem;
    width >= f64::from(GRID_MIN_WIDTH) && width >= needed
}

/// The id of the agenda's list, whose width decides the layout.
const LIST_ID: &str = "agenda-list";

#[component]
pub fn SessionList(
    programme: Arc<Programme>,
    /// Sessions changed since the last visit, marked "modifié".
    changed: Arc<Vec<usize>>,
    /// Whether the agenda is the view shown (it stays drawn, hidden, while a session is open).
    shown: Signal<bool>,
) -> impl IntoView {
    let route = Route::get();
    let lang = route.lang();
    let t = texts(lang);
    let query = route.query();

    // What the URL's selection shows, found once per change of the selection.
    let selection = Memo::new(move |_| query.with(|q| q.selection()));
    let index = Index::new(programme.clone());
    let p = programme.clone();
    let found = Memo::new(move |_| {
        selection.with(|s| index.with(&s.q, |i| Find::new(&p, i).in_language(lang).find(s)))
    });
    // Whether each session passes the search and the filters, one signal each, set from what is
    // found: a card follows its own only (a thousand cards on one memo would each re-subscribe at
    // every keystroke). A day shows or hides as a whole, and the cards of a hidden day are left
    // as they were: coming back to a day touches no card, and a search flips only the cards of
    // the days it shows that change.
    let flags: Arc<Vec<RwSignal<bool>>> =
        Arc::new(found.with_untracked(|f| f.shown.iter().map(|&on| RwSignal::new(on)).collect()));
    let day_chosen = Memo::new(move |_| found.with(|f| f.selection.day));
    let marks = Marks::new(programme.sessions.len());
    let offered = found.with_untracked(|f| {
        index.with(&f.selection.q, |i| {
            Find::new(&programme, i)
                .in_language(lang)
                .offered(&f.selection, MAX_OPTIONS)
        })
    });
    let facets: Vec<Facet> = offered.iter().map(|(f, _)| *f).collect();
    let p = programme.clone();
    let options = Memo::new(move |_| {
        found.with(|f| {
            index.with(&f.selection.q, |i| {
                Find::new(&p, i).in_language(lang).options_for(&facets, f)
            })
        })
    });

    // Each day's slots, and how many of its cards are drawn: the day shown first, enough for the
    // first screen at once, the rest a slice at a time when the browser is idle.
    let plans: Arc<Vec<Arc<DayPlan>>> = Arc::new(
        programme
            .days
            .iter()
            .map(|&d| Arc::new(day_section::plan(&programme, d, t.no_room, lang)))
            .collect(),
    );
    let drawn: Vec<RwSignal<usize>> = plans.iter().map(|_| RwSignal::new(0)).collect();
    // Each change of the selection sets the flags that change: at once those of the answer's
    // first screen (the slots, in the order drawn, up to the one where FIRST_SCREEN cards are
    // shown), so that the input's own frame shows it; the others in short tasks after it.
    let showing = Showing {
        slots: Arc::new(
            plans
                .iter()
                .flat_map(|plan| plan.slots.iter().map(|slot| slot.positions().collect()))
                .collect(),
        ),
        flags: flags.clone(),
        programme: programme.clone(),
        found,
        generation: StoredValue::new(0),
    };
    Effect::new(move |_| {
        found.with(|found| {
            let generation = showing.generation.get_value().wrapping_add(1);
            showing.generation.set_value(generation);
            let first = first_part(&showing.slots, |at| showing.shows(found, at), FIRST_SCREEN);
            showing.set(found, 0..first);
            if first < showing.slots.len() {
                showing.clone().rest_soon(first, generation);
            }
            // What the search matched, marked once the cards found are on screen.
            let shown = (0..found.shown.len())
                .filter(|&at| found.shown[at])
                .collect();
            marks.mark(SearchQuery::new(&found.selection.q), shown);
        });
    });
    let drawing = Drawing {
        plans: StoredValue::new(plans.clone()),
        drawn: StoredValue::new(drawn.clone()),
        days: StoredValue::new(programme.days.clone()),
        found,
    };
    // The first screen's cards in the task after the list's own (its search, filters and days):
    // on a phone, each of the two is a short task. At build time, at once.
    if browser::live() {
        set_timeout(move || _ = drawing.step(FIRST_SCREEN), Duration::ZERO);
    } else {
        drawing.step(FIRST_SCREEN);
    }
    drawing.continue_when_idle(SLICE);
    // A day chosen later, before the idle drawing has reached it, shows its first screen at
    // once, not its first cards one slice after another.
    Effect::new(move |before: Option<()>| {
        let day = day_chosen.get();
        if let (Some(day), Some(())) = (day, before) {
            drawing.draw_at_least(day, FIRST_SCREEN);
        }
    });
    index.build_when_idle();

    // List or grid: the visitor's choice in this visit, else the page's `?view=`, else their
    // stored choice, else the grid when there are rooms to make columns of and they all fit.
    let rooms = programme.rooms.len();
    let can_grid = rooms > 1;
    let column_min = plans.iter().map(|p| p.column_min).max().unwrap_or(0);
    let root = NodeRef::<leptos::html::Div>::new();
    let wide = RwSignal::new(false);
    // Its width, followed without forcing a layout (a hidden list measures 0: left as it was).
    let observer = StoredValue::new_local(None::<browser::WidthObserver>);
    if can_grid {
        root.on_load(move |el| {
            let watch = browser::WidthObserver::new(&el, move |width| {
                if width > 0.0 {
                    wide.set(grid_fits(width, rooms, column_min, browser::rem_px()));
                }
            });
            observer.set_value(watch);
        });
    }
    let before = browser::page_view_choice()
        .or_else(|| browser::remembered(LAYOUT_KEY))
        .as_deref()
        .and_then(Layout::parse);
    let layout = Memo::new(move |_| match route.layout_choice.get().or(before) {
        Some(l) => l,
        None if can_grid && wide.get() => Layout::Grid,
        None => Layout::List,
    });
    let choose_layout = can_grid.then(|| {
        Callback::new(move |l: Layout| {
            route.layout_choice.set(Some(l));
            // Refused storage: the choice lasts the visit.
            let _ = browser::store(LAYOUT_KEY, l.name());
        })
    });

    // Coming back from a session: where the visitor was, with focus on the link they followed.
    Effect::new(move |was_shown: Option<bool>| {
        let now_shown = shown.get();
        if now_shown && was_shown == Some(false) {
            if let Some((y, id)) = route.take_return_point() {
                request_animation_frame(move || {
                    browser::scroll_to_y(y);
                    browser::focus_id(&link_id(&id));
                });
            }
        }
        now_shown
    });

    // "En ce moment / À suivre", by the browser's clock (a new minute redraws it) or `?now=`.
    let fixed_now =
        query.with_untracked(|q| q.now.as_deref().and_then(|n| parse_now(&programme, n)));
    let clock = RwSignal::new(fixed_now.unwrap_or_else(browser::now));
    if fixed_now.is_none() && browser::live() {
        let ticks =
            set_interval_with_handle(move || clock.set(browser::now()), Duration::from_secs(30));
        if let Ok(ticks) = ticks {
            on_cleanup(move || ticks.clear());
        }
    }
    // "Aller à maintenant": the day of that instant, then its time slot, drawn, in view and
    // with focus on its first link.
    let p = programme.clone();
    let jump = Callback::new(move |now: i64| {
        let day = query.with_untracked(|q| q.day);
        if let Some(d) = p.day_at(now).filter(|d| Some(*d) != day) {
            route.navigate_with(|q| {
                q.day = Some(d);
                q.session = None;
            });
        }
        let target = found.with_untracked(|f| p.slot_at(&f.shown, now));
        if let Some(at) = target {
            let slot = drawing.draw_day_of(&p, at);
            let link = link_id(&p.sessions[at].id);
            request_animation_frame(move || {
                if let Some(slot) = slot {
                    browser::scroll_into_view(&slot);
                }
                browser::focus_id(&link);
            });
        }
    });

    let in_grid = Signal::derive(move || layout.get() == Layout::Grid);
    let days = programme
        .days
        .iter()
        .zip(plans.iter())
        .zip(drawn)
        .map(|((&day, plan), drawn)| {
            view! {
                <DaySection programme=programme.clone() day=day plan=plan.clone() drawn=drawn
                    chosen=day_chosen flags=flags.clone() marks=marks changed=changed.clone()
                    grid=in_grid />
            }
        })
        .collect_view();
    view! {
        <div class="agenda-list" id=LIST_ID node_ref=root data-layout=move || layout.get().name()
            data-filtering=move || found.with(|f| f.selection.is_filtering()).then_some("")
            data-away=move || (!shown.get()).then_some("")>
            // Never drawn at build time: what is on now would be stale in the page.
            {browser::live().then(|| view! { <NowPanel programme=programme.clone() clock=clock jump=jump /> })}
            <div class="agenda-finder">
                <Finder t=t lang=lang programme=programme.clone() offered=offered found=found
                    options=options layout=layout.into() choose_layout=choose_layout
                    visitor_zone=route.visitor_zone(&programme) />
            </div>
            <div>{days}</div>
        </div>
    }
}

/// This many flags changed in one short task, after the first screen's (a card shown or hidden
/// takes a phone-class CPU about 40 µs, and the frame that follows its style).
const FLAGS_PER_TASK: usize = 120;

/// How many `slots` (each its cards' positions, in the order drawn) make the answer's first
/// screen: up to the one in which `first` cards are shown, all of them if fewer are.
fn first_part(slots: &[Vec<usize>], shows: impl Fn(usize) -> bool, first: usize) -> usize {
    let mut seen = 0;
    for (k, slot) in slots.iter().enumerate() {
        seen += slot.iter().filter(|&&at| shows(at)).count();
        if seen >= first {
            return k + 1;
        }
    }
    slots.len()
}

/// The cards' flags, set from what is found.
#[derive(Clone)]
struct Showing {
    /// Every slot of every day, in the order drawn: its cards' positions in the programme.
    slots: Arc<Vec<Vec<usize>>>,
    flags: Arc<Vec<RwSignal<bool>>>,
    programme: Arc<Programme>,
    found: Memo<agenda_core::filter::Found>,
    /// The number of the change under way: a new one stops the tasks of the one before.
    generation: StoredValue<u32>,
}

impl Showing {
    /// Whether the card at `at` is to be shown: it passes, and its day is shown (the cards of a
    /// hidden day are left as they were: coming back to a day touches no card).
    fn shows(&self, found: &agenda_core::filter::Found, at: usize) -> bool {
        self.in_view(found, at) && found.passing[at]
    }

    fn in_view(&self, found: &agenda_core::filter::Found, at: usize) -> bool {
        let day = self.programme.sessions[at].day;
        found.selection.day.is_none_or(|d| d == day)
    }

    /// Sets the flags of the cards of `slots` that `found` changes; how many it changed.
    fn set(&self, found: &agenda_core::filter::Found, slots: std::ops::Range<usize>) -> usize {
        let mut changed = 0;
        for &at in self.slots[slots].iter().flatten() {
            if self.in_view(found, at) && self.flags[at].get_untracked() != found.passing[at] {
                self.flags[at].set(found.passing[at]);
                changed += 1;
            }
        }
        changed
    }

    /// Sets the flags of the slots from `from` on, about [`FLAGS_PER_TASK`] at a time, each
    /// slice in a task of its own, unless another change has begun since `generation`.
    fn rest_soon(self, from: usize, generation: u32) {
        browser::soon(move || {
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            let mut to = from;
            let mut changed = 0;
            let Some(()) = self.found.try_with_untracked(|found| {
                while to < self.slots.len() && changed < FLAGS_PER_TASK {
                    changed += self.set(found, to..to + 1);
                    to += 1;
                }
            }) else {
                return;
            };
            if to < self.slots.len() {
                self.rest_soon(to, generation);
            }
        });
    }
}

/// Which slots of which days are drawn, and drawing more of them.
#[derive(Clone, Copy)]
struct Drawing {
    plans: StoredValueArc,
    drawn: StoredValue<Vec<RwSignal<usize>>>,
    days: StoredValue<Vec<agenda_core::Date>>,
    found: Memo<agenda_core::filter::Found>,
}

type StoredValueArc = StoredValue<Arc<Vec<Arc<DayPlan>>>>;

impl Drawing {
    /// Draws up to `cards` more cards: the next of the day chosen, if one is and it is not drawn
    /// whole yet, else of the first day (in the programme's order) not drawn whole. How many it
    /// drew (0 when all is drawn), and whether the day on screen (the one chosen, else the first)
    /// has more to draw after it.
    fn step(&self, cards: usize) -> (usize, bool) {
        let day = self.found.with_untracked(|f| f.selection.day);
        let days = self.days.get_value();
        let first = day.and_then(|d| days.iter().position(|&x| x == d));
        let shown = first.unwrap_or(0);
        let order = first.into_iter().chain(0..days.len());
        let plans = self.plans.get_value();
        let drawn = self.drawn.get_value();
        for k in order {
            // The list is gone (another programme, another language): its signals with it.
            let Some(n) = drawn[k].try_get_untracked() else {
                return (0, false);
            };
            let all = plans[k].cards();
            if n >= all {
                continue;
            }
            let more = cards.max(1).min(all - n);
            drawn[k].set(n + more);
            return (more, k == shown && n + more < all);
        }
        (0, false)
    }

    /// Draws at least the first `cards` cards of `day` at once (all of them, if it has fewer);
    /// its position in the programme's days. `None` when the list is gone.
    fn draw_at_least(&self, day: agenda_core::Date, cards: usize) -> Option<usize> {
        let k = self
            .days
            .try_with_value(|d| d.iter().position(|&x| x == day))
            .flatten()?;
        let signal = self.drawn.try_with_value(|d| d[k])?;
        let want = cards.min(self.plans.try_with_value(|p| p[k].cards())?);
        if signal.try_get_untracked()? < want {
            signal.set(want);
        }
        Some(k)
    }

    /// Goes on drawing, a slice of about `cards` cards each time the browser is idle, until
    /// every day is drawn; each slice sized by how long the last took (a phone draws fewer cards
    /// at a time than a laptop, and neither holds the page in a long task).
    fn continue_when_idle(self, cards: usize) {
        browser::when_idle(move || {
            // The list is gone (another programme, another language): its signals with it.
            if self.drawn.try_with_value(|_| ()).is_none() {
                return;
            }
            let start = js_sys::Date::now();
            let (drew, shown) = self.step(cards);
            if drew > 0 {
                // Leptos draws the new cards in the microtasks that follow the change, and the
                // cards' own effects in the ones after: this task, queued behind both, sees how
                // long they took.
                leptos::task::spawn_local(async move {
                    behind_queued().await;
                    behind_queued().await;
                    self.continue_when_idle(next_slice(drew, js_sys::Date::now() - start, shown));
                });
            }
        });
    }

    /// Draws the whole day of the session at `at` at once (to show it now); the id of its slot.
    fn draw_day_of(&self, p: &Programme, at: usize) -> Option<String> {
        let k = self.draw_at_least(p.sessions[at].day, usize::MAX)?;
        self.plans
            .with_value(|plans| plans[k].slots.iter().find(|s| s.holds(at)).map(|s| s.id()))
    }
}

/// Waits until the tasks queued now (in this same task of the browser) have run: goes to the
/// back of the queue once.
fn behind_queued() -> impl std::future::Future<Output = ()> {
    let mut queued = false;
    std::future::poll_fn(move |cx| {
        if queued {
            std::task::Poll::Ready(())
        } else {
            queued = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
}

/// The search index, built a slice at a time when the browser is idle after the first view (a
/// search that comes first has it finished at once); without a search, none is needed.
#[derive(Clone, Copy)]
struct Index {
    programme: StoredValue<Arc<Programme>>,
    index: StoredValue<SearchIndex>,
}

impl Index {
    fn new(programme: Arc<Programme>) -> Index {
        Index {
            programme: StoredValue::new(programme),
            index: StoredValue::new(SearchIndex::default()),
        }
    }

    /// Runs `f` with an index that answers for the search `q`: whole when `q` searches.
    fn with<R>(&self, q: &str, f: impl FnOnce(&SearchIndex) -> R) -> R {
        if !q.trim().is_empty() {
            self.build(usize::MAX);
        }
        self.index.with_value(f)
    }

    /// Folds `n` more sessions; true once the index is whole.
    fn build(&self, n: usize) -> bool {
        // The list is gone: nothing left to build.
        let Some(p) = self.programme.try_get_value() else {
            return true;
        };
        self.index
            .try_update_value(|i| i.is_complete(&p) || i.build_some(&p, n))
            .unwrap_or(true)
    }

    /// Builds a little more each time the browser is idle, for at most [`SLICE_BUDGET_MS`] at a
    /// time, until the index is whole.
    fn build_when_idle(self) {
        browser::when_idle(move || {
            let start = js_sys::Date::now();
            while !self.build(4) {
                if js_sys::Date::now() - start > SLICE_BUDGET_MS {
                    self.build_when_idle();
                    return;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{first_part, grid_fits, next_slice};

    #[test]
    fn the_first_screen_of_an_answer() {
        let slots = vec![vec![0, 1, 2], vec![3, 4], vec![5], vec![6, 7]];
        let shows = |at: usize| at % 2 == 0;
        assert_eq!(
            first_part(&slots, shows, 2),
            1,
            "two shown in the first slot: it alone"
        );
        assert_eq!(
            first_part(&slots, shows, 3),
            2,
            "the third shown is in the second slot"
        );
        assert_eq!(
            first_part(&slots, shows, 9),
            4,
            "fewer shown than a screen: every slot"
        );
        assert_eq!(
            first_part(&slots, |_| false, 1),
            4,
            "none shown: every slot at once"
        );
        assert_eq!(first_part(&[], shows, 1), 0, "no slot");
    }

    #[test]
    fn idle_slices_fit_their_budget() {
        assert_eq!(
            next_slice(12, 60.0, false),
            4,
            "a slow phone: 5 ms a card, 4 cards in 20 ms"
        );
        assert_eq!(next_slice(3, 3.0, false), 6, "at most twice the last slice");
        assert_eq!(
            next_slice(12, 5.0, false),
            12,
            "a laptop: never more than a screen's worth at once"
        );
        assert_eq!(
            next_slice(4, 400.0, false),
            2,
            "a very slow slice: still 2 cards, drawing goes on"
        );
        assert_eq!(
            next_slice(0, 0.0, false),
            2,
            "nothing drawn, nothing timed: no division by zero"
        );
    }

    #[test]
    fn the_day_on_screen_in_larger_slices_on_a_slow_device() {
        assert_eq!(
            next_slice(12, 12.0, true),
            24,
            "a phone-class CPU, 1 ms a card: 24 cards in 24 ms, not 12"
        );
        assert_eq!(
            next_slice(12, 12.0, false),
            12,
            "the days not on screen: a screen's worth at most"
        );
        assert_eq!(
            next_slice(12, 3.0, true),
            12,
            "a laptop, whose frames are cheap: a screen's worth at most"
        );
        assert_eq!(
            next_slice(12, 9.0, true),
            12,
            "a laptop's slower slice (0.75 ms a card) is not a phone's"
        );
        assert_eq!(
            next_slice(24, 48.0, true),
            12,
            "2 ms a card: what fits in 24 ms"
        );
        assert_eq!(next_slice(8, 8.0, true), 16, "at most twice the last slice");
    }

    #[test]
    fn the_grid_when_its_columns_fit() {
        assert!(grid_fits(1280.0, 2, 0, 16.0), "two rooms on a laptop");
        assert!(!grid_fits(800.0, 2, 0, 16.0), "a narrow list stays a list");
        assert!(
            !grid_fits(1280.0, 25, 0, 16.0),
            "25 rooms would scroll sideways"
        );
        assert!(
            grid_fits(5000.0, 25, 0, 16.0),
            "unless the screen is that wide"
        );
        assert!(
            !grid_fits(1280.0, 6, 0, 32.0),
            "text at 200 % needs twice the room"
        );
        assert!(grid_fits(1280.0, 5, 120, 16.0), "five rooms of 12 rem fit");
        assert!(
            !grid_fits(1280.0, 5, 200, 16.0),
            "not when a title's longest word needs 20 rem"
        );
    }
}
