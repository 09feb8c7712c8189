//! What a pointer gesture on the grid proposes, as pure arithmetic on days: drawing a new stay
//! across free days, moving a bar (by whole days, to the same or another property), or dragging its
//! end to change its length. The grid turns pointer positions into day offsets; this decides the
//! stay that results. A move never leaves the row's calendar and a stay keeps at least one night.

use crate::domain::ids::{BookingId, PropertyId};
use crate::domain::stay::Stay;
use chrono::{Duration, NaiveDate};

/// Pixels a pointer must travel before a press becomes a drag (below it, it is a click).
pub const DRAG_THRESHOLD: f64 = 4.0;

/// A gesture in progress (or dropped and waiting for confirmation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drag {
    /// Drawing a new stay on a property's row, from the day pressed to the day under the pointer.
    Draw {
        /// The row.
        property: PropertyId,
        /// The day pressed.
        anchor: NaiveDate,
        /// The day under the pointer now.
        current: NaiveDate,
    },
    /// Moving a bar by `days`, onto `property`'s row.
    Move {
        /// The booking.
        booking: BookingId,
        /// Where it was.
        original: Stay,
        /// Its property before the move.
        from: PropertyId,
        /// The row under the pointer.
        property: PropertyId,
        /// Whole days moved (negative: earlier).
        days: i64,
    },
    /// Moving a bar's departure by `days`.
    Resize {
        /// The booking.
        booking: BookingId,
        /// Where it was.
        original: Stay,
        /// Its property.
        property: PropertyId,
        /// Whole days added to the departure (negative: shorter).
        days: i64,
    },
}

impl Drag {
    /// The row the gesture ends on.
    pub fn property(&self) -> PropertyId {
        match *self {
            Drag::Draw { property, .. }
            | Drag::Move { property, .. }
            | Drag::Resize { property, .. } => property,
        }
    }

    /// The booking moved or resized (`None` while drawing).
    pub fn booking(&self) -> Option<BookingId> {
        match *self {
            Drag::Draw { .. } => None,
            Drag::Move { booking, .. } | Drag::Resize { booking, .. } => Some(booking),
        }
    }

    /// The arrival and departure the gesture proposes now (always at least one night).
    pub fn dates(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            Drag::Draw {
                anchor, current, ..
            } => (anchor.min(current), shift(anchor.max(current), 1)),
            Drag::Move { original, days, .. } => (
                shift(original.arrival(), days),
                shift(original.departure(), days),
            ),
            Drag::Resize { original, days, .. } => (
                original.arrival(),
                shift(original.departure(), days).max(shift(original.arrival(), 1)),
            ),
        }
    }

    /// Whether dropping now changes anything (a bar put back where it was changes nothing).
    pub fn changes(&self) -> bool {
        match *self {
            Drag::Draw { .. } => true,
            Drag::Move {
                original,
                from,
                property,
                ..
            } => self.dates() != dates_of(original) || from != property,
            Drag::Resize { original, .. } => self.dates() != dates_of(original),
        }
    }

    /// The gesture with the pointer now `days` whole days from where it was pressed, over
    /// `property`'s row (`None` when it is over no row: a move keeps its last row).
    pub fn follow(self, anchor_day: NaiveDate, days: i64, property: Option<PropertyId>) -> Drag {
        match self {
            Drag::Draw { property: row, .. } => Drag::Draw {
                property: row,
                anchor: anchor_day,
                current: anchor_day + Duration::days(days),
            },
            Drag::Move {
                booking,
                original,
                from,
                property: last,
                ..
            } => Drag::Move {
                booking,
                original,
                from,
                property: property.unwrap_or(last),
                days,
            },
            Drag::Resize {
                booking,
                original,
                property,
                ..
            } => Drag::Resize {
                booking,
                original,
                property,
                days,
            },
        }
    }
}

/// `date` moved by `days` (unchanged at the far ends of the calendar).
fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(days))
        .unwrap_or(date)
}

fn dates_of(stay: Stay) -> (NaiveDate, NaiveDate) {
    (stay.arrival(), stay.departure())
}

/// Whole days between two pointer x positions, to the nearest day.
pub fn days_between(from_x: f64, to_x: f64, day_width: f64) -> i64 {
    if day_width <= 0.0 {
        return 0;
    }
    ((to_x - from_x) / day_width).round() as i64
}

/// The day under `x` pixels from the start of a row whose first day is `first`.
pub fn day_at(first: NaiveDate, x: f64, day_width: f64) -> NaiveDate {
    if day_width <= 0.0 {
        return first;
    }
    shift(first, (x / day_width).floor().max(0.0) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap_or_default()
    }

    fn stay(a: u32, d: u32) -> Stay {
        match Stay::new(day(a), day(d)) {
            Ok(stay) => stay,
            Err(error) => panic!("{error}"),
        }
    }

    fn dates(a: u32, d: u32) -> (NaiveDate, NaiveDate) {
        (day(a), day(d))
    }

    const A: PropertyId = PropertyId(Uuid::from_u128(1));
    const B: PropertyId = PropertyId(Uuid::from_u128(2));
    const BOOKING: BookingId = BookingId(Uuid::from_u128(9));

    #[test]
    fn drawing_covers_the_days_crossed_in_either_direction() {
        let draw = Drag::Draw {
            property: A,
            anchor: day(10),
            current: day(10),
        };
        assert_eq!(draw.dates(), dates(10, 11), "a press alone is one night");
        assert_eq!(draw.follow(day(10), 3, None).dates(), dates(10, 14));
        assert_eq!(draw.follow(day(10), -2, Some(B)).dates(), dates(8, 11));
        assert_eq!(
            draw.follow(day(10), 3, Some(B)).property(),
            A,
            "drawing stays on its row"
        );
    }

    #[test]
    fn a_move_keeps_the_length_and_may_change_row() {
        let moving = Drag::Move {
            booking: BOOKING,
            original: stay(10, 14),
            from: A,
            property: A,
            days: 0,
        };
        assert!(!moving.changes());
        let later = moving.follow(day(10), 2, None);
        assert_eq!(later.dates(), dates(12, 16));
        assert!(later.changes());
        let other_row = moving.follow(day(10), 0, Some(B));
        assert_eq!(other_row.dates(), dates(10, 14));
        assert_eq!(other_row.property(), B);
        assert!(
            other_row.changes(),
            "same dates on another property is a change"
        );
        assert_eq!(
            other_row.follow(day(10), -1, None).property(),
            B,
            "off the rows, a move keeps its last row"
        );
    }

    #[test]
    fn a_resize_keeps_at_least_one_night() {
        let resize = Drag::Resize {
            booking: BOOKING,
            original: stay(10, 14),
            property: A,
            days: 0,
        };
        assert_eq!(resize.follow(day(13), 3, None).dates(), dates(10, 17));
        assert_eq!(resize.follow(day(13), -10, None).dates(), dates(10, 11));
        assert!(!resize.changes());
    }

    #[test]
    fn pointer_positions_become_days() {
        assert_eq!(days_between(100.0, 145.0, 30.0), 2);
        assert_eq!(days_between(100.0, 114.0, 30.0), 0);
        assert_eq!(days_between(100.0, 40.0, 30.0), -2);
        assert_eq!(day_at(day(1), 95.0, 30.0), day(4));
        assert_eq!(day_at(day(1), -5.0, 30.0), day(1));
        assert_eq!(day_at(day(1), 95.0, 0.0), day(1));
    }
}
