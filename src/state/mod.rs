//! Global state, one context per file.
pub mod favourites;
pub mod route;
