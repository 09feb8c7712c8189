//! Helpers to set up properties, statuses and bookings with guests through HTTP, as the browser would.

use super::{property_form, Client};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Creates a property at a fixed 100 € a night; returns its id.
pub async fn property(client: &Client, name: &str) -> Value {
    let mut form = property_form(name);
    form["fixed_price"] = json!("100");
    let (status, id) = client
        .call("create_property", json!({ "form": form }))
        .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    id
}

/// The organisation's statuses as the settings list them.
pub async fn statuses(client: &Client) -> Vec<Value> {
    let (status, list) = client.call("list_statuses", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array().cloned().unwrap_or_default()
}

/// The id of the status named `name`.
pub async fn status_id(client: &Client, name: &str) -> Value {
    statuses(client)
        .await
        .into_iter()
        .find(|s| s["status"]["name"] == name)
        .map(|s| s["status"]["id"].clone())
        .unwrap_or_else(|| panic!("no status {name}"))
}

/// A guest as the booking form sends it (`id` empty: a new customer).
pub fn guest(name: &str, address: &str, emails: &str, phones: &str) -> Value {
    json!({ "id": "", "name": name, "address": address, "emails": emails, "phones": phones })
}

/// Calls `save_booking` as the form does: `id` null for a new booking, `version` the one edited.
pub async fn save_booking(
    client: &Client,
    id: impl serde::Serialize,
    version: impl serde::Serialize,
    form: &Value,
) -> (StatusCode, Value) {
    client
        .call(
            "save_booking",
            json!({ "id": id, "version": version, "form": form }),
        )
        .await
}

/// Saves a new booking (forced, so no pricing rule stands in the way); returns the saved booking.
pub async fn book(
    client: &Client,
    property: &Value,
    status: &Value,
    (arrival, departure): (&str, &str),
    customer: Value,
) -> Value {
    let form = json!({
        "stay": { "property": property, "arrival": arrival, "departure": departure, "adults": "2",
                  "children": "", "others": "", "discount": "", "forfait": "", "platform": "", "options": "" },
        "status": status,
        "customer": customer,
        "options": [], "deposit": "", "origin": "", "notes": "", "contract_message": "",
        "force": true
    });
    let (code, saved) = client
        .call(
            "save_booking",
            json!({ "id": null, "version": 0, "form": form }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    saved
}

/// Inserts `count` one-night bookings on `property` straight into the database (the booking screens
/// come with a later capability; deleting a property must already take its bookings along).
pub async fn insert_bookings(app: &super::TestApp, organisation: &str, property: &str, count: i64) {
    let now = chrono::Utc::now();
    let start = chrono::NaiveDate::from_ymd_opt(2027, 7, 1).unwrap_or_default();
    server::on_db!(&app.db, pool => {
        let status: String = sqlx::query_scalar("SELECT id FROM booking_statuses WHERE organisation_id = $1 ORDER BY position")
            .bind(organisation)
            .fetch_one(pool)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for n in 0..count {
            let arrival = start + chrono::Duration::days(n * 2);
            sqlx::query(
                "INSERT INTO bookings (id, organisation_id, property_id, status_id, arrival, departure, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(organisation)
            .bind(property)
            .bind(&status)
            .bind(arrival)
            .bind(arrival + chrono::Duration::days(1))
            .bind(now)
            .execute(pool)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        }
    });
}
