//! The agenda's memory allocator for wasm32: small, fast, and simple enough to check by reading.
//!
//! Rust's default allocator on `wasm32-unknown-unknown` is dlmalloc, about 7 KB of code (2.8 KB
//! over the wire): a tenth of what the page may spend on a whole feature. An agenda's memory is a
//! few megabytes at most and lives as long as the page, so a simpler scheme does:
//!
//! - **Small blocks** (up to 32 KiB) come in power-of-two size classes, 8 B to 32 KiB. A freed
//!   block goes on its class's free list (the list's link is written in the block itself) and is
//!   reused first; otherwise a block is cut from the current 64 KiB page.
//! - **Large blocks** are whole runs of 64 KiB pages, page aligned. Freed runs go on one list and
//!   are reused first fit; the part of a run not needed stays on the list.
//!
//! Memory is never returned to the browser (wasm cannot shrink a memory anyway). The cost is up to
//! half a block lost to rounding, which for an agenda is kilobytes, not megabytes.
//!
//! The wasm build is single-threaded (no `atomics` target feature), which is what makes the
//! `Sync` promise below true: there is no other thread to race with.

#![no_std]

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::{self, null_mut};

/// A wasm page: what `memory.grow` adds.
pub const PAGE: usize = 65536;
const MIN_SHIFT: u32 = 3;
const MAX_SHIFT: u32 = 15;
const CLASSES: usize = (MAX_SHIFT - MIN_SHIFT + 1) as usize;
/// Small blocks are aligned to their size up to this; larger alignments take the large path.
const SMALL_ALIGN: usize = 16;

/// Where new pages come from: `memory.grow` in the browser, an arena in the native tests. Returns
/// the address of the first new page, or `None` when memory cannot grow.
pub trait Pages {
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

/// The browser's memory.
#[cfg(target_arch = "wasm32")]
pub struct WasmPages;

#[cfg(target_arch = "wasm32")]
impl Pages for WasmPages {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        let before = core::arch::wasm32::memory_grow(0, pages);
        (before != usize::MAX).then(|| before * PAGE)
    }
}

/// A freed run of large pages: its header is written at its start.
struct Run {
    pages: usize,
    next: *mut Run,
}

/// The allocator's whole state, kept apart from the `GlobalAlloc` wrapper so that it can be tested
/// natively over an arena.
pub struct Heap<P: Pages> {
    pages: P,
    /// Head of each size class's free list (the first word of a free block links to the next).
    free: [*mut u8; CLASSES],
    /// The unused part of the current page, from which small blocks are cut.
    bump: usize,
    end: usize,
    runs: *mut Run,
}

/// The size class of a small layout (index into `free`), or `None` for the large path.
fn class(layout: Layout) -> Option<usize> {
    if layout.align() > SMALL_ALIGN {
        return None;
    }
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    let shift = size.checked_next_power_of_two()?.trailing_zeros();
    (shift <= MAX_SHIFT).then(|| (shift - MIN_SHIFT) as usize)
}

fn pages_for(size: usize) -> usize {
    size.div_ceil(PAGE).max(1)
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Heap {
            pages,
            free: [null_mut(); CLASSES],
            bump: 0,
            end: 0,
            runs: null_mut(),
        }
    }

    /// # Safety
    /// The returned block is `layout.size()` bytes at `layout.align()`, or null when memory is
    /// exhausted; it must be released with [`Heap::dealloc`] and the same layout.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        match class(layout) {
            Some(k) => self.alloc_small(k),
            None => self.alloc_large(layout),
        }
    }

    /// # Safety
    /// `block` came from [`Heap::alloc`] with this `layout` and is not used after.
    pub unsafe fn dealloc(&mut self, block: *mut u8, layout: Layout) {
        match class(layout) {
            Some(k) => {
                // SAFETY: a small block is at least 8 bytes and 8-aligned (its class is at least
                // 8 and it was cut at min(class, 16) alignment), so it holds a pointer.
                unsafe { ptr::write(block.cast::<*mut u8>(), self.free[k]) };
                self.free[k] = block;
            }
            None => {
                let run = block.cast::<Run>();
                // SAFETY: a large block is a page-aligned run of whole pages, room for a `Run`.
                unsafe {
                    ptr::write(
                        run,
                        Run {
                            pages: pages_for(layout.size()),
                            next: self.runs,
                        },
                    )
                };
                self.runs = run;
            }
        }
    }

    /// # Safety
    /// As [`GlobalAlloc::realloc`]: `block` came from this heap with `layout`, `new_size` is not
    /// zero and rounds to a valid layout.
    pub unsafe fn realloc(&mut self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return null_mut();
        };
        // Growing a string or a vector within its block's class (or its run's pages) is free.
        let same = match (class(layout), class(new_layout)) {
            (Some(a), Some(b)) => a == b,
            (None, None) => pages_for(layout.size()) == pages_for(new_size),
            _ => false,
        };
        if same {
            return block;
        }
        // SAFETY: the caller's promises about `block` and `layout`, passed on.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }

    fn alloc_small(&mut self, k: usize) -> *mut u8 {
        let head = self.free[k];
        if !head.is_null() {
            // SAFETY: a block on a free list holds the link written by `dealloc`.
            self.free[k] = unsafe { ptr::read(head.cast::<*mut u8>()) };
            return head;
        }
        let size = 1usize << (k as u32 + MIN_SHIFT);
        let align = size.min(SMALL_ALIGN);
        let mut start = (self.bump + align - 1) & !(align - 1);
        if start + size > self.end {
            let Some(page) = self.pages.grow(1) else {
                return null_mut();
            };
            if page != self.end {
                // Not next to the current page (a large run was taken in between): the rest of
                // the current page is given up, at most one block's worth.
                self.bump = page;
            }
            self.end = page + PAGE;
            start = (self.bump + align - 1) & !(align - 1);
        }
        self.bump = start + size;
        start as *mut u8
    }

    fn alloc_large(&mut self, layout: Layout) -> *mut u8 {
        if layout.align() > PAGE {
            return null_mut();
        }
        let wanted = pages_for(layout.size());
        // First fit among the freed runs; what is left of a longer run stays on the list.
        let mut link: *mut *mut Run = &mut self.runs;
        // SAFETY: every run on the list was written by `dealloc` or below and is not in use.
        unsafe {
            while !(*link).is_null() {
                let run = *link;
                let Run { pages, next } = ptr::read(run);
                if pages >= wanted {
                    *link = if pages > wanted {
                        let rest = run.cast::<u8>().add(wanted * PAGE).cast::<Run>();
                        ptr::write(
                            rest,
                            Run {
                                pages: pages - wanted,
                                next,
                            },
                        );
                        rest
                    } else {
                        next
                    };
                    return run.cast();
                }
                link = &mut (*run).next;
            }
        }
        match self.pages.grow(wanted) {
            Some(at) => at as *mut u8,
            None => null_mut(),
        }
    }
}

/// The global allocator: a [`Heap`] behind the `GlobalAlloc` interface.
pub struct Allocator<P: Pages>(UnsafeCell<Heap<P>>);

impl<P: Pages> Allocator<P> {
    pub const fn new(pages: P) -> Self {
        Allocator(UnsafeCell::new(Heap::new(pages)))
    }
}

// SAFETY: the agenda's wasm has one thread (no `atomics` feature, no shared memory), so the heap
// is never reached from two threads at once.
unsafe impl<P: Pages> Sync for Allocator<P> {}

// SAFETY: each method forwards to `Heap`, whose blocks meet the layout asked for; the allocator
// is not re-entered (the heap's code allocates nothing and calls back into nothing).
unsafe impl<P: Pages> GlobalAlloc for Allocator<P> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout) }
    }
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(block, layout) }
    }
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(block, layout, new_size) }
    }
}
