//! Properties through HTTP (SPEC C2): create, list, edit with optimistic versions, refused fields,
//! delete with its bookings, and roles.

use crate::common;

use common::{field_message, property_form};
use reqwest::StatusCode;
use serde_json::json;

on_both_databases! {
    async fn create_list_edit_and_delete(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;

        let (status, id) = client.call("create_property", json!({ "form": property_form("Gîte des Tilleuls") })).await;
        assert_eq!(status, StatusCode::OK, "{id}");
        let (_, list) = client.call("list_properties", json!({})).await;
        assert_eq!(list[0]["name"], "Gîte des Tilleuls");
        assert_eq!(list[0]["fixed_price"], "95.50", "money is exact: 95,50 typed, 95.50 stored");
        assert_eq!(list[0]["booking_count"], 0);

        let (status, property) = client.call("get_property", json!({ "id": id })).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(property["version"], 1);
        assert_eq!(property["fields"]["security_deposit"], "300.00");

        let mut form = property_form("Gîte des Tilleuls (rénové)");
        form["registration_number"] = json!("24520 00001234");
        let (status, updated) = client.call("update_property", json!({ "id": id, "version": 1, "form": form })).await;
        assert_eq!(status, StatusCode::OK, "{updated}");
        assert_eq!(updated["version"], 2);
        assert_eq!(updated["fields"]["registration_number"], "2452000001234");

        let (status, count) = client.call("property_booking_count", json!({ "id": id })).await;
        assert_eq!((status, count), (StatusCode::OK, json!(0)));
        let (status, _) = client.call("delete_property", json!({ "id": id, "expected_bookings": 0 })).await;
        assert_eq!(status, StatusCode::OK);
        let (_, list) = client.call("list_properties", json!({})).await;
        assert_eq!(list, json!([]));
        let (status, _) = client.call("get_property", json!({ "id": id })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn every_invalid_field_gets_its_message_and_nothing_is_saved(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let mut form = property_form("");
        form["capacity"] = json!("0");
        form["fixed_price"] = json!("abc");
        form["security_deposit"] = json!("-5");
        form["registration_number"] = json!("123");
        let (status, body) = client.call("create_property", json!({ "form": form })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["message"], "Certains champs sont à corriger : voyez les messages sous chacun d'eux. Rien n'a été enregistré.");
        assert_eq!(field_message(&body, "name").as_deref(), Some("Ce champ est obligatoire."));
        assert_eq!(field_message(&body, "capacity").as_deref(), Some("Indiquez un nombre entre 1 et 50."));
        assert_eq!(field_message(&body, "fixed_price").as_deref(), Some("Indiquez un montant en euros, par exemple 95 ou 95,50."));
        assert_eq!(field_message(&body, "security_deposit").as_deref(), Some("Le montant ne peut pas être négatif."));
        assert!(field_message(&body, "registration_number").is_some_and(|m| m.contains("13 caractères")));
        let (_, list) = client.call("list_properties", json!({})).await;
        assert_eq!(list, json!([]));

        let (_, id) = client.call("create_property", json!({ "form": property_form("Gîte") })).await;
        let mut bad = property_form("Gîte");
        bad["fixed_price"] = json!("1,005");
        let (status, body) = client.call("update_property", json!({ "id": id, "version": 1, "form": bad })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&body, "fixed_price").as_deref(), Some("Deux chiffres après la virgule au maximum (les centimes)."));
        let (_, property) = client.call("get_property", json!({ "id": id })).await;
        assert_eq!((property["version"].clone(), property["fields"]["pricing"].clone()), (json!(1), json!({ "Fixed": "95.50" })));
    }
}

on_both_databases! {
    async fn a_second_save_from_an_old_version_is_a_conflict(app) {
        app.organisation("A", "a@exemple.fr").await;
        let first = app.logged_in("a@exemple.fr").await;
        let second = app.logged_in("a@exemple.fr").await;
        let (_, id) = first.call("create_property", json!({ "form": property_form("Gîte") })).await;

        let (status, _) = first.call("update_property", json!({ "id": id, "version": 1, "form": property_form("Nom de Marie") })).await;
        assert_eq!(status, StatusCode::OK);
        let (status, body) = second.call("update_property", json!({ "id": id, "version": 1, "form": property_form("Nom de Paul") })).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body["message"].as_str().is_some_and(|m| m.contains("modifié par quelqu'un d'autre")));
        let (_, property) = second.call("get_property", json!({ "id": id })).await;
        assert_eq!(property["fields"]["name"], "Nom de Marie", "nothing silently overwritten");
    }
}

on_both_databases! {
    async fn concurrent_saves_of_one_version_let_exactly_one_win(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, id) = client.call("create_property", json!({ "form": property_form("Gîte") })).await;
        let mut racers = Vec::new();
        for n in 0..8 {
            let http = client.http.clone();
            let url = format!("{}/api/update_property", app.address);
            let body = json!({ "id": id, "version": 1, "form": property_form(&format!("Version {n}")) });
            racers.push(tokio::spawn(async move { http.post(url).json(&body).send().await.map(|r| r.status()) }));
        }
        let mut statuses = Vec::new();
        for racer in racers {
            statuses.push(racer.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{e}")));
        }
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 7, "{statuses:?}");
        let (_, property) = client.call("get_property", json!({ "id": id })).await;
        assert_eq!(property["version"], 2);
    }
}

on_both_databases! {
    async fn deleting_takes_the_bookings_the_person_was_told_about(app) {
        let admin = app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, id) = client.call("create_property", json!({ "form": property_form("Gîte") })).await;
        let property = id.as_str().unwrap_or_default().to_string();
        common::booking_helpers::insert_bookings(&app, &admin.organisation_id.to_string(), &property, 3).await;

        let (_, count) = client.call("property_booking_count", json!({ "id": id })).await;
        assert_eq!(count, 3);
        let (status, _) = client.call("delete_property", json!({ "id": id, "expected_bookings": 2 })).await;
        assert_eq!(status, StatusCode::CONFLICT, "a booking arrived since the question: ask again");
        let (status, _) = client.call("delete_property", json!({ "id": id, "expected_bookings": 3 })).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(common::count_bookings(&app, &property).await, 0, "its bookings went with it");
    }
}

on_both_databases! {
    async fn providers_and_owners_cannot_touch_properties(app) {
        app.organisation("A", "a@exemple.fr").await;
        let admin = app.logged_in("a@exemple.fr").await;
        let (_, id) = admin.call("create_property", json!({ "form": property_form("Gîte") })).await;
        for (email, role) in [("menage@exemple.fr", "provider"), ("proprio@exemple.fr", "owner")] {
            let user = app.user_with_role(&admin, email, role).await;
            let calls = [
                ("list_properties", json!({})),
                ("get_property", json!({ "id": id })),
                ("property_choices", json!({})),
                ("create_property", json!({ "form": property_form("Piratage") })),
                ("update_property", json!({ "id": id, "version": 1, "form": property_form("Piratage") })),
                ("property_booking_count", json!({ "id": id })),
                ("delete_property", json!({ "id": id, "expected_bookings": 0 })),
                ("list_users", json!({})),
            ];
            for (endpoint, body) in calls {
                let (status, answer) = user.call(endpoint, body).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{role} on {endpoint}: {answer}");
                assert_eq!(answer["message"], "Votre rôle ne permet pas cette action. Demandez à un administrateur.");
            }
        }
        let (_, property) = admin.call("get_property", json!({ "id": id })).await;
        assert_eq!((property["version"].clone(), property["fields"]["name"].clone()), (json!(1), json!("Gîte")));
    }
}

on_both_databases! {
    async fn a_manager_manages_properties(app) {
        app.organisation("A", "a@exemple.fr").await;
        let admin = app.logged_in("a@exemple.fr").await;
        let manager = app.user_with_role(&admin, "gestion@exemple.fr", "manager").await;
        let (status, _) = manager.call("create_property", json!({ "form": property_form("Gîte") })).await;
        assert_eq!(status, StatusCode::OK);
    }
}

on_both_databases! {
    async fn english_users_get_english_messages(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.client();
        let english = |endpoint: &str| {
            client.http.post(format!("{}/api/{endpoint}", app.address)).header("cookie", "saison_lang=en")
        };
        let response = english("login")
            .json(&json!({ "form": { "email": "a@exemple.fr", "password": "wrong password" } }))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        assert_eq!(body["message"], "Wrong email address or password.");
        let response = english("list_properties").json(&json!({})).send().await.unwrap_or_else(|e| panic!("{e}"));
        let body: serde_json::Value = response.json().await.unwrap_or_default();
        assert_eq!(body["message"], "Your session has expired or you are not logged in. Please log in again.");
    }
}
