//! Calendar sync with the platforms (SPEC C9). For now the feed reader: a platform's iCalendar
//! body turned into events, one decision per event, never a panic on what a feed contains.

pub mod reader;
