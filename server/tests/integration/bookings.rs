//! Bookings through HTTP (SPEC C3–C4) on both databases: the server prices every save itself and keeps
//! the price a booking was sold at; refused stays need an explicit, recorded override; guests become
//! customers; two people saving one booking cannot both win; the planning shows bars and overbookings;
//! nothing crosses organisations; roles are checked.

use crate::common;

use common::booking_helpers::save_booking as save;
use common::{booking_form, field_message, property_form};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A property at a fixed 100 € a night, with a minimum stay of 3 nights in the settings.
async fn property(client: &common::Client) -> Value {
    let mut form = property_form("Les Mimosas");
    form["fixed_price"] = json!("100");
    let (status, property) = client
        .call("create_property", json!({ "form": form }))
        .await;
    assert_eq!(status, StatusCode::OK, "{property}");
    let (status, settings) = client.call("save_pricing_settings", json!({ "version": 0, "form": {
        "minimum_stay": "3", "manual_discount_enabled": true, "vat_enabled": false, "vat_rate": "",
        "duration_discounts": []
    }})).await;
    assert_eq!(status, StatusCode::OK, "{settings}");
    property
}

async fn first_status(client: &common::Client) -> Value {
    let (status, planning) = client
        .call(
            "planning",
            json!({ "from": "2027-07-01", "to": "2027-09-01" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{planning}");
    assert_eq!(planning["statuses"].as_array().map(Vec::len), Some(7));
    assert_eq!(planning["statuses"][0]["name"], "Indisponible");
    planning["statuses"][4]["id"].clone()
}

on_both_databases! {
    async fn a_booking_is_priced_by_the_server_and_keeps_its_price(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let property = property(&client).await;
        let status = first_status(&client).await;

        let (code, saved) = save(&client, Value::Null, 0, &booking_form(&property, &status, "2027-07-10", "2027-07-14")).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(saved["price"], "400.00");
        assert_eq!(saved["version"], 1);

        let (_, booking) = client.call("get_booking", json!({ "id": saved["id"] })).await;
        assert_eq!(booking["form"]["customer"]["name"], "Marie Dupont");
        assert_eq!(booking["form"]["deposit"], "90,00");
        assert_eq!(booking["form"]["origin"], "word_of_mouth");
        assert_eq!(booking["quote"]["totals"]["total"], "400.00");
        assert_eq!(booking["forced"], false);

        // The rates change: the booking keeps the price it was sold at.
        let (_, stored) = client.call("get_property", json!({ "id": property })).await;
        let mut form = property_form("Les Mimosas");
        form["fixed_price"] = json!("150");
        let (code, body) = client.call("update_property", json!({ "id": property, "version": stored["version"], "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        let (_, booking) = client.call("get_booking", json!({ "id": saved["id"] })).await;
        assert_eq!(booking["price"], "400.00");

        // The planning shows the bar with the guest's name.
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!(planning["bars"].as_array().map(Vec::len), Some(1));
        assert_eq!(planning["bars"][0]["guest"], "Marie Dupont");
        assert_eq!(planning["bars"][0]["stay"], json!({ "arrival": "2027-07-10", "departure": "2027-07-14" }));
        let (_, later) = client.call("planning", json!({ "from": "2027-08-01", "to": "2027-09-01" })).await;
        assert_eq!(later["bars"], json!([]));

        // The guest became a customer, found by name, email or phone.
        for search in ["dupont", "MARIE@", "12 34"] {
            let (_, found) = client.call("search_customers", json!({ "search": search })).await;
            assert_eq!(found[0]["name"], "Marie Dupont", "{search}");
            assert_eq!(found[0]["bookings"], 1);
        }
        let (_, none) = client.call("search_customers", json!({ "search": "100%" })).await;
        assert_eq!(none, json!([]));
    }
}

on_both_databases! {
    async fn a_stay_the_rules_refuse_is_saved_only_when_forced(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let property = property(&client).await;
        let status = first_status(&client).await;

        // Seed 004: the planning's click books 1 night; the settings ask for 3.
        let mut form = booking_form(&property, &status, "2027-07-10", "2027-07-11");
        let (code, refused) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        let message = field_message(&refused, "force").unwrap_or_default();
        assert!(message.contains("Séjour minimum de 3 nuits : ce séjour n'en compte que 1."), "{message}");
        assert!(message.contains("Enregistrer quand même"), "{message}");
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!(planning["bars"], json!([]));

        form["force"] = json!(true);
        let (code, saved) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        let (_, booking) = client.call("get_booking", json!({ "id": saved["id"] })).await;
        assert_eq!(booking["forced"], true);
        assert_eq!(booking["quote"]["refusals"].as_array().map(Vec::len), Some(1));
    }
}

on_both_databases! {
    async fn bad_input_is_refused_field_by_field_and_nothing_is_stored(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let property = property(&client).await;
        let status = first_status(&client).await;
        let mut form = booking_form(&property, &status, "2027-07-14", "2027-07-10");
        form["customer"]["emails"] = json!("pas une adresse");
        form["deposit"] = json!("-5");
        let (code, refused) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "departure").is_some(), "{refused}");
        assert!(field_message(&refused, "customer_emails").unwrap_or_default().contains("Adresse email invalide"));
        assert!(field_message(&refused, "deposit").is_some(), "{refused}");

        // Ids of nothing: an unknown status, option or property is named, not a 500.
        let mut form = booking_form(&property, &json!("0190a6f3-0000-7000-8000-000000000009"), "2027-07-10", "2027-07-14");
        form["options"] = json!([{ "option": "0190a6f3-0000-7000-8000-000000000008", "quantity": "1" }]);
        let (code, refused) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "options").is_some(), "{refused}");
        form["options"] = json!([]);
        let (code, refused) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "status").is_some(), "{refused}");
        let form = booking_form(&json!("0190a6f3-0000-7000-8000-000000000007"), &status, "2027-07-10", "2027-07-14");
        let (code, refused) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "property").is_some(), "{refused}");

        let (code, refused) = client.call("planning", json!({ "from": "2027-01-01", "to": "2029-01-01" })).await;
        assert_eq!(code, StatusCode::BAD_REQUEST, "{refused}");
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!(planning["bars"], json!([]));
        let (_, customers) = client.call("search_customers", json!({ "search": "" })).await;
        assert_eq!(customers, json!([]));
    }
}

on_both_databases! {
    async fn two_people_saving_the_same_booking_cannot_both_win(app) {
        app.organisation("A", "a@exemple.fr").await;
        let first = app.logged_in("a@exemple.fr").await;
        let second = app.logged_in("a@exemple.fr").await;
        let property = property(&first).await;
        let status = first_status(&first).await;
        let (_, saved) = save(&first, Value::Null, 0, &booking_form(&property, &status, "2027-07-10", "2027-07-14")).await;
        let id = saved["id"].clone();

        let mut longer = booking_form(&property, &status, "2027-07-10", "2027-07-17");
        longer["notes"] = json!("Première personne");
        let mut moved = booking_form(&property, &status, "2027-07-20", "2027-07-24");
        moved["notes"] = json!("Seconde personne");
        let ((a, _), (b, _)) = tokio::join!(save(&first, id.clone(), 1, &longer), save(&second, id.clone(), 1, &moved));
        let mut codes = [a, b];
        codes.sort();
        assert_eq!(codes, [StatusCode::OK, StatusCode::CONFLICT]);

        let (_, booking) = first.call("get_booking", json!({ "id": id })).await;
        assert_eq!(booking["version"], 2);
        let winner = booking["form"]["notes"].as_str().unwrap_or_default().to_owned();
        let expected_departure = if winner == "Première personne" { "2027-07-17" } else { "2027-07-24" };
        assert_eq!(booking["form"]["stay"]["departure"], expected_departure);

        // A delete from the old version is refused too; from the current one it works.
        let (code, _) = first.call("delete_booking", json!({ "id": id, "version": 1 })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        let (code, _) = first.call("delete_booking", json!({ "id": id, "version": 2 })).await;
        assert_eq!(code, StatusCode::OK);
        let (code, _) = first.call("get_booking", json!({ "id": id })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
    }
}

on_both_databases! {
    async fn a_manual_discount_is_refused_when_the_settings_turn_it_off(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let property = property(&client).await;
        let status = first_status(&client).await;
        let (code, body) = client.call("save_pricing_settings", json!({ "version": 1, "form": {
            "minimum_stay": "1", "manual_discount_enabled": false, "vat_enabled": false, "vat_rate": "",
            "duration_discounts": []
        }})).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        let mut form = booking_form(&property, &status, "2027-07-10", "2027-07-14");
        form["stay"]["discount"] = json!("10");
        let (code, body) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["message"], "La remise manuelle est désactivée (Paramètres › Tarification).");
        form["stay"]["discount"] = json!("");
        let (code, body) = save(&client, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::OK, "{body}");
    }
}

on_both_databases! {
    async fn the_planning_shows_every_stay_touching_its_window_once(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let property = property(&client).await;
        let status = first_status(&client).await;
        // July 2027: a stay belongs to the window when it has a night in it.
        for (arrival, departure) in [
            ("2027-06-25", "2027-07-02"), // arrives before the window
            ("2027-07-12", "2027-07-16"), // inside
            ("2027-07-16", "2027-07-20"), // arrives as the other leaves
            ("2027-07-28", "2027-08-10"), // leaves after the window
            ("2027-06-20", "2027-07-01"), // leaves on its first day: not in it
            ("2027-08-01", "2027-08-05"), // arrives on the day after it: not in it
        ] {
            let mut form = booking_form(&property, &status, arrival, departure);
            form["force"] = json!(true);
            let (code, body) = save(&client, Value::Null, 0, &form).await;
            assert_eq!(code, StatusCode::OK, "{arrival}: {body}");
        }
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        let arrivals: Vec<&str> = planning["bars"].as_array().map(|bars| {
            bars.iter().filter_map(|bar| bar["stay"]["arrival"].as_str()).collect()
        }).unwrap_or_default();
        assert_eq!(arrivals, ["2027-06-25", "2027-07-12", "2027-07-16", "2027-07-28"]);
    }
}

on_both_databases! {
    async fn overbookings_are_allowed_and_both_bars_are_drawn(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let property = property(&client).await;
        let status = first_status(&client).await;
        for (arrival, departure) in [("2027-07-10", "2027-07-14"), ("2027-07-12", "2027-07-16"), ("2027-07-16", "2027-07-19")] {
            let (code, body) = save(&client, Value::Null, 0, &booking_form(&property, &status, arrival, departure)).await;
            assert_eq!(code, StatusCode::OK, "{body}");
        }
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!(planning["bars"].as_array().map(Vec::len), Some(3));
        assert_eq!(planning["rows"][0]["name"], "Les Mimosas");
    }
}

on_both_databases! {
    async fn organisations_and_roles_are_enforced(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let b = app.logged_in("b@exemple.fr").await;
        let property = property(&a).await;
        let status = first_status(&a).await;
        let (_, saved) = save(&a, Value::Null, 0, &booking_form(&property, &status, "2027-07-10", "2027-07-14")).await;
        let id = saved["id"].clone();

        // B cannot read, change, delete A's booking, book A's property, or find A's guest.
        let (code, _) = b.call("get_booking", json!({ "id": id })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let b_status = first_status(&b).await;
        let (code, _) = save(&b, id.clone(), 1, &booking_form(&property, &b_status, "2027-07-10", "2027-07-14")).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        let (code, _) = b.call("delete_booking", json!({ "id": id, "version": 1 })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (_, planning) = b.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!((planning["bars"].clone(), planning["rows"].clone()), (json!([]), json!([])));
        let (_, found) = b.call("search_customers", json!({ "search": "" })).await;
        assert_eq!(found, json!([]));
        // A's own guest id cannot be attached to a B booking either.
        let (_, b_property) = b.call("create_property", json!({ "form": property_form("Chez B") })).await;
        let (_, a_booking) = a.call("get_booking", json!({ "id": id })).await;
        let mut stolen = booking_form(&b_property, &b_status, "2027-07-10", "2027-07-14");
        stolen["customer"]["id"] = a_booking["form"]["customer"]["id"].clone();
        stolen["force"] = json!(true);
        let (code, refused) = save(&b, Value::Null, 0, &stolen).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(field_message(&refused, "customer_name").is_some(), "{refused}");
        let (_, still) = a.call("get_booking", json!({ "id": id })).await;
        assert_eq!(still["form"]["customer"]["name"], "Marie Dupont");

        // Owners and providers see no planning and change no booking.
        for role in ["owner", "provider"] {
            let user = app.user_with_role(&a, &format!("{role}@exemple.fr"), role).await;
            let (code, _) = user.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
            let (code, _) = save(&user, Value::Null, 0, &booking_form(&property, &status, "2027-07-20", "2027-07-24")).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
            let (code, _) = user.call("delete_booking", json!({ "id": id, "version": 1 })).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
        }
    }
}
