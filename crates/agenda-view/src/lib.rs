//! The words of the interface, in French and English (see [`texts`]). No browser API: tested
//! natively.

pub mod texts;
