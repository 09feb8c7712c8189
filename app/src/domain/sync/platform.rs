//! The platforms a feed comes from. Each has a code (stored, and used in export links' `exclure`
//! option), the booking origin its stays get, and the name people know it by.

use crate::domain::booking::origin::Origin;
use serde::{Deserialize, Serialize};

/// Where a feed comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Platform {
    /// Airbnb.
    Airbnb,
    /// Booking.com.
    BookingCom,
    /// Vrbo (Abritel in France).
    Vrbo,
    /// Any other site or channel exporting iCalendar.
    Other,
}

impl Platform {
    /// Every platform, in the order forms offer them.
    pub const ALL: [Platform; 4] = [
        Platform::Airbnb,
        Platform::BookingCom,
        Platform::Vrbo,
        Platform::Other,
    ];

    /// The code stored and written in links.
    pub fn code(self) -> &'static str {
        match self {
            Platform::Airbnb => "airbnb",
            Platform::BookingCom => "booking",
            Platform::Vrbo => "vrbo",
            Platform::Other => "other",
        }
    }

    /// The platform of a code (any case, spaces around ignored).
    pub fn from_code(code: &str) -> Option<Platform> {
        let code = code.trim();
        Platform::ALL
            .into_iter()
            .find(|platform| platform.code().eq_ignore_ascii_case(code))
    }

    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Airbnb => "Airbnb",
            Platform::BookingCom => "Booking.com",
            Platform::Vrbo => "Vrbo / Abritel",
            Platform::Other => "Autre",
        }
    }

    /// The origin recorded on the bookings it brings.
    pub fn origin(self) -> Origin {
        match self {
            Platform::Airbnb => Origin::Airbnb,
            Platform::BookingCom => Origin::BookingCom,
            Platform::Vrbo => Origin::Vrbo,
            Platform::Other => Origin::Other,
        }
    }

    /// The default status name a new organisation has for this platform's stays (seed 004), if any.
    pub fn default_status_name(self) -> Option<&'static str> {
        match self {
            Platform::Airbnb => Some("AirBnb"),
            Platform::BookingCom => Some("Booking.com"),
            Platform::Vrbo | Platform::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for platform in Platform::ALL {
            assert_eq!(Platform::from_code(platform.code()), Some(platform));
        }
        assert_eq!(Platform::from_code(" Airbnb "), Some(Platform::Airbnb));
        assert_eq!(Platform::from_code("expedia"), None);
    }
}
