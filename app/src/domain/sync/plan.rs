//! What one poll changes: the feed's events against the bookings this feed imported before.
//!
//! - An event whose UID is known and whose content (dates, kind, summary, details) is what the feed
//!   said last time changes nothing — not even a timestamp.
//! - A known UID with other content updates its booking (dates changed on the platform move it).
//! - A block under a new UID that touches a block the feed no longer has is the same block moved:
//!   Airbnb's rolling "Not available" window shifts every day and must stay one block.
//! - A new UID is a new booking.
//! - A booking whose event is gone is cancelled — only a booking imported from this feed (the caller
//!   passes no other), and only a future one (platforms drop past stays from their feeds).
//! - Guard: when the feed suddenly has no event while it had future ones, or loses more than half of
//!   its future events at once, nothing is cancelled until a person confirms.

use super::feed::{EventKind, FeedEvent};
use super::platform::Platform;
use crate::domain::ids::BookingId;
use crate::domain::stay::Stay;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A booking a feed imported earlier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The booking.
    pub booking: BookingId,
    /// The event's UID.
    pub uid: String,
    /// What the feed said last time ([`fingerprint`]).
    pub fingerprint: String,
    /// The booking's nights now.
    pub stay: Stay,
    /// Whether the feed gave it as a block.
    pub blocked: bool,
}

/// One change to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new booking from this event.
    Add(FeedEvent),
    /// The booking takes the event's new content (and UID).
    Update {
        /// The booking.
        booking: BookingId,
        /// Its nights before.
        previous: Stay,
        /// What the feed says now.
        event: FeedEvent,
    },
    /// The event is gone: its booking is cancelled.
    Cancel {
        /// The booking.
        booking: BookingId,
        /// Its UID in the feed.
        uid: String,
        /// Its nights.
        stay: Stay,
    },
}

/// What a poll does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncPlan {
    /// The changes to make now.
    pub changes: Vec<Change>,
    /// Cancellations held back by the guard, waiting for a person.
    pub held: Vec<Change>,
    /// Events whose content did not change.
    pub unchanged: usize,
}

/// What the feed said of an event, as one string: equal strings mean nothing to do.
pub fn fingerprint(event: &FeedEvent) -> String {
    format!(
        "{}|{}|{:?}|{}|{}|{}",
        event.stay.arrival(),
        event.stay.departure(),
        event.kind,
        event.summary,
        event.reservation_url.as_deref().unwrap_or(""),
        event.phone_digits.as_deref().unwrap_or("")
    )
}

/// The name a bar shows for an imported event: the guest's first name when the summary gives one
/// ("Réservée - Marie" → "Marie"), else the platform's name, "(indisponible)" for a block.
pub fn guest_label(event: &FeedEvent, platform: Platform) -> String {
    let named = event
        .summary
        .split_once(" - ")
        .map(|(_, name)| name.trim())
        .filter(|name| !name.is_empty() && !name.eq_ignore_ascii_case("not available"));
    match (event.kind, named) {
        (EventKind::Blocked, _) => format!("{} (indisponible)", platform.name()),
        (_, Some(name)) => name.chars().take(80).collect(),
        _ => platform.name().to_owned(),
    }
}

/// The notes an imported booking starts with: where it comes from, the platform's summary, and the
/// reservation's link and phone digits when the feed gives them.
pub fn imported_notes(event: &FeedEvent, platform: Platform) -> String {
    let mut notes = format!("Importé de {} : {}", platform.name(), event.summary);
    if let Some(url) = &event.reservation_url {
        notes.push_str(&format!("\nRéservation : {url}"));
    }
    if let Some(digits) = &event.phone_digits {
        notes.push_str(&format!("\nTéléphone (derniers chiffres) : {digits}"));
    }
    notes
}

/// The plan for `events` (one feed's, UIDs distinct) against what it imported before, on `today`.
/// `confirmed` releases the cancellations the guard would hold.
pub fn plan_sync(
    imported: &[Imported],
    events: &[FeedEvent],
    today: NaiveDate,
    confirmed: bool,
) -> SyncPlan {
    let mut plan = SyncPlan::default();
    let mut matched = vec![false; imported.len()];
    let mut fresh = Vec::new();
    let by_uid: HashMap<&str, usize> = imported
        .iter()
        .enumerate()
        .map(|(index, known)| (known.uid.as_str(), index))
        .collect();
    for event in events {
        match by_uid.get(event.uid.as_str()).copied() {
            Some(index) => {
                matched[index] = true;
                let known = &imported[index];
                if known.fingerprint == fingerprint(event) {
                    plan.unchanged += 1;
                } else {
                    plan.changes.push(Change::Update {
                        booking: known.booking,
                        previous: known.stay,
                        event: event.clone(),
                    });
                }
            }
            None => fresh.push(event),
        }
    }
    for event in fresh {
        let moved_block = (event.kind == EventKind::Blocked)
            .then(|| {
                imported.iter().enumerate().position(|(index, known)| {
                    !matched[index] && known.blocked && touches(known.stay, event.stay)
                })
            })
            .flatten();
        match moved_block {
            Some(index) => {
                matched[index] = true;
                plan.changes.push(Change::Update {
                    booking: imported[index].booking,
                    previous: imported[index].stay,
                    event: event.clone(),
                });
            }
            None => plan.changes.push(Change::Add(event.clone())),
        }
    }
    let future = imported
        .iter()
        .filter(|known| known.stay.departure() > today)
        .count();
    let gone: Vec<Change> = imported
        .iter()
        .zip(&matched)
        .filter(|(known, matched)| !**matched && known.stay.departure() > today)
        .map(|(known, _)| Change::Cancel {
            booking: known.booking,
            uid: known.uid.clone(),
            stay: known.stay,
        })
        .collect();
    let suspicious = !gone.is_empty() && (events.is_empty() || gone.len() * 2 > future);
    if suspicious && !confirmed {
        plan.held = gone;
    } else {
        plan.changes.extend(gone);
    }
    plan
}

/// Whether two stays overlap or follow each other without a gap.
fn touches(a: Stay, b: Stay) -> bool {
    a.arrival() <= b.departure() && b.arrival() <= a.departure()
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
