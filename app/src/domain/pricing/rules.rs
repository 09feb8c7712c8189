//! The owner's rules a stay must respect: capacity and minimum stays.
//!
//! Minimum stay (seed 004, "Durée minimum du séjour"): a season's minimum replaces the plan's or the
//! global one *for the part of the stay inside that season*: with 3 nights minimum on the 7–10 May
//! bridge, 7→10 is accepted and 6→9 refused. A season's minimum never exceeds its own length, so a
//! short period cannot forbid every stay. The plan's minimum (or else the global one) applies to the
//! whole stay unless every night lies in seasons that set their own.

use crate::domain::pricing::quote::{Guests, Refusal};
use crate::domain::pricing::tariff::{PricedProperty, PricingSettings};

/// The refusals for a stay whose night `i` lies in season `night_seasons[i]` (an index into the
/// property's seasons).
pub fn refusals(
    property: &PricedProperty,
    settings: &PricingSettings,
    guests: Guests,
    night_seasons: &[Option<usize>],
) -> Vec<Refusal> {
    let mut refusals = Vec::new();
    if guests.counted() > property.capacity {
        refusals.push(Refusal::TooManyGuests {
            guests: guests.counted(),
            capacity: property.capacity,
        });
    }
    let seasons = &property.tariff.seasons;
    let nights = i64::try_from(night_seasons.len()).unwrap_or(i64::MAX);
    let has_own_minimum =
        |night: &Option<usize>| night.is_some_and(|index| seasons[index].minimum_stay.is_some());
    if !night_seasons.iter().all(has_own_minimum) {
        let required = property
            .tariff
            .minimum_stay
            .unwrap_or(settings.minimum_stay);
        if nights < i64::from(required) {
            refusals.push(Refusal::MinimumStay {
                required,
                actual: nights,
                season: None,
            });
        }
    }
    for (index, season) in seasons.iter().enumerate() {
        let Some(minimum) = season.minimum_stay else {
            continue;
        };
        let inside = night_seasons
            .iter()
            .filter(|night| **night == Some(index))
            .count();
        let inside = i64::try_from(inside).unwrap_or(i64::MAX);
        let required = i64::from(minimum).min(season.length());
        if inside > 0 && inside < required {
            refusals.push(Refusal::MinimumStay {
                required: u16::try_from(required).unwrap_or(minimum),
                actual: inside,
                season: Some(season.name.clone()),
            });
        }
    }
    refusals
}
