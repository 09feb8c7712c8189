//! The French legal identity of a furnished tourist rental: its classification (which drives the
//! tourist tax) and its registration number (loi Le Meur, shown on public pages and contracts).

use crate::domain::field::FieldError;
use serde::{Deserialize, Serialize};

/// Official classification of a furnished tourist rental (meublé de tourisme); it drives the tourist tax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Classification {
    /// Not classified (tourist tax by percentage).
    Unclassified,
    /// Classified from 1 to 5 stars.
    Stars(u8),
}

impl Classification {
    /// Every choice, in the order offered in the form.
    pub const ALL: [Classification; 6] = [
        Classification::Unclassified,
        Classification::Stars(1),
        Classification::Stars(2),
        Classification::Stars(3),
        Classification::Stars(4),
        Classification::Stars(5),
    ];

    /// The stable code used in forms and storage: "unclassified" or "1".."5".
    pub fn code(self) -> String {
        match self {
            Classification::Unclassified => "unclassified".into(),
            Classification::Stars(n) => n.to_string(),
        }
    }

    /// Parses [`Classification::code`].
    pub fn parse(code: &str) -> Result<Classification, FieldError> {
        Classification::ALL
            .into_iter()
            .find(|c| c.code() == code.trim())
            .ok_or(FieldError::InvalidChoice)
    }
}

/// Checks a French registration number: 13 letters or digits once spaces are removed, the first
/// five being the commune's INSEE code (digits, or 2A/2B for Corsica).
pub fn registration_number(raw: &str) -> Result<Option<String>, FieldError> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if compact.is_empty() {
        return Ok(None);
    }
    let commune: Vec<char> = compact.chars().take(5).collect();
    let commune_ok = commune.len() == 5
        && commune[0].is_ascii_digit()
        && (commune[1].is_ascii_digit() || commune[1] == 'A' || commune[1] == 'B')
        && commune[2..].iter().all(char::is_ascii_digit);
    if compact.chars().count() == 13
        && commune_ok
        && compact.chars().all(|c| c.is_ascii_alphanumeric())
    {
        Ok(Some(compact))
    } else {
        Err(FieldError::InvalidRegistrationNumber)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_numbers_follow_the_french_shape() {
        assert_eq!(
            registration_number("75056 12345678"),
            Ok(Some("7505612345678".into()))
        );
        assert_eq!(
            registration_number("2a004123456ab"),
            Ok(Some("2A004123456AB".into()))
        );
        assert_eq!(registration_number(""), Ok(None));
        assert_eq!(
            registration_number("12345"),
            Err(FieldError::InvalidRegistrationNumber)
        );
        assert_eq!(
            registration_number("ABCDE12345678"),
            Err(FieldError::InvalidRegistrationNumber)
        );
    }

    #[test]
    fn classification_codes_round_trip() {
        for c in Classification::ALL {
            assert_eq!(Classification::parse(&c.code()), Ok(c));
        }
        assert_eq!(Classification::parse("6"), Err(FieldError::InvalidChoice));
    }
}
