//! The agenda's pure core: the programme model, the readers of the four programme formats,
//! validation, time handling, text folding and the URL state. No browser API, no framework: all
//! of it is tested with plain `cargo test`.

pub mod convert;
pub mod diag;
pub mod favourites;
pub mod filter;
pub mod grid;
pub mod i18n;
pub mod ical;
pub mod json;
pub mod localised;
pub mod model;
pub mod now;
pub mod qr;
pub mod query;
pub mod read;
pub mod search;
pub mod seen;
pub mod text;
pub mod time;
pub mod write;

pub use diag::{Diagnostic, Problem, ProgrammeError};
pub use i18n::Lang;
pub use model::*;
pub use query::{Page, Query};
pub use read::{parse_json, read_own, read_own_parsed, read_programme, read_value};
pub use time::{Date, DateTime};
