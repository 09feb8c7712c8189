//! Service providers end to end on both databases (SPEC C11): a provider's secret link shows the
//! arrivals, departures, turnovers, guest counts and notes for providers of the properties they
//! serve — and nothing else (no price, no guest name or contact, no private note, no other
//! property); the .ics feed says the same and passes Python's `icalendar`; renewing or deleting
//! makes the old address answer 404; only admins and managers manage providers, within their
//! organisation; a provider account sees its own planning only.

use crate::common;

use common::booking_helpers::{property, status_id};
use common::{field_message, Client, TestApp};
use reqwest::{header, StatusCode};
use serde_json::{json, Value};

/// Today in France, as the planning counts it, plus `days`.
fn day(days: i64) -> String {
    let today = app::domain::paris_time::in_paris(chrono::Utc::now()).date();
    (today + chrono::Duration::days(days)).to_string()
}

/// Saves a booking with a guest who has a name, email, phone and address, private notes, and a note
/// for providers; returns its id.
async fn book(
    client: &Client,
    property: &Value,
    status: &Value,
    stay: (i64, i64),
    provider_notes: &str,
) -> Value {
    let form = json!({
        "stay": { "property": property, "arrival": day(stay.0), "departure": day(stay.1), "adults": "2",
                  "children": "1", "others": "1", "discount": "", "forfait": "", "platform": "", "options": "" },
        "status": status,
        "customer": { "id": "", "name": "Marie Dupont", "address": "3 rue des Lilas, Annecy",
                      "emails": "marie.dupont@exemple.fr", "phones": "06 12 34 56 78" },
        "options": [], "deposit": "", "origin": "", "notes": "Code portail privé 4242",
        "contract_message": "", "force": true, "provider_notes": provider_notes
    });
    let (code, saved) = client
        .call(
            "save_booking",
            json!({ "id": null, "version": 0, "form": form }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    saved["id"].clone()
}

fn provider_form(name: &str, properties: &[&Value], user: &str) -> Value {
    json!({ "name": name, "kind": "cleaning", "email": "menage@exemple.fr", "phone": "07 00 00 00 01",
            "user": user, "properties": properties })
}

async fn create_provider(client: &Client, form: Value) -> Value {
    let (code, provider) = client
        .call("create_provider", json!({ "form": form }))
        .await;
    assert_eq!(code, StatusCode::OK, "{provider}");
    provider
}

/// GETs a provider address as someone without a session does.
async fn open(
    app: &TestApp,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", app.address));
    for (name, value) in headers {
        request = request.header(name.clone(), *value);
    }
    request
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What a provider must never read.
fn assert_confidential(body: &str) {
    for secret in [
        "Marie",
        "Dupont",
        "marie.dupont@",
        "06 12 34 56 78",
        "Lilas",
        "Code portail",
        "€",
        "Le Moulin",
    ] {
        assert!(!body.contains(secret), "{secret:?} leaked into: {body}");
    }
}

on_both_databases! {
    async fn a_secret_link_shows_the_served_properties_only(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let moulin = property(&client, "Le Moulin").await;
        let paid = status_id(&client, "Payé").await;
        let first = book(&client, &chalet, &paid, (3, 6), "Lit bébé à installer <b>svp</b>").await;
        book(&client, &chalet, &paid, (6, 9), "").await;
        book(&client, &moulin, &paid, (4, 5), "Note du Moulin").await;

        // The note is stored apart from the private notes and read back with the booking.
        let (code, stored) = client.call("get_booking", json!({ "id": first })).await;
        assert_eq!(code, StatusCode::OK, "{stored}");
        assert_eq!(stored["form"]["provider_notes"], "Lit bébé à installer <b>svp</b>");
        assert_eq!(stored["form"]["notes"], "Code portail privé 4242");

        let provider = create_provider(&client, provider_form("Ménage Express", &[&chalet], "")).await;
        let token = provider["token"].as_str().unwrap_or_default().to_string();
        assert_eq!(token.len(), 43, "{provider}");
        assert_eq!(provider["properties"], json!([chalet]));

        let response = open(&app, &format!("/prestataire/{token}"), &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["x-frame-options"], "DENY");
        assert!(response.headers()[header::CONTENT_TYPE].to_str().unwrap_or_default().starts_with("text/html"));
        let page = response.text().await.unwrap_or_default();
        assert!(page.contains("Planning de Ménage Express"), "{page}");
        assert!(page.contains("Le Chalet"));
        assert_eq!(page.matches("data-testid=\"provider-task\"").count(), 4, "2 arrivals, 2 departures: {page}");
        assert!(page.contains("Arrivée suivante le même jour"), "{page}");
        assert!(page.contains("2 adultes, 1 enfant, 1 autre (bébé…)"), "{page}");
        assert!(page.contains("Lit bébé à installer &lt;b&gt;svp&lt;/b&gt;"), "user text is escaped: {page}");
        assert!(!page.contains("<b>svp"));
        assert!(!page.contains("<script"), "the secret page runs no script");
        assert!(!page.contains("Note du Moulin"));
        assert_confidential(&page);

        let path = format!("/prestataire/{token}.ics");
        let response = open(&app, &path, &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/calendar; charset=utf-8");
        let etag = response.headers()[header::ETAG].to_str().unwrap_or_default().to_string();
        let feed = response.text().await.unwrap_or_default();
        assert_confidential(&feed);
        assert!(feed.replace("\r\n ", "").contains("Lit bébé à installer <b>svp</b>"), "{feed}");
        if let Some(events) = common::ical::independently_read(&feed) {
            let mut seen: Vec<(String, String)> = events.iter().map(|(_, start, _, summary)| {
                (start.clone(), summary.split(" – ").next().unwrap_or_default().to_string())
            }).collect();
            seen.sort();
            let mut expected = vec![
                (day(3), "Arrivée".to_string()),
                (day(6), "Départ".to_string()),
                (day(6), "Arrivée".to_string()),
                (day(9), "Départ".to_string()),
            ];
            expected.sort();
            assert_eq!(seen, expected);
            assert!(events.iter().all(|(_, _, _, summary)| summary.contains("Le Chalet")));
        }
        let same = open(&app, &path, &[(header::IF_NONE_MATCH, etag.as_str())]).await;
        assert_eq!(same.status(), StatusCode::NOT_MODIFIED);

        // A new arrival changes the feed.
        book(&client, &chalet, &paid, (12, 14), "").await;
        let changed = open(&app, &path, &[(header::IF_NONE_MATCH, etag.as_str())]).await;
        assert_eq!(changed.status(), StatusCode::OK);
    }
}

on_both_databases! {
    async fn renewed_or_deleted_links_answer_404(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let provider = create_provider(&client, provider_form("Linge & Co", &[&chalet], "")).await;
        let old = provider["token"].as_str().unwrap_or_default().to_string();
        assert_eq!(open(&app, &format!("/prestataire/{old}"), &[]).await.status(), StatusCode::OK);
        let empty = open(&app, &format!("/prestataire/{old}"), &[]).await.text().await.unwrap_or_default();
        assert!(empty.contains("Aucune arrivée ni aucun départ sur cette période."), "{empty}");

        let (code, renewed) = client.call("renew_provider_link", json!({ "id": provider["id"] })).await;
        assert_eq!(code, StatusCode::OK, "{renewed}");
        let new = renewed["token"].as_str().unwrap_or_default().to_string();
        assert_ne!(new, old);
        for path in [format!("/prestataire/{old}"), format!("/prestataire/{old}.ics")] {
            let gone = open(&app, &path, &[]).await;
            assert_eq!(gone.status(), StatusCode::NOT_FOUND, "{path}");
            assert_eq!(gone.headers()["x-frame-options"], "DENY");
        }
        let gone = open(&app, &format!("/prestataire/{old}"), &[]).await.text().await.unwrap_or_default();
        assert!(gone.contains("Ce lien n'existe pas ou a été renouvelé"), "{gone}");
        assert_eq!(open(&app, &format!("/prestataire/{new}"), &[]).await.status(), StatusCode::OK);
        assert_eq!(open(&app, &format!("/prestataire/{new}.ics"), &[]).await.status(), StatusCode::OK);
        assert_eq!(open(&app, "/prestataire/../../etc/passwd", &[]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(open(&app, &format!("/prestataire/{}", "A".repeat(43)), &[]).await.status(), StatusCode::NOT_FOUND);

        // A stale delete is refused; a current one ends the link.
        let (code, _) = client.call("delete_provider", json!({ "id": provider["id"], "version": 0 })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        let (code, body) = client.call("delete_provider", json!({ "id": provider["id"], "version": renewed["version"] })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert_eq!(open(&app, &format!("/prestataire/{new}"), &[]).await.status(), StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn edits_are_checked_and_versioned(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&client, "Le Chalet").await;
        let moulin = property(&client, "Le Moulin").await;
        let (code, refused) = client.call("create_provider", json!({ "form": {
            "name": "", "kind": "plombier", "email": "non", "phone": "", "user": "", "properties": [] } })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(field_message(&refused, "name").as_deref(), Some("Ce champ est obligatoire."));
        assert!(field_message(&refused, "kind").is_some());
        assert!(field_message(&refused, "email").is_some());

        let provider = create_provider(&client, provider_form("Ménage Express", &[&chalet], "")).await;
        let mut form = provider_form("Ménage Express SARL", &[&chalet, &moulin], "");
        form["kind"] = json!("linen");
        let (code, saved) = client.call("update_provider", json!({ "id": provider["id"], "version": provider["version"], "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(saved["name"], "Ménage Express SARL");
        assert_eq!(saved["kind"], "linen");
        assert_eq!(saved["properties"].as_array().map(Vec::len), Some(2));
        assert_eq!(saved["token"], provider["token"], "an edit keeps the link");
        let (code, stale) = client.call("update_provider", json!({ "id": provider["id"], "version": provider["version"], "form": form })).await;
        assert_eq!(code, StatusCode::CONFLICT, "{stale}");

        let (code, overview) = client.call("providers", json!({})).await;
        assert_eq!(code, StatusCode::OK, "{overview}");
        assert_eq!(overview["providers"].as_array().map(Vec::len), Some(1));
        assert_eq!(overview["properties"].as_array().map(Vec::len), Some(2));
    }
}

on_both_databases! {
    async fn another_organisation_stays_out_of_reach(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        app.organisation("Mer et Pins", "mer@exemple.fr").await;
        let lac = app.logged_in("lac@exemple.fr").await;
        let mer = app.logged_in("mer@exemple.fr").await;
        let chalet = property(&lac, "Le Chalet").await;
        let villa = property(&mer, "La Villa").await;
        let theirs = create_provider(&mer, provider_form("Ménage Mer", &[&villa], "")).await;
        let their_account = app.user_with_role(&mer, "presta-mer@exemple.fr", "provider").await;
        drop(their_account);
        let (_, users) = mer.call("list_users", json!({})).await;
        let their_user = users.as_array().into_iter().flatten()
            .find(|u| u["email"] == "presta-mer@exemple.fr").map(|u| u["id"].clone()).unwrap_or_default();

        let (code, refused) = lac.call("create_provider", json!({ "form": provider_form("X", &[&villa], "") })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "properties").is_some(), "{refused}");
        let user_text = their_user.as_str().unwrap_or_default().to_string();
        let (code, refused) = lac.call("create_provider", json!({ "form": provider_form("X", &[&chalet], &user_text) })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "user").is_some(), "{refused}");

        let (code, _) = lac.call("update_provider", json!({ "id": theirs["id"], "version": theirs["version"],
            "form": provider_form("Pris", &[&chalet], "") })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _) = lac.call("renew_provider_link", json!({ "id": theirs["id"] })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _) = lac.call("delete_provider", json!({ "id": theirs["id"], "version": theirs["version"] })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (_, overview) = lac.call("providers", json!({})).await;
        assert_eq!(overview["providers"], json!([]));
        assert_eq!(overview["accounts"], json!([]), "no account of another organisation is offered");
        let (_, still) = mer.call("providers", json!({})).await;
        assert_eq!(still["providers"][0]["name"], "Ménage Mer");
    }
}

on_both_databases! {
    async fn roles_decide_who_manages_and_a_provider_sees_their_own_planning(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let admin = app.logged_in("lac@exemple.fr").await;
        let chalet = property(&admin, "Le Chalet").await;
        let moulin = property(&admin, "Le Moulin").await;
        let paid = status_id(&admin, "Payé").await;
        book(&admin, &chalet, &paid, (2, 4), "Draps king size").await;
        book(&admin, &moulin, &paid, (2, 4), "Note du Moulin").await;

        let manager = app.user_with_role(&admin, "gestion@exemple.fr", "manager").await;
        let owner = app.user_with_role(&admin, "proprio@exemple.fr", "owner").await;
        let cleaner = app.user_with_role(&admin, "menage@exemple.fr", "provider").await;
        let unlinked = app.user_with_role(&admin, "autre@exemple.fr", "provider").await;
        let (_, users) = admin.call("list_users", json!({})).await;
        let id_of = |email: &str| users.as_array().into_iter().flatten()
            .find(|u| u["email"] == email).and_then(|u| u["id"].as_str()).unwrap_or_default().to_string();

        for refused in [&owner, &cleaner] {
            let (code, _) = refused.call("providers", json!({})).await;
            assert_eq!(code, StatusCode::FORBIDDEN);
            let (code, _) = refused.call("create_provider", json!({ "form": provider_form("X", &[], "") })).await;
            assert_eq!(code, StatusCode::FORBIDDEN);
        }
        // A manager may; an account that is not a provider cannot be linked.
        let (code, refused) = manager.call("create_provider",
            json!({ "form": provider_form("X", &[&chalet], &id_of("gestion@exemple.fr")) })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "user").is_some());
        let linked = create_provider(&manager, provider_form("Ménage Express", &[&chalet], &id_of("menage@exemple.fr"))).await;
        let (code, twice) = manager.call("create_provider",
            json!({ "form": provider_form("Bis", &[&chalet], &id_of("menage@exemple.fr")) })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{twice}");
        assert_eq!(field_message(&twice, "user").as_deref(), Some("Ce compte est déjà rattaché à un autre prestataire."));

        let (code, mine) = cleaner.call("my_provider_planning", json!({})).await;
        assert_eq!(code, StatusCode::OK, "{mine}");
        assert_eq!(mine[1], linked["token"]);
        let text = mine[0].to_string();
        assert!(text.contains("Draps king size") && text.contains("Le Chalet"), "{text}");
        assert_confidential(&text);
        assert!(!text.contains("price") && !text.contains("customer"), "{text}");
        let (code, _) = unlinked.call("my_provider_planning", json!({})).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _) = manager.call("my_provider_planning", json!({})).await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        // The rest of the organisation's data stays closed to the provider.
        let (code, _) = cleaner.call("planning", json!({ "from": day(0), "to": day(30) })).await;
        assert_eq!(code, StatusCode::FORBIDDEN);

        // The page they land on, rendered on the server with their session.
        let page = cleaner.page("/prestataire").await.text().await.unwrap_or_default();
        assert!(page.contains("Planning de Ménage Express") && page.contains("Draps king size"), "{page}");
        assert_confidential(&page);
    }
}

on_both_databases! {
    settings = |settings| settings.public_requests_per_minute = 3;
    async fn secret_links_are_rate_limited(app) {
        app.organisation("Gîtes du Lac", "lac@exemple.fr").await;
        let client = app.logged_in("lac@exemple.fr").await;
        let provider = create_provider(&client, provider_form("Ménage Express", &[], "")).await;
        let path = format!("/prestataire/{}", provider["token"].as_str().unwrap_or_default());
        let mut statuses = Vec::new();
        for _ in 0..5 {
            statuses.push(open(&app, &path, &[]).await.status());
        }
        assert_eq!(statuses[..3], [StatusCode::OK; 3]);
        assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS);
        let page = open(&app, &path, &[]).await.text().await.unwrap_or_default();
        assert!(page.contains("Trop de demandes"), "{page}");
    }
}
