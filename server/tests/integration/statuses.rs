//! Booking statuses in the settings (SPEC C3, seed 004 "Jusqu'à 20 statuts") through HTTP on both
//! databases: the 7 defaults are listed with their versions; a status is renamed and recoloured from
//! its version only, with its colour checked; statuses are added up to 20 and no further; reordered;
//! deleted only when no booking and no calendar feed uses it (the refusal says how many do, and
//! which); another organisation's status
//! is 404; owners and providers cannot read or change them.

use crate::common;

use crate::calendar_sync::add_feed;
use common::booking_helpers::{book, guest, property, status_id, statuses};
use common::feed_server::{Answer, FeedServer};
use common::field_message;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn names(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|s| s["status"]["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

on_both_databases! {
    async fn statuses_are_renamed_recoloured_added_up_to_twenty_and_reordered(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let list = statuses(&client).await;
        assert_eq!(
            names(&list),
            ["Indisponible", "Option", "Contrat envoyé", "Arrhes payées", "Payé", "AirBnb", "Booking.com"]
        );
        assert!(list.iter().all(|s| s["version"] == 1 && s["uses"] == json!({ "bookings": 0, "feeds": 0 })));
        let option = list[1]["status"]["id"].clone();

        // Rename and recolour; the colour is stored in lower case.
        let (code, saved) = client.call("update_status", json!({ "id": option, "version": 1,
            "form": { "name": " Demande ", "color": "#ABCDEF" } })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(saved["status"], json!({ "id": option, "name": "Demande", "color": "#abcdef" }));
        assert_eq!(saved["version"], 2);

        // From the old version: refused, nothing overwritten.
        let (code, _) = client.call("update_status", json!({ "id": option, "version": 1,
            "form": { "name": "Autre", "color": "#000000" } })).await;
        assert_eq!(code, StatusCode::CONFLICT);

        // A colour that is not #rrggbb and an empty name are refused next to their fields.
        let (code, refused) = client.call("update_status", json!({ "id": option, "version": 2,
            "form": { "name": "", "color": "bleu" } })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&refused, "color").as_deref(),
            Some("Indiquez une couleur au format #rrggbb (par exemple #1d4ed8)."));
        assert_eq!(field_message(&refused, "name").as_deref(), Some("Ce champ est obligatoire."));

        // The planning's legend shows the new name and colour.
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!(planning["statuses"][1]["name"], "Demande");
        assert_eq!(planning["statuses"][1]["color"], "#abcdef");

        // Up to 20 statuses, not one more.
        for n in 8..=20 {
            let (code, created) = client.call("create_status", json!({
                "form": { "name": format!("Statut {n}"), "color": "#123456" } })).await;
            assert_eq!(code, StatusCode::OK, "{created}");
        }
        let (code, refused) = client.call("create_status", json!({
            "form": { "name": "Statut 21", "color": "#123456" } })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert_eq!(refused["message"],
            "Vous avez déjà 20 statuts, le maximum. Renommez un statut existant ou supprimez-en un \
             qu'aucune réservation n'utilise.");
        let list = statuses(&client).await;
        assert_eq!(list.len(), 20);
        assert_eq!(list[19]["status"]["name"], "Statut 20");

        // Reorder: the last moves up one place; the first cannot move up.
        let last = list[19]["status"]["id"].clone();
        let (code, _) = client.call("move_status", json!({ "id": last, "up": true })).await;
        assert_eq!(code, StatusCode::OK);
        let list = statuses(&client).await;
        assert_eq!(names(&list)[18..], ["Statut 20", "Statut 19"]);
        let first = list[0]["status"]["id"].clone();
        let (code, refused) = client.call("move_status", json!({ "id": first, "up": true })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert_eq!(refused["message"], "Ce statut est déjà au bout de la liste.");
        let (code, _) = client.call("move_status", json!({ "id": first, "up": false })).await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(names(&statuses(&client).await)[..2], ["Demande", "Indisponible"]);
    }
}

/// What the settings list says uses the status called `name`.
async fn uses_of(client: &common::Client, name: &str) -> Value {
    let list = statuses(client).await;
    let found = list.iter().find(|s| s["status"]["name"] == name).cloned();
    found.map(|s| s["uses"].clone()).unwrap_or_default()
}

on_both_databases! {
    async fn a_status_a_calendar_feed_gives_cannot_be_deleted_and_the_refusal_says_so(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let house = property(&client, "Les Mimosas").await;
        let empty = FeedServer::start(Answer::Calendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into())).await;
        add_feed(&client, &house, "airbnb", &empty.url).await;
        assert_eq!(uses_of(&client, "AirBnb").await, json!({ "bookings": 0, "feeds": 1 }));
        assert_eq!(uses_of(&client, "Indisponible").await, json!({ "bookings": 0, "feeds": 1 }));

        let airbnb = status_id(&client, "AirBnb").await;
        let (code, refused) = client.call("delete_status", json!({ "id": airbnb, "version": 1 })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert_eq!(refused["message"],
            "Ce statut est utilisé par 1 calendrier synchronisé : choisissez un autre statut dans la page \
             Synchronisation avant de le supprimer, ou renommez-le.");

        book(&client, &house, &airbnb, ("2027-07-10", "2027-07-14"),
            guest("Marie Dupont", "", "marie@exemple.fr", "")).await;
        assert_eq!(uses_of(&client, "AirBnb").await, json!({ "bookings": 1, "feeds": 1 }));
        let (code, refused) = client.call("delete_status", json!({ "id": airbnb, "version": 1 })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert_eq!(refused["message"],
            "Ce statut est utilisé par 1 réservation et 1 calendrier synchronisé : changez leur statut \
             (celui des calendriers dans la page Synchronisation) avant de le supprimer, ou renommez-le.");
        assert_eq!(statuses(&client).await.len(), 7);
    }
}

on_both_databases! {
    async fn a_status_bookings_use_cannot_be_deleted(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let house = property(&client, "Les Mimosas").await;
        let paid = status_id(&client, "Payé").await;
        for (arrival, departure) in [("2027-07-10", "2027-07-14"), ("2027-08-01", "2027-08-03")] {
            book(&client, &house, &paid, (arrival, departure),
                guest("Marie Dupont", "", "marie@exemple.fr", "")).await;
        }
        let list = statuses(&client).await;
        let used = list.iter().find(|s| s["status"]["id"] == paid).cloned().unwrap_or_default();
        assert_eq!(used["uses"], json!({ "bookings": 2, "feeds": 0 }));

        let (code, refused) = client.call("delete_status", json!({ "id": paid, "version": 1 })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert_eq!(refused["message"],
            "Ce statut est utilisé par 2 réservations : changez leur statut avant de le supprimer, ou renommez-le.");
        assert_eq!(statuses(&client).await.len(), 7);

        // An unused status goes; from an old version or a second time it does not.
        let airbnb = status_id(&client, "AirBnb").await;
        let (code, _) = client.call("update_status", json!({ "id": airbnb, "version": 1,
            "form": { "name": "Airbnb", "color": "#e11d48" } })).await;
        assert_eq!(code, StatusCode::OK);
        let (code, _) = client.call("delete_status", json!({ "id": airbnb, "version": 1 })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        let (code, body) = client.call("delete_status", json!({ "id": airbnb, "version": 2 })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert_eq!(names(&statuses(&client).await),
            ["Indisponible", "Option", "Contrat envoyé", "Arrhes payées", "Payé", "Booking.com"]);
        let (code, _) = client.call("delete_status", json!({ "id": airbnb, "version": 2 })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn statuses_stay_in_their_organisation_and_need_a_role(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let b = app.logged_in("b@exemple.fr").await;
        let theirs = status_id(&a, "Option").await;

        for (endpoint, body) in [
            ("update_status", json!({ "id": theirs, "version": 1, "form": { "name": "Volé", "color": "#000000" } })),
            ("move_status", json!({ "id": theirs, "up": false })),
            ("delete_status", json!({ "id": theirs, "version": 1 })),
        ] {
            let (code, answer) = b.call(endpoint, body).await;
            assert_eq!(code, StatusCode::NOT_FOUND, "{endpoint}: {answer}");
        }
        assert_eq!(statuses(&b).await.len(), 7);
        assert_eq!(status_id(&a, "Option").await, theirs);
        assert_eq!(statuses(&a).await[1]["version"], 1);

        // A manager may change them; owners and providers may not even read them.
        let manager = app.user_with_role(&a, "gestion@exemple.fr", "manager").await;
        let (code, _) = manager.call("create_status", json!({ "form": { "name": "Ménage", "color": "#00ff00" } })).await;
        assert_eq!(code, StatusCode::OK);
        for (email, role) in [("proprio@exemple.fr", "owner"), ("menage@exemple.fr", "provider")] {
            let user = app.user_with_role(&a, email, role).await;
            let (code, _) = user.call("list_statuses", json!({})).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
            let (code, _) = user.call("create_status", json!({ "form": { "name": "X", "color": "#000000" } })).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
        }
        let (code, _) = app.client().call("list_statuses", json!({})).await;
        assert_eq!(code, StatusCode::UNAUTHORIZED);
    }
}
