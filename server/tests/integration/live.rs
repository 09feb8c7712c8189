//! Live updates (SPEC C3 "live"): a booking saved, moved or deleted is pushed at once to every open
//! planning of its organisation — and only of its organisation — through `GET /api/events`; without a
//! session the stream is refused. On PostgreSQL, two separate server processes on one database push
//! each other's changes (LISTEN/NOTIFY).

use crate::common;

use common::{booking_form, next_event, property_form, Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

/// Long enough for a loaded CI machine; an event normally arrives within milliseconds.
const WAIT: Duration = Duration::from_secs(10);
/// After the organisation's own event has arrived, a misrouted one would already be queued.
const QUIET: Duration = Duration::from_millis(300);

/// A property and a status of the client's organisation.
async fn property_and_status(client: &common::Client) -> (Value, Value) {
    let (status, property) = client
        .call(
            "create_property",
            json!({ "form": property_form("Les Mimosas") }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{property}");
    let (status, planning) = client
        .call(
            "planning",
            json!({ "from": "2027-07-01", "to": "2027-08-01" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{planning}");
    (property, planning["statuses"][4]["id"].clone())
}

on_both_databases! {
    async fn changes_reach_open_plannings_of_their_organisation_only(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let colleague = app.logged_in("a@exemple.fr").await;
        let b = app.logged_in("b@exemple.fr").await;
        let (property, status) = property_and_status(&a).await;

        let mut colleague_stream = colleague.events().await;
        assert_eq!(colleague_stream.status(), StatusCode::OK);
        assert_eq!(
            colleague_stream.headers()["content-type"].to_str().unwrap_or_default(),
            "text/event-stream"
        );
        let mut other_stream = b.events().await;
        assert_eq!(other_stream.status(), StatusCode::OK);

        let form = booking_form(&property, &status, "2027-07-10", "2027-07-14");
        let (code, saved) = a.call("save_booking", json!({ "id": null, "version": 0, "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(next_event(&mut colleague_stream, WAIT).await.as_deref(), Some("bookings"), "a creation");
        assert_eq!(next_event(&mut other_stream, QUIET).await, None, "nothing reaches another organisation");

        let moved = booking_form(&property, &status, "2027-07-12", "2027-07-16");
        let (code, body) = a.call("save_booking", json!({ "id": saved["id"], "version": 1, "form": moved })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert_eq!(next_event(&mut colleague_stream, WAIT).await.as_deref(), Some("bookings"), "a move");

        let (code, body) = a.call("delete_booking", json!({ "id": saved["id"], "version": 2 })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert_eq!(next_event(&mut colleague_stream, WAIT).await.as_deref(), Some("bookings"), "a deletion");

        // A status renamed changes the planning's legend and bars: announced too.
        let (_, statuses) = a.call("list_statuses", json!({})).await;
        let first = &statuses[0];
        let (code, body) = a.call("update_status", json!({ "id": first["status"]["id"], "version": first["version"],
            "form": { "name": "Bloqué", "color": "#444444" } })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert_eq!(next_event(&mut colleague_stream, WAIT).await.as_deref(), Some("bookings"), "a status renamed");

        // A refused save changes nothing and announces nothing.
        let (code, _) = a.call("delete_booking", json!({ "id": saved["id"], "version": 2 })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        assert_eq!(next_event(&mut colleague_stream, QUIET).await, None);
        assert_eq!(next_event(&mut other_stream, QUIET).await, None);
    }
}

on_both_databases! {
    async fn the_stream_needs_a_session_and_the_same_site(app) {
        let anonymous = app.client();
        assert_eq!(anonymous.events().await.status(), StatusCode::UNAUTHORIZED);
        app.organisation("A", "a@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let cross_site = a
            .http
            .get(format!("{}/api/events", a.address))
            .header("origin", "https://ailleurs.example")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    }
}

/// A Saison server process on `database_url`, killed when dropped.
struct Process {
    child: std::process::Child,
    address: String,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start_process(database_url: &str) -> Process {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .unwrap_or_else(|e| panic!("free port: {e}"))
        .port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("SAISON_ADDRESS", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .env_remove("SAISON_DEMO")
        .spawn()
        .unwrap_or_else(|e| panic!("start the server: {e}"));
    let process = Process {
        child,
        address: format!("http://127.0.0.1:{port}"),
    };
    let client = reqwest::Client::new();
    for _ in 0..200 {
        let health = client
            .get(format!("{}/healthz", process.address))
            .send()
            .await;
        if health.is_ok_and(|r| r.status().is_success()) {
            return process;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server process did not start");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_server_processes_on_one_postgresql_push_each_others_changes() {
    if common::postgres_url().is_none() {
        eprintln!("TEST_POSTGRES_URL not set: PostgreSQL run skipped");
        return;
    }
    // The database (and its organisation) made by the harness; the two processes are separate.
    let app = TestApp::spawn(Backend::Postgres).await;
    app.organisation("A", "a@exemple.fr").await;
    let first = start_process(&app.database_url).await;
    let second = start_process(&app.database_url).await;
    let on_first = common::Client::logged_in_at(&first.address, "a@exemple.fr").await;
    let on_second = common::Client::logged_in_at(&second.address, "a@exemple.fr").await;
    let (property, status) = property_and_status(&on_first).await;

    let mut stream = on_second.events().await;
    assert_eq!(stream.status(), StatusCode::OK);
    let form = booking_form(&property, &status, "2027-07-10", "2027-07-14");
    let (code, saved) = on_first
        .call(
            "save_booking",
            json!({ "id": null, "version": 0, "form": form }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    assert_eq!(
        next_event(&mut stream, WAIT).await.as_deref(),
        Some("bookings"),
        "a booking saved on the first process reaches a planning open on the second"
    );
}
