//! Calendar sync's long and moving imports on both databases (SPEC C9): a first import of many
//! events stores each one exactly, and a stay moved onto another booking is reported for its new
//! dates. The feed helpers are `calendar_sync`'s.

use super::calendar_sync::{add_feed, bookings, private_hosts_allowed, sync_now};
use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::feed_server::{fixture, Answer, FeedServer};
use serde_json::{json, Value};

/// A feed of `count` events from 2027-01-01 on: reservations with a link and phone digits in the
/// description, named guests whose summaries hold quotes, backslashes, commas, a line break and
fn long_feed(count: usize) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN\r\n",
    );
    let first = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
    for index in 0..count {
        let arrival = first + chrono::Duration::days(3 * index as i64);
        let departure = arrival + chrono::Duration::days(1 + (index % 3) as i64);
        out.push_str(&format!(
            "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\nUID:{index:05}-long@airbnb.com\r\n",
            arrival.format("%Y%m%d"),
            departure.format("%Y%m%d")
        ));
        match index % 7 {
            0 => out.push_str("SUMMARY:Airbnb (Not available)\r\n"),
            1 => out.push_str(&format!(
                "SUMMARY:Réservée - Zoë \"la \\\\ grande\"\\, n°{index}\\nsuite\r\n"
            )),
            _ => out.push_str(&format!(
                "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM{index:08}\\n\
                 Phone Number (Last 4 Digits): {:04}\r\nSUMMARY:Reserved\r\n",
                index % 10_000
            )),
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

/// Every imported booking as (UID, arrival, departure, status, notes, guest name, summary,
/// fingerprint, origin, version), by UID.
type StoredStay = (
    String,
    chrono::NaiveDate,
    chrono::NaiveDate,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
);

on_both_databases! {
    settings = private_hosts_allowed;
    async fn a_long_first_import_stores_each_event_exactly(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let body = long_feed(1_234);
        let server = FeedServer::start(Answer::Calendar(body.clone())).await;
        let (feed, first) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        assert_eq!((first["events"].as_i64(), first["changes"].as_i64()), (Some(1_234), Some(1_234)), "{first}");

        let (stays, blocks) = (status_id(&client, "AirBnb").await, status_id(&client, "Indisponible").await);
        let platform = app::domain::sync::Platform::Airbnb;
        let read = server::sync::reader::read_feed(body.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let mut expected: Vec<StoredStay> = read.events.iter().map(|event| {
            let label = app::domain::sync::guest_label(event, platform);
            let status = if event.kind == app::domain::sync::EventKind::Blocked { &blocks } else { &stays };
            (event.uid.clone(), event.stay.arrival(), event.stay.departure(),
             status.as_str().unwrap_or_default().to_string(),
             app::domain::sync::imported_notes(event, platform), label.clone(), label,
             app::domain::sync::fingerprint(event), platform.origin().code().to_string(), 1)
        }).collect();
        expected.sort();
        assert!(expected.iter().any(|stay| stay.5.contains("\"la \\ grande\", n°1\nsuite")), "escapes decoded");
        let stored: Vec<StoredStay> = server::on_db!(&app.db, pool => sqlx::query_as(
            "SELECT feed_uid, arrival, departure, status_id, notes, guest_name, feed_summary, \
                    feed_fingerprint, origin, version FROM bookings ORDER BY feed_uid")
            .fetch_all(pool)
            .await)
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stored.len(), expected.len());
        for (stored, expected) in stored.iter().zip(&expected) {
            assert_eq!(stored, expected);
        }
        // One history entry with the count, not 1,234.
        let (_, entries) = client.call("feed_history", json!({ "id": feed })).await;
        let added: Vec<&Value> = entries.as_array().map(|all| all.iter().filter(|e| e["kind"] == "Added").collect()).unwrap_or_default();
        assert_eq!(added.len(), 1, "{entries}");
        assert_eq!(added[0]["detail"], "1234", "{entries}");
        // Polled again, re-formatted: every fingerprint matches, nothing is written.
        let before = bookings(&app).await;
        server.set(Answer::CalendarWithoutValidators(body.replace("\r\n", "\n")));
        let again = sync_now(&client, &feed).await;
        assert_eq!(again["changes"], 0, "{again}");
        assert_eq!(bookings(&app).await, before);
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn a_stay_moved_onto_another_booking_is_reported_for_its_new_dates(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let status = status_id(&client, "Payé").await;
        book(&client, &chalet, &status, ("2027-03-12", "2027-03-20"), guest("Jean Martin", "", "", "")).await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let (feed, _) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        let subjects = || async {
            server::on_db!(&app.db, pool => sqlx::query_scalar::<_, String>("SELECT subject FROM outbox_messages")
                .fetch_all(pool).await).unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(subjects().await.len(), 1);
        // The platform moves the stay by a day: it still overlaps, on other dates — reported again.
        let moved = fixture("airbnb.ics").replace("DTSTART;VALUE=DATE:20270310", "DTSTART;VALUE=DATE:20270311")
            .replace("DTEND;VALUE=DATE:20270315", "DTEND;VALUE=DATE:20270316");
        server.set(Answer::Calendar(moved.clone()));
        assert_eq!(sync_now(&client, &feed).await["changes"], 1);
        assert_eq!(subjects().await.len(), 2);
        let notified: Vec<Option<String>> = server::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT conflict_notified FROM bookings WHERE feed_id IS NOT NULL ORDER BY arrival")
            .fetch_all(pool).await).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(notified, [Some("2027-03-11/2027-03-16".to_string()), None, None]);
        // Moved back and forth, each new position is reported once; the same one again is not.
        server.set(Answer::CalendarWithoutValidators(moved.replace("\r\n", "\n")));
        assert_eq!(sync_now(&client, &feed).await["changes"], 0);
        assert_eq!(subjects().await.len(), 2, "the same dates are not reported twice");
    }
}
