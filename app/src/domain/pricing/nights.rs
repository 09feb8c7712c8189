//! Night-by-night pricing: each night takes the price of the season covering it (the most expensive
//! where seasons overlap, whatever the order they were entered in), or the plan's base prices.

use crate::domain::money::Money;
use crate::domain::pricing::quote::{NightBasis, NightLine};
use crate::domain::pricing::rounding::CumulativeRounding;
use crate::domain::pricing::tariff::{Rates, Season, Tariff};
use crate::domain::stay::Stay;
use chrono::{Datelike, NaiveDate, Weekday};

/// Stays of this many nights or more use weekly prices where they exist.
pub const WEEK: i64 = 7;

/// [`Rates`] in cents, converted once per quote rather than once per night.
#[derive(Clone, Copy)]
struct Cents {
    nightly: i64,
    weekly: Option<i64>,
    weekend: Option<i64>,
}

impl From<&Rates> for Cents {
    fn from(rates: &Rates) -> Cents {
        Cents {
            nightly: rates.nightly.cents(),
            weekly: rates.weekly.map(Money::cents),
            weekend: rates.weekend.map(Money::cents),
        }
    }
}

/// What one night costs under some rates, exactly, in sevenths of a cent (a weekly share is a
/// seventh of the weekly price; other prices are multiplied by 7).
fn night_price(rates: Cents, night: NaiveDate, weekly_stay: bool) -> (i64, NightBasis) {
    if weekly_stay {
        if let Some(weekly) = rates.weekly {
            return (weekly, NightBasis::WeeklyShare);
        }
    }
    match rates.weekend {
        Some(weekend) if matches!(night.weekday(), Weekday::Fri | Weekday::Sat) => {
            (weekend * WEEK, NightBasis::Weekend)
        }
        _ => (rates.nightly * WEEK, NightBasis::Nightly),
    }
}

/// The season that prices `night`: the most expensive of those covering it; equal prices are
/// settled by comparing the seasons themselves, so the entry order never matters.
fn winning_season(
    seasons: &[Season],
    prices: &[Cents],
    night: NaiveDate,
    weekly_stay: bool,
) -> Option<(usize, i64, NightBasis)> {
    let mut best: Option<(usize, i64, NightBasis)> = None;
    for (index, (season, rates)) in seasons.iter().zip(prices).enumerate() {
        if !season.covers(night) {
            continue;
        }
        let (price, basis) = night_price(*rates, night, weekly_stay);
        let better = match best {
            None => true,
            Some((best_index, best_price, _)) => {
                (price, season) > (best_price, &seasons[best_index])
            }
        };
        if better {
            best = Some((index, price, basis));
        }
    }
    best
}

/// The index of the season that prices `night` for a stay shorter than a week (what the year view
/// of a plan shows), or `None` where the base prices apply.
pub fn season_of_night(seasons: &[Season], night: NaiveDate) -> Option<usize> {
    let prices: Vec<Cents> = seasons.iter().map(|s| Cents::from(&s.rates)).collect();
    winning_season(seasons, &prices, night, false).map(|(index, _, _)| index)
}

/// The nights of a stay, priced, with the index of the season of each (for minimum stays).
pub struct PricedNights {
    /// One line per night.
    pub lines: Vec<NightLine>,
    /// The index in `tariff.seasons` of each night's season.
    pub seasons: Vec<Option<usize>>,
}

/// Prices every night of `stay` under `tariff`.
pub fn price_nights(tariff: &Tariff, stay: Stay) -> PricedNights {
    let count = usize::try_from(stay.nights()).unwrap_or(0);
    let weekly_stay = stay.nights() >= WEEK;
    let mut lines = Vec::with_capacity(count);
    let mut seasons = Vec::with_capacity(count);
    let mut rounding = CumulativeRounding::new(WEEK);
    let base = Cents::from(&tariff.base);
    let prices: Vec<Cents> = tariff
        .seasons
        .iter()
        .map(|s| Cents::from(&s.rates))
        .collect();
    for night in stay.arrival().iter_days().take(count) {
        let (season, exact, basis) =
            match winning_season(&tariff.seasons, &prices, night, weekly_stay) {
                Some((index, price, basis)) => (Some(index), price, basis),
                None => {
                    let (price, basis) = night_price(base, night, weekly_stay);
                    (None, price, basis)
                }
            };
        let priced_by = season.map(|index| &tariff.seasons[index]);
        lines.push(NightLine {
            night,
            season: priced_by.map(|s| s.name.clone()),
            basis,
            amount: rounding.next(exact),
            discountable: basis != NightBasis::WeeklyShare
                && !priced_by.is_some_and(|s| s.no_discounts),
        });
        seasons.push(season);
    }
    PricedNights { lines, seasons }
}

/// Sum of night lines.
pub fn total(lines: &[NightLine]) -> Money {
    lines.iter().map(|line| line.amount).sum()
}
