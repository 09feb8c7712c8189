//! Times shown to people are in France's time (the product's users are in France): UTC+1 in winter,
//! UTC+2 in summer, switching at 01:00 UTC on the last Sunday of March and of October (the EU rule).
//! Stored times stay in UTC.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
}

/// Whether summer time is in force in France at `at`.
fn is_summer(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let switch = |month| {
        last_sunday(year, month)
            .and_then(|day| day.and_hms_opt(1, 0, 0))
            .map(|t| t.and_utc())
    };
    match (switch(3), switch(10)) {
        (Some(start), Some(end)) => at >= start && at < end,
        _ => false,
    }
}

/// `at` on a clock in France.
pub fn in_paris(at: DateTime<Utc>) -> NaiveDateTime {
    let offset = if is_summer(at) { 2 } else { 1 };
    at.naive_utc() + Duration::hours(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn winter_is_utc_plus_one_and_summer_utc_plus_two() {
        assert_eq!(
            in_paris(utc("2026-11-23T15:40:00Z")).to_string(),
            "2026-11-23 16:40:00"
        );
        assert_eq!(
            in_paris(utc("2027-07-14T10:00:00Z")).to_string(),
            "2027-07-14 12:00:00"
        );
    }

    #[test]
    fn the_switches_happen_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2027: last Sunday of March is the 28th, of October the 31st.
        assert_eq!(last_sunday(2027, 3), NaiveDate::from_ymd_opt(2027, 3, 28));
        assert_eq!(last_sunday(2027, 10), NaiveDate::from_ymd_opt(2027, 10, 31));
        assert_eq!(
            in_paris(utc("2027-03-28T00:59:00Z")).to_string(),
            "2027-03-28 01:59:00"
        );
        assert_eq!(
            in_paris(utc("2027-03-28T01:00:00Z")).to_string(),
            "2027-03-28 03:00:00"
        );
        assert_eq!(
            in_paris(utc("2027-10-31T00:59:00Z")).to_string(),
            "2027-10-31 02:59:00"
        );
        assert_eq!(
            in_paris(utc("2027-10-31T01:00:00Z")).to_string(),
            "2027-10-31 02:00:00"
        );
    }
}
