//! Fuzzes the iCalendar feed reader (`server/src/sync/reader.rs`, compiled here as is): whatever bytes
//! a platform answers, `read_feed` must return (no panic, no hang — libFuzzer's `-timeout` catches the
//! latter) and what it returns must keep the reader's promises.

#![no_main]

use libfuzzer_sys::fuzz_target;

// The real file of the server crate, not a copy. Its items are public for the server; here only
// `read_feed` and the result types are used.
#[allow(dead_code)]
#[path = "../../src/sync/reader.rs"]
mod reader;

use reader::{read_feed, FeedError};

/// The reader's `MAX_NIGHTS` (private there): the longest stay an event may cover.
const MAX_NIGHTS: i64 = 730;

fuzz_target!(|body: &[u8]| {
    let result = read_feed(body);

    // A body that starts with the calendar's opening line (after a BOM and blanks) is never refused.
    let text = String::from_utf8_lossy(body);
    let starts_as_calendar = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .get(..15)
        .is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCALENDAR"));
    let feed = match result {
        Ok(feed) => feed,
        Err(FeedError::NotACalendar) => {
            assert!(!starts_as_calendar, "a calendar body was refused");
            return;
        }
    };
    assert!(starts_as_calendar, "a non-calendar body was read");

    let mut uids = std::collections::HashSet::new();
    for event in &feed.events {
        assert!(!event.uid.is_empty(), "an event without a UID: {event:?}");
        assert_eq!(event.uid.trim(), event.uid, "an untrimmed UID: {event:?}");
        assert!(uids.insert(event.uid.as_str()), "a UID twice: {event:?}");
        let stay = event.stay;
        assert!(
            stay.departure() > stay.arrival(),
            "departure not after arrival: {event:?}"
        );
        assert!(
            (1..=MAX_NIGHTS).contains(&stay.nights()),
            "{} nights: {event:?}",
            stay.nights()
        );
        if let Some(url) = &event.reservation_url {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "not a web address: {event:?}"
            );
        }
        if let Some(digits) = &event.phone_digits {
            assert!(
                (1..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()),
                "not phone digits: {event:?}"
            );
        }
    }
    for skipped in &feed.skipped {
        if let Some(uid) = &skipped.uid {
            assert!(
                !uid.is_empty(),
                "a skipped event with an empty UID: {skipped:?}"
            );
        }
    }

    // Reading is a pure function of the bytes.
    assert_eq!(read_feed(body), Ok(feed), "two reads differ");
});
