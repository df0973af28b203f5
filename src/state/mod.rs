//! Global state, one context per file.
pub mod route;
