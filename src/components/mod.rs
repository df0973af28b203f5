//! One component per file.
pub mod agenda;
pub mod calendar;
pub mod day_section;
pub mod error_view;
pub mod event_header;
pub mod finder;
pub mod footer;
pub mod mine;
pub mod now_panel;
pub mod section_nav;
pub mod session_card;
pub mod session_link;
pub mod session_list;
pub mod session_view;
pub mod speakers;
pub mod star;
pub mod warnings;
