//! A property's public availability calendar: months of days, each free, taken, or half taken — the
//! morning of a departure day is the leaving guest's, its afternoon is free for the next arrival
//! (stays are `[arrival, departure)`), so a guest sees at a glance where a stay can start and end.
//! Each free day also carries the minimum stay for an arrival that day, as a hint.

use crate::domain::pricing::{PricingSettings, Tariff};
use crate::domain::stay::Stay;
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::HashSet;

/// What one day of the public calendar shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayState {
    /// Before today: nothing can be booked.
    Past,
    /// The night that starts this day and the one before are free.
    Free,
    /// The night before is taken (a guest leaves this morning), this night is free: a stay may
    /// start here.
    ArrivalPossible,
    /// This night is taken (a guest arrives this afternoon), the night before is free: a stay may
    /// end here.
    DeparturePossible,
    /// This night and the one before are taken.
    Taken,
}

impl DayState {
    /// Whether a stay may start this day.
    pub fn can_arrive(self) -> bool {
        matches!(self, DayState::Free | DayState::ArrivalPossible)
    }
}

/// One day of a month of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDay {
    /// The day.
    pub date: NaiveDate,
    /// Free, taken or half taken.
    pub state: DayState,
    /// The minimum stay, in nights, for an arrival this day (only where a stay may start).
    pub minimum_nights: Option<u16>,
}

/// One month of the calendar, laid out in weeks from Monday.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarMonth {
    /// The first day of the month.
    pub first: NaiveDate,
    /// Weeks of seven cells, Monday first; `None` outside the month.
    pub weeks: Vec<[Option<CalendarDay>; 7]>,
}

impl CalendarMonth {
    /// The runs of consecutive free days sharing one minimum stay of more than one night:
    /// `(first, last, nights)` (a single night is no rule worth showing).
    pub fn minimum_stay_runs(&self) -> Vec<(NaiveDate, NaiveDate, u16)> {
        let mut runs: Vec<(NaiveDate, NaiveDate, u16)> = Vec::new();
        for day in self.weeks.iter().flatten().flatten() {
            let Some(nights) = day.minimum_nights else {
                continue;
            };
            match runs.last_mut() {
                Some(run) if run.2 == nights => run.1 = day.date,
                _ => runs.push((day.date, day.date, nights)),
            }
        }
        runs.retain(|run| run.2 > 1);
        runs
    }
}

/// The minimum stay for an arrival on `day`, as a hint: the season covering that night with its own
/// minimum (the longest if several; never more than the season lasts), else the plan's, else the
/// organisation's. The quote decides exactly when dates are chosen.
pub fn minimum_nights(tariff: &Tariff, settings: &PricingSettings, day: NaiveDate) -> u16 {
    tariff
        .seasons
        .iter()
        .filter(|season| season.covers(day))
        .filter_map(|season| {
            let minimum = season.minimum_stay?;
            Some(i64::from(minimum).min(season.length()))
        })
        .max()
        .and_then(|nights| u16::try_from(nights).ok())
        .unwrap_or_else(|| tariff.minimum_stay.unwrap_or(settings.minimum_stay))
}

/// `count` months from the month of `first_month`, for a property whose taken stays are `taken`,
/// seen on `today`; `minimum` gives the minimum stay of an arrival day.
pub fn months(
    first_month: NaiveDate,
    count: u32,
    taken: &[Stay],
    today: NaiveDate,
    minimum: impl Fn(NaiveDate) -> u16,
) -> Vec<CalendarMonth> {
    let start = first_month.with_day(1).unwrap_or(first_month);
    let nights: HashSet<NaiveDate> = taken
        .iter()
        .flat_map(|stay| {
            stay.arrival()
                .iter_days()
                .take_while(move |d| *d < stay.departure())
        })
        .collect();
    (0..count)
        .filter_map(|offset| start.checked_add_months(Months::new(offset)))
        .map(|first| month(first, &nights, today, &minimum))
        .collect()
}

fn month(
    first: NaiveDate,
    nights: &HashSet<NaiveDate>,
    today: NaiveDate,
    minimum: &impl Fn(NaiveDate) -> u16,
) -> CalendarMonth {
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<CalendarDay>> = vec![None; lead];
    let days = first
        .iter_days()
        .take_while(|day| day.month() == first.month());
    for date in days {
        let before = date
            .checked_sub_days(Days::new(1))
            .is_some_and(|night| nights.contains(&night));
        let state = match (date < today, before, nights.contains(&date)) {
            (true, _, _) => DayState::Past,
            (false, false, false) => DayState::Free,
            (false, true, false) => DayState::ArrivalPossible,
            (false, false, true) => DayState::DeparturePossible,
            (false, true, true) => DayState::Taken,
        };
        let minimum_nights = state.can_arrive().then(|| minimum(date));
        cells.push(Some(CalendarDay {
            date,
            state,
            minimum_nights,
        }));
    }
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let weeks = cells
        .chunks(7)
        .map(|week| {
            [
                week[0], week[1], week[2], week[3], week[4], week[5], week[6],
            ]
        })
        .collect();
    CalendarMonth { first, weeks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
    use crate::domain::pricing::{Rates, Season};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap_or_default()
    }

    fn stay(a: NaiveDate, b: NaiveDate) -> Stay {
        Stay::new(a, b).unwrap_or_else(|_| panic!("stay"))
    }

    fn state(months: &[CalendarMonth], date: NaiveDate) -> Option<DayState> {
        months
            .iter()
            .flat_map(|m| m.weeks.iter().flatten().flatten())
            .find(|d| d.date == date)
            .map(|d| d.state)
    }

    #[test]
    fn a_stay_takes_its_nights_and_half_of_its_first_and_last_days() {
        // Two stays touching on 10 July: 5→10 and 10→12.
        let taken = [stay(day(7, 5), day(7, 10)), stay(day(7, 10), day(7, 12))];
        let months = months(day(7, 1), 1, &taken, day(7, 2), |_| 2);
        assert_eq!(state(&months, day(7, 1)), Some(DayState::Past));
        assert_eq!(state(&months, day(7, 4)), Some(DayState::Free));
        assert_eq!(state(&months, day(7, 5)), Some(DayState::DeparturePossible));
        assert_eq!(state(&months, day(7, 7)), Some(DayState::Taken));
        // The departure of one and the arrival of the next share the day: taken.
        assert_eq!(state(&months, day(7, 10)), Some(DayState::Taken));
        assert_eq!(state(&months, day(7, 12)), Some(DayState::ArrivalPossible));
        assert_eq!(state(&months, day(7, 13)), Some(DayState::Free));
    }

    #[test]
    fn weeks_start_on_monday_and_only_arrival_days_carry_a_minimum() {
        // 1 July 2027 is a Thursday.
        let months = months(
            day(7, 15),
            2,
            &[stay(day(7, 5), day(7, 10))],
            day(7, 1),
            |_| 3,
        );
        assert_eq!(months.len(), 2);
        assert_eq!(months[0].first, day(7, 1));
        assert_eq!(months[0].weeks[0][0..3], [None, None, None]);
        assert_eq!(months[0].weeks[0][3].map(|d| d.date), Some(day(7, 1)));
        assert!(months.iter().all(|m| m.weeks.iter().all(|w| w.len() == 7)));
        let taken_day = months[0]
            .weeks
            .iter()
            .flatten()
            .flatten()
            .find(|d| d.date == day(7, 7));
        assert_eq!(taken_day.and_then(|d| d.minimum_nights), None);
        assert_eq!(months[1].first, day(8, 1));
    }

    #[test]
    fn a_season_minimum_applies_inside_the_season_and_never_exceeds_it() {
        // Seed 004 "Durée minimum du séjour": a season's minimum replaces the plan's or the global
        // one for the part of the stay inside that season.
        let mut tariff = Tariff::fixed(Money::from_cents(8000));
        tariff.minimum_stay = Some(2);
        tariff.seasons.push(Season {
            name: "Été".into(),
            first_night: day(7, 3),
            last_night: day(8, 27),
            rates: Rates::nightly(Money::from_cents(12000)),
            minimum_stay: Some(7),
            no_discounts: false,
        });
        tariff.seasons.push(Season {
            name: "Pont".into(),
            first_night: day(5, 7),
            last_night: day(5, 9),
            rates: Rates::nightly(Money::from_cents(10000)),
            minimum_stay: Some(5),
            no_discounts: false,
        });
        let settings = PricingSettings::default();
        assert_eq!(minimum_nights(&tariff, &settings, day(7, 10)), 7);
        assert_eq!(minimum_nights(&tariff, &settings, day(6, 10)), 2);
        assert_eq!(minimum_nights(&tariff, &settings, day(5, 8)), 3);
        let months = months(day(7, 1), 1, &[], day(7, 1), |d| {
            minimum_nights(&tariff, &settings, d)
        });
        assert_eq!(
            months[0].minimum_stay_runs(),
            vec![(day(7, 1), day(7, 2), 2), (day(7, 3), day(7, 31), 7)]
        );
    }
}
