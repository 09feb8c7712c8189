//! The public search's cache (SPEC C10; `server/src/public/cache.rs`): a search answered from the
//! cache is the page a fresh one gives, and every change that moves a night or a price shows on the
//! very next search — a booking saved or deleted, a guest's request, a property's price or listing,
//! the pricing settings. On PostgreSQL a change made through another app server outdates this one's
//! cache too (LISTEN/NOTIFY).

use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::{property_form, Backend, Client, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

/// Long enough for a loaded CI machine; a notification normally arrives within milliseconds.
const WAIT: Duration = Duration::from_secs(10);

/// 12 → 15 July 2027 for two adults.
const SEARCH: &str = "recherche?arrivee=2027-07-12&depart=2027-07-15&adultes=2";

/// The site's key.
async fn token(client: &Client) -> String {
    let (code, page) = client.call("public_site", json!({})).await;
    assert_eq!(code, StatusCode::OK, "{page}");
    page["token"].as_str().unwrap_or_default().to_string()
}

/// The search page of `token` on the server at `address`.
async fn search(address: &str, token: &str) -> String {
    let response = reqwest::get(format!("{address}/public/{token}/{SEARCH}"))
        .await
        .unwrap_or_else(|e| panic!("search: {e}"));
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap_or_default()
}

/// Saves home `name` (made by `property`, 100 € a night) with its form field `field` set to `value`,
/// through the property form as a user does.
async fn edit_property(client: &Client, id: &Value, name: &str, field: &str, value: Value) {
    let (_, stored) = client.call("get_property", json!({ "id": id })).await;
    let mut form = property_form(name);
    form["fixed_price"] = json!("100");
    form[field] = value;
    let (code, body) = client
        .call(
            "update_property",
            json!({ "id": id, "version": stored["version"], "form": form }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
}

on_both_databases! {
    async fn every_change_shows_on_the_next_search(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let grange = property(&client, "La Grange").await;
        let token = token(&client).await;
        let address = app.address.clone();

        let first = search(&address, &token).await;
        assert!(first.contains("Le Chalet") && first.contains("La Grange"), "{first}");
        assert!(first.contains("300,00"), "3 nights at 100 €: {first}");
        assert_eq!(search(&address, &token).await, first, "the cached answer is the same page");

        // A booking saved on the planning: the home is no longer offered.
        let option = status_id(&client, "Option").await;
        let saved = book(&client, &chalet, &option, ("2027-07-13", "2027-07-14"),
            guest("Marie Dupont", "", "marie@exemple.fr", "")).await;
        let page = search(&address, &token).await;
        assert!(!page.contains("Le Chalet") && page.contains("La Grange"), "{page}");

        // A new price on the property form.
        edit_property(&client, &grange, "La Grange", "fixed_price", json!("120")).await;
        let page = search(&address, &token).await;
        assert!(page.contains("360,00") && !page.contains("300,00"), "{page}");

        // The booking deleted: the home is offered again.
        let (code, body) = client.call("delete_booking", json!({ "id": saved["id"], "version": saved["version"] })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        let page = search(&address, &token).await;
        assert!(page.contains("Le Chalet") && page.contains("300,00"), "{page}");

        // A guest's request from the public pages takes La Grange's nights.
        let response = reqwest::Client::new()
            .post(format!("{address}/public/{token}/reserver"))
            .header("origin", address.clone())
            .form(&[("logement", grange.as_str().unwrap_or_default()), ("arrivee", "2027-07-10"),
                ("depart", "2027-07-13"), ("adultes", "2"), ("enfants", "0"), ("nom", "Léa Martin"),
                ("email", "lea.martin@exemple.fr"), ("telephone", "06 11 22 33 44"), ("message", ""),
                ("conditions", "on"), ("site_web", "")])
            .send()
            .await
            .unwrap_or_else(|e| panic!("request: {e}"));
        assert_eq!(response.status(), StatusCode::OK);
        let page = search(&address, &token).await;
        assert!(page.contains("Le Chalet") && !page.contains("La Grange"), "{page}");

        // Unlisted: not offered.
        edit_property(&client, &chalet, "Le Chalet", "public_listing", json!(false)).await;
        let page = search(&address, &token).await;
        assert!(page.contains("Aucun logement") && !page.contains("Le Chalet"), "{page}");

        // Listed again, then a minimum stay of 4 nights in the pricing settings: 3 nights refused.
        edit_property(&client, &chalet, "Le Chalet", "public_listing", json!(true)).await;
        assert!(search(&address, &token).await.contains("Le Chalet"));
        let (code, body) = client.call("save_pricing_settings", json!({ "version": 0, "form": {
            "minimum_stay": "4", "manual_discount_enabled": true, "vat_enabled": false, "vat_rate": "",
            "duration_discounts": []
        }})).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        let page = search(&address, &token).await;
        assert!(!page.contains("Le Chalet"), "{page}");
    }
}

/// Searches on `address` until `expected` holds of the page, for [`WAIT`] at most.
async fn search_until(address: &str, token: &str, expected: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let page = search(address, token).await;
        if expected(&page) || tokio::time::Instant::now() > deadline {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_another_server_outdates_this_ones_cache() {
    if common::postgres_url().is_none() {
        eprintln!("TEST_POSTGRES_URL not set: PostgreSQL run skipped");
        return;
    }
    let app = TestApp::spawn(Backend::Postgres).await;
    app.organisation("A", "a@exemple.fr").await;
    let other = app.another_instance().await;
    let client = app.logged_in("a@exemple.fr").await;
    let on_other = Client::logged_in_at(&other, "a@exemple.fr").await;
    let chalet = property(&client, "Le Chalet").await;
    let token = token(&client).await;
    let page = search(&app.address, &token).await;
    assert!(
        page.contains("Le Chalet") && page.contains("300,00"),
        "{page}"
    );

    // A new price saved on the other server.
    edit_property(&on_other, &chalet, "Le Chalet", "fixed_price", json!("110")).await;
    let page = search_until(&app.address, &token, |page| page.contains("330,00")).await;
    assert!(page.contains("330,00"), "{page}");

    // A booking saved on the other server.
    let option = status_id(&on_other, "Option").await;
    book(
        &on_other,
        &chalet,
        &option,
        ("2027-07-13", "2027-07-14"),
        guest("Marie Dupont", "", "marie@exemple.fr", ""),
    )
    .await;
    let page = search_until(&app.address, &token, |page| !page.contains("Le Chalet")).await;
    assert!(!page.contains("Le Chalet"), "{page}");
}
