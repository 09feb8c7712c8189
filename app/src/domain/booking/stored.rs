//! Bookings as stored: what the edit form opens, what a save answers, and the statuses.

use crate::domain::booking::form::BookingForm;
use crate::domain::ids::{BookingId, StatusId};
use crate::domain::money::Money;
use crate::domain::pricing::Quote;
use serde::{Deserialize, Serialize};

/// Most statuses an organisation may define (seed 004: "Jusqu'à 20 statuts").
pub const MAX_STATUSES: usize = 20;

/// A booking status of the organisation (Option, Payé, …) and its colour on the planning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingStatus {
    /// Id.
    pub id: StatusId,
    /// Name shown in the legend and on bars.
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
}

impl BookingStatus {
    /// Black or white, whichever reads better on the status colour (WCAG relative luminance).
    pub fn text_color(&self) -> &'static str {
        let channel = |range: std::ops::Range<usize>| {
            let value = self
                .color
                .get(range)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .map_or(0.0, |byte| f64::from(byte) / 255.0);
            if value <= 0.039_28 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        let luminance = 0.2126 * channel(1..3) + 0.7152 * channel(3..5) + 0.0722 * channel(5..7);
        // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05).
        if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) {
            "#000000"
        } else {
            "#ffffff"
        }
    }
}

/// A stored booking, opened for editing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Booking {
    /// Id.
    pub id: BookingId,
    /// Optimistic version: a save made from an older one is refused.
    pub version: i64,
    /// The form as it was saved.
    pub form: BookingForm,
    /// The property's name.
    pub property_name: String,
    /// The price it was sold at, line by line (absent for bookings stored without one).
    pub quote: Option<Quote>,
    /// What the guest pays for this property, as sold.
    pub price: Money,
    /// What the whole group was sold at (this price when not grouped).
    #[serde(default)]
    pub group_price: Money,
    /// Saved although the rules refused the stay.
    pub forced: bool,
}

/// What a save answers: enough to update the planning without reloading it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedBooking {
    /// Id.
    pub id: BookingId,
    /// The new version.
    pub version: i64,
    /// The price the server computed (a grouped booking's: the group's, every member summed).
    pub price: Money,
    /// The other members of its group, with their new versions (empty when not grouped).
    #[serde(default)]
    pub group: Vec<(BookingId, i64)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn status(color: &str) -> BookingStatus {
        BookingStatus {
            id: StatusId(Uuid::nil()),
            name: "Payé".into(),
            color: color.into(),
        }
    }

    #[test]
    fn labels_on_status_colours_stay_readable() {
        assert_eq!(status("#ffff00").text_color(), "#000000");
        assert_eq!(status("#000080").text_color(), "#ffffff");
        assert_eq!(status("#f59e0b").text_color(), "#000000");
        assert_eq!(status("#1d4ed8").text_color(), "#ffffff");
    }
}
