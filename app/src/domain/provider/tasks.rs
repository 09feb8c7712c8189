//! A provider's confidential planning: from the stays of the properties they serve, the tasks of a
//! window of days — each arrival and each departure, the turnover window between a departure and the
//! next arrival on the same property, guest counts and the notes written for providers.
//!
//! What a [`ServedStay`] carries is all a provider may ever see: no price, no guest name, email,
//! phone or address. Keep it that way: the pages and the .ics feed render only these types.

use crate::domain::ids::{BookingId, PropertyId};
use crate::domain::pricing::Guests;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Days a planning shows from today.
pub const PLANNING_DAYS: i64 = 60;

/// Extra days read after the window, so the last departures know when the next guests arrive.
pub const LOOK_AHEAD_DAYS: i64 = 60;

/// A stay on a served property, as much as a provider may know of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServedStay {
    /// The booking (for stable calendar UIDs).
    pub booking: BookingId,
    /// The property.
    pub property: PropertyId,
    /// The property's name.
    pub property_name: String,
    /// Arrival day.
    pub arrival: NaiveDate,
    /// Departure day (the stay is `[arrival, departure)`).
    pub departure: NaiveDate,
    /// Who stays, as recorded on the booking.
    pub guests: Guests,
    /// The note written for providers (may be empty).
    pub notes: String,
    /// When the booking last changed.
    pub changed_at: DateTime<Utc>,
}

/// The time a property stays empty after a departure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Turnover {
    /// The next guests arrive the day the others leave (or earlier: an overbooking).
    SameDay,
    /// The property is free for this many nights before the next arrival.
    Free {
        /// Nights free.
        nights: i64,
        /// The next arrival.
        next_arrival: NaiveDate,
    },
    /// No arrival is booked after this departure.
    NoNextArrival,
}

/// What happens on a task's day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TaskKind {
    /// Guests arrive; they leave on `departure`.
    Arrival {
        /// Their departure.
        departure: NaiveDate,
    },
    /// Guests leave; the turnover until the next guests, and who they are.
    Departure {
        /// The window until the next arrival.
        turnover: Turnover,
        /// The next guests, when an arrival follows.
        next_guests: Option<Guests>,
    },
}

/// One task of a provider's planning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// The day.
    pub date: NaiveDate,
    /// The booking it comes from.
    pub booking: BookingId,
    /// The property's name.
    pub property_name: String,
    /// Arrival or departure.
    pub kind: TaskKind,
    /// The guests of that booking.
    pub guests: Guests,
    /// The note written for providers on that booking.
    pub notes: String,
    /// When the booking last changed.
    pub changed_at: DateTime<Utc>,
}

impl Task {
    /// Whether this is a departure (departures come first on a day: the cleaning before the
    /// arrival).
    pub fn is_departure(&self) -> bool {
        matches!(self.kind, TaskKind::Departure { .. })
    }
}

/// A provider's planning over a window, ready to render.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderPlanning {
    /// The provider's name.
    pub provider_name: String,
    /// The organisation they work for.
    pub organisation_name: String,
    /// The properties they serve, by name.
    pub properties: Vec<String>,
    /// The first day shown.
    pub from: NaiveDate,
    /// How many days are shown.
    pub days: i64,
    /// The tasks, by day (departures first), then property.
    pub tasks: Vec<Task>,
}

impl ProviderPlanning {
    /// The tasks grouped by day, in order; days without a task are left out.
    pub fn by_day(&self) -> Vec<(NaiveDate, Vec<&Task>)> {
        let mut days: Vec<(NaiveDate, Vec<&Task>)> = Vec::new();
        for task in &self.tasks {
            match days.last_mut() {
                Some((day, tasks)) if *day == task.date => tasks.push(task),
                _ => days.push((task.date, vec![task])),
            }
        }
        days
    }

    /// The last day shown.
    pub fn last_day(&self) -> NaiveDate {
        self.from + Duration::days(self.days.max(1) - 1)
    }
}

/// The turnover after a stay leaving on `departure`, given the next arrival on the property.
pub fn turnover(departure: NaiveDate, next_arrival: Option<NaiveDate>) -> Turnover {
    match next_arrival {
        None => Turnover::NoNextArrival,
        Some(next) if next <= departure => Turnover::SameDay,
        Some(next) => Turnover::Free {
            nights: (next - departure).num_days(),
            next_arrival: next,
        },
    }
}

/// The tasks of `stays` whose day falls in `[from, from + days)`. A departure's turnover looks at
/// every stay given (pass a few weeks beyond the window so the last departures know the next
/// arrival); the next arrival is the first one on the same property on or after the departure
/// (stays arriving earlier overlap it — an overbooking — and are not "next").
pub fn plan(stays: &[ServedStay], from: NaiveDate, days: i64) -> Vec<Task> {
    let until = from + Duration::days(days.max(0));
    let in_window = |day: NaiveDate| day >= from && day < until;
    let mut tasks = Vec::new();
    for stay in stays {
        if in_window(stay.arrival) {
            tasks.push(Task {
                date: stay.arrival,
                booking: stay.booking,
                property_name: stay.property_name.clone(),
                kind: TaskKind::Arrival {
                    departure: stay.departure,
                },
                guests: stay.guests,
                notes: stay.notes.clone(),
                changed_at: stay.changed_at,
            });
        }
        if in_window(stay.departure) {
            let next = stays
                .iter()
                .filter(|other| {
                    other.property == stay.property
                        && other.booking != stay.booking
                        && other.arrival >= stay.departure
                })
                .min_by_key(|other| (other.arrival, other.booking));
            tasks.push(Task {
                date: stay.departure,
                booking: stay.booking,
                property_name: stay.property_name.clone(),
                kind: TaskKind::Departure {
                    turnover: turnover(stay.departure, next.map(|n| n.arrival)),
                    next_guests: next.map(|n| n.guests),
                },
                guests: stay.guests,
                notes: stay.notes.clone(),
                changed_at: stay.changed_at,
            });
        }
    }
    tasks.sort_by(|a, b| {
        (a.date, !a.is_departure(), &a.property_name, a.booking).cmp(&(
            b.date,
            !b.is_departure(),
            &b.property_name,
            b.booking,
        ))
    });
    tasks
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default()
    }

    fn stay(n: u128, property: u128, arrival: u32, departure: u32) -> ServedStay {
        ServedStay {
            booking: BookingId(Uuid::from_u128(n)),
            property: PropertyId(Uuid::from_u128(property)),
            property_name: format!("Logement {property}"),
            arrival: day(arrival),
            departure: day(departure),
            guests: Guests {
                adults: 2,
                children: u16::try_from(n).unwrap_or(0),
                others: 0,
            },
            notes: format!("note {n}"),
            changed_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
        }
    }

    #[test]
    fn a_same_day_turnover_and_a_free_gap() {
        let stays = [stay(1, 1, 3, 10), stay(2, 1, 10, 14), stay(3, 1, 17, 20)];
        let tasks = plan(&stays, day(1), 30);
        let kinds: Vec<(NaiveDate, bool)> =
            tasks.iter().map(|t| (t.date, t.is_departure())).collect();
        assert_eq!(
            kinds,
            [
                (day(3), false),
                (day(10), true),
                (day(10), false),
                (day(14), true),
                (day(17), false),
                (day(20), true),
            ],
            "on the 10th the departure comes before the arrival"
        );
        assert_eq!(
            tasks[1].kind,
            TaskKind::Departure {
                turnover: Turnover::SameDay,
                next_guests: Some(stays[1].guests)
            }
        );
        assert_eq!(
            tasks[3].kind,
            TaskKind::Departure {
                turnover: Turnover::Free {
                    nights: 3,
                    next_arrival: day(17)
                },
                next_guests: Some(stays[2].guests)
            }
        );
        assert_eq!(
            tasks[5].kind,
            TaskKind::Departure {
                turnover: Turnover::NoNextArrival,
                next_guests: None
            }
        );
        assert_eq!(tasks[0].notes, "note 1");
        assert_eq!(tasks[0].kind, TaskKind::Arrival { departure: day(10) });
    }

    #[test]
    fn the_next_arrival_is_on_the_same_property_only() {
        let stays = [stay(1, 1, 3, 10), stay(2, 2, 10, 12), stay(3, 1, 15, 18)];
        let tasks = plan(&stays, day(1), 30);
        let departure = tasks
            .iter()
            .find(|t| t.booking == stays[0].booking && t.is_departure())
            .map(|t| t.kind.clone());
        assert_eq!(
            departure,
            Some(TaskKind::Departure {
                turnover: Turnover::Free {
                    nights: 5,
                    next_arrival: day(15)
                },
                next_guests: Some(stays[2].guests)
            })
        );
    }

    #[test]
    fn only_days_in_the_window_but_the_turnover_looks_beyond() {
        // Arrived before the window, leaves inside it; the next guests come after the window.
        let stays = [stay(1, 1, 1, 5), stay(2, 1, 25, 28)];
        let tasks = plan(&stays, day(4), 10);
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        assert_eq!(tasks[0].date, day(5));
        assert_eq!(
            tasks[0].kind,
            TaskKind::Departure {
                turnover: Turnover::Free {
                    nights: 20,
                    next_arrival: day(25)
                },
                next_guests: Some(stays[1].guests)
            }
        );
        assert!(plan(&stays, day(6), 10).is_empty());
    }

    #[test]
    fn an_overlapping_stay_is_not_the_next_arrival() {
        let stays = [stay(1, 1, 3, 10), stay(2, 1, 8, 12)];
        let tasks = plan(&stays, day(1), 30);
        let first_departure = tasks
            .iter()
            .find(|t| t.booking == stays[0].booking && t.is_departure())
            .map(|t| t.kind.clone());
        assert_eq!(
            first_departure,
            Some(TaskKind::Departure {
                turnover: Turnover::NoNextArrival,
                next_guests: None
            })
        );
    }

    #[test]
    fn turnover_counts_free_nights() {
        assert_eq!(turnover(day(10), Some(day(10))), Turnover::SameDay);
        assert_eq!(turnover(day(10), Some(day(9))), Turnover::SameDay);
        assert_eq!(
            turnover(day(10), Some(day(11))),
            Turnover::Free {
                nights: 1,
                next_arrival: day(11)
            }
        );
        assert_eq!(turnover(day(10), None), Turnover::NoNextArrival);
    }

    #[test]
    fn tasks_are_grouped_by_day() {
        let stays = [stay(1, 1, 3, 10), stay(2, 2, 3, 5)];
        let planning = ProviderPlanning {
            provider_name: "Ménage Express".into(),
            organisation_name: "Gîtes".into(),
            properties: vec![],
            from: day(1),
            days: 30,
            tasks: plan(&stays, day(1), 30),
        };
        let days: Vec<(NaiveDate, usize)> = planning
            .by_day()
            .iter()
            .map(|(d, t)| (*d, t.len()))
            .collect();
        assert_eq!(days, [(day(3), 2), (day(5), 1), (day(10), 1)]);
        assert_eq!(planning.last_day(), day(30));
    }
}
