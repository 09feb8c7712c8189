//! The background polls and polls that race, on both databases: a feed falls due and is polled by
//! the scheduler alone — once, even with three schedulers (three server instances) looking at the
//! same database; and two "synchroniser maintenant" at the same moment import each stay once.

use crate::common;

use app::domain::sync::{FeedInput, Platform};
use common::booking_helpers::{property, status_id};
use common::feed_server::{fixture, Answer, FeedServer};
use reqwest::StatusCode;
use serde_json::json;
use std::time::Duration;

fn private_hosts_allowed(settings: &mut server::config::Settings) {
    settings.sync_allow_private_hosts = true;
}

fn parse<T: std::str::FromStr>(value: &serde_json::Value) -> T
where
    T::Err: std::fmt::Display,
{
    value
        .as_str()
        .unwrap_or_default()
        .parse()
        .unwrap_or_else(|e| panic!("{value}: {e}"))
}

async fn imported(app: &common::TestApp) -> i64 {
    server::on_db!(&app.db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM bookings WHERE feed_id IS NOT NULL")
        .fetch_one(pool)
        .await)
    .unwrap_or_else(|e| panic!("{e}"))
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn a_due_feed_is_polled_once_by_several_schedulers(app) {
        let admin = app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let input = FeedInput {
            property: parse(&chalet),
            platform: Platform::Airbnb,
            url: server.url.clone(),
            status: parse(&status_id(&client, "AirBnb").await),
            block_status: parse(&status_id(&client, "Indisponible").await),
            interval_minutes: 15,
        };
        // Added through the port: no first poll from the form, the scheduler must do it.
        app.services
            .sync
            .add_feed(admin.organisation_id, &input, chrono::Utc::now())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let settings = server::config::Settings {
            sync_allow_private_hosts: true,
            ..server::config::Settings::default()
        };
        let live = server::live::Live::new(&app.db);
        for _ in 0..3 {
            let poller = server::startup::poller(&app.db, &settings, &live, app.mail.clone());
            tokio::spawn(server::sync::scheduler::run(poller));
        }
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while imported(&app).await < 3 {
            assert!(tokio::time::Instant::now() < deadline, "the scheduler never polled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(server.requests().0, 1, "claimed by one scheduler only");
        let (_, overview) = client.call("sync_overview", json!({})).await;
        let next = overview["feeds"][0]["next_attempt"].as_str().unwrap_or_default().to_string();
        let next = chrono::DateTime::parse_from_rfc3339(&next).unwrap_or_else(|e| panic!("{next}: {e}"));
        let wait = next.with_timezone(&chrono::Utc) - chrono::Utc::now();
        assert!(wait > chrono::Duration::minutes(14) && wait < chrono::Duration::minutes(17), "15 min + spread: {wait}");
    }
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn two_syncs_at_once_import_each_stay_once(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let other_tab = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let server = FeedServer::start(Answer::Status(503)).await;
        let form = json!({ "property": chalet, "platform": "airbnb", "url": server.url,
            "status": status_id(&client, "AirBnb").await, "block_status": status_id(&client, "Indisponible").await,
            "interval_minutes": "15" });
        let (code, added) = client.call("add_feed", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{added}");
        server.set(Answer::CalendarWithoutValidators(fixture("vrbo-abritel-fr.ics")));
        let feed = added[0].clone();
        let (first, second) = tokio::join!(
            client.call("sync_feed_now", json!({ "id": feed })),
            other_tab.call("sync_feed_now", json!({ "id": feed })),
        );
        assert_eq!((first.0, second.0), (StatusCode::OK, StatusCode::OK), "{first:?} {second:?}");
        let changes = first.1["changes"].as_i64().unwrap_or(-1) + second.1["changes"].as_i64().unwrap_or(-1);
        assert_eq!(changes, 3, "one poll imported, the other found nothing new: {first:?} {second:?}");
        assert_eq!(imported(&app).await, 3);
    }
}
