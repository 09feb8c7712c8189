//! The season form: a dated period of a plan with its prices, minimum stay and "no discounts".

use crate::domain::field::{
    collect, date, optional_whole_number, required_text, FieldError, FieldErrors,
};
use crate::domain::money::Money;
use crate::domain::pricing::{Rates, Season};
use crate::domain::rates::MAX_MINIMUM_STAY;
use serde::{Deserialize, Serialize};

/// Longest season, in nights (a season may cross a year end but not span several).
pub const MAX_SEASON_NIGHTS: i64 = 366;

/// A season as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeasonForm {
    /// "Haute saison", "Pont de mai"…
    pub name: String,
    /// First night, "2027-05-07".
    pub first_night: String,
    /// Last night (included).
    pub last_night: String,
    /// Nightly price.
    pub nightly: String,
    /// Weekly price (optional).
    pub weekly: String,
    /// Weekend price (optional).
    pub weekend: String,
    /// Minimum nights inside the season (optional).
    pub minimum_stay: String,
    /// No discounts on these nights.
    pub no_discounts: bool,
}

impl SeasonForm {
    /// Checks every field at once.
    pub fn validate(&self) -> Result<Season, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(&mut errors, "name", required_text(&self.name, 60));
        let first = collect(&mut errors, "first_night", date(&self.first_night));
        let last = collect(&mut errors, "last_night", date(&self.last_night));
        if let (Some(first), Some(last)) = (first, last) {
            if last < first {
                errors.push(("last_night".into(), FieldError::EndBeforeStart));
            } else if (last - first).num_days() >= MAX_SEASON_NIGHTS {
                errors.push((
                    "last_night".into(),
                    FieldError::OutOfRange {
                        min: 1,
                        max: MAX_SEASON_NIGHTS,
                    },
                ));
            }
        }
        let nightly = collect(
            &mut errors,
            "nightly",
            Money::parse_non_negative(&self.nightly),
        );
        let weekly = collect(&mut errors, "weekly", Money::parse_optional(&self.weekly));
        let weekend = collect(&mut errors, "weekend", Money::parse_optional(&self.weekend));
        let minimum_stay = collect(
            &mut errors,
            "minimum_stay",
            optional_whole_number(&self.minimum_stay, 1, MAX_MINIMUM_STAY),
        );
        match (name, first, last, nightly, weekly, weekend, minimum_stay) {
            (
                Some(name),
                Some(first_night),
                Some(last_night),
                Some(nightly),
                Some(weekly),
                Some(weekend),
                Some(minimum_stay),
            ) if errors.is_empty() => Ok(Season {
                name: name.into(),
                first_night,
                last_night,
                rates: Rates {
                    nightly,
                    weekly,
                    weekend,
                },
                minimum_stay: minimum_stay.and_then(|n| u16::try_from(n).ok()),
                no_discounts: self.no_discounts,
            }),
            _ => Err(errors),
        }
    }

    /// The form showing a stored season.
    pub fn from_season(season: &Season) -> SeasonForm {
        SeasonForm {
            name: season.name.to_string(),
            first_night: season.first_night.to_string(),
            last_night: season.last_night.to_string(),
            nightly: season.rates.nightly.to_input(),
            weekly: season.rates.weekly.map(Money::to_input).unwrap_or_default(),
            weekend: season
                .rates
                .weekend
                .map(Money::to_input)
                .unwrap_or_default(),
            minimum_stay: season
                .minimum_stay
                .map(|n| n.to_string())
                .unwrap_or_default(),
            no_discounts: season.no_discounts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bridge() -> SeasonForm {
        SeasonForm {
            name: "Pont de mai".into(),
            first_night: "2027-05-07".into(),
            last_night: "2027-05-10".into(),
            nightly: "150".into(),
            weekly: String::new(),
            weekend: "170,50".into(),
            minimum_stay: "3".into(),
            no_discounts: true,
        }
    }

    #[test]
    fn a_valid_season_round_trips_through_its_form() {
        let season = bridge().validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(season.minimum_stay, Some(3));
        assert_eq!(season.rates.weekly, None);
        assert_eq!(SeasonForm::from_season(&season).validate(), Ok(season));
    }

    #[test]
    fn dates_must_be_in_order_and_every_field_is_checked() {
        let form = SeasonForm {
            last_night: "2027-05-01".into(),
            nightly: "cher".into(),
            minimum_stay: "0".into(),
            ..bridge()
        };
        let errors = form.validate().err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["last_night", "nightly", "minimum_stay"]);
        assert_eq!(errors[0].1, FieldError::EndBeforeStart);
    }
}
