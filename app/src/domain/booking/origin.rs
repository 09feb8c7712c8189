//! Where a guest came from (SPEC C4 "origin"), kept for the statistics of how guests find the homes.

use serde::{Deserialize, Serialize};

/// How the guest found the home.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// Not told.
    #[default]
    Unknown,
    /// Directly: phone, email, visit.
    Direct,
    /// The owner's own website.
    Website,
    /// Word of mouth.
    WordOfMouth,
    /// A guest who came before.
    Returning,
    /// Airbnb.
    Airbnb,
    /// Booking.com.
    BookingCom,
    /// Vrbo (Abritel).
    Vrbo,
    /// Another platform or channel.
    Other,
}

impl Origin {
    /// Every origin, in the order the form offers them.
    pub const ALL: [Origin; 9] = [
        Origin::Unknown,
        Origin::Direct,
        Origin::Website,
        Origin::WordOfMouth,
        Origin::Returning,
        Origin::Airbnb,
        Origin::BookingCom,
        Origin::Vrbo,
        Origin::Other,
    ];

    /// The code stored and sent by forms.
    pub fn code(self) -> &'static str {
        match self {
            Origin::Unknown => "",
            Origin::Direct => "direct",
            Origin::Website => "website",
            Origin::WordOfMouth => "word_of_mouth",
            Origin::Returning => "returning",
            Origin::Airbnb => "airbnb",
            Origin::BookingCom => "booking",
            Origin::Vrbo => "vrbo",
            Origin::Other => "other",
        }
    }

    /// The origin of a code; `None` for an unknown code.
    pub fn from_code(code: &str) -> Option<Origin> {
        Origin::ALL
            .into_iter()
            .find(|origin| origin.code() == code.trim())
    }

    /// Whether the platform collects the tourist tax itself by default (Airbnb, Booking.com and Vrbo
    /// collect it in most French communes).
    pub fn platform_collects_tax(self) -> bool {
        matches!(self, Origin::Airbnb | Origin::BookingCom | Origin::Vrbo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_origin() {
        for origin in Origin::ALL {
            assert_eq!(Origin::from_code(origin.code()), Some(origin));
        }
        assert_eq!(Origin::from_code("minitel"), None);
    }
}
