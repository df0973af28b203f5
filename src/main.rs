//! Entry point: mount the agenda. Everything else is in the library.

/// A small allocator instead of dlmalloc: 2.5 KB less over the wire (see `agenda-alloc`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: agenda_alloc::Allocator<agenda_alloc::WasmPages> =
    agenda_alloc::Allocator::new(agenda_alloc::WasmPages);

fn main() {
    agenda::start();
}
