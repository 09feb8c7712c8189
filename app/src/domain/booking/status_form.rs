//! The statuses of an organisation as its settings edit them (SPEC C3, seed 004 "Jusqu'à 20 statuts
//! différents"): a name and a `#rrggbb` colour, checked on both sides; what the settings list shows;
//! and why the storage refuses a change (the limit of [`MAX_STATUSES`], a status still in use).

use crate::domain::booking::stored::{BookingStatus, MAX_STATUSES};
use crate::domain::field::{collect, required_text, FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// Longest status name, in characters.
pub const STATUS_NAME_MAX: usize = 40;

/// A status as typed in the settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusForm {
    /// Name shown in the legend and on bars.
    pub name: String,
    /// Colour, `#rrggbb`.
    pub color: String,
}

/// A validated status: a trimmed name and a lower-case `#rrggbb` colour.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusInput {
    /// Name.
    pub name: String,
    /// Colour, `#rrggbb` in lower case.
    pub color: String,
}

/// What still uses a status, so that it cannot be deleted: bookings that have it, and synchronised
/// calendars (feeds) that give it to the stays or blocks they import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusUses {
    /// Bookings that have this status.
    pub bookings: i64,
    /// Calendar feeds that give it to their stays or blocks.
    pub feeds: i64,
}

impl StatusUses {
    /// Nothing uses the status: it may be deleted.
    pub fn none(&self) -> bool {
        self.bookings == 0 && self.feeds == 0
    }
}

/// A status as the settings list it: the status, its version, and what uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusSetting {
    /// The status.
    pub status: BookingStatus,
    /// Optimistic version: a rename made from an older one is refused.
    pub version: i64,
    /// What uses it (a used status cannot be deleted).
    pub uses: StatusUses,
}

/// Why the storage refused a change to the statuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusRefusal {
    /// The organisation already has [`MAX_STATUSES`] statuses.
    TooMany,
    /// Bookings or calendar feeds still use this status.
    InUse(StatusUses),
    /// It is already first (moving up) or last (moving down).
    CannotMove,
}

/// Parses a `#rrggbb` colour (as a colour input sends it, or typed), returned in lower case.
pub fn parse_color(raw: &str) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    let valid = text.len() == 7
        && text.starts_with('#')
        && text.chars().skip(1).all(|c| c.is_ascii_hexdigit());
    if valid {
        Ok(text.to_ascii_lowercase())
    } else {
        Err(FieldError::InvalidColor)
    }
}

impl StatusForm {
    /// The form filled with a stored status.
    pub fn from_status(status: &BookingStatus) -> StatusForm {
        StatusForm {
            name: status.name.clone(),
            color: status.color.clone(),
        }
    }

    /// Checks the name and the colour; errors are named `name` and `color`.
    pub fn validate(&self) -> Result<StatusInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(
            &mut errors,
            "name",
            required_text(&self.name, STATUS_NAME_MAX),
        );
        let color = collect(&mut errors, "color", parse_color(&self.color));
        match (name, color) {
            (Some(name), Some(color)) if errors.is_empty() => Ok(StatusInput { name, color }),
            _ => Err(errors),
        }
    }
}

/// Whether one more status may be added to `count` existing ones.
pub fn can_add_status(count: usize) -> bool {
    count < MAX_STATUSES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hex_triplets() {
        assert_eq!(parse_color(" #1D4ED8 "), Ok("#1d4ed8".into()));
        assert_eq!(parse_color("#fff"), Err(FieldError::InvalidColor));
        assert_eq!(parse_color("1d4ed8"), Err(FieldError::InvalidColor));
        assert_eq!(parse_color("#1d4eg8"), Err(FieldError::InvalidColor));
        assert_eq!(parse_color(""), Err(FieldError::Required));
    }

    #[test]
    fn a_status_needs_a_short_name_and_a_colour() {
        let form = StatusForm {
            name: " Payé ".into(),
            color: "#16A34A".into(),
        };
        assert_eq!(
            form.validate(),
            Ok(StatusInput {
                name: "Payé".into(),
                color: "#16a34a".into()
            })
        );
        let form = StatusForm {
            name: "x".repeat(STATUS_NAME_MAX + 1),
            color: "vert".into(),
        };
        let names: Vec<String> = form
            .validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(names, ["name", "color"]);
    }

    #[test]
    fn twenty_statuses_at_most() {
        assert!(can_add_status(19));
        assert!(!can_add_status(MAX_STATUSES));
    }
}
