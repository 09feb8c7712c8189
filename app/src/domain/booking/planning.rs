//! What the planning draws (SPEC C3): a window of days, one row per property, one bar per booking.
//! Overbooking is allowed, so a row's bars are laid out in lanes — the first lane that is free for the
//! whole stay, as few lanes as there are bookings on the busiest night — and the nights booked twice
//! are reported so the grid can flag them.

use crate::domain::booking::stored::BookingStatus;
use crate::domain::ids::{BookingGroupId, BookingId, OwnerId, PropertyId, StatusId};
use crate::domain::money::Money;
use crate::domain::property::Choice;
use crate::domain::stay::Stay;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Most days one planning request covers (12 months shown, plus a margin).
pub const MAX_WINDOW_DAYS: i64 = 400;

/// The days shown: `[from, to)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningWindow {
    /// First day shown.
    pub from: NaiveDate,
    /// Day after the last day shown.
    pub to: NaiveDate,
}

impl PlanningWindow {
    /// `months` whole months from the first of `first_month`'s month (1 to 12 months).
    pub fn months(first_month: NaiveDate, months: u32) -> PlanningWindow {
        let from = first_month.with_day0(0).unwrap_or(first_month);
        let to = from
            .checked_add_months(chrono::Months::new(months.clamp(1, 12)))
            .unwrap_or(from);
        PlanningWindow { from, to }
    }

    /// Checks a window asked for: in order and at most [`MAX_WINDOW_DAYS`] long.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<PlanningWindow> {
        let days = (to - from).num_days();
        (days > 0 && days <= MAX_WINDOW_DAYS).then_some(PlanningWindow { from, to })
    }

    /// Number of days shown.
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days()
    }
}

/// A property's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningRow {
    /// The property.
    pub property: PropertyId,
    /// Its name.
    pub name: String,
    /// Its owner, if any (rows are grouped by owner).
    pub owner: Option<OwnerId>,
}

/// A booking's bar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    /// The booking.
    pub id: BookingId,
    /// Its property.
    pub property: PropertyId,
    /// Its nights.
    pub stay: Stay,
    /// Its status.
    pub status: StatusId,
    /// The guest's name (empty when none).
    pub guest: String,
    /// Its version (a move is saved from it).
    pub version: i64,
    /// What the guest pays.
    pub price: Money,
    /// Its group, when it is one property of a grouped booking.
    pub group: Option<BookingGroupId>,
}

/// Everything the planning draws for a window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningData {
    /// The days.
    pub window: PlanningWindow,
    /// One row per property, grouped by owner, by name.
    pub rows: Vec<PlanningRow>,
    /// The bookings touching the window.
    pub bars: Vec<Bar>,
    /// The statuses, in their order.
    pub statuses: Vec<BookingStatus>,
    /// The owners, for the filter and the row groups.
    pub owners: Vec<Choice>,
}

/// The lanes of one row's bars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lanes {
    /// The lane of each bar, in the order given.
    pub lane: Vec<usize>,
    /// How many lanes the row needs (at least 1).
    pub count: usize,
    /// The nights booked more than once, as merged ranges.
    pub overbooked: Vec<Stay>,
}

/// Lays out one row's stays: each in the first lane free for its whole stay.
pub fn lanes(stays: &[Stay]) -> Lanes {
    let mut order: Vec<usize> = (0..stays.len()).collect();
    order.sort_by_key(|&i| (stays[i].arrival(), stays[i].departure()));
    let mut lane = vec![0; stays.len()];
    let mut lane_ends: Vec<NaiveDate> = Vec::new();
    for &i in &order {
        let stay = stays[i];
        match lane_ends.iter().position(|&end| end <= stay.arrival()) {
            Some(free) => {
                lane[i] = free;
                lane_ends[free] = stay.departure();
            }
            None => {
                lane[i] = lane_ends.len();
                lane_ends.push(stay.departure());
            }
        }
    }
    Lanes {
        lane,
        count: lane_ends.len().max(1),
        overbooked: overbooked(&order, stays),
    }
}

/// The nights covered by two stays or more, merged into ranges; `order` sorts `stays` by arrival.
fn overbooked(order: &[usize], stays: &[Stay]) -> Vec<Stay> {
    let mut ranges: Vec<Stay> = Vec::new();
    let mut furthest: Option<NaiveDate> = None;
    for &i in order {
        let stay = stays[i];
        if let Some(end) = furthest {
            let overlap_end = end.min(stay.departure());
            if let Ok(overlap) = Stay::new(stay.arrival(), overlap_end) {
                match ranges.last_mut() {
                    Some(last) if last.departure() >= overlap.arrival() => {
                        let merged_end = last.departure().max(overlap.departure());
                        *last = Stay::new(last.arrival(), merged_end).unwrap_or(*last);
                    }
                    _ => ranges.push(overlap),
                }
            }
        }
        furthest = Some(furthest.map_or(stay.departure(), |end| end.max(stay.departure())));
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(d: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, 1).unwrap_or_default() + chrono::Duration::days(d)
    }

    fn stay(a: i64, d: i64) -> Stay {
        Stay::new(day(a), day(d)).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_departure_and_an_arrival_share_a_day_on_one_lane() {
        let laid = lanes(&[stay(0, 3), stay(3, 5)]);
        assert_eq!(laid.lane, [0, 0]);
        assert_eq!(laid.count, 1);
        assert!(laid.overbooked.is_empty());
    }

    #[test]
    fn an_overbooking_doubles_the_row_and_names_the_nights() {
        let laid = lanes(&[stay(0, 5), stay(3, 8), stay(6, 9)]);
        assert_eq!(laid.lane, [0, 1, 0]);
        assert_eq!(laid.count, 2);
        assert_eq!(laid.overbooked, [stay(3, 5), stay(6, 8)]);
    }

    #[test]
    fn touching_overlaps_merge_into_one_range() {
        let laid = lanes(&[stay(0, 10), stay(2, 4), stay(4, 6)]);
        assert_eq!(laid.overbooked, [stay(2, 6)]);
        assert_eq!(laid.count, 2);
    }

    #[test]
    fn the_window_covers_whole_months() {
        let window = PlanningWindow::months(day(14), 2);
        assert_eq!(window.from, day(0));
        assert_eq!(window.days(), 31 + 31);
        assert!(PlanningWindow::new(day(0), day(401)).is_none());
        assert!(PlanningWindow::new(day(3), day(3)).is_none());
    }

    proptest! {
        #[test]
        fn bars_of_one_lane_never_share_a_night_and_lanes_match_the_busiest_night(
            raw in proptest::collection::vec((0i64..60, 1i64..15), 0..25)
        ) {
            let stays: Vec<Stay> = raw.iter().map(|&(a, n)| stay(a, a + n)).collect();
            let laid = lanes(&stays);
            for i in 0..stays.len() {
                for j in (i + 1)..stays.len() {
                    if laid.lane[i] == laid.lane[j] {
                        prop_assert!(!stays[i].overlaps(stays[j]));
                    }
                }
            }
            let busiest = (0..80).map(|d| stays.iter().filter(|s| s.arrival() <= day(d) && day(d) < s.departure()).count()).max().unwrap_or(0);
            prop_assert_eq!(laid.count, busiest.max(1));
            for d in 0..80 {
                let booked = stays.iter().filter(|s| s.arrival() <= day(d) && day(d) < s.departure()).count();
                let flagged = laid.overbooked.iter().any(|r| r.arrival() <= day(d) && day(d) < r.departure());
                prop_assert_eq!(flagged, booked >= 2);
            }
        }
    }
}
