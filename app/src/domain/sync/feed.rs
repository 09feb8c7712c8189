//! An event read from a platform's feed: its UID (stable across polls), the nights it takes
//! (`[arrival, departure)`), whether it is a reservation, a tentative one or a block, and the few
//! details platforms give (the reservation's link, the last digits of the guest's phone).

use crate::domain::stay::Stay;
use serde::{Deserialize, Serialize};

/// What an event stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// A guest's stay ("Reserved", "Réservée - Marie", Booking.com's "CLOSED - Not available").
    Reservation,
    /// A stay not confirmed yet ("Provisoire - …", "Tentative").
    Tentative,
    /// Nights closed by the owner or the platform ("Airbnb (Not available)", "Blocked",
    /// "Indisponible").
    Blocked,
}

/// One event of a feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedEvent {
    /// The event's UID in the feed.
    pub uid: String,
    /// The nights it takes.
    pub stay: Stay,
    /// Reservation, tentative or block.
    pub kind: EventKind,
    /// The summary as the platform wrote it (escapes decoded).
    pub summary: String,
    /// The reservation's page on the platform, when the description gives it.
    pub reservation_url: Option<String>,
    /// The last digits of the guest's phone, when the description gives them.
    pub phone_digits: Option<String>,
}

/// What a summary says, by the words platforms use (English and French, any case).
pub fn classify(summary: &str) -> EventKind {
    let text = summary.trim().to_lowercase();
    let blocked = [
        "not available",
        "blocked",
        "indisponible",
        "unavailable",
        "bloqué",
    ];
    let tentative = ["provisoire", "tentative", "pending", "en attente"];
    if text.starts_with("closed") {
        // Booking.com closes every taken night with "CLOSED - Not available": a stay.
        EventKind::Reservation
    } else if tentative.iter().any(|word| text.starts_with(word)) {
        EventKind::Tentative
    } else if blocked.iter().any(|word| text.contains(word)) {
        EventKind::Blocked
    } else {
        EventKind::Reservation
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_of_each_platform() {
        assert_eq!(classify("Reserved"), EventKind::Reservation);
        assert_eq!(classify("Airbnb (Not available)"), EventKind::Blocked);
        assert_eq!(classify("CLOSED - Not available"), EventKind::Reservation);
        assert_eq!(classify("Réservée - Marie"), EventKind::Reservation);
        assert_eq!(classify("Provisoire - Jean"), EventKind::Tentative);
        assert_eq!(classify("Indisponible"), EventKind::Blocked);
        assert_eq!(classify("Blocked"), EventKind::Blocked);
        assert_eq!(classify("Séjour Dupont, 4 pers."), EventKind::Reservation);
    }
}
