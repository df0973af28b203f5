//! What the agenda says and how it is marked up, shared by the page (`src/`) and its worker
//! (`crates/agenda-worker`): the words of the interface in French and English, and the static
//! markup written as HTML text. No browser API: where the browser is needed (a time in the
//! visitor's zone), the caller passes it in [`markup::Env`].

pub mod detail;
pub mod markup;
pub mod texts;
