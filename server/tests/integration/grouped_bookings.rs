//! Grouped bookings through HTTP (SPEC C4, seed 004 "Planning : Réservation groupée") on both
//! databases: several properties on common dates for one guest, one price (the sum of each property's
//! own quote); the group moves together; unticking a property takes it out with its booking; a stale
//! form is a conflict for the whole group and changes nothing; a group left with one property is
//! dissolved; undoing a group's creation deletes every member at once or none; nothing crosses
//! organisations; roles are checked.

use crate::common;

use common::booking_helpers::{property, save_booking as save};
use common::{booking_form, field_message};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A property at `price` € a night.
async fn priced_property(client: &common::Client, name: &str, price: &str) -> Value {
    let id = property(client, name).await;
    let (_, stored) = client.call("get_property", json!({ "id": id })).await;
    let mut form = common::property_form(name);
    form["fixed_price"] = json!(price);
    let (code, body) = client
        .call(
            "update_property",
            json!({ "id": id, "version": stored["version"], "form": form }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{body}");
    id
}

async fn a_status(client: &common::Client) -> Value {
    let (_, planning) = client
        .call(
            "planning",
            json!({ "from": "2027-07-01", "to": "2027-08-01" }),
        )
        .await;
    planning["statuses"][4]["id"].clone()
}

/// A line of the group list: a property ticked, not stored yet, with `adults`.
fn new_line(property: &Value, adults: &str) -> Value {
    json!({ "booking": null, "version": 0, "property": property, "adults": adults, "children": "",
            "others": "", "options": [], "forfait": "", "deposit": "", "included": true })
}

async fn booking(client: &common::Client, id: &Value) -> Value {
    let (code, booking) = client.call("get_booking", json!({ "id": id })).await;
    assert_eq!(code, StatusCode::OK, "{booking}");
    booking
}

/// The planning's bars of July 2027 as (property, arrival, departure, group).
async fn bars(client: &common::Client) -> Vec<(Value, Value, Value, Value)> {
    let (_, planning) = client
        .call(
            "planning",
            json!({ "from": "2027-07-01", "to": "2027-08-01" }),
        )
        .await;
    planning["bars"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|bar| {
            (
                bar["property"].clone(),
                bar["stay"]["arrival"].clone(),
                bar["stay"]["departure"].clone(),
                bar["group"].clone(),
            )
        })
        .collect()
}

/// Three properties (100, 150, 80 € a night) and a grouped booking of the three, 3 to 10 July 2027;
/// answers the properties and the saved booking.
async fn three_houses(client: &common::Client) -> ([Value; 3], Value) {
    let a = priced_property(client, "Les Mimosas", "100").await;
    let b = priced_property(client, "Le Chalet", "150").await;
    let c = priced_property(client, "La Grange", "80").await;
    let status = a_status(client).await;
    let mut form = booking_form(&a, &status, "2027-07-03", "2027-07-10");
    form["grouped"] = json!(true);
    form["group"] = json!([new_line(&b, "4"), new_line(&c, "2")]);
    let (code, saved) = save(client, &Value::Null, &json!(0), &form).await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    ([a, b, c], saved)
}

on_both_databases! {
    async fn a_grouped_booking_is_one_price_over_several_properties_on_common_dates(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let ([a, b, c], saved) = three_houses(&client).await;
        // 7 nights × (100 + 150 + 80) €: each property priced with its own rates, the group is the sum.
        assert_eq!(saved["price"], "2310.00");
        assert_eq!(saved["group"].as_array().map(Vec::len), Some(2));

        let laid = bars(&client).await;
        assert_eq!(laid.len(), 3);
        let group = laid[0].3.clone();
        assert!(group.is_string(), "{laid:?}");
        for (property, arrival, departure, bar_group) in &laid {
            assert!([&a, &b, &c].contains(&property));
            assert_eq!((arrival.as_str(), departure.as_str()), (Some("2027-07-03"), Some("2027-07-10")));
            assert_eq!(bar_group, &group);
        }

        // Opened from any property, the form lists the others with their own guests.
        let member = booking(&client, &saved["group"][0][0]).await;
        assert_eq!(member["form"]["grouped"], true);
        assert_eq!(member["group_price"], "2310.00");
        let lines = member["form"]["group"].as_array().cloned().unwrap_or_default();
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|line| line["included"] == true && line["booking"].is_string()));
        assert_eq!(member["form"]["customer"]["name"], "Marie Dupont");
        let first = booking(&client, &saved["id"]).await;
        assert_eq!(first["form"]["stay"]["adults"], "2");
        assert_eq!(first["price"], "700.00");
        let adults: Vec<&str> = first["form"]["group"].as_array().map(|g| g.iter().filter_map(|l| l["adults"].as_str()).collect()).unwrap_or_default();
        assert_eq!(adults, ["2", "4"], "members by property name: La Grange, Le Chalet");

        // The guest is one customer with three bookings.
        let (_, found) = client.call("search_customers", json!({ "search": "dupont" })).await;
        assert_eq!(found[0]["bookings"], 3);
    }
}

on_both_databases! {
    async fn the_group_moves_together_and_a_property_taken_out_moves_alone(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let ([a, b, c], saved) = three_houses(&client).await;

        // New dates typed on the first property's form: every property moves.
        let first = booking(&client, &saved["id"]).await;
        let mut form = first["form"].clone();
        form["stay"]["arrival"] = json!("2027-07-05");
        form["stay"]["departure"] = json!("2027-07-08");
        let (code, moved) = save(&client, &saved["id"], &first["version"], &form).await;
        assert_eq!(code, StatusCode::OK, "{moved}");
        assert_eq!(moved["price"], "990.00");
        let laid = bars(&client).await;
        assert!(laid.iter().all(|bar| bar.1 == "2027-07-05" && bar.2 == "2027-07-08"), "{laid:?}");

        // Seed 004: "décocher" a property takes it out of the group; its booking stays.
        let first = booking(&client, &saved["id"]).await;
        let mut form = first["form"].clone();
        let grange = form["group"].as_array().and_then(|g| g.iter().position(|l| l["property"] == c)).unwrap_or(9);
        form["group"][grange]["included"] = json!(false);
        let grange_id = form["group"][grange]["booking"].clone();
        let (code, kept) = save(&client, &saved["id"], &first["version"], &form).await;
        assert_eq!(code, StatusCode::OK, "{kept}");
        assert_eq!(kept["price"], "750.00");
        let grange_booking = booking(&client, &grange_id).await;
        assert_eq!(grange_booking["form"]["grouped"], false);
        assert_eq!(grange_booking["form"]["group"], json!([]));

        // Its dates now change on their own.
        let mut alone = grange_booking["form"].clone();
        alone["stay"]["arrival"] = json!("2027-07-20");
        alone["stay"]["departure"] = json!("2027-07-24");
        let (code, body) = save(&client, &grange_id, &grange_booking["version"], &alone).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        let laid = bars(&client).await;
        for (property, arrival, _, group) in &laid {
            if property == &c {
                assert_eq!(arrival, "2027-07-20");
                assert!(group.is_null());
            } else {
                assert!(property == &a || property == &b);
                assert_eq!(arrival, "2027-07-05");
                assert!(group.is_string());
            }
        }

        // The booking opened leaves the group: only one property would be left, so there is no group.
        let first = booking(&client, &saved["id"]).await;
        let mut form = first["form"].clone();
        form["grouped"] = json!(false);
        let (code, body) = save(&client, &saved["id"], &first["version"], &form).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert!(bars(&client).await.iter().all(|bar| bar.3.is_null()));
    }
}

on_both_databases! {
    async fn a_stale_form_is_a_conflict_for_the_whole_group_and_changes_nothing(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, saved) = three_houses(&client).await;
        let stale = booking(&client, &saved["id"]).await;

        // Someone changes the guests of another property of the group from its own form.
        let chalet_id = saved["group"][0][0].clone();
        let chalet = booking(&client, &chalet_id).await;
        let mut form = chalet["form"].clone();
        form["stay"]["adults"] = json!("5");
        let (code, body) = save(&client, &chalet_id, &chalet["version"], &form).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        let before = bars(&client).await;

        // The first form, opened before, moves the group: refused, nothing moves.
        let mut form = stale["form"].clone();
        form["stay"]["arrival"] = json!("2027-07-12");
        form["stay"]["departure"] = json!("2027-07-15");
        let (code, body) = save(&client, &saved["id"], &stale["version"], &form).await;
        assert_eq!(code, StatusCode::CONFLICT, "{body}");
        assert_eq!(bars(&client).await, before);
        assert_eq!(booking(&client, &chalet_id).await["form"]["stay"]["adults"], "5");

        // A form that does not know of a member added since is a conflict too.
        let current = booking(&client, &saved["id"]).await;
        let mut shorter = current["form"].clone();
        let known = shorter["group"].as_array().cloned().unwrap_or_default();
        shorter["group"] = json!([known[0].clone()]);
        let (code, body) = save(&client, &saved["id"], &current["version"], &shorter).await;
        assert_eq!(code, StatusCode::CONFLICT, "{body}");
        assert_eq!(bars(&client).await, before);
    }
}

on_both_databases! {
    async fn two_members_saved_at_once_from_one_state_one_wins(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, saved) = three_houses(&client).await;
        let first = booking(&client, &saved["id"]).await;
        let chalet_id = saved["group"][0][0].clone();
        let chalet = booking(&client, &chalet_id).await;
        let mut one = first["form"].clone();
        one["stay"]["arrival"] = json!("2027-07-01");
        let mut two = chalet["form"].clone();
        two["stay"]["departure"] = json!("2027-07-20");
        let other = app.logged_in("a@exemple.fr").await;
        let (left, right) = tokio::join!(
            save(&client, &saved["id"], &first["version"], &one),
            save(&other, &chalet_id, &chalet["version"], &two),
        );
        let codes = [left.0, right.0];
        assert_eq!(codes.iter().filter(|c| **c == StatusCode::OK).count(), 1, "{left:?} {right:?}");
        assert_eq!(codes.iter().filter(|c| **c == StatusCode::CONFLICT).count(), 1, "{left:?} {right:?}");
        // Whichever won, the group still shares its dates.
        let laid = bars(&client).await;
        assert!(laid.iter().all(|bar| bar.1 == laid[0].1 && bar.2 == laid[0].2), "{laid:?}");
    }
}

on_both_databases! {
    async fn deleting_down_to_one_property_dissolves_the_group(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, saved) = three_houses(&client).await;
        for member in [saved["group"][0][0].clone(), saved["group"][1][0].clone()] {
            let stored = booking(&client, &member).await;
            let (code, body) = client.call("delete_booking", json!({ "id": member, "version": stored["version"] })).await;
            assert_eq!(code, StatusCode::OK, "{body}");
        }
        let left = bars(&client).await;
        assert_eq!(left.len(), 1);
        assert!(left[0].3.is_null());
        assert_eq!(booking(&client, &saved["id"]).await["form"]["grouped"], false);
    }
}

on_both_databases! {
    async fn a_group_is_refused_with_reasons_naming_each_property(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let a = priced_property(&client, "Les Mimosas", "100").await;
        let b = priced_property(&client, "Le Chalet", "150").await;
        let status = a_status(&client).await;
        let mut form = booking_form(&a, &status, "2027-07-03", "2027-07-10");

        // Ticked with no other property, the same property twice, a bad guest count.
        form["grouped"] = json!(true);
        let (code, body) = save(&client, &Value::Null, &json!(0), &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(field_message(&body, "group").is_some(), "{body}");
        form["group"] = json!([new_line(&a, "2")]);
        let (code, body) = save(&client, &Value::Null, &json!(0), &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        form["group"] = json!([new_line(&b, "deux")]);
        let (code, body) = save(&client, &Value::Null, &json!(0), &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

        // Le Chalet sleeps 4 (the test property's capacity): 9 adults are refused, and the reason says where.
        form["group"] = json!([new_line(&b, "9")]);
        let (code, body) = save(&client, &Value::Null, &json!(0), &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = field_message(&body, "force").unwrap_or_default();
        assert!(message.contains("Le Chalet : "), "{message}");
        assert!(bars(&client).await.is_empty());

        // Forced, it is saved and recorded on that property.
        form["force"] = json!(true);
        let (code, saved) = save(&client, &Value::Null, &json!(0), &form).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(booking(&client, &saved["group"][0][0]).await["forced"], true);
        assert_eq!(booking(&client, &saved["id"]).await["forced"], false);
    }
}

on_both_databases! {
    async fn a_group_cannot_reach_another_organisation(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let alice = app.logged_in("a@exemple.fr").await;
        let bob = app.logged_in("b@exemple.fr").await;
        let (_, bobs) = three_houses(&bob).await;
        let bobs_member = booking(&bob, &bobs["group"][0][0]).await;
        let before = bars(&bob).await;

        let mine = priced_property(&alice, "Chez Alice", "100").await;
        let status = a_status(&alice).await;
        let mut form = booking_form(&mine, &status, "2027-07-03", "2027-07-10");
        form["grouped"] = json!(true);
        // Bob's property as a new line: unknown here.
        form["group"] = json!([new_line(&bobs_member["form"]["stay"]["property"], "2")]);
        let (code, body) = save(&alice, &Value::Null, &json!(0), &form).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(field_message(&body, "group").is_some(), "{body}");
        // Bob's stored booking as a member: not found, nothing written anywhere.
        let mut line = new_line(&mine, "2");
        line["property"] = json!(priced_property(&alice, "Chez Alice 2", "100").await);
        line["booking"] = bobs["group"][0][0].clone();
        line["version"] = bobs_member["version"].clone();
        form["group"] = json!([line]);
        let (code, body) = save(&alice, &Value::Null, &json!(0), &form).await;
        assert!(code == StatusCode::CONFLICT || code == StatusCode::NOT_FOUND, "{code} {body}");
        assert!(bars(&alice).await.is_empty());
        assert_eq!(bars(&bob).await, before);
        assert_eq!(booking(&bob, &bobs["group"][0][0]).await["version"], bobs_member["version"]);
    }
}

on_both_databases! {
    async fn deleting_a_group_at_once_is_all_or_nothing_and_stays_in_the_organisation(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let alice = app.logged_in("a@exemple.fr").await;
        let bob = app.logged_in("b@exemple.fr").await;
        let (_, mine) = three_houses(&alice).await;
        let (_, bobs) = three_houses(&bob).await;
        let members = |saved: &Value| -> Vec<Value> {
            std::iter::once(json!([saved["id"], 1]))
                .chain(saved["group"].as_array().cloned().unwrap_or_default())
                .collect()
        };

        // Bob's bookings are not found from Alice's session; one stale version refuses the lot.
        let (code, body) = alice.call("delete_bookings", json!({ "bookings": members(&bobs) })).await;
        assert_eq!(code, StatusCode::NOT_FOUND, "{body}");
        assert_eq!(bars(&bob).await.len(), 3);
        let mut stale = members(&mine);
        stale[2][1] = json!(99);
        let (code, body) = alice.call("delete_bookings", json!({ "bookings": stale })).await;
        assert_eq!(code, StatusCode::CONFLICT, "{body}");
        assert_eq!(bars(&alice).await.len(), 3, "nothing deleted");

        // Roles: who may not change bookings may not delete them.
        for role in ["owner", "provider"] {
            let user = app.user_with_role(&alice, &format!("{role}@exemple.fr"), role).await;
            let (code, body) = user.call("delete_bookings", json!({ "bookings": members(&mine) })).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}: {body}");
        }

        // The creation undone: all three go together.
        let (code, body) = alice.call("delete_bookings", json!({ "bookings": members(&mine) })).await;
        assert_eq!(code, StatusCode::OK, "{body}");
        assert!(bars(&alice).await.is_empty());
        assert_eq!(bars(&bob).await.len(), 3);
    }
}
