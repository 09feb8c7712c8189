//! When a feed is polled next: its interval after a success; after failures, twice as long for each
//! failure in a row (at most six hours), so a broken platform is not hammered. A random delay of up
//! to a tenth of the wait spreads the polls of many feeds that were added at the same moment.

use chrono::{DateTime, Duration, Utc};

/// The longest wait after failures.
pub const LONGEST_BACK_OFF_MINUTES: i64 = 6 * 60;

/// The wait before the next poll, without the random spread.
pub fn wait_minutes(interval_minutes: i64, failures: u32) -> i64 {
    if failures == 0 {
        return interval_minutes;
    }
    let factor = 1_i64 << failures.min(10);
    interval_minutes
        .saturating_mul(factor)
        .min(LONGEST_BACK_OFF_MINUTES)
        .max(interval_minutes)
}

/// The next poll after one at `now`: `spread` (0 to 1,000, drawn at random by the caller) picks the
/// random delay, from none to a tenth of the wait.
pub fn next_attempt(
    now: DateTime<Utc>,
    interval_minutes: i64,
    failures: u32,
    spread: u16,
) -> DateTime<Utc> {
    let wait_seconds = wait_minutes(interval_minutes, failures) * 60;
    let extra = wait_seconds / 10 * i64::from(spread.min(1000)) / 1000;
    now + Duration::seconds(wait_seconds + extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_double_the_wait_up_to_six_hours() {
        assert_eq!(wait_minutes(15, 0), 15);
        assert_eq!(wait_minutes(15, 1), 30);
        assert_eq!(wait_minutes(15, 3), 120);
        assert_eq!(wait_minutes(15, 5), 360);
        assert_eq!(wait_minutes(15, 40), 360);
        assert_eq!(wait_minutes(720, 2), 720, "never sooner than the interval");
    }

    #[test]
    fn the_spread_adds_at_most_a_tenth() {
        let now = DateTime::parse_from_rfc3339("2027-03-01T10:00:00Z")
            .unwrap_or_else(|e| panic!("{e}"))
            .with_timezone(&Utc);
        assert_eq!(next_attempt(now, 15, 0, 0), now + Duration::minutes(15));
        assert_eq!(
            next_attempt(now, 15, 0, 1000),
            now + Duration::minutes(15) + Duration::seconds(90)
        );
        assert_eq!(
            next_attempt(now, 15, 0, u16::MAX),
            now + Duration::minutes(15) + Duration::seconds(90)
        );
    }
}
