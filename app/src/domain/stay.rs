//! A stay: the half-open range of nights `[arrival, departure)`. The departure day is free for the
//! next arrival, so two stays that touch on one day do not overlap.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why a pair of dates is not a stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StayError {
    /// Departure on or before arrival.
    #[error("departure must be after arrival")]
    DepartureNotAfterArrival,
}

/// At least one night, from `arrival` (included) to `departure` (excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stay {
    arrival: NaiveDate,
    departure: NaiveDate,
}

impl Stay {
    /// A stay of at least one night.
    pub fn new(arrival: NaiveDate, departure: NaiveDate) -> Result<Stay, StayError> {
        if departure <= arrival {
            return Err(StayError::DepartureNotAfterArrival);
        }
        Ok(Stay { arrival, departure })
    }

    /// The first night.
    pub fn arrival(self) -> NaiveDate {
        self.arrival
    }

    /// The day the guests leave (not a night of the stay).
    pub fn departure(self) -> NaiveDate {
        self.departure
    }

    /// The number of nights.
    pub fn nights(self) -> i64 {
        (self.departure - self.arrival).num_days()
    }

    /// Whether the two stays share at least one night.
    pub fn overlaps(self, other: Stay) -> bool {
        self.arrival < other.departure && other.arrival < self.departure
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default()
    }

    #[test]
    fn counts_nights_not_days() {
        assert_eq!(Stay::new(day(12), day(15)).map(Stay::nights), Ok(3));
    }

    #[test]
    fn departure_must_follow_arrival() {
        assert_eq!(
            Stay::new(day(12), day(12)),
            Err(StayError::DepartureNotAfterArrival)
        );
        assert_eq!(
            Stay::new(day(12), day(11)),
            Err(StayError::DepartureNotAfterArrival)
        );
    }

    #[test]
    fn a_departure_day_is_free_for_the_next_arrival() {
        let first = Stay::new(day(12), day(15)).unwrap_or_else(|_| unreachable!());
        let next = Stay::new(day(15), day(18)).unwrap_or_else(|_| unreachable!());
        let overlapping = Stay::new(day(14), day(16)).unwrap_or_else(|_| unreachable!());
        assert!(!first.overlaps(next));
        assert!(first.overlaps(overlapping));
        assert!(overlapping.overlaps(next));
    }
}
