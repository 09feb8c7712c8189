//! Calendar sync with the platforms (SPEC C9): what a platform's iCalendar feed says, event by event.

pub mod feed;

pub use feed::{classify, EventKind, FeedEvent};
