//! Exported calendars end to end on both databases (SPEC C9 "Export"): a property's secret link
//! serves every taken night as an all-day event ending on the departure day, with no personal data;
//! stays imported from a platform are left out for that platform (`exclure`), conditional requests
//! answer 304 until something changes, the statuses that block are a setting, a renewed secret makes
//! the old address answer 404, and the organisation's link names each property. Each export is also
//! read by an independent parser (Python's `icalendar`).

use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::feed_server::{fixture, Answer, FeedServer};
use common::{Client, TestApp};
use reqwest::header;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn private_hosts_allowed(settings: &mut server::config::Settings) {
    settings.sync_allow_private_hosts = true;
}

async fn link(client: &Client, property: Value, renew: bool) -> String {
    let (code, link) = client
        .call(
            "export_link",
            json!({ "property": property, "renew": renew }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{link}");
    link["token"].as_str().unwrap_or_default().to_string()
}

/// GETs a calendar as a platform does: no session.
async fn fetch(
    app: &TestApp,
    path: &str,
    headers: &[(header::HeaderName, String)],
) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(name.clone(), value.clone());
    }
    request
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The events of a calendar as Python's `icalendar` reads them: (arrival, departure, summary).
fn independently_read(body: &str) -> Option<Vec<(String, String, String)>> {
    let events = common::ical::independently_read(body)?;
    Some(events.into_iter().map(|(_, a, d, s)| (a, d, s)).collect())
}

fn owned(events: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|(a, d, s)| (a.to_string(), d.to_string(), s.to_string()))
        .collect()
}

on_both_databases! {
    settings = private_hosts_allowed;
    async fn a_property_link_serves_its_taken_nights(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let paid = status_id(&client, "Payé").await;
        book(&client, &chalet, &paid, ("2027-06-01", "2027-06-05"), guest("Jean Martin", "", "jean@exemple.fr", "")).await;
        let server = FeedServer::start(Answer::Calendar(fixture("airbnb.ics"))).await;
        let form = json!({ "property": chalet, "platform": "airbnb", "url": server.url,
            "status": status_id(&client, "AirBnb").await, "block_status": status_id(&client, "Indisponible").await,
            "interval_minutes": "15" });
        let (code, added) = client.call("add_feed", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{added}");
        let token = link(&client, chalet.clone(), false).await;
        assert_eq!(token.len(), 43);
        assert_eq!(link(&client, chalet.clone(), false).await, token, "the same link until renewed");

        let path = format!("/ical/{token}.ics");
        let response = fetch(&app, &path, &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/calendar; charset=utf-8");
        let etag = response.headers()[header::ETAG].to_str().unwrap_or_default().to_string();
        let modified = response.headers()[header::LAST_MODIFIED].to_str().unwrap_or_default().to_string();
        let body = response.text().await.unwrap_or_default();
        assert!(!body.contains("Jean") && !body.contains("jean@"), "no personal data: {body}");
        assert!(body.contains("\r\nDTSTART;VALUE=DATE:20270601\r\nDTEND;VALUE=DATE:20270605\r\n"), "{body}");
        let everything = owned(&[
            ("2027-03-10", "2027-03-15", "Réservé"),
            ("2027-03-28", "2027-04-02", "Réservé"),
            ("2027-04-18", "2027-04-20", "Indisponible"),
            ("2027-06-01", "2027-06-05", "Réservé"),
        ]);
        if let Some(events) = independently_read(&body) {
            assert_eq!(events, everything);
        }

        // For Airbnb: its own stays are not echoed back.
        let for_airbnb = fetch(&app, &format!("{path}?exclure=airbnb"), &[]).await.text().await.unwrap_or_default();
        if let Some(events) = independently_read(&for_airbnb) {
            assert_eq!(events, owned(&[("2027-06-01", "2027-06-05", "Réservé")]));
        }
        assert_eq!(for_airbnb.matches("BEGIN:VEVENT").count(), 1);
        let refused = fetch(&app, &format!("{path}?exclure=expedia"), &[]).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        assert!(refused.text().await.unwrap_or_default().starts_with("Option « exclure » inconnue"));

        // Conditional requests: 304 until something changes.
        let same = fetch(&app, &path, &[(header::IF_NONE_MATCH, etag.clone())]).await;
        assert_eq!(same.status(), StatusCode::NOT_MODIFIED);
        let same = fetch(&app, &path, &[(header::IF_MODIFIED_SINCE, modified.clone())]).await;
        assert_eq!(same.status(), StatusCode::NOT_MODIFIED);
        book(&client, &chalet, &paid, ("2027-07-01", "2027-07-03"), guest("Ana Lopez", "", "", "")).await;
        let changed = fetch(&app, &path, &[(header::IF_NONE_MATCH, etag.clone())]).await;
        assert_eq!(changed.status(), StatusCode::OK);
        assert_ne!(changed.headers()[header::ETAG].to_str().unwrap_or_default(), etag);
        assert_eq!(changed.text().await.unwrap_or_default().matches("BEGIN:VEVENT").count(), 5);

        // "Payé" no longer blocks the exported calendars.
        let (_, overview) = client.call("sync_overview", json!({})).await;
        let kept: Vec<Value> = overview["exported_statuses"].as_array().cloned().unwrap_or_default()
            .into_iter().filter(|id| id != &paid).collect();
        let (code, _) = client.call("set_exported_statuses", json!({ "statuses": kept })).await;
        assert_eq!(code, StatusCode::OK);
        let without_paid = fetch(&app, &path, &[]).await.text().await.unwrap_or_default();
        assert_eq!(without_paid.matches("BEGIN:VEVENT").count(), 3);

        // A renewed secret: the old address answers 404.
        let renewed = link(&client, chalet.clone(), true).await;
        assert_ne!(renewed, token);
        assert_eq!(fetch(&app, &path, &[]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(fetch(&app, &format!("/ical/{renewed}.ics"), &[]).await.status(), StatusCode::OK);
        assert_eq!(fetch(&app, "/ical/../../etc/passwd", &[]).await.status(), StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn the_organisation_link_names_each_property(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        app.organisation("Mer et Pins", "mer@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let other = app.logged_in("mer@exemple.fr").await;
        let chalet = property(&client, "Le Chalet, vue lac").await;
        let mas = property(&client, "Le Mas").await;
        let paid = status_id(&client, "Payé").await;
        book(&client, &chalet, &paid, ("2027-06-01", "2027-06-05"), guest("Jean Martin", "", "", "")).await;
        book(&client, &mas, &paid, ("2027-06-02", "2027-06-04"), guest("Ana Lopez", "", "", "")).await;
        let token = link(&client, Value::Null, false).await;
        let body = fetch(&app, &format!("/ical/{token}.ics"), &[]).await.text().await.unwrap_or_default();
        assert!(body.contains("SUMMARY:Réservé – Le Chalet\\, vue lac\r\n"), "{body}");
        if let Some(events) = independently_read(&body) {
            assert_eq!(events, owned(&[
                ("2027-06-01", "2027-06-05", "Réservé – Le Chalet, vue lac"),
                ("2027-06-02", "2027-06-04", "Réservé – Le Mas"),
            ]));
        }
        // Another organisation has its own link, empty, and cannot get one for our property.
        let theirs = link(&other, Value::Null, false).await;
        assert_ne!(theirs, token);
        let body = fetch(&app, &format!("/ical/{theirs}.ics"), &[]).await.text().await.unwrap_or_default();
        assert_eq!(body.matches("BEGIN:VEVENT").count(), 0);
        let (code, _) = other.call("export_link", json!({ "property": chalet, "renew": false })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
    }
}
