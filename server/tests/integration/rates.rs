//! Rate management and quotes through HTTP (SPEC C5): plans, seasons, settings and catalogue on both
//! databases; `GET /api/quote` gives the seed's worked examples, refusals and 400s in French; versions
//! stop lost updates under a real race; nothing crosses organisations.

use crate::common;

use common::{field_message, property_form};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn plan_form(name: &str, nightly: &str) -> Value {
    json!({
        "name": name, "nightly": nightly, "weekly": "", "weekend": "", "guests_included": "4",
        "extra_guest_fee": "", "minimum_stay": "", "tourist_tax_id": "", "flat_fee_ids": []
    })
}

fn season_form(name: &str, first: &str, last: &str, nightly: &str, minimum: &str) -> Value {
    json!({
        "name": name, "first_night": first, "last_night": last, "nightly": nightly, "weekly": "",
        "weekend": "", "minimum_stay": minimum, "no_discounts": false
    })
}

/// Creates a plan and a property priced by it; returns (plan id, property id).
async fn plan_and_property(client: &common::Client, nightly: &str) -> (Value, Value) {
    let (status, plan) = client
        .call(
            "create_rate_plan",
            json!({ "form": plan_form("Gîte", nightly) }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    let mut form = property_form("Les Mimosas");
    form["pricing"] = json!("plan");
    form["rate_plan_id"] = plan.clone();
    let (status, property) = client
        .call("create_property", json!({ "form": form }))
        .await;
    assert_eq!(status, StatusCode::OK, "{property}");
    (plan, property)
}

fn quote_path(property: &Value, arrival: &str, departure: &str, extra: &str) -> String {
    let id = property.as_str().unwrap_or_default();
    format!("/api/quote?property={id}&arrival={arrival}&departure={departure}&adults=2{extra}")
}

on_both_databases! {
    async fn the_seed_examples_through_the_quote_endpoint(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, property) = plan_and_property(&client, "100").await;

        // "pour un tarif journalier de 100 € avec une réduction de 10% pour un séjour de 3 nuitées,
        // le tarif sera de 100 * 3 * (100% - 10%) = 270 €."
        let (status, version) = client.call("save_pricing_settings", json!({ "version": 0, "form": {
            "minimum_stay": "1", "manual_discount_enabled": true, "vat_enabled": false, "vat_rate": "",
            "duration_discounts": [{ "from_nights": "3", "percent": "10" }]
        }})).await;
        assert_eq!((status, version.clone()), (StatusCode::OK, json!(1)), "{version}");
        let (status, quote) = client.get(&quote_path(&property, "2027-03-01", "2027-03-04", "")).await;
        assert_eq!(status, StatusCode::OK, "{quote}");
        assert_eq!(quote["totals"]["stay"], "270.00");
        assert_eq!(quote["nights"].as_array().map(Vec::len), Some(3));
        assert_eq!(quote["discounts"][0]["kind"], json!({ "Duration": { "from_nights": 3 } }));

        // "5% avec un plafond à 2,30€ … 2 adultes et 2 enfants facturé 432€TTC … taxe totale = 9€"
        let (status, tax) = client.call("save_tourist_tax", json!({ "id": null, "form": {
            "name": "Taxe 5 %", "method": "percentage", "amount": "2,30", "rate": "5",
            "departmental_rate": "", "regional_rate": ""
        }})).await;
        assert_eq!(status, StatusCode::OK, "{tax}");
        let mut form = property_form("Le Studio");
        form["fixed_price"] = json!("144");
        form["tourist_tax_id"] = tax["id"].clone();
        let (_, studio) = client.call("create_property", json!({ "form": form })).await;
        let (status, _) = client.call("save_pricing_settings", json!({ "version": 1, "form": {
            "minimum_stay": "1", "manual_discount_enabled": true, "vat_enabled": true, "vat_rate": "20",
            "duration_discounts": []
        }})).await;
        assert_eq!(status, StatusCode::OK);
        let (status, quote) = client.get(&quote_path(&studio, "2027-03-01", "2027-03-04", "&children=2")).await;
        assert_eq!(status, StatusCode::OK, "{quote}");
        assert_eq!(quote["totals"]["stay"], "432.00");
        assert_eq!(quote["totals"]["vat"], "72.00");
        assert_eq!(quote["totals"]["tourist_tax"], "9.00");
        let (_, collected) = client.get(&quote_path(&studio, "2027-03-01", "2027-03-04", "&children=2&platform=1")).await;
        assert_eq!(collected["totals"]["tourist_tax"], "0.00");
    }
}

on_both_databases! {
    async fn seasons_price_night_by_night_and_minimum_stays_explain_themselves(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (plan, property) = plan_and_property(&client, "100").await;
        let (status, saved) = client.call("save_season", json!({
            "plan": plan, "version": 1, "season_id": null,
            "form": season_form("Pont de mai", "2027-05-07", "2027-05-10", "150", "3")
        })).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["version"], 2);
        assert_eq!(saved["seasons"][0]["season"]["name"], "Pont de mai");

        // "une réservation du 07 au 10 sera acceptée, mais pas une réservation du 06 au 09."
        let (_, accepted) = client.get(&quote_path(&property, "2027-05-07", "2027-05-10", "")).await;
        assert_eq!(accepted["refusals"], json!([]));
        assert_eq!(accepted["totals"]["stay"], "450.00");
        let (_, refused) = client.get(&quote_path(&property, "2027-05-06", "2027-05-09", "")).await;
        assert_eq!(refused["refusals"][0]["MinimumStay"]["season"], "Pont de mai");
        assert_eq!(refused["totals"]["stay"], "400.00");

        // Editing the season from a stale version is a conflict; from the current one it works.
        let season_id = saved["seasons"][0]["id"].clone();
        let (status, _) = client.call("save_season", json!({
            "plan": plan, "version": 1, "season_id": season_id,
            "form": season_form("Pont", "2027-05-07", "2027-05-10", "160", "3")
        })).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (status, deleted) = client.call("delete_season", json!({
            "plan": plan, "version": 2, "season_id": season_id
        })).await;
        assert_eq!(status, StatusCode::OK, "{deleted}");
        assert_eq!(deleted["seasons"], json!([]));
    }
}

on_both_databases! {
    async fn bad_parameters_get_a_400_in_french_and_bad_forms_a_message_per_field(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, property) = plan_and_property(&client, "100").await;
        let (status, body) = client.get(&quote_path(&property, "2027-05-10", "2027-05-07", "&children=deux")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(field_message(&body, "departure").as_deref(), Some("Cette date doit venir après la première."));
        assert_eq!(field_message(&body, "children").as_deref(), Some("Indiquez un nombre entier, sans virgule."));
        assert!(body["message"].as_str().unwrap_or_default().starts_with("Paramètres invalides."), "{body}");
        let (status, body) = client.get(&quote_path(&property, "2027-05-07", "2027-05-10", "&adults=3")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "a repeated parameter is refused: {body}");
        let (status, body) = client.get("/api/quote?arrival=hier").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(field_message(&body, "property").as_deref(), Some("Ce champ est obligatoire."));
        assert_eq!(field_message(&body, "arrival").as_deref(), Some("Indiquez une date, par exemple 07/05/2027."));

        let (status, body) = client.call("save_season", json!({
            "plan": "0190a6f3-0000-7000-8000-000000000001", "version": 1, "season_id": null,
            "form": season_form("", "2027-05-10", "2027-05-01", "gratuit", "0")
        })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["name", "last_night", "nightly", "minimum_stay"] {
            assert!(field_message(&body, field).is_some(), "{field}: {body}");
        }
        let (status, body) = client.call("save_pricing_settings", json!({ "version": 0, "form": {
            "minimum_stay": "0", "manual_discount_enabled": false, "vat_enabled": true, "vat_rate": "",
            "duration_discounts": [{ "from_nights": "150", "percent": "10" }]
        }})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&body, "duration_discounts.0.from_nights").as_deref(), Some("Indiquez un nombre entre 2 et 120."));
        assert_eq!(field_message(&body, "vat_rate").as_deref(), Some("Ce champ est obligatoire."));
    }
}

on_both_databases! {
    async fn two_people_saving_the_same_plan_at_once_cannot_both_win(app) {
        app.organisation("A", "a@exemple.fr").await;
        let first = app.logged_in("a@exemple.fr").await;
        let second = app.logged_in("a@exemple.fr").await;
        let (plan, _) = plan_and_property(&first, "100").await;
        let one = first.call("save_season", json!({ "plan": plan, "version": 1, "season_id": null,
            "form": season_form("Été", "2027-07-01", "2027-08-31", "180", "") }));
        let other = second.call("update_rate_plan", json!({ "id": plan, "version": 1,
            "form": plan_form("Gîte (renommé)", "110") }));
        let ((a, _), (b, _)) = tokio::join!(one, other);
        let mut statuses = [a, b];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        let (_, (stored, _)) = first.call("get_rate_plan", json!({ "id": plan })).await
            .into_tuple();
        assert_eq!(stored["version"], 2, "exactly one change landed");
    }
}

on_both_databases! {
    async fn rates_never_cross_organisations(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let b = app.logged_in("b@exemple.fr").await;
        let (plan, property) = plan_and_property(&a, "100").await;
        let (_, tax) = a.call("save_tourist_tax", json!({ "id": null, "form": {
            "name": "Taxe", "method": "fixed", "amount": "1", "rate": "", "departmental_rate": "10",
            "regional_rate": "" }})).await;

        let (status, _) = b.get(&quote_path(&property, "2027-03-01", "2027-03-04", "")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = b.call("get_rate_plan", json!({ "id": plan })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = b.call("save_season", json!({ "plan": plan, "version": 1, "season_id": null,
            "form": season_form("Été", "2027-07-01", "2027-08-31", "1", "") })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = b.call("delete_tourist_tax", json!({ "id": tax["id"] })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let mut b_plan = plan_form("Plan B", "50");
        b_plan["tourist_tax_id"] = tax["id"].clone();
        let (status, body) = b.call("create_rate_plan", json!({ "form": b_plan })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (_, list) = b.call("list_rate_plans", json!({})).await;
        assert_eq!(list, json!([]));
    }
}

on_both_databases! {
    async fn what_is_in_use_is_not_deleted(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let (_, tax) = client.call("save_tourist_tax", json!({ "id": null, "form": {
            "name": "Taxe", "method": "fixed", "amount": "1", "rate": "", "departmental_rate": "10",
            "regional_rate": "" }})).await;
        let (_, option) = client.call("save_charge_option", json!({ "id": null, "form": {
            "label": "Ménage de fin de séjour", "unit_price": "70", "vat_rate": "" }})).await;
        let mut form = plan_form("Gîte", "100");
        form["tourist_tax_id"] = tax["id"].clone();
        form["flat_fee_ids"] = json!([option["id"]]);
        let (status, plan) = client.call("create_rate_plan", json!({ "form": form })).await;
        assert_eq!(status, StatusCode::OK, "{plan}");
        let (status, _) = client.call("delete_tourist_tax", json!({ "id": tax["id"] })).await;
        assert_eq!(status, StatusCode::CONFLICT);

        let mut property = property_form("Les Mimosas");
        property["pricing"] = json!("plan");
        property["rate_plan_id"] = plan.clone();
        let (_, property) = client.call("create_property", json!({ "form": property })).await;
        let (_, quote) = client.get(&quote_path(&property, "2027-03-01", "2027-03-03", "")).await;
        assert_eq!(quote["totals"]["charges"], "70.00", "{quote}");
        assert_eq!(quote["totals"]["tourist_tax"], "4.40", "1 € + 10 % × 2 adults × 2 nights");
        let (status, _) = client.call("delete_rate_plan", json!({ "id": plan })).await;
        assert_eq!(status, StatusCode::CONFLICT);
    }
}

/// Splits a `(status, [a, b])` answer into `(status, (a, b))`.
trait IntoTuple {
    fn into_tuple(self) -> (StatusCode, (Value, Value));
}

impl IntoTuple for (StatusCode, Value) {
    fn into_tuple(self) -> (StatusCode, (Value, Value)) {
        (self.0, (self.1[0].clone(), self.1[1].clone()))
    }
}

on_both_databases! {
    async fn owners_and_providers_neither_see_nor_change_rates(app) {
        app.organisation("A", "a@exemple.fr").await;
        let admin = app.logged_in("a@exemple.fr").await;
        let (plan, property) = plan_and_property(&admin, "100").await;
        for (email, role) in [("proprio@exemple.fr", "owner"), ("menage@exemple.fr", "provider")] {
            let user = app.user_with_role(&admin, email, role).await;
            let (status, _) = user.get(&quote_path(&property, "2027-03-01", "2027-03-04", "")).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{role} quote");
            for (endpoint, body) in [
                ("list_rate_plans", json!({})),
                ("get_rate_plan", json!({ "id": plan })),
                ("get_pricing_context", json!({})),
                ("create_rate_plan", json!({ "form": plan_form("X", "1") })),
                ("save_season", json!({ "plan": plan, "version": 1, "season_id": null,
                    "form": season_form("Été", "2027-07-01", "2027-08-31", "1", "") })),
                ("save_pricing_settings", json!({ "version": 0, "form": {
                    "minimum_stay": "1", "manual_discount_enabled": true, "vat_enabled": false,
                    "vat_rate": "", "duration_discounts": [] } })),
                ("delete_rate_plan", json!({ "id": plan })),
            ] {
                let (status, _) = user.call(endpoint, body).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{role} {endpoint}");
            }
        }
        let (_, stored) = admin.call("get_rate_plan", json!({ "id": plan })).await;
        assert_eq!(stored[0]["version"], 1, "nothing changed");
    }
}
