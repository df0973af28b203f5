//! One component per file.
pub mod agenda;
pub mod day_section;
pub mod error_view;
pub mod event_header;
pub mod finder;
pub mod footer;
pub mod section_nav;
pub mod session_list;
pub mod warnings;
pub mod worker_view;
