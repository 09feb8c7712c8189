//! Calendar sync with the platforms (SPEC C9): the feed reader, fetching with conditional GET, one
//! poll applied as a plan, overlaps reported, the background scheduler, and the exported calendars.

pub mod conflicts;
pub mod engine;
pub mod export;
pub mod fetch;
pub mod reader;
pub mod scheduler;
pub mod service;
