//! One component per file.
pub mod agenda;
pub mod day_section;
pub mod error_view;
pub mod event_header;
pub mod finder;
pub mod footer;
pub mod my_programme;
pub mod section_nav;
pub mod session_detail;
pub mod session_list;
pub mod speakers_page;
pub mod warnings;
