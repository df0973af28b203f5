//! The heap natively, over an arena of pages: blocks meet their layout, never overlap while in
//! use, keep their contents through realloc, and freed memory is used again.

use agenda_alloc::{Heap, Pages, PAGE};
use std::alloc::Layout;

/// Pages handed out in order from one page-aligned arena, like `memory.grow`.
struct Arena {
    next: usize,
    end: usize,
    grown: usize,
}

impl Arena {
    fn new(pages: usize) -> (Arena, Vec<u8>) {
        let buffer = vec![0u8; (pages + 1) * PAGE];
        let start = (buffer.as_ptr() as usize).div_ceil(PAGE) * PAGE;
        (
            Arena {
                next: start,
                end: start + pages * PAGE,
                grown: 0,
            },
            buffer,
        )
    }
}

impl Pages for Arena {
    fn grow(&mut self, pages: usize) -> Option<usize> {
        let at = self.next;
        if at + pages * PAGE > self.end {
            return None;
        }
        self.next += pages * PAGE;
        self.grown += pages;
        Some(at)
    }
}

/// A small pseudo-random sequence (xorshift), the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Block {
    at: *mut u8,
    layout: Layout,
    fill: u8,
}

fn check(b: &Block) {
    for i in 0..b.layout.size() {
        // SAFETY: the block is live and `size` bytes long.
        assert_eq!(
            unsafe { *b.at.add(i) },
            b.fill,
            "block at {:p} was overwritten",
            b.at
        );
    }
}

fn fill(b: &Block) {
    // SAFETY: the block is live and `size` bytes long.
    unsafe { std::ptr::write_bytes(b.at, b.fill, b.layout.size()) };
}

fn random_layout(rng: &mut Rng) -> Layout {
    let size = match rng.below(10) {
        0 => 1 + rng.below(200_000) as usize, // large
        1 => 1 + rng.below(40_000) as usize,  // around the last small class
        _ => 1 + rng.below(300) as usize,     // the usual strings and vectors
    };
    let align = 1 << rng.below(6); // 1 to 32: above 16 takes the large path
    Layout::from_size_align(size, align).expect("valid layout")
}

#[test]
fn random_use_keeps_blocks_apart_aligned_and_intact() {
    let (arena, _buffer) = Arena::new(1000);
    let mut heap = Heap::new(arena);
    let mut rng = Rng(0x2026_0210);
    let mut live: Vec<Block> = Vec::new();
    for step in 0..20_000u32 {
        match rng.below(10) {
            0..=3 => {
                let layout = random_layout(&mut rng);
                // SAFETY: a valid non-zero layout; the block is freed below with it.
                let at = unsafe { heap.alloc(layout) };
                assert!(!at.is_null(), "out of memory at step {step}");
                assert_eq!(at as usize % layout.align(), 0, "{layout:?} misaligned");
                let b = Block {
                    at,
                    layout,
                    fill: (step % 251) as u8,
                };
                fill(&b);
                live.push(b);
            }
            4..=7 if !live.is_empty() => {
                let b = live.swap_remove(rng.below(live.len() as u64) as usize);
                check(&b);
                // SAFETY: the block came from this heap with this layout and is dropped here.
                unsafe { heap.dealloc(b.at, b.layout) };
            }
            8..=9 if !live.is_empty() => {
                let i = rng.below(live.len() as u64) as usize;
                let old = &live[i];
                check(old);
                let new_size = random_layout(&mut rng).size();
                // SAFETY: the block came from this heap with its layout; new_size is not zero.
                let at = unsafe { heap.realloc(old.at, old.layout, new_size) };
                assert!(!at.is_null());
                let kept = old.layout.size().min(new_size);
                for k in 0..kept {
                    // SAFETY: `kept` bytes of the new block are the old contents.
                    assert_eq!(unsafe { *at.add(k) }, old.fill, "realloc lost contents");
                }
                let layout = Layout::from_size_align(new_size, old.layout.align()).expect("valid");
                assert_eq!(at as usize % layout.align(), 0);
                let b = Block {
                    at,
                    layout,
                    fill: old.fill.wrapping_add(1),
                };
                fill(&b);
                live[i] = b;
            }
            _ => {}
        }
        // Every few steps, every live block still holds what was written in it.
        if step % 997 == 0 {
            live.iter().for_each(check);
        }
    }
    live.iter().for_each(check);
}

#[test]
fn freed_blocks_are_used_again() {
    let (arena, _buffer) = Arena::new(64);
    let mut heap = Heap::new(arena);
    let small = Layout::from_size_align(24, 8).expect("valid");
    let large = Layout::from_size_align(3 * PAGE - 10, 8).expect("valid");
    // SAFETY: valid layouts, each block freed once with its layout.
    unsafe {
        let a = heap.alloc(small);
        heap.dealloc(a, small);
        assert_eq!(heap.alloc(small), a, "a freed small block is reused");
        let b = heap.alloc(large);
        heap.dealloc(b, large);
        let one = Layout::from_size_align(PAGE, 8).expect("valid");
        assert_eq!(heap.alloc(one), b, "a freed run is reused, first fit");
        assert_eq!(
            heap.alloc(Layout::from_size_align(2 * PAGE, 8).expect("valid")),
            b.add(PAGE),
            "its rest too"
        );
    }
}

#[test]
fn growing_within_a_class_does_not_move() {
    let (arena, _buffer) = Arena::new(8);
    let mut heap = Heap::new(arena);
    let layout = Layout::from_size_align(20, 1).expect("valid");
    // SAFETY: a valid layout; the block is reallocated within its class, then freed.
    unsafe {
        let a = heap.alloc(layout);
        assert_eq!(heap.realloc(a, layout, 32), a);
        let b = heap.realloc(a, Layout::from_size_align(32, 1).expect("valid"), 33);
        assert_ne!(b, a, "past its class, a block moves");
    }
}

#[test]
fn exhausted_memory_gives_null_not_a_crash() {
    let (arena, _buffer) = Arena::new(2);
    let mut heap = Heap::new(arena);
    // SAFETY: valid layouts; null is the expected answer, nothing is written.
    unsafe {
        assert!(heap
            .alloc(Layout::from_size_align(3 * PAGE, 8).expect("valid"))
            .is_null());
        assert!(heap
            .alloc(Layout::from_size_align(8, 64 * PAGE * 2).expect("valid"))
            .is_null());
        assert!(!heap
            .alloc(Layout::from_size_align(8, 8).expect("valid"))
            .is_null());
    }
}
