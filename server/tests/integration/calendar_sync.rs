//! Calendar sync end to end on both databases, against a real HTTP server on 127.0.0.1 serving the
//! platforms' fixtures and changing them between polls (SPEC C9): import, an unchanged feed that
//! changes nothing (not even a timestamp), 304s, moves, cancellations of imported stays only, the
//! guard against an emptied or halved feed and its confirmation, failures (500, HTML, timeout) that
//! change nothing and are recorded once, Airbnb's rolling block, conflicts emailed once, and each
//! organisation seeing only its own feeds.

use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::feed_server::{fixture, Answer, FeedServer};
use common::{field_message, Client, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

pub(super) fn private_hosts_allowed(settings: &mut server::config::Settings) {
    settings.sync_allow_private_hosts = true;
    settings.sync_timeout_seconds = 1;
}

/// Adds a feed of `platform` to `property` (stays "AirBnb", blocks "Indisponible"); returns its id
/// and the first poll's outcome.
pub(super) async fn add_feed(
    client: &Client,
    property: &Value,
    platform: &str,
    url: &str,
) -> (Value, Value) {
    let form = json!({
        "property": property, "platform": platform, "url": url,
        "status": status_id(client, "AirBnb").await,
        "block_status": status_id(client, "Indisponible").await,
        "interval_minutes": "15"
    });
    let (code, answer) = client.call("add_feed", json!({ "form": form })).await;
    assert_eq!(code, StatusCode::OK, "{answer}");
    (answer[0].clone(), answer[1].clone())
}

pub(super) async fn sync_now(client: &Client, feed: &Value) -> Value {
    let (code, outcome) = client.call("sync_feed_now", json!({ "id": feed })).await;
    assert_eq!(code, StatusCode::OK, "{outcome}");
    outcome
}

/// The bookings of the organisation as (arrival, departure, feed uid, version, updated_at), by arrival.
pub(super) async fn bookings(app: &TestApp) -> Vec<(String, String, Option<String>, i64, String)> {
    server::on_db!(&app.db, pool => sqlx::query_as::<_, (chrono::NaiveDate, chrono::NaiveDate, Option<String>, i64, chrono::DateTime<chrono::Utc>)>(
        "SELECT arrival, departure, feed_uid, version, updated_at FROM bookings ORDER BY arrival, id")
        .fetch_all(pool)
        .await)
    .unwrap_or_else(|e| panic!("{e}"))
    .into_iter()
    .map(|(a, d, uid, version, at)| (a.to_string(), d.to_string(), uid, version, at.to_rfc3339()))
    .collect()
}

pub(super) async fn history(client: &Client, feed: &Value) -> Vec<String> {
    let (code, entries) = client.call("feed_history", json!({ "id": feed })).await;
    assert_eq!(code, StatusCode::OK, "{entries}");
    entries
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|entry| entry["kind"].as_str().unwrap_or_default().to_string())
        .collect()
}

pub(super) async fn health(client: &Client, feed: &Value) -> Value {
    let (code, overview) = client.call("sync_overview", json!({})).await;
    assert_eq!(code, StatusCode::OK, "{overview}");
    overview["feeds"]
        .as_array()
        .and_then(|feeds| feeds.iter().find(|f| &f["id"] == feed).cloned())
        .unwrap_or_else(|| panic!("feed {feed} not in {overview}"))
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn airbnb_import_is_idempotent_and_follows_the_platform(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let (feed, first) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        assert_eq!(first["events"], 3, "{first}");
        assert_eq!(first["changes"], 3, "{first}");
        let imported = bookings(&app).await;
        assert_eq!(
            imported.iter().map(|b| (b.0.as_str(), b.1.as_str())).collect::<Vec<_>>(),
            [("2027-03-10", "2027-03-15"), ("2027-03-28", "2027-04-02"), ("2027-04-18", "2027-04-20")]
        );

        // Polled again: the platform answers 304 to the conditional GET.
        let again = sync_now(&client, &feed).await;
        assert_eq!(again["not_modified"], true, "{again}");
        assert_eq!(server.requests(), (2, 1));
        // The same bytes without validators: read, hashed, nothing changes — not even a timestamp.
        server.set(Answer::CalendarWithoutValidators(fixture("airbnb.ics")));
        let same = sync_now(&client, &feed).await;
        assert_eq!(same["changes"], 0, "{same}");
        // Re-formatted (LF endings) but saying the same: parsed, still nothing changes.
        server.set(Answer::CalendarWithoutValidators(fixture("airbnb.ics").replace("\r\n", "\n")));
        let reparsed = sync_now(&client, &feed).await;
        assert_eq!(reparsed["changes"], 0, "{reparsed}");
        assert_eq!(bookings(&app).await, imported, "an unchanged feed changes nothing");

        // The platform moves the first stay: same UID, new dates.
        let moved = fixture("airbnb.ics").replace("DTSTART;VALUE=DATE:20270310", "DTSTART;VALUE=DATE:20270311")
            .replace("DTEND;VALUE=DATE:20270315", "DTEND;VALUE=DATE:20270316");
        server.set(Answer::Calendar(moved.clone()));
        let outcome = sync_now(&client, &feed).await;
        assert_eq!(outcome["changes"], 1, "{outcome}");
        let now = bookings(&app).await;
        assert_eq!((now[0].0.as_str(), now[0].1.as_str()), ("2027-03-11", "2027-03-16"));
        assert_eq!(now[0].3, imported[0].3 + 1, "moved from its version");
        assert_eq!(now[1..], imported[1..], "the others untouched");

        // A booking made by hand on the same property is never cancelled by the feed.
        let status = status_id(&client, "Payé").await;
        book(&client, &chalet, &status, ("2027-06-01", "2027-06-05"), guest("Jean Martin", "", "", "")).await;
        // The second stay is cancelled on Airbnb: one of three future events gone.
        let start = moved.find("BEGIN:VEVENT\r\nDTEND;VALUE=DATE:20270402").unwrap_or_else(|| panic!("fixture"));
        let end = moved[start..].find("END:VEVENT\r\n").map(|i| start + i + 12).unwrap_or_else(|| panic!("fixture"));
        let cancelled = format!("{}{}", &moved[..start], &moved[end..]);
        server.set(Answer::Calendar(cancelled));
        let outcome = sync_now(&client, &feed).await;
        assert_eq!((outcome["changes"].as_i64(), outcome["held"].as_i64()), (Some(1), Some(0)), "{outcome}");
        let left = bookings(&app).await;
        assert_eq!(
            left.iter().map(|b| b.0.as_str()).collect::<Vec<_>>(),
            ["2027-03-11", "2027-04-18", "2027-06-01"]
        );
        assert_eq!(history(&client, &feed).await[..2], ["Cancelled".to_string(), "Moved".to_string()]);
        let state = health(&client, &feed).await;
        assert_eq!(state["events_seen"], 2);
        assert_eq!(state["problem"], Value::Null);
        assert!(state["last_success"].is_string());
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn an_emptied_feed_cancels_nothing_until_confirmed(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("vrbo-abritel-fr.ics"))).await;
        let (feed, first) = add_feed(&client, &chalet, "vrbo", &server.url).await;
        assert_eq!(first["changes"], 3, "{first}");
        let before = bookings(&app).await;

        server.set(Answer::Calendar(fixture("empty-calendar.ics")));
        let outcome = sync_now(&client, &feed).await;
        assert_eq!((outcome["changes"].as_i64(), outcome["held"].as_i64()), (Some(0), Some(3)), "{outcome}");
        assert_eq!(bookings(&app).await, before, "nothing cancelled");
        // Polled again while still empty: still held, recorded once.
        server.set(Answer::CalendarWithoutValidators(fixture("empty-calendar.ics").replace("\r\n", "\n")));
        sync_now(&client, &feed).await;
        assert_eq!(bookings(&app).await, before);
        assert_eq!(history(&client, &feed).await.iter().filter(|k| *k == "Held").count(), 1);
        assert_eq!(health(&client, &feed).await["held_cancellations"], 3);

        let (code, confirmed) = client.call("confirm_feed_cancellations", json!({ "id": feed })).await;
        assert_eq!(code, StatusCode::OK, "{confirmed}");
        assert_eq!(confirmed["changes"], 3, "{confirmed}");
        assert_eq!(bookings(&app).await, vec![]);
        assert!(history(&client, &feed).await.contains(&"Confirmed".to_string()));
        assert_eq!(health(&client, &feed).await["held_cancellations"], 0);
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn failures_change_nothing_and_are_recorded_once(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("booking.ics"))).await;
        let (feed, _) = add_feed(&client, &chalet, "booking", &server.url).await;
        let before = bookings(&app).await;
        assert_eq!(before.len(), 2);

        for (answer, problem) in [
            (Answer::Status(500), json!({ "HttpStatus": 500 })),
            (Answer::Html, json!("NotACalendar")),
            (Answer::Slow(Duration::from_secs(3)), json!("Timeout")),
            (Answer::Status(404), json!({ "HttpStatus": 404 })),
        ] {
            server.set(answer);
            let outcome = sync_now(&client, &feed).await;
            assert_eq!(outcome["problem"], problem, "{outcome}");
            assert_eq!(bookings(&app).await, before, "a failure changes nothing");
        }
        let state = health(&client, &feed).await;
        assert_eq!(state["failures"], 4);
        assert_eq!(state["problem"], json!({ "HttpStatus": 404 }));
        let next = chrono::DateTime::parse_from_rfc3339(state["next_attempt"].as_str().unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(next > chrono::Utc::now() + chrono::Duration::hours(3), "backed off: {next}");
        assert_eq!(
            history(&client, &feed).await.iter().filter(|k| *k == "Failed").count(),
            1,
            "one entry per run of failures"
        );

        server.set(Answer::Calendar(fixture("booking.ics")));
        let back = sync_now(&client, &feed).await;
        assert_eq!(back["problem"], Value::Null, "{back}");
        assert_eq!(health(&client, &feed).await["failures"], 0);
        assert_eq!(history(&client, &feed).await[0], "Recovered");
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn airbnb_rolling_window_stays_one_block(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let day_one = fixture("airbnb-rolling-window.ics");
        let server = FeedServer::start(Answer::Calendar(day_one.clone())).await;
        let (feed, _) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        assert_eq!(bookings(&app).await.len(), 2);
        // The next day Airbnb's block starts a day later, under a new UID.
        let day_two = day_one
            .replace("DTSTART;VALUE=DATE:20271122", "DTSTART;VALUE=DATE:20271123")
            .replace("DTEND;VALUE=DATE:20280101", "DTEND;VALUE=DATE:20280102")
            .replace("UID:6fec1092d3fa-", "UID:7aa01092d3fa-");
        server.set(Answer::Calendar(day_two));
        let outcome = sync_now(&client, &feed).await;
        assert_eq!(outcome["changes"], 1, "{outcome}");
        let now = bookings(&app).await;
        assert_eq!(now.len(), 2, "still one block: {now:?}");
        assert_eq!((now[1].0.as_str(), now[1].1.as_str()), ("2027-11-23", "2028-01-02"));
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn an_overlapping_import_is_emailed_once(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let status = status_id(&client, "Payé").await;
        book(&client, &chalet, &status, ("2027-03-12", "2027-03-14"), guest("Jean Martin", "", "", "")).await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let (feed, _) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        let subjects = || async {
            server::on_db!(&app.db, pool => sqlx::query_scalar::<_, String>("SELECT subject FROM outbox_messages")
                .fetch_all(pool).await).unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(subjects().await, ["Saison : réservation importée en conflit (Le Chalet)"]);
        assert!(history(&client, &feed).await.contains(&"Conflict".to_string()));
        // Polled again with the same stay (re-formatted body): no second email.
        server.set(Answer::CalendarWithoutValidators(fixture("airbnb.ics").replace("\r\n", "\n")));
        sync_now(&client, &feed).await;
        assert_eq!(subjects().await.len(), 1);
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn feeds_belong_to_their_organisation(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        app.organisation("Mer et Pins", "mer@exemple.fr").await;
        let lac = app.logged_in("lac@exemple.fr").await;
        let mer = app.logged_in("mer@exemple.fr").await;
        let chalet = property(&lac, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let (feed, _) = add_feed(&lac, &chalet, "airbnb", &server.url).await;
        for endpoint in ["sync_feed_now", "feed_history", "delete_feed", "confirm_feed_cancellations"] {
            let (code, body) = mer.call(endpoint, json!({ "id": feed })).await;
            assert_eq!(code, StatusCode::NOT_FOUND, "{endpoint}: {body}");
        }
        let (_, overview) = mer.call("sync_overview", json!({})).await;
        assert_eq!(overview["feeds"], json!([]));
        // Another organisation's property or status is refused by name.
        let form = json!({ "property": chalet, "platform": "airbnb", "url": server.url,
            "status": status_id(&mer, "AirBnb").await, "block_status": status_id(&mer, "Indisponible").await,
            "interval_minutes": "15" });
        let (code, refused) = mer.call("add_feed", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "property").is_some(), "{refused}");
        // A bad address is refused with a French message at its field.
        let form = json!({ "property": chalet, "platform": "airbnb", "url": "airbnb.fr/calendrier",
            "status": status_id(&lac, "AirBnb").await, "block_status": status_id(&lac, "Indisponible").await,
            "interval_minutes": "15" });
        let (code, refused) = lac.call("add_feed", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "url").unwrap_or_default().starts_with("Adresse de calendrier invalide"), "{refused}");
        // A viewer-only role cannot poll.
        let owner = app.user_with_role(&lac, "proprio@exemple.fr", "owner").await;
        let (code, _) = owner.call("sync_feed_now", json!({ "id": feed })).await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        let (code, _) = owner.call("export_link", json!({ "property": chalet, "renew": true })).await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        let (code, _) = owner.call("sync_overview", json!({})).await;
        assert_eq!(code, StatusCode::FORBIDDEN, "feed addresses and export links are secrets");
        // Deleting the feed takes its imported stays along.
        let (code, deleted) = lac.call("delete_feed", json!({ "id": feed })).await;
        assert_eq!((code, deleted), (StatusCode::OK, json!(3)));
        assert_eq!(bookings(&app).await, vec![]);
    }
}

on_both_databases! {
    async fn private_addresses_are_refused_by_default(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let (_, outcome) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        assert_eq!(outcome["problem"], "PrivateAddress", "{outcome}");
        let localhost = server.url.replace("127.0.0.1", "localhost");
        let (_, outcome) = add_feed(&client, &chalet, "airbnb", &localhost).await;
        assert_eq!(outcome["problem"], "PrivateAddress", "{outcome}");
        assert_eq!(server.requests().0, 0, "never reached");
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn the_history_forgets_changes_older_than_a_year(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let (feed, _) = add_feed(&client, &chalet, "airbnb", &server.url).await;
        let feed_id = feed.as_str().unwrap_or_default().to_string();
        // Two failures recorded long ago: 400 days (beyond the year kept) and 300 days.
        let now = chrono::Utc::now();
        for (days, id) in [(400, "ancienne"), (300, "recente")] {
            server::on_db!(&app.db, pool => sqlx::query(
                "INSERT INTO sync_changes (id, organisation_id, feed_id, at, kind, summary, detail) \
                 SELECT $1, organisation_id, id, $2, 'failed', '', 'unreachable' FROM sync_feeds WHERE id = $3")
                .bind(id)
                .bind(now - chrono::TimeDelta::days(days))
                .bind(&feed_id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()))
            .unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(history(&client, &feed).await.iter().filter(|kind| *kind == "Failed").count(), 2);

        // The next change written forgets the entry older than a year, and only it.
        let moved = fixture("airbnb.ics").replace("DTSTART;VALUE=DATE:20270310", "DTSTART;VALUE=DATE:20270311");
        server.set(Answer::Calendar(moved));
        assert_eq!(sync_now(&client, &feed).await["changes"], 1);
        let kept: Vec<String> = server::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT id FROM sync_changes WHERE feed_id = $1 AND kind = 'failed' ORDER BY id")
            .bind(&feed_id)
            .fetch_all(pool)
            .await)
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(kept, ["recente"]);
        let kinds = history(&client, &feed).await;
        assert!(kinds.contains(&"Moved".to_string()), "{kinds:?}");
    }
}
