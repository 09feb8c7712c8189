//! The public pages end to end on both databases (SPEC C10): a listed home's calendar shows taken
//! nights and half days and nothing about who booked; the search offers only free listed homes with
//! the engine's price; a guest's request becomes an "Option" on the planning with an email to the
//! guest and one to the managers; a request for nights taken meanwhile is refused and writes nothing;
//! 100 guests racing for the same nights get exactly one booking; robots (honeypot), bad input and
//! too many requests change nothing; a renewed or disabled site answers 404; the pages may be framed.

use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::{property_form, Client, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The organisation's public site page (its key, settings and homes).
async fn site(client: &Client) -> Value {
    let (code, page) = client.call("public_site", json!({})).await;
    assert_eq!(code, StatusCode::OK, "{page}");
    page
}

/// GETs a public page without any session; status, headers and body.
async fn public_get(app: &TestApp, path: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", app.address))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap_or_default())
}

/// POSTs a request form as a browser does from inside the page.
async fn public_post(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let response = reqwest::Client::new()
        .post(format!("{}{path}", app.address))
        .header("origin", app.address.clone())
        .form(fields)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

/// The class of the calendar's cell for `date`.
fn day_class(html: &str, date: &str) -> Option<String> {
    let at = html.find(&format!("data-date=\"{date}\""))?;
    let tag = &html[html[..at].rfind("<td")?..];
    let tag = &tag[..tag.find('>')?];
    let class = tag.find("class=\"")? + "class=\"".len();
    tag[class..].split('"').next().map(str::to_string)
}

fn request_fields<'a>(
    home: &'a str,
    arrival: &'a str,
    departure: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("logement", home),
        ("arrivee", arrival),
        ("depart", departure),
        ("adultes", "2"),
        ("enfants", "1"),
        ("nom", "Léa Martin"),
        ("email", "lea.martin@exemple.fr"),
        ("telephone", "06 11 22 33 44"),
        ("message", "Nous arriverons vers 18 h."),
        ("conditions", "on"),
        ("site_web", ""),
    ]
}

/// The bars of the planning in July 2027.
async fn july_bars(client: &Client) -> Vec<Value> {
    let (_, planning) = client
        .call(
            "planning",
            json!({ "from": "2027-07-01", "to": "2027-08-01" }),
        )
        .await;
    planning["bars"].as_array().cloned().unwrap_or_default()
}

/// Three homes: two listed (one booked 10→14 July by Marie Dupont), one not listed.
async fn three_homes(client: &Client) -> (String, String, String) {
    let booked = property(client, "Le Chalet").await;
    let free = property(client, "La Grange").await;
    let mut hidden = property_form("Le Secret");
    hidden["public_listing"] = json!(false);
    let (code, hidden) = client
        .call("create_property", json!({ "form": hidden }))
        .await;
    assert_eq!(code, StatusCode::OK, "{hidden}");
    let option = status_id(client, "Option").await;
    book(
        client,
        &booked,
        &option,
        ("2027-07-10", "2027-07-14"),
        guest("Marie Dupont", "", "marie@exemple.fr", "0612345678"),
    )
    .await;
    let text = |v: Value| v.as_str().unwrap_or_default().to_string();
    (text(booked), text(free), text(hidden))
}

on_both_databases! {
    async fn the_calendar_and_the_search_show_availability_and_prices_never_guests(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (booked, free, hidden) = three_homes(&client).await;
        let token = site(&client).await["token"].as_str().unwrap_or_default().to_string();
        assert_eq!(token.len(), 43);

        let (code, headers, html) = public_get(&app, &format!("/public/{token}/calendrier/{booked}?debut=2027-07&mois=2")).await;
        assert_eq!(code, StatusCode::OK, "{html}");
        assert_eq!(headers["content-security-policy"], "frame-ancestors *");
        assert!(headers.get("x-frame-options").is_none());
        assert!(html.contains("Le Chalet"));
        assert_eq!(day_class(&html, "2027-07-09").as_deref(), Some("day free"));
        // The arrival day's afternoon is taken, the departure day's morning.
        assert_eq!(day_class(&html, "2027-07-10").as_deref(), Some("day depart"));
        assert_eq!(day_class(&html, "2027-07-12").as_deref(), Some("day taken"));
        assert_eq!(day_class(&html, "2027-07-14").as_deref(), Some("day arrive"));
        assert!(day_class(&html, "2027-08-31").is_some(), "two months shown");
        assert!(!html.contains("Marie") && !html.contains("marie@"), "no guest on a public page");
        assert!(!html.contains("/pkg/"), "no WebAssembly on public pages");
        let (code, _, _) = public_get(&app, &format!("/public/{token}/calendrier/{hidden}")).await;
        assert_eq!(code, StatusCode::NOT_FOUND, "an unlisted home is not public");
        let (code, _, english) = public_get(&app, &format!("/public/{token}/calendrier/{free}?lang=en&couleur=c0392b")).await;
        assert_eq!(code, StatusCode::OK);
        assert!(english.contains("lang=\"en\"") && english.contains("--accent:#c0392b"));

        // Search 12 → 15 July for 2 adults: only the free listed home, at 3 × 100 €.
        let (code, _, html) = public_get(&app, &format!("/public/{token}/recherche?arrivee=2027-07-12&depart=2027-07-15&adultes=2")).await;
        assert_eq!(code, StatusCode::OK, "{html}");
        assert!(html.contains("La Grange"), "{html}");
        assert!(html.contains("300,00"));
        assert!(!html.contains("Le Chalet"), "a taken home is not offered");
        assert!(!html.contains("Le Secret"), "an unlisted home is not offered");
        assert!(!html.contains("Marie"));
        // From the departure day on, the booked home is free again (stays are half-open).
        let (_, _, html) = public_get(&app, &format!("/public/{token}/recherche?arrivee=2027-07-14&depart=2027-07-16&adultes=2")).await;
        assert!(html.contains("Le Chalet") && html.contains("La Grange"));
        // Bad input: explained next to the field, no results.
        let (code, _, html) = public_get(&app, &format!("/public/{token}/recherche?arrivee=2027-07-15&depart=2027-07-12&adultes=0")).await;
        assert_eq!(code, StatusCode::OK);
        assert!(html.contains("aria-invalid=\"true\"") && !html.contains("La Grange"));
        // Unknown keys and garbage answer the same 404.
        for path in ["/public/abc/recherche", "/public/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/recherche"] {
            let (code, _, _) = public_get(&app, path).await;
            assert_eq!(code, StatusCode::NOT_FOUND, "{path}");
        }
    }
}

on_both_databases! {
    async fn a_request_becomes_an_option_with_emails_and_taken_nights_are_refused(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (booked, free, _) = three_homes(&client).await;
        let token = site(&client).await["token"].as_str().unwrap_or_default().to_string();
        let path = format!("/public/{token}/reserver");

        let (code, html) = public_post(&app, &path, &request_fields(&free, "2027-07-20", "2027-07-27")).await;
        assert_eq!(code, StatusCode::OK, "{html}");
        assert!(html.contains("Demande envoyée"), "{html}");
        let bars = july_bars(&client).await;
        let bar = bars.iter().find(|b| b["stay"]["arrival"] == "2027-07-20").cloned().unwrap_or_default();
        assert_eq!(bar["guest"], "Léa Martin");
        let (_, booking) = client.call("get_booking", json!({ "id": bar["id"] })).await;
        assert_eq!(booking["form"]["status"], status_id(&client, "Option").await);
        assert_eq!(booking["form"]["origin"], "website");
        assert_eq!(booking["form"]["stay"]["children"], "1");
        assert_eq!(booking["price"], "700.00");
        assert_eq!(booking["form"]["customer"]["emails"], "lea.martin@exemple.fr");
        // One message to the guest, one to the managers (no SMTP server: kept in the outbox).
        let (_, outbox) = client.call("outbox", json!({ "page": 0 })).await;
        let messages = outbox["messages"].as_array().cloned().unwrap_or_default();
        assert_eq!(messages.len(), 2, "{outbox}");
        assert!(messages.iter().any(|m| m["recipients"].as_str().unwrap_or_default().contains("lea.martin@exemple.fr")));
        assert!(messages.iter().any(|m| m["recipients"].as_str().unwrap_or_default().contains("a@exemple.fr")
            && m["subject"].as_str().unwrap_or_default().contains("La Grange")));

        // The same nights again, and nights overlapping the first booking: refused, nothing written.
        for (home, arrival, departure) in [(&free, "2027-07-22", "2027-07-24"), (&booked, "2027-07-13", "2027-07-16")] {
            let (code, html) = public_post(&app, &path, &request_fields(home, arrival, departure)).await;
            assert_eq!(code, StatusCode::CONFLICT, "{html}");
            assert!(html.contains("plus disponibles"), "{html}");
        }
        assert_eq!(july_bars(&client).await.len(), 2);

        // Conditions not accepted, a bad email: every field explained, the typing kept, nothing written.
        let mut fields = request_fields(&free, "2027-07-28", "2027-07-30");
        fields.retain(|(name, _)| *name != "conditions");
        fields.push(("email", "pas-une-adresse"));
        fields.retain(|(name, value)| *name != "email" || *value == "pas-une-adresse");
        let (code, html) = public_post(&app, &path, &fields).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("Cochez cette case") && html.contains("Léa Martin"), "{html}");
        // A robot fills the hidden field: answered as received, nothing written.
        let mut fields = request_fields(&free, "2027-07-28", "2027-07-30");
        fields.retain(|(name, _)| *name != "site_web");
        fields.push(("site_web", "http://spam.example"));
        let (code, _) = public_post(&app, &path, &fields).await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(july_bars(&client).await.len(), 2);
        let (_, outbox) = client.call("outbox", json!({ "page": 0 })).await;
        assert_eq!(outbox["messages"].as_array().map(Vec::len), Some(2));
    }
}

fn many_requests_allowed(settings: &mut server::config::Settings) {
    settings.public_requests_per_minute = 100_000;
    settings.public_bookings_per_minute = 100_000;
}

on_both_databases! {
    settings = many_requests_allowed;
    async fn a_hundred_guests_racing_for_the_same_nights_get_one_booking(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, free, _) = three_homes(&client).await;
        let token = site(&client).await["token"].as_str().unwrap_or_default().to_string();
        let path = format!("{}/public/{token}/reserver", app.address);
        let origin = app.address.clone();
        let http = reqwest::Client::new();
        let racers = (0..100).map(|i| {
            let (http, path, origin, free) = (http.clone(), path.clone(), origin.clone(), free.clone());
            tokio::spawn(async move {
                let name = format!("Voyageur {i}");
                let mut fields = request_fields(&free, "2027-07-20", "2027-07-27");
                fields.retain(|(n, _)| *n != "nom");
                fields.push(("nom", &name));
                let response = http.post(path).header("origin", origin).form(&fields).send().await;
                match response {
                    Ok(response) => {
                        let status = response.status();
                        (status, response.text().await.unwrap_or_default())
                    }
                    Err(e) => panic!("request {i}: {e}"),
                }
            })
        }).collect::<Vec<_>>();
        let mut booked = 0;
        let mut refused = 0;
        for racer in racers {
            let (status, body) = racer.await.unwrap_or_else(|e| panic!("{e}"));
            match status {
                StatusCode::OK => booked += 1,
                StatusCode::CONFLICT => {
                    assert!(body.contains("plus disponibles"));
                    refused += 1;
                }
                other => panic!("unexpected {other}: {body}"),
            }
        }
        assert_eq!((booked, refused), (1, 99));
        let bars = july_bars(&client).await;
        assert_eq!(bars.iter().filter(|b| b["stay"]["arrival"] == "2027-07-20").count(), 1);
    }
}

fn two_requests_a_minute(settings: &mut server::config::Settings) {
    settings.public_bookings_per_minute = 2;
}

on_both_databases! {
    settings = two_requests_a_minute;
    async fn instant_homes_confirm_and_renewed_disabled_or_throttled_sites_change_nothing(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, free, _) = three_homes(&client).await;
        let page = site(&client).await;
        let token = page["token"].as_str().unwrap_or_default().to_string();
        let mut form = page["form"].clone();
        form["instant_properties"] = json!([free]);
        let (code, saved) = client.call("save_public_site", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        // A second save from the old version is a conflict.
        let (code, _) = client.call("save_public_site", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::CONFLICT);

        let (code, html) = public_post(&app, &format!("/public/{token}/reserver"), &request_fields(&free, "2027-07-01", "2027-07-03")).await;
        assert_eq!(code, StatusCode::OK, "{html}");
        assert!(html.contains("Réservation confirmée"), "{html}");
        let bar = july_bars(&client).await.into_iter().find(|b| b["stay"]["arrival"] == "2027-07-01").unwrap_or_default();
        let (_, booking) = client.call("get_booking", json!({ "id": bar["id"] })).await;
        assert_eq!(booking["form"]["status"], status_id(&client, "Arrhes payées").await);

        // Two requests a minute per address: the third is refused before anything is read.
        let (code, _) = public_post(&app, &format!("/public/{token}/reserver"), &request_fields(&free, "2027-07-04", "2027-07-06")).await;
        assert_eq!(code, StatusCode::OK);
        let (code, html) = public_post(&app, &format!("/public/{token}/reserver"), &request_fields(&free, "2027-07-07", "2027-07-09")).await;
        assert_eq!(code, StatusCode::TOO_MANY_REQUESTS, "{html}");
        assert_eq!(july_bars(&client).await.len(), 3);

        // Disabled: 404. Renewed: the old key 404, the new one answers.
        let mut off = saved.clone();
        off["enabled"] = json!(false);
        let (code, off) = client.call("save_public_site", json!({ "form": off })).await;
        assert_eq!(code, StatusCode::OK, "{off}");
        let (code, _, _) = public_get(&app, &format!("/public/{token}/recherche")).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let mut on = off.clone();
        on["enabled"] = json!(true);
        client.call("save_public_site", json!({ "form": on })).await;
        let (code, renewed) = client.call("renew_public_site", json!({})).await;
        assert_eq!(code, StatusCode::OK, "{renewed}");
        let new_token = renewed["token"].as_str().unwrap_or_default().to_string();
        assert_ne!(new_token, token);
        let (code, _, _) = public_get(&app, &format!("/public/{token}/recherche")).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _, _) = public_get(&app, &format!("/public/{new_token}/recherche")).await;
        assert_eq!(code, StatusCode::OK);
    }
}

on_both_databases! {
    async fn only_admins_and_managers_see_the_site_settings_and_only_their_own(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let b = app.logged_in("b@exemple.fr").await;
        let a_home = property(&a, "Le Chalet").await;
        let b_token = site(&b).await["token"].as_str().unwrap_or_default().to_string();
        assert_ne!(site(&a).await["token"], b_token);
        // B's site never shows A's home.
        let (code, _, _) = public_get(&app, &format!("/public/{b_token}/calendrier/{}", a_home.as_str().unwrap_or_default())).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        // B cannot make A's home instant on B's site.
        let mut form = site(&b).await["form"].clone();
        form["instant_properties"] = json!([a_home]);
        let (code, _) = b.call("save_public_site", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        for role in ["owner", "provider"] {
            let other = app.user_with_role(&a, &format!("{role}@exemple.fr"), role).await;
            let (code, _) = other.call("public_site", json!({})).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
        }
        let (code, _) = app.client().call("public_site", json!({})).await;
        assert_eq!(code, StatusCode::UNAUTHORIZED);
    }
}
