//! The feed reader on each platform's shape (server/tests/data/ical, copied from the project's
//! fixtures): CRLF and LF, folded lines, BOM, all-day and timed events, DTEND or DURATION, missing
//! ends, the platforms' summaries, the reservation link and phone digits, and bodies that are not
//! calendars. Nothing here may panic.

use app::domain::sync::EventKind;
use chrono::NaiveDate;
use server::sync::reader::{read_feed, FeedError, ReadFeed, SkipReason};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/ical/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> ReadFeed {
    read_feed(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn nights(feed: &ReadFeed) -> Vec<(NaiveDate, NaiveDate, EventKind)> {
    feed.events
        .iter()
        .map(|e| (e.stay.arrival(), e.stay.departure(), e.kind))
        .collect()
}

#[test]
fn airbnb_reservations_with_their_link_and_phone_digits_and_a_block() {
    let feed = read("airbnb.ics");
    assert_eq!(
        nights(&feed),
        vec![
            (day(2027, 3, 10), day(2027, 3, 15), EventKind::Reservation),
            (day(2027, 3, 28), day(2027, 4, 2), EventKind::Reservation),
            (day(2027, 4, 18), day(2027, 4, 20), EventKind::Blocked),
        ]
    );
    let second = &feed.events[1];
    assert_eq!(
        second.reservation_url.as_deref(),
        Some("https://www.airbnb.com/hosting/reservations/details/HMXYZ98765"),
        "the folded line is unfolded"
    );
    assert_eq!(second.phone_digits.as_deref(), Some("0917"));
    assert!(feed.skipped.is_empty() && feed.unreadable_lines == 0);
}

#[test]
fn booking_com_closes_taken_nights() {
    let feed = read("booking.ics");
    assert_eq!(feed.events.len(), 2);
    assert!(feed.events.iter().all(|e| e.kind == EventKind::Reservation));
    assert_eq!(feed.events[0].stay.departure(), day(2027, 3, 8));
}

#[test]
fn vrbo_in_french_and_in_english_with_a_duration() {
    let fr = read("vrbo-abritel-fr.ics");
    let kinds: Vec<EventKind> = fr.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Reservation,
            EventKind::Tentative,
            EventKind::Blocked
        ]
    );
    let en = read("vrbo-en-duration.ics");
    assert_eq!(
        nights(&en),
        vec![
            (day(2027, 7, 1), day(2027, 7, 5), EventKind::Reservation),
            (day(2027, 7, 10), day(2027, 7, 12), EventKind::Blocked),
        ]
    );
}

#[test]
fn timed_events_take_their_days_and_time_zones_are_not_events() {
    let feed = read("other-timed-events.ics");
    assert_eq!(
        nights(&feed),
        vec![
            (day(2027, 8, 2), day(2027, 8, 9), EventKind::Reservation),
            (day(2027, 8, 12), day(2027, 8, 15), EventKind::Reservation),
        ],
        "the VTIMEZONE's DTSTART lines are not read as events"
    );
    assert_eq!(feed.events[0].summary, "Séjour Dupont, 4 pers.");
}

#[test]
fn a_bom_and_lf_line_ends_are_read() {
    let feed = read("lf-only-with-bom.ics");
    assert_eq!(
        nights(&feed),
        vec![(day(2027, 9, 1), day(2027, 9, 5), EventKind::Reservation)]
    );
}

#[test]
fn a_feed_cut_short_still_gives_its_events() {
    let feed = read("malformed-missing-end.ics");
    assert_eq!(
        nights(&feed),
        vec![
            (day(2027, 10, 1), day(2027, 10, 4), EventKind::Reservation),
            (day(2027, 10, 10), day(2027, 10, 12), EventKind::Reservation),
        ]
    );
}

#[test]
fn an_empty_calendar_is_a_calendar_and_an_html_page_is_not() {
    assert_eq!(read("empty-calendar.ics").events, vec![]);
    assert_eq!(
        read_feed(&fixture("not-a-calendar.html")),
        Err(FeedError::NotACalendar)
    );
    assert_eq!(read_feed(b""), Err(FeedError::NotACalendar));
    assert_eq!(read_feed(&[0xff, 0xfe, 0x00]), Err(FeedError::NotACalendar));
}

#[test]
fn the_airbnb_rolling_window_is_one_block() {
    let feed = read("airbnb-rolling-window.ics");
    let blocks: Vec<_> = feed
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Blocked)
        .collect();
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].stay.departure(), day(2028, 1, 1));
}

#[test]
fn bad_events_are_skipped_one_by_one() {
    let body = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:a\r\nDTSTART:not-a-date\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270101\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270301\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20310101\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20270105\r\nBEGIN:VALARM\r\nDTSTART:20270101T000000\r\nEND:VALARM\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let feed = read_feed(body.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let reasons: Vec<SkipReason> = feed.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        [
            SkipReason::NoUid,
            SkipReason::NoStart,
            SkipReason::DuplicateUid,
            SkipReason::TooLong
        ]
    );
    assert_eq!(
        nights(&feed),
        vec![
            (day(2027, 1, 1), day(2027, 1, 2), EventKind::Reservation),
            (day(2027, 1, 5), day(2027, 1, 6), EventKind::Reservation),
        ],
        "an end not after the start is one night; an alarm's DTSTART is not the event's"
    );
}

/// Found by the fuzzer (`.ci/fuzz`): durations too large for a date, for a day count or for their
/// sum panicked; they are refused as too long.
#[test]
fn huge_durations_are_too_long_not_a_panic() {
    for duration in [
        "P444444444D",
        "P9999999999999999D",
        "P9223372036854775807D1D",
        "P99999999999999W",
    ] {
        let body = format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270701\r\nDURATION:{duration}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let feed = read_feed(body.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(feed.events, vec![], "{duration}");
        assert_eq!(feed.skipped[0].reason, SkipReason::TooLong, "{duration}");
    }
}

#[test]
fn garbage_after_the_header_never_panics() {
    let mut body = b"BEGIN:VCALENDAR\r\n".to_vec();
    for seed in 0..2_000_u32 {
        let byte = (seed.wrapping_mul(2_654_435_761) >> 13) as u8;
        body.push(byte);
        if seed % 37 == 0 {
            body.extend_from_slice(b"\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:2027");
        }
    }
    let _ = read_feed(&body);
}
