//! Accounts through HTTP: first-run setup, login, logout, password change, users and roles, the
//! session cookie and the login rate limit.

use crate::common;

use common::{field_message, Backend, TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::json;

fn setup_form(email: &str) -> serde_json::Value {
    json!({ "form": {
        "organisation_name": "Gîtes du Lac",
        "admin_name": "Marie Martin",
        "email": email,
        "password": PASSWORD,
        "password_confirmation": PASSWORD
    }})
}

on_both_databases! {
    async fn setup_creates_the_first_admin_once(app) {
        let client = app.client();
        let (_, state) = client.call("session_state", json!({})).await;
        assert_eq!(state, json!("NeedsSetup"));

        let (status, body) = client.call("setup", json!({ "form": {
            "organisation_name": "", "admin_name": "Marie", "email": "marie", "password": "court", "password_confirmation": "autre"
        }})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&body, "organisation_name").as_deref(), Some("Ce champ est obligatoire."));
        assert_eq!(field_message(&body, "email").as_deref(), Some("Adresse email invalide, par exemple marie@exemple.fr."));
        assert_eq!(field_message(&body, "password").as_deref(), Some("10 caractères au minimum."));
        assert!(!app.services.accounts.is_set_up().await.unwrap_or(true), "a refused setup must create nothing");

        let (status, body) = client.call("setup", setup_form("marie@gites-du-lac.fr")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (_, state) = client.call("session_state", json!({})).await;
        assert_eq!(state["LoggedIn"]["organisation_name"], "Gîtes du Lac");
        assert_eq!(state["LoggedIn"]["role"], "admin");

        let (status, body) = app.client().call("setup", setup_form("intrus@exemple.fr")).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(body["message"], "Saison est déjà configuré. Connectez-vous.");
        let (status, _) = app.client().login("intrus@exemple.fr", PASSWORD).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
}

on_both_databases! {
    async fn login_logout_and_wrong_passwords(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.client();
        let (status, body) = client.login("a@exemple.fr", "mauvais mot de passe").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["message"], "Adresse email ou mot de passe incorrect.");
        let (status, body) = client.login("inconnu@exemple.fr", PASSWORD).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["message"], "Adresse email ou mot de passe incorrect.");

        let (status, _) = client.login(" A@Exemple.FR ", PASSWORD).await;
        assert_eq!(status, StatusCode::OK, "emails are matched trimmed and case-insensitively");
        let (status, _) = client.call("list_properties", json!({})).await;
        assert_eq!(status, StatusCode::OK);

        let (status, _) = client.call("logout", json!({})).await;
        assert_eq!(status, StatusCode::OK);
        let (status, body) = client.call("list_properties", json!({})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["kind"], "Unauthenticated");
    }
}

on_both_databases! {
    async fn changing_the_password_ends_other_sessions(app) {
        app.organisation("A", "a@exemple.fr").await;
        let here = app.logged_in("a@exemple.fr").await;
        let elsewhere = app.logged_in("a@exemple.fr").await;

        let (status, body) = here.call("change_password", json!({ "form": {
            "current_password": "pas le bon", "password": "nouveau mot de passe", "password_confirmation": "nouveau mot de passe"
        }})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&body, "current_password").as_deref(), Some("Mot de passe actuel incorrect."));

        let (status, body) = here.call("change_password", json!({ "form": {
            "current_password": PASSWORD, "password": "nouveau mot de passe", "password_confirmation": "nouveau mot de passe"
        }})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, _) = here.call("list_properties", json!({})).await;
        assert_eq!(status, StatusCode::OK, "the session that changed the password stays logged in");
        let (status, _) = elsewhere.call("list_properties", json!({})).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "other sessions end");

        assert_eq!(app.client().login("a@exemple.fr", PASSWORD).await.0, StatusCode::UNAUTHORIZED);
        assert_eq!(app.client().login("a@exemple.fr", "nouveau mot de passe").await.0, StatusCode::OK);
    }
}

on_both_databases! {
    async fn admins_add_users_with_a_role_and_a_temporary_password(app) {
        app.organisation("A", "a@exemple.fr").await;
        let admin = app.logged_in("a@exemple.fr").await;
        let (status, created) = admin.call("add_user", json!({ "form": { "name": "Paul", "email": "paul@exemple.fr", "role": "manager" } })).await;
        assert_eq!(status, StatusCode::OK, "{created}");
        let temporary = created["temporary_password"].as_str().unwrap_or_default().to_string();
        assert_eq!(temporary.chars().count(), 14);

        let (status, body) = admin.call("add_user", json!({ "form": { "name": "Paul bis", "email": "PAUL@exemple.fr", "role": "manager" } })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&body, "email").as_deref(), Some("Cette adresse email est déjà utilisée par un compte."));
        let (status, body) = admin.call("add_user", json!({ "form": { "name": "X", "email": "x@exemple.fr", "role": "root" } })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(field_message(&body, "role").is_some());

        let paul = app.client();
        assert_eq!(paul.login("paul@exemple.fr", &temporary).await.0, StatusCode::OK);
        let (_, state) = paul.call("session_state", json!({})).await;
        assert_eq!(state["LoggedIn"]["must_change_password"], true);
        assert_eq!(state["LoggedIn"]["role"], "manager");
        let (status, _) = paul.call("add_user", json!({ "form": { "name": "Eve", "email": "eve@exemple.fr", "role": "admin" } })).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "a manager cannot add users");
        let (status, users) = admin.call("list_users", json!({})).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(users.as_array().map(Vec::len), Some(2));
    }
}

/// The `Set-Cookie` header answering a successful login.
async fn login_cookie(app: &TestApp) -> String {
    let response = app
        .client()
        .http
        .post(format!("{}/api/login", app.address))
        .json(&json!({ "form": { "email": "a@exemple.fr", "password": PASSWORD } }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let header = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok());
    header.unwrap_or_default().to_string()
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.organisation("A", "a@exemple.fr").await;
    let cookie = login_cookie(&app).await;
    assert!(cookie.starts_with("saison_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain http on loopback: no Secure flag"
    );
}

#[tokio::test]
async fn the_session_cookie_is_secure_behind_https() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.public_url = Some("https://saison.example.fr".into())
    })
    .await;
    app.organisation("A", "a@exemple.fr").await;
    let cookie = login_cookie(&app).await;
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn login_attempts_are_rate_limited() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| s.login_attempts_per_minute = 5).await;
    app.organisation("A", "a@exemple.fr").await;
    let client = app.client();
    for _ in 0..5 {
        assert_eq!(
            client.login("a@exemple.fr", "mauvais mot de passe").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    let (status, body) = client.login("a@exemple.fr", PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits once the quota is used"
    );
    assert_eq!(
        body["message"],
        "Trop de tentatives de connexion. Patientez une minute avant de réessayer."
    );
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.organisation("A", "a@exemple.fr").await;
    let client = app.logged_in("a@exemple.fr").await;
    let response = client
        .http
        .post(format!("{}/api/create_property", app.address))
        .header("origin", "https://evil.example")
        .json(&json!({ "form": common::property_form("Piège") }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    assert_eq!(body["kind"], "CrossSite");
    let (_, list) = client.call("list_properties", json!({})).await;
    assert_eq!(list, json!([]), "nothing was created");

    let same_origin = client
        .http
        .post(format!("{}/api/list_properties", app.address))
        .header("origin", app.address.clone())
        .json(&json!({}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(same_origin.status(), StatusCode::OK);
}

#[tokio::test]
async fn pages_cannot_be_framed_and_visitors_are_sent_to_the_right_place() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let client = app.client();
    let response = client.page("/logements").await;
    assert_eq!(
        response
            .headers()
            .get("x-frame-options")
            .and_then(|v| v.to_str().ok()),
        Some("DENY")
    );
    assert_eq!(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/configuration")
    );
    app.organisation("A", "a@exemple.fr").await;
    let response = client.page("/logements").await;
    assert_eq!(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/connexion")
    );
}
