//! Words of the calendar sync page (SPEC C9), in French and English: feeds, their health and history
//! in plain words, the export links.

pub mod en;
pub mod fr;

use crate::domain::stay::Stay;
use crate::domain::sync::view::ChangeEntry;
use crate::domain::sync::SyncProblem;
use chrono::NaiveDateTime;

/// Every string of the sync page, in one language.
#[allow(missing_docs)]
pub struct SyncTexts {
    pub nav: &'static str,
    pub alerts_suffix: fn(i64) -> String,
    pub title: &'static str,
    pub intro: &'static str,
    pub sync_all: &'static str,
    pub syncing: &'static str,
    pub feeds_title: &'static str,
    pub no_feeds: &'static str,
    pub col_property: &'static str,
    pub col_platform: &'static str,
    pub col_last_success: &'static str,
    pub col_events: &'static str,
    pub col_next: &'static str,
    pub col_state: &'static str,
    pub never: &'static str,
    pub state_ok: &'static str,
    pub failures: fn(i64) -> String,
    pub problem: fn(SyncProblem) -> String,
    pub held: fn(i64) -> String,
    pub confirm_held: &'static str,
    pub sync_now: fn(&str) -> String,
    pub show_history: fn(&str) -> String,
    pub history_button: &'static str,
    pub hide_history: &'static str,
    pub history_title: fn(&str) -> String,
    pub history_empty: &'static str,
    /// How long the history keeps a change.
    pub history_kept: &'static str,
    pub entry: fn(&ChangeEntry) -> String,
    pub delete_feed: fn(&str) -> String,
    pub delete_question: fn(&str) -> String,
    pub delete_confirm: &'static str,
    pub deleted: fn(i64) -> String,
    pub outcome: fn(&crate::domain::sync::view::SyncOutcome) -> String,
    pub add_title: &'static str,
    pub add_intro: &'static str,
    pub field_property: &'static str,
    pub field_platform: &'static str,
    pub field_url: &'static str,
    pub url_hint: &'static str,
    pub field_status: &'static str,
    pub field_block_status: &'static str,
    pub field_interval: &'static str,
    pub interval_hint: &'static str,
    pub edit_title: &'static str,
    pub save_feed: &'static str,
    pub feed_saved: &'static str,
    pub edit_feed: fn(&str) -> String,
    pub add_button: &'static str,
    pub added: fn(&crate::domain::sync::view::SyncOutcome) -> String,
    pub property_section: &'static str,
    pub property_no_feed: &'static str,
    pub manage: &'static str,
    pub exports_title: &'static str,
    pub exports_intro: &'static str,
    pub organisation_link: &'static str,
    pub show_link: fn(&str) -> String,
    pub show: &'static str,
    pub link_for: &'static str,
    pub link_for_all: &'static str,
    pub link_for_platform: fn(&str) -> String,
    pub copy: &'static str,
    pub copied: &'static str,
    pub renew: fn(&str) -> String,
    pub renew_question: &'static str,
    pub renew_confirm: &'static str,
    pub renewed: &'static str,
    pub statuses_title: &'static str,
    pub statuses_intro: &'static str,
    pub save_statuses: &'static str,
    pub statuses_saved: &'static str,
    pub at: fn(NaiveDateTime) -> String,
}

/// "du 10/03/2027 au 15/03/2027".
pub fn dates_fr(stay: Stay) -> String {
    format!(
        "du {} au {}",
        stay.arrival().format("%d/%m/%Y"),
        stay.departure().format("%d/%m/%Y")
    )
}

/// "10/03/2027 – 15/03/2027".
pub fn dates_en(stay: Stay) -> String {
    format!(
        "{} – {}",
        stay.arrival().format("%d/%m/%Y"),
        stay.departure().format("%d/%m/%Y")
    )
}
