//! Reading a platform's iCalendar feed. The `ical` crate unfolds the content lines and splits names,
//! parameters and values; this module decides event by event, so one bad event is skipped (and
//! reported) instead of rejecting the feed. A body that is not a calendar at all (an HTML error page
//! served with status 200, an empty answer) is refused as a whole and changes nothing.
//!
//! Dates: all-day events give their days; timed events take the day they start and end on, in the
//! time zone they name (UTC times are put on France's clock). A missing end means one night, as does
//! an end not after the start; `DURATION` counts its days.

use app::domain::paris_time::in_paris;
use app::domain::stay::Stay;
use app::domain::sync::{classify, FeedEvent};
use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::collections::HashSet;

/// Why a whole body was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// Not an iCalendar body (does not start with `BEGIN:VCALENDAR`).
    #[error("not a calendar")]
    NotACalendar,
}

/// An event left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedEvent {
    /// Its UID, if it had one.
    pub uid: Option<String>,
    /// Why (in English, for the logs; the sync page words it).
    pub reason: SkipReason,
}

/// Why an event was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// No `UID`.
    NoUid,
    /// No `DTSTART`, or one that is not a date.
    NoStart,
    /// The same UID twice in the feed: the first one counts.
    DuplicateUid,
    /// Longer than two years.
    TooLong,
}

/// What a feed says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadFeed {
    /// The events understood, in the feed's order.
    pub events: Vec<FeedEvent>,
    /// The events left out.
    pub skipped: Vec<SkippedEvent>,
    /// Content lines that could not be read at all (a missing name, an unclosed quote…).
    pub unreadable_lines: usize,
}

/// The longest stay an event may cover.
const MAX_NIGHTS: i64 = 730;

/// Reads `body` (the bytes the platform answered).
pub fn read_feed(body: &[u8]) -> Result<ReadFeed, FeedError> {
    let text = String::from_utf8_lossy(body);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text
        .get(..15)
        .is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(FeedError::NotACalendar);
    }
    let mut feed = ReadFeed::default();
    let mut depth_in_event: Option<usize> = None;
    let mut current = RawEvent::default();
    // The UIDs of the events kept so far: a second event with one of them is skipped.
    let mut taken: HashSet<String> = HashSet::new();
    for property in ical::PropertyParser::from_reader(text.as_bytes()) {
        let Ok(property) = property else {
            feed.unreadable_lines += 1;
            continue;
        };
        let value = property.value.clone().unwrap_or_default();
        match (
            property.name.as_str(),
            value.trim().to_ascii_uppercase().as_str(),
        ) {
            ("BEGIN", "VEVENT") if depth_in_event.is_none() => {
                depth_in_event = Some(0);
                current = RawEvent::default();
            }
            // An event that never ended (a missing END:VEVENT): it ends where the next begins.
            ("BEGIN", "VEVENT") if depth_in_event == Some(0) => {
                decide(std::mem::take(&mut current), &mut feed, &mut taken);
            }
            ("BEGIN", _) => {
                if let Some(depth) = depth_in_event.as_mut() {
                    *depth += 1;
                }
            }
            ("END", "VEVENT") if depth_in_event == Some(0) => {
                depth_in_event = None;
                decide(std::mem::take(&mut current), &mut feed, &mut taken);
            }
            ("END", _) => {
                if let Some(depth) = depth_in_event.as_mut() {
                    *depth = depth.saturating_sub(1);
                }
            }
            (name, _) if depth_in_event == Some(0) => current.take(name, property.params, value),
            _ => {}
        }
    }
    // A feed cut short (no END:VEVENT): its last event is still read.
    if depth_in_event.is_some() {
        decide(current, &mut feed, &mut taken);
    }
    Ok(feed)
}

/// The properties of one event that matter, as read.
#[derive(Debug, Default)]
struct RawEvent {
    uid: Option<String>,
    start: Option<(String, Option<String>)>,
    end: Option<(String, Option<String>)>,
    duration: Option<String>,
    summary: String,
    description: String,
}

type Params = Option<Vec<(String, Vec<String>)>>;

fn tzid(params: &Params) -> Option<String> {
    params.as_ref().and_then(|params| {
        params
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("TZID"))
            .and_then(|(_, values)| values.first().cloned())
    })
}

impl RawEvent {
    fn take(&mut self, name: &str, params: Params, value: String) {
        match name {
            "UID" => self.uid = Some(value.trim().to_string()).filter(|uid| !uid.is_empty()),
            "DTSTART" => self.start = Some((value.trim().to_string(), tzid(&params))),
            "DTEND" => self.end = Some((value.trim().to_string(), tzid(&params))),
            "DURATION" => self.duration = Some(value.trim().to_string()),
            "SUMMARY" => self.summary = unescape(&value),
            "DESCRIPTION" => self.description = unescape(&value),
            _ => {}
        }
    }
}

/// Keeps or skips one event.
fn decide(raw: RawEvent, feed: &mut ReadFeed, taken: &mut HashSet<String>) {
    let skip = |feed: &mut ReadFeed, uid: Option<String>, reason| {
        feed.skipped.push(SkippedEvent { uid, reason });
    };
    let Some(uid) = raw.uid.clone() else {
        return skip(feed, None, SkipReason::NoUid);
    };
    if taken.contains(&uid) {
        return skip(feed, Some(uid), SkipReason::DuplicateUid);
    }
    let Some(arrival) = raw.start.as_ref().and_then(|(v, _)| day_of(v)) else {
        return skip(feed, Some(uid), SkipReason::NoStart);
    };
    let departure = raw
        .end
        .as_ref()
        .and_then(|(v, _)| day_of(v))
        .or_else(|| {
            raw.duration
                .as_deref()
                .and_then(duration_days)
                .map(|days| arrival + Duration::days(days))
        })
        .filter(|departure| *departure > arrival)
        .unwrap_or(arrival + Duration::days(1));
    if (departure - arrival).num_days() > MAX_NIGHTS {
        return skip(feed, Some(uid), SkipReason::TooLong);
    }
    let Ok(stay) = Stay::new(arrival, departure) else {
        return skip(feed, Some(uid), SkipReason::NoStart);
    };
    taken.insert(uid.clone());
    feed.events.push(FeedEvent {
        kind: classify(&raw.summary),
        reservation_url: reservation_url(&raw.description),
        phone_digits: phone_digits(&raw.description),
        summary: raw.summary,
        uid,
        stay,
    });
}

/// The day of a DATE or DATE-TIME value: `20270507`, `2027-05-07` (seen in the wild), or a time
/// (`…T160000` local to `tzid`, `…T140000Z` in UTC, shown on France's clock).
fn day_of(value: &str) -> Option<NaiveDate> {
    let compact: String = value.chars().filter(|c| *c != '-' && *c != ':').collect();
    let (date, time) = match compact.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (compact.as_str(), None),
    };
    let day = NaiveDate::parse_from_str(date.get(..8)?, "%Y%m%d").ok()?;
    match time {
        Some(time) if time.ends_with(['Z', 'z']) => {
            let clock = chrono::NaiveTime::parse_from_str(time.get(..6)?, "%H%M%S").ok()?;
            let utc = Utc.from_utc_datetime(&NaiveDateTime::new(day, clock));
            Some(in_paris(utc).date())
        }
        // A local time (a named zone, or floating): the day as written.
        _ => Some(day),
    }
}

/// Whole days of a `DURATION` (`P4D`, `P1W`, `P2DT3H`; hours alone count as one day).
fn duration_days(value: &str) -> Option<i64> {
    let body = value
        .trim()
        .trim_start_matches('+')
        .strip_prefix(['P', 'p'])?;
    let (date_part, time_part) = body.split_once(['T', 't']).unwrap_or((body, ""));
    let mut days = 0_i64;
    let mut number = String::new();
    for c in date_part.chars() {
        if c.is_ascii_digit() {
            number.push(c);
        } else {
            let n: i64 = number.parse().ok()?;
            number.clear();
            days = days.saturating_add(match c.to_ascii_uppercase() {
                'W' => n.saturating_mul(7),
                'D' => n,
                _ => return None,
            });
        }
    }
    if days == 0 && !time_part.is_empty() {
        days = 1;
    }
    // Anything longer than the longest stay is refused as such (and never overflows a date).
    (days > 0).then_some(days.min(MAX_NIGHTS + 1))
}

/// Decodes TEXT escapes: `\n`, `\,`, `\;`, `\\`.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// The first web address of the description.
fn reservation_url(description: &str) -> Option<String> {
    description
        .split_whitespace()
        .find(|word| word.starts_with("https://") || word.starts_with("http://"))
        .map(|url| url.trim_end_matches([',', '.', ';', ')']).to_string())
}

/// The digits after "Phone Number" / "Téléphone" in the description.
fn phone_digits(description: &str) -> Option<String> {
    description.lines().find_map(|line| {
        let lower = line.to_lowercase();
        if !(lower.contains("phone") || lower.contains("téléphone")) {
            return None;
        }
        let (_, after) = line.rsplit_once(':')?;
        let digits: String = after.chars().filter(char::is_ascii_digit).collect();
        (!digits.is_empty() && digits.len() <= 15).then_some(digits)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_count_days() {
        assert_eq!(duration_days("P4D"), Some(4));
        assert_eq!(duration_days("P1W"), Some(7));
        assert_eq!(duration_days("PT3H"), Some(1));
        assert_eq!(duration_days("P"), None);
        assert_eq!(duration_days("4D"), None);
        assert_eq!(duration_days("P99999999999999999999D"), None);
    }

    #[test]
    fn dates_in_each_shape() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 5, d);
        assert_eq!(day_of("20270507"), day(7));
        assert_eq!(day_of("2027-05-07"), day(7));
        assert_eq!(day_of("20270507T230000"), day(7));
        // 23:30 UTC on the 7th is the 8th in Paris (summer time).
        assert_eq!(day_of("20270507T233000Z"), day(8));
        assert_eq!(day_of("2027050"), None);
        assert_eq!(day_of(""), None);
    }

    #[test]
    fn text_escapes_are_decoded() {
        assert_eq!(
            unescape("Séjour Dupont\\, 4 pers."),
            "Séjour Dupont, 4 pers."
        );
        assert_eq!(unescape("a\\nb\\\\c\\;"), "a\nb\\c;");
    }
}
