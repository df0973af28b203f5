//! Entry point: mount the agenda. Everything else is in the library.

fn main() {
    agenda::start();
}
