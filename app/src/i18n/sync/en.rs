//! The sync page in English.

use super::{dates_en, SyncTexts};
use crate::domain::sync::view::{ChangeEntry, ChangeKind, SyncOutcome};
use crate::domain::sync::SyncProblem;
use crate::i18n::count_en;

fn problem(problem: SyncProblem) -> String {
    match problem {
        SyncProblem::Unreachable => {
            "The platform cannot be reached (unknown address or connection refused). Check the link.".into()
        }
        SyncProblem::Timeout => "The platform did not answer in time.".into(),
        SyncProblem::HttpStatus(404 | 410) => {
            "The platform does not know this link (error 404): it may have been renewed. Copy the new iCal link.".into()
        }
        SyncProblem::HttpStatus(401 | 403) => "The platform refuses access to this link (error 403).".into(),
        SyncProblem::HttpStatus(code) => format!("The platform answered with an error ({code})."),
        SyncProblem::NotACalendar => {
            "The platform sent a page that is not a calendar (an error or login page).".into()
        }
        SyncProblem::TooLarge => "The calendar received is too large (over 10 MB).".into(),
        SyncProblem::PrivateAddress => {
            "This link leads to the server's internal network: refused for safety.".into()
        }
    }
}

fn entry(entry: &ChangeEntry) -> String {
    let dates = entry.stay.map(dates_en).unwrap_or_default();
    let summary = if entry.summary.is_empty() {
        String::new()
    } else {
        format!(" (“{}”)", entry.summary)
    };
    match entry.kind {
        ChangeKind::Added if entry.stay.is_none() => format!("{} stays imported", entry.detail),
        ChangeKind::Added => format!("Stay imported {dates}{summary}"),
        ChangeKind::Moved => match entry.previous {
            Some(previous) => format!("Stay moved to {dates}, was {}{summary}", dates_en(previous)),
            None => format!("Stay changed {dates}{summary}"),
        },
        ChangeKind::Cancelled => format!("Stay cancelled on the platform and deleted {dates}"),
        ChangeKind::Kept => format!(
            "Stay cancelled on the platform {dates}, kept because it has an invoice, a contract or a group"
        ),
        ChangeKind::Held => format!(
            "{} vanished at once from the calendar: cancellations waiting for confirmation",
            stays(entry.detail.parse().unwrap_or(0))
        ),
        ChangeKind::Confirmed => format!(
            "Cancellation of {} confirmed",
            stays(entry.detail.parse().unwrap_or(0))
        ),
        ChangeKind::Failed => format!(
            "Sync failed: {}",
            problem(SyncProblem::from_code(&entry.detail))
        ),
        ChangeKind::Recovered => "The platform answers again".into(),
        ChangeKind::Conflict => format!(
            "Conflict: the imported stay {dates}{summary} overlaps another booking (managers emailed)"
        ),
    }
}

/// "1 stay", "3 stays".
fn stays(n: i64) -> String {
    count_en(n, "stay", "stays")
}

fn outcome(outcome: &SyncOutcome) -> String {
    if let Some(p) = outcome.problem {
        return problem(p);
    }
    let mut text = if outcome.not_modified {
        "Calendar unchanged since the last sync.".to_string()
    } else if outcome.changes == 0 {
        format!(
            "Synced: {}, no change.",
            count_en(outcome.events, "event", "events")
        )
    } else {
        format!(
            "Synced: {}, {} on the planning.",
            count_en(outcome.events, "event", "events"),
            count_en(outcome.changes, "change", "changes")
        )
    };
    if outcome.held > 0 {
        text.push_str(&format!(
            " {} waiting for your confirmation.",
            count_en(outcome.held, "cancellation", "cancellations")
        ));
    }
    text
}

/// The English texts.
pub static TEXTS: SyncTexts = SyncTexts {
    nav: "Sync",
    alerts_suffix: |n| if n > 1 { " calendars to check".into() } else { " calendar to check".into() },
    title: "Calendar sync",
    intro: "Import the iCal calendars of Airbnb, Booking.com, Vrbo or another site: their stays appear on the planning, checked every 15 minutes. Give each platform your homes' export link so it blocks the nights already taken.",
    sync_all: "Sync everything now",
    syncing: "Syncing…",
    feeds_title: "Imported calendars",
    no_feeds: "No imported calendar yet. Add a platform's iCal link below.",
    col_property: "Home",
    col_platform: "Platform",
    col_last_success: "Last successful sync",
    col_events: "Events",
    col_next: "Next check",
    col_state: "State",
    never: "never",
    state_ok: "Up to date",
    failures: |n| {
        if n > 1 {
            format!("{n} failures in a row")
        } else {
            "1 failure".into()
        }
    },
    problem,
    held: |n| {
        format!("{} vanished at once from this calendar. To be safe nothing was cancelled: check on the platform, then confirm.", stays(n))
    },
    confirm_held: "Confirm the cancellations",
    sync_now: |name| format!("Sync now ({name})"),
    show_history: |name| format!("History ({name})"),
    history_button: "History",
    hide_history: "Hide the history",
    history_title: |name| format!("History: {name}"),
    history_empty: "No change yet.",
    history_kept: "The history keeps the changes of the last 12 months.",
    entry,
    delete_feed: |name| format!("Delete the calendar ({name})"),
    delete_question: |name| {
        format!("Delete the imported calendar “{name}”? Its imported stays leave the planning, except those with an invoice, a contract or a group.")
    },
    delete_confirm: "Delete",
    deleted: |n| {
        format!(
            "Calendar deleted; {} removed from the planning.",
            count_en(n, "imported stay", "imported stays")
        )
    },
    outcome,
    add_title: "Add a calendar",
    add_intro: "On the platform, look for “Export calendar” and paste the link here.",
    field_property: "Home",
    field_platform: "Platform",
    field_url: "The platform's iCal link",
    url_hint: "Starts with https:// (or webcal://) and often ends in .ics",
    field_status: "Status of imported stays",
    field_block_status: "Status of blocked nights",
    field_interval: "Check every (minutes)",
    interval_hint: "Between 5 and 1,440 minutes; 15 by default.",
    edit_title: "Edit the calendar",
    save_feed: "Save",
    feed_saved: "Calendar settings saved.",
    edit_feed: |name| format!("Edit the calendar ({name})"),
    add_button: "Add and sync",
    added: |o| format!("Calendar added. {}", outcome(o)),
    property_section: "Calendars (iCal)",
    property_no_feed: "No platform calendar imported into this home.",
    manage: "Add or manage imported calendars",
    exports_title: "Exported calendars",
    exports_intro: "Each home has a secret link to give the platforms (and one link for all your homes). It shows taken nights, with no guest name or contact. For a platform, use its own link: it does not send the platform's own bookings back.",
    organisation_link: "All homes",
    show_link: |name| format!("Show the link ({name})"),
    show: "Show the link",
    link_for: "Link for",
    link_for_all: "every platform",
    link_for_platform: |name| format!("{name} (without its own bookings)"),
    copy: "Copy",
    copied: "Link copied.",
    renew: |name| format!("Renew the link ({name})"),
    renew_question: "Renew this link? The old one stops working at once: give the new one to every platform.",
    renew_confirm: "Renew",
    renewed: "New link created; the old one no longer works.",
    statuses_title: "Exported statuses",
    statuses_intro: "Bookings with these statuses block the nights in the exported calendars.",
    save_statuses: "Save the statuses",
    statuses_saved: "Exported statuses saved.",
    at: |at| at.format("%d/%m/%Y at %H:%M").to_string(),
};
