//! The booking search of the owner's website: dates and guests in, the free public homes out, each
//! with its exact price from the shared pricing engine. A home is offered only when none of its
//! nights is taken and its rules accept the stay (minimum stay, capacity); the cheapest comes first.

use crate::domain::field::{collect, date, whole_number, FieldError, FieldErrors};
use crate::domain::percent::Percent;
use crate::domain::pricing::{quote, Guests, PricedProperty, PricingSettings, Quote, QuoteRequest};
use crate::domain::stay::Stay;
use chrono::{Days, NaiveDate};

/// Longest stay a guest may ask for on the public pages, in nights.
pub const MAX_NIGHTS: i64 = 90;
/// How far ahead a stay may start, in days.
pub const MAX_DAYS_AHEAD: u64 = 730;

/// The search as typed (query parameters `arrivee`, `depart`, `adultes`, `enfants`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchForm {
    /// Arrival date.
    pub arrival: String,
    /// Departure date.
    pub departure: String,
    /// Adults.
    pub adults: String,
    /// Children.
    pub children: String,
}

/// A valid search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Search {
    /// The nights asked for.
    pub stay: Stay,
    /// The guests.
    pub guests: Guests,
}

impl SearchForm {
    /// Reads the form's fields from decoded query or form pairs.
    pub fn from_pairs(pairs: &[(String, String)]) -> SearchForm {
        let field = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
                .unwrap_or_default()
        };
        SearchForm {
            arrival: field("arrivee"),
            departure: field("depart"),
            adults: field("adultes"),
            children: field("enfants"),
        }
    }

    /// Whether the guest has not searched yet (no dates typed).
    pub fn is_empty(&self) -> bool {
        self.arrival.trim().is_empty() && self.departure.trim().is_empty()
    }

    /// Checks the search seen on `today`; errors are named after the query parameters.
    pub fn validate(&self, today: NaiveDate) -> Result<Search, FieldErrors> {
        let mut errors = FieldErrors::new();
        let arrival = collect(&mut errors, "arrivee", arrival_date(&self.arrival, today));
        let departure = collect(&mut errors, "depart", date(&self.departure));
        let adults = collect(&mut errors, "adultes", whole_number(&self.adults, 1, 50));
        let children = if self.children.trim().is_empty() {
            Some(0)
        } else {
            collect(&mut errors, "enfants", whole_number(&self.children, 0, 50))
        };
        let stay = match (arrival, departure) {
            (Some(arrival), Some(departure)) => match Stay::new(arrival, departure) {
                Ok(stay) if stay.nights() > MAX_NIGHTS => {
                    errors.push((
                        "depart".into(),
                        FieldError::OutOfRange {
                            min: 1,
                            max: MAX_NIGHTS,
                        },
                    ));
                    None
                }
                Ok(stay) => Some(stay),
                Err(_) => {
                    errors.push(("depart".into(), FieldError::EndBeforeStart));
                    None
                }
            },
            _ => None,
        };
        match (stay, adults, children) {
            (Some(stay), Some(adults), Some(children)) if errors.is_empty() => Ok(Search {
                stay,
                guests: Guests {
                    adults: u16::try_from(adults).unwrap_or(1),
                    children: u16::try_from(children).unwrap_or(0),
                    others: 0,
                },
            }),
            _ => Err(errors),
        }
    }
}

/// An arrival from today to [`MAX_DAYS_AHEAD`] days ahead.
fn arrival_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let day = date(raw)?;
    let last = today
        .checked_add_days(Days::new(MAX_DAYS_AHEAD))
        .unwrap_or(today);
    if day < today || day > last {
        return Err(FieldError::OutOfRange {
            min: 0,
            max: i64::try_from(MAX_DAYS_AHEAD).unwrap_or(i64::MAX),
        });
    }
    Ok(day)
}

impl Search {
    /// The engine's request for this search (no discount, no options, tax collected here).
    pub fn request(&self) -> QuoteRequest {
        QuoteRequest {
            stay: self.stay,
            guests: self.guests,
            manual_discount: Percent::ZERO,
            options: Vec::new(),
            forfait: None,
            tax_collected_by_platform: false,
        }
    }
}

/// A home offered for the search, with its quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// The home's position in the list given to [`offers`].
    pub index: usize,
    /// Its price for the stay, line by line.
    pub quote: Quote,
}

/// Whether `stay` shares a night with any of `taken`.
pub fn is_free(stay: Stay, taken: &[Stay]) -> bool {
    !taken.iter().any(|other| other.overlaps(stay))
}

/// The homes of `properties` free for the search (`taken[i]`: the taken stays of home `i`) whose
/// rules accept it, cheapest first (ties by name).
pub fn offers(
    properties: &[PricedProperty],
    taken: &[Vec<Stay>],
    settings: &PricingSettings,
    search: &Search,
) -> Vec<Offer> {
    let request = search.request();
    let mut found: Vec<Offer> = properties
        .iter()
        .enumerate()
        .filter(|(index, _)| is_free(search.stay, taken.get(*index).map_or(&[], Vec::as_slice)))
        .filter(|(_, property)| search.guests.counted() <= property.capacity)
        .filter_map(|(index, property)| {
            let quote = quote(property, settings, &request).ok()?;
            quote.is_accepted().then_some(Offer { index, quote })
        })
        .collect();
    found.sort_by(|a, b| {
        a.quote
            .totals
            .total
            .cmp(&b.quote.totals.total)
            .then_with(|| properties[a.index].name.cmp(&properties[b.index].name))
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
    use crate::domain::pricing::Tariff;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap_or_default()
    }

    fn form(arrival: &str, departure: &str, adults: &str) -> SearchForm {
        SearchForm {
            arrival: arrival.into(),
            departure: departure.into(),
            adults: adults.into(),
            children: String::new(),
        }
    }

    fn home(name: &str, nightly: i64, capacity: u16, minimum: Option<u16>) -> PricedProperty {
        let mut tariff = Tariff::fixed(Money::from_cents(nightly));
        tariff.minimum_stay = minimum;
        PricedProperty {
            name: name.into(),
            capacity,
            tariff,
            tourist_taxes: Vec::new(),
        }
    }

    fn stay(a: NaiveDate, b: NaiveDate) -> Stay {
        Stay::new(a, b).unwrap_or_else(|_| panic!("stay"))
    }

    #[test]
    fn a_search_needs_dates_in_order_from_today_and_an_adult() {
        let today = day(6, 1);
        let search = form("2027-07-10", "17/07/2027", "2").validate(today);
        assert_eq!(search.map(|s| s.stay.nights()), Ok(7));
        let errors = form("2027-05-10", "2027-05-09", "0")
            .validate(today)
            .err()
            .unwrap_or_default();
        let names: Vec<&str> = errors.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["arrivee", "adultes"]);
        let backwards = form("2027-07-10", "2027-07-09", "2").validate(today);
        assert_eq!(
            backwards,
            Err(vec![("depart".into(), FieldError::EndBeforeStart)])
        );
        let too_long = form("2027-07-01", "2027-12-01", "2").validate(today);
        assert_eq!(
            too_long,
            Err(vec![(
                "depart".into(),
                FieldError::OutOfRange {
                    min: 1,
                    max: MAX_NIGHTS
                }
            )])
        );
    }

    #[test]
    fn only_free_homes_that_accept_the_stay_are_offered_cheapest_first() {
        let homes = [
            home("Le Chalet", 15000, 6, None),
            home("La Grange", 9000, 4, None),
            home("Le Moulin", 8000, 2, None),
            home("La Bergerie", 7000, 8, Some(7)),
            home("Le Four", 6000, 8, None),
        ];
        let taken = vec![
            vec![],
            vec![stay(day(7, 1), day(7, 11))],
            vec![],
            vec![],
            // Leaves on the arrival day: free (stays are half-open).
            vec![stay(day(7, 5), day(7, 10))],
        ];
        let search = form("2027-07-10", "2027-07-13", "3")
            .validate(day(6, 1))
            .unwrap_or_else(|_| panic!("valid"));
        let offered = offers(&homes, &taken, &PricingSettings::default(), &search);
        let names: Vec<&str> = offered
            .iter()
            .map(|o| homes[o.index].name.as_str())
            .collect();
        // La Grange is taken on the 10th (a night), Le Moulin too small, La Bergerie needs 7 nights.
        assert_eq!(names, ["Le Four", "Le Chalet"]);
        assert_eq!(offered[0].quote.totals.total, Money::from_cents(18000));
    }
}
