//! Field-level validation errors shared by every form. A form's `validate` returns the list of
//! `(field name, FieldError)` pairs; the i18n layer turns each error into a sentence in the user's
//! language, shown next to the field.

use serde::{Deserialize, Serialize};

/// Why one field of a form was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    /// The field must be filled in.
    Required,
    /// The text is longer than `max` characters.
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
    /// The text is shorter than `min` characters.
    TooShort {
        /// The minimum, in characters.
        min: usize,
    },
    /// A whole number was expected.
    NotAWholeNumber,
    /// The number lies outside `[min, max]`.
    OutOfRange {
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
    },
    /// An amount of money in euros was expected ("120" or "120,50").
    NotAnAmount,
    /// A date was expected.
    NotADate,
    /// This date comes before the one it must follow (last night before first, departure before
    /// arrival).
    EndBeforeStart,
    /// The same value appears twice where each must be unique.
    Duplicate,
    /// A percentage was expected ("10" or "10,5").
    NotAPercentage,
    /// Amounts have at most two decimals (cents).
    TooManyDecimals,
    /// Negative amounts are refused here.
    Negative,
    /// Not an email address.
    InvalidEmail,
    /// Not a phone number (digits, spaces, + ( ) . - /).
    InvalidPhone,
    /// The two passwords typed differ.
    PasswordsDiffer,
    /// The new password equals the current one.
    PasswordUnchanged,
    /// The current password typed is wrong.
    WrongPassword,
    /// This email address already belongs to a user.
    EmailTaken,
    /// This account is already linked to another service provider.
    AccountLinked,
    /// Not a French registration number (13 letters or digits).
    InvalidRegistrationNumber,
    /// The chosen item (owner, rate plan…) does not exist (any more) in this organisation.
    UnknownChoice,
    /// Not one of the values offered.
    InvalidChoice,
    /// Not a colour written `#rrggbb`.
    InvalidColor,
    /// One address of a recipient list is not an email address.
    InvalidRecipient {
        /// The address as typed.
        address: String,
    },
    /// A recipient list is longer than `max` addresses.
    TooManyRecipients {
        /// The limit.
        max: usize,
    },
    /// A template uses placeholders that do not exist for its purpose.
    UnknownPlaceholders {
        /// The unknown names, as typed between braces.
        unknown: Vec<String>,
        /// The names that may be used.
        valid: Vec<String>,
    },
    /// Not a server name (letters, digits, dots and dashes).
    InvalidHost,
    /// A number was expected ("3" or "1,5").
    NotANumber,
    /// Not the address of a web calendar (`https://…`).
    InvalidFeedUrl,
    /// A payment above what remains to be paid.
    AboveRemaining {
        /// What remains to be paid.
        remaining: crate::domain::money::Money,
    },
}

/// A list of refused fields, by form field name.
pub type FieldErrors = Vec<(String, FieldError)>;

/// Trims `raw` and checks it is present and at most `max` characters long.
pub fn required_text(raw: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    optional_text(text, max)
}

/// Trims `raw` and checks it is at most `max` characters long (empty allowed).
pub fn optional_text(raw: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(text.to_string())
}

/// Parses a whole number in `[min, max]`.
pub fn whole_number(raw: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    let value: i64 = text.parse().map_err(|_| FieldError::NotAWholeNumber)?;
    if value < min || value > max {
        return Err(FieldError::OutOfRange { min, max });
    }
    Ok(value)
}

/// Parses a non-negative decimal typed by a person, between 0 and `max`, with at most two decimals:
/// spaces ignored, a comma or a dot before the decimals. `not_a_number` is the refusal for text that
/// is no number at all (each field names what it expected).
pub fn decimal_up_to(
    raw: &str,
    max: i64,
    not_a_number: FieldError,
) -> Result<rust_decimal::Decimal, FieldError> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Err(FieldError::Required);
    }
    let value: rust_decimal::Decimal = cleaned.parse().map_err(|_| not_a_number)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(FieldError::Negative);
    }
    if value > rust_decimal::Decimal::from(max) {
        return Err(FieldError::OutOfRange { min: 0, max });
    }
    if value.normalize().scale() > 2 {
        return Err(FieldError::TooManyDecimals);
    }
    Ok(value.normalize())
}

/// Parses an optional id chosen in a select; empty means `None`, garbage is an unknown choice.
pub fn optional_id<T: std::str::FromStr>(raw: &str) -> Result<Option<T>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        raw.trim()
            .parse()
            .map(Some)
            .map_err(|_| FieldError::UnknownChoice)
    }
}

/// Parses an optional whole number in `[min, max]`; empty means `None`.
pub fn optional_whole_number(raw: &str, min: i64, max: i64) -> Result<Option<i64>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        whole_number(raw, min, max).map(Some)
    }
}

/// Parses a date as a date field sends it ("2027-05-07") or as French people write it
/// ("07/05/2027").
pub fn date(raw: &str) -> Result<chrono::NaiveDate, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d/%m/%Y"))
        .map_err(|_| FieldError::NotADate)
}

/// Collects field results: pushes the error under `name` and returns the value when valid.
pub fn collect<T>(
    errors: &mut FieldErrors,
    name: &str,
    result: Result<T, FieldError>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push((name.to_string(), error));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_trims_and_refuses_blank() {
        assert_eq!(required_text("  Gîte  ", 10), Ok("Gîte".into()));
        assert_eq!(required_text("   ", 10), Err(FieldError::Required));
        assert_eq!(
            required_text("abcdef", 5),
            Err(FieldError::TooLong { max: 5 })
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(optional_text("éééé", 4), Ok("éééé".into()));
    }

    #[test]
    fn dates_in_both_writings() {
        let may_7 = chrono::NaiveDate::from_ymd_opt(2027, 5, 7);
        assert_eq!(date("2027-05-07").ok(), may_7);
        assert_eq!(date("07/05/2027").ok(), may_7);
        assert_eq!(date("2027-02-30"), Err(FieldError::NotADate));
        assert_eq!(date(""), Err(FieldError::Required));
    }

    #[test]
    fn whole_numbers_are_bounded() {
        assert_eq!(whole_number("4", 1, 50), Ok(4));
        assert_eq!(
            whole_number("0", 1, 50),
            Err(FieldError::OutOfRange { min: 1, max: 50 })
        );
        assert_eq!(whole_number("4,5", 1, 50), Err(FieldError::NotAWholeNumber));
        assert_eq!(whole_number("", 1, 50), Err(FieldError::Required));
    }
}
