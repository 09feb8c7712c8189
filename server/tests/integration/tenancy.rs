//! Tenancy: a user of organisation A calls every property server function with organisation B's ids
//! (properties, owners, rate plans) and can neither read nor change anything of B's.

use crate::common;

use common::{property_form, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Everything of B's, read through B's own session.
async fn snapshot(client: &common::Client) -> Value {
    let (_, list) = client.call("list_properties", json!({})).await;
    let mut properties = Vec::new();
    for p in list.as_array().cloned().unwrap_or_default() {
        let (_, property) = client.call("get_property", json!({ "id": p["id"] })).await;
        properties.push(property);
    }
    json!({ "list": list, "properties": properties })
}

async fn b_with_demo_data(app: &TestApp) -> common::Client {
    server::demo::load(&app.db, &app.services, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    app.logged_in_with(server::demo::DEMO_EMAIL, server::demo::DEMO_PASSWORD)
        .await
}

on_both_databases! {
    async fn organisation_a_never_reaches_organisation_b(app) {
        app.organisation("A", "a@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let b = b_with_demo_data(&app).await;
        let before = snapshot(&b).await;
        let (_, b_choices) = b.call("property_choices", json!({})).await;
        let b_owner = b_choices["owners"][0]["id"].clone();
        let b_plan = b_choices["rate_plans"][0]["id"].clone();
        let b_property = before["list"][0]["id"].clone();
        assert!(b_owner.is_string() && b_plan.is_string() && b_property.is_string());

        // Reads of B's ids find nothing.
        let (status, _) = a.call("get_property", json!({ "id": b_property })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = a.call("property_booking_count", json!({ "id": b_property })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, list) = a.call("list_properties", json!({})).await;
        assert_eq!(list, json!([]));
        let (_, choices) = a.call("property_choices", json!({})).await;
        assert_eq!(choices, json!({ "owners": [], "rate_plans": [], "tourist_taxes": [] }));
        let (_, users) = a.call("list_users", json!({})).await;
        assert_eq!(users.as_array().map(Vec::len), Some(1));

        // Changes to B's property are refused.
        let (status, _) = a.call("update_property", json!({ "id": b_property, "version": 1, "form": property_form("Volé") })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = a.call("delete_property", json!({ "id": b_property, "expected_bookings": 10 })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = a.call("delete_property", json!({ "id": b_property, "expected_bookings": 0 })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // B's owners and rate plans cannot be attached to A's properties.
        let mut with_b_owner = property_form("Chez A");
        with_b_owner["owner_id"] = b_owner.clone();
        let (status, body) = a.call("create_property", json!({ "form": with_b_owner })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(common::field_message(&body, "owner_id").as_deref(), Some("Ce choix n'existe plus. Choisissez dans la liste."));
        let mut with_b_plan = property_form("Chez A");
        with_b_plan["pricing"] = json!("plan");
        with_b_plan["rate_plan_id"] = b_plan.clone();
        let (status, body) = a.call("create_property", json!({ "form": with_b_plan.clone() })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(common::field_message(&body, "rate_plan_id").is_some());
        let (_, own) = a.call("create_property", json!({ "form": property_form("Chez A") })).await;
        let (status, _) = a.call("update_property", json!({ "id": own, "version": 1, "form": with_b_plan })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // Nothing of B's moved.
        assert_eq!(snapshot(&b).await, before);
        let (_, a_list) = a.call("list_properties", json!({})).await;
        assert_eq!(a_list.as_array().map(Vec::len), Some(1));
    }
}
