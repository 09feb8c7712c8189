//! Calendar sync with the platforms (SPEC C9): what a platform's iCalendar feed says, event by event,
//! and what a poll changes.

pub mod conflict;
pub mod feed;
pub mod plan;
pub mod platform;
pub mod schedule;
pub mod settings;
pub mod view;

pub use feed::{classify, EventKind, FeedEvent};
pub use plan::{fingerprint, guest_label, imported_notes, plan_sync, Change, Imported, SyncPlan};
pub use platform::Platform;
pub use settings::{FeedForm, FeedInput, SyncProblem};
