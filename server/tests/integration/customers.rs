//! The customers screen and the customer-list export (SPEC C4, C13; seed 004) through HTTP on both
//! databases: the list searches name, email and phone literally and pages; a customer's page shows
//! their bookings and saves their details from the version opened; the export lists the guests with
//! a booking arriving in the year, filtered by property and status, as CSV (checked byte for byte)
//! and XLSX (read back); another organisation's customer is 404; roles are checked.

use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::{field_message, Client, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::io::Read;

/// Two properties, three guests, bookings in 2026, 2027 and 2028 (see each line).
struct Fixture {
    chalet: Value,
    mimosas: Value,
    paid: Value,
    option: Value,
    marie: Value,
}

async fn fixture(client: &Client) -> Fixture {
    let mimosas = property(client, "Les Mimosas").await;
    let chalet = property(client, "Le Chalet").await;
    let paid = status_id(client, "Payé").await;
    let option = status_id(client, "Option").await;
    let unavailable = status_id(client, "Indisponible").await;
    let marie = guest(
        "Marie Dupont",
        "3 rue des Lilas, Annecy",
        "marie@exemple.fr",
        "06 12 34 56 78",
    );
    book(client, &mimosas, &paid, ("2027-07-10", "2027-07-14"), marie).await;
    let (_, found) = client
        .call("search_customers", json!({ "search": "marie@exemple.fr" }))
        .await;
    let marie_id = found[0]["id"].clone();
    // Picked again in the booking form, with a second email: the same customer, updated.
    let again = json!({ "id": marie_id, "name": "Marie Dupont", "address": "3 rue des Lilas, Annecy",
        "emails": "marie@exemple.fr, marie.dupont@travail.fr", "phones": "06 12 34 56 78" });
    book(
        client,
        &chalet,
        &option,
        ("2027-03-01", "2027-03-03"),
        again,
    )
    .await;
    book(
        client,
        &mimosas,
        &option,
        ("2027-08-01", "2027-08-03"),
        guest(
            "Jean \"Jo\" Martin",
            "12 av. Foch; bât. B, Lyon",
            "jean@exemple.fr",
            "+33 4 50 00 00 00",
        ),
    )
    .await;
    let elise = guest("Élise Bernard", "", "elise@exemple.fr", "");
    book(client, &mimosas, &paid, ("2026-12-30", "2027-01-02"), elise).await;
    let (_, found) = client
        .call("search_customers", json!({ "search": "elise@" }))
        .await;
    let elise_again = json!({ "id": found[0]["id"], "name": "Élise Bernard", "address": "",
        "emails": "elise@exemple.fr", "phones": "" });
    book(
        client,
        &chalet,
        &paid,
        ("2028-01-05", "2028-01-07"),
        elise_again,
    )
    .await;
    // No guest: not a customer, never exported.
    book(
        client,
        &chalet,
        &unavailable,
        ("2027-05-01", "2027-05-08"),
        guest("", "", "", ""),
    )
    .await;
    Fixture {
        chalet,
        mimosas,
        paid,
        option,
        marie: marie_id,
    }
}

/// GETs a download: status, headers and raw bytes.
async fn download(
    client: &Client,
    path: &str,
) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let response = client
        .http
        .get(format!("{}{path}", client.address))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap_or_default().to_vec();
    (status, headers, bytes)
}

fn header<'h>(headers: &'h reqwest::header::HeaderMap, name: &str) -> &'h str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

fn id(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

on_both_databases! {
    async fn the_list_searches_literally_and_a_customer_page_edits_from_its_version(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let f = fixture(&client).await;

        let (code, page) = client.call("list_customers", json!({ "search": "", "page": 0 })).await;
        assert_eq!(code, StatusCode::OK, "{page}");
        assert_eq!(page["total"], 3);
        let mut names: Vec<&str> = page["customers"].as_array().into_iter().flatten()
            .filter_map(|c| c["name"].as_str()).collect();
        // By name; where "É" sorts depends on the database's collation, so compare as a set.
        names.sort_unstable();
        assert_eq!(names, ["Jean \"Jo\" Martin", "Marie Dupont", "Élise Bernard"]);
        for (search, expected) in [("DUPONT@TRAVAIL", "Marie Dupont"), ("50 00", "Jean \"Jo\" Martin"), ("bernard", "Élise Bernard")] {
            let (_, page) = client.call("list_customers", json!({ "search": search, "page": 0 })).await;
            assert_eq!(page["total"], 1, "{search}");
            assert_eq!(page["customers"][0]["name"], expected, "{search}");
        }
        let (_, page) = client.call("list_customers", json!({ "search": "100%", "page": 0 })).await;
        assert_eq!(page["total"], 0);

        // Marie's page: her details and both bookings, latest first.
        let (code, marie) = client.call("get_customer", json!({ "id": f.marie })).await;
        assert_eq!(code, StatusCode::OK, "{marie}");
        assert_eq!(marie["form"]["emails"], "marie@exemple.fr, marie.dupont@travail.fr");
        assert_eq!(marie["version"], 2, "the booking form's update counts as an edit");
        let bookings = marie["bookings"].as_array().cloned().unwrap_or_default();
        assert_eq!(bookings.len(), 2);
        assert_eq!(bookings[0]["property_name"], "Les Mimosas");
        assert_eq!(bookings[0]["stay"], json!({ "arrival": "2027-07-10", "departure": "2027-07-14" }));
        assert_eq!(bookings[0]["status"]["name"], "Payé");
        assert_eq!(bookings[0]["price"], "400.00");
        assert_eq!(bookings[1]["property_name"], "Le Chalet");
        assert_eq!(bookings[1]["status"]["id"], f.option);
        assert_eq!(bookings[1]["price"], "200.00");

        // Her details are saved from the version opened, checked as in the booking form.
        let form = json!({ "id": "", "name": "Marie Dupont-Roux", "address": "5 quai Perrière, Annecy",
            "emails": "Marie@Exemple.fr", "phones": "06 12 34 56 78" });
        let (code, version) = client.call("update_customer", json!({ "id": f.marie, "version": 2, "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{version}");
        assert_eq!(version, 3);
        let (code, _) = client.call("update_customer", json!({ "id": f.marie, "version": 2, "form": form })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        let bad = json!({ "id": "", "name": " ", "address": "", "emails": "pas-une-adresse", "phones": "" });
        let (code, refused) = client.call("update_customer", json!({ "id": f.marie, "version": 3, "form": bad })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&refused, "customer_name").as_deref(), Some("Ce champ est obligatoire."));
        assert!(field_message(&refused, "customer_emails").is_some(), "{refused}");
        let (_, marie) = client.call("get_customer", json!({ "id": f.marie })).await;
        assert_eq!(marie["form"]["name"], "Marie Dupont-Roux");
        assert_eq!(marie["form"]["emails"], "marie@exemple.fr");
        let (_, planning) = client.call("planning", json!({ "from": "2027-07-01", "to": "2027-08-01" })).await;
        assert_eq!(planning["bars"][0]["guest"], "Marie Dupont-Roux");
        let (_, march) = client.call("planning", json!({ "from": "2027-03-01", "to": "2027-04-01" })).await;
        assert_eq!(march["bars"][0]["guest"], "Marie Dupont-Roux", "every booking of the guest shows the new name");
        let _ = (&f.chalet, &f.mimosas, &f.paid);
    }
}

/// Inserts `count` customers named "Client 000", "Client 001"… straight into the database.
async fn insert_customers(app: &TestApp, organisation: &str, count: usize) {
    server::on_db!(&app.db, pool => {
        for n in 0..count {
            sqlx::query("INSERT INTO customers (id, organisation_id, name, created_at) VALUES ($1, $2, $3, $4)")
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(organisation)
                .bind(format!("Client {n:03}"))
                .bind(chrono::Utc::now())
                .execute(pool)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
    });
}

on_both_databases! {
    async fn the_list_is_paged(app) {
        let admin = app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        insert_customers(&app, &admin.organisation_id.to_string(), 57).await;
        let (_, first) = client.call("list_customers", json!({ "search": "client", "page": 0 })).await;
        assert_eq!(first["total"], 57);
        assert_eq!(first["customers"].as_array().map(Vec::len), Some(50));
        assert_eq!(first["customers"][0]["name"], "Client 000");
        let (_, second) = client.call("list_customers", json!({ "search": "client", "page": 1 })).await;
        assert_eq!(second["page"], 1);
        assert_eq!(second["customers"].as_array().map(Vec::len), Some(7));
        assert_eq!(second["customers"][0]["name"], "Client 050");
        let (_, past) = client.call("list_customers", json!({ "search": "", "page": 9 })).await;
        assert_eq!(past["customers"], json!([]));
    }
}

const CSV_HEADER: &str =
    "\u{feff}Nom;Adresse;Emails;Téléphones;Réservations;Première arrivée;Logements\r\n";
const JEAN: &str = "\"Jean \"\"Jo\"\" Martin\";\"12 av. Foch; bât. B, Lyon\";jean@exemple.fr;+33 4 50 00 00 00;1;01/08/2027;Les Mimosas\r\n";

on_both_databases! {
    async fn the_export_lists_the_years_guests_as_french_excel_reads_them(app) {
        app.organisation("A", "a@exemple.fr").await;
        let client = app.logged_in("a@exemple.fr").await;
        let f = fixture(&client).await;

        let (code, headers, body) = download(&client, "/exports/clients.csv?year=2027").await;
        assert_eq!(code, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        assert_eq!(header(&headers, "content-type"), "text/csv; charset=utf-8");
        assert_eq!(header(&headers, "content-disposition"), "attachment; filename=\"liste-des-clients-2027.csv\"");
        let marie = "Marie Dupont;3 rue des Lilas, Annecy;marie@exemple.fr, marie.dupont@travail.fr;06 12 34 56 78;2;01/03/2027;Le Chalet, Les Mimosas\r\n";
        assert_eq!(String::from_utf8(body).unwrap_or_default(), format!("{CSV_HEADER}{JEAN}{marie}"));

        // By property, by status, both.
        let cases = [
            (format!("year=2027&property={}", id(&f.chalet)),
             "Marie Dupont;3 rue des Lilas, Annecy;marie@exemple.fr, marie.dupont@travail.fr;06 12 34 56 78;1;01/03/2027;Le Chalet\r\n".to_owned()),
            (format!("year=2027&status={}&property=", id(&f.paid)),
             "Marie Dupont;3 rue des Lilas, Annecy;marie@exemple.fr, marie.dupont@travail.fr;06 12 34 56 78;1;10/07/2027;Les Mimosas\r\n".to_owned()),
            (format!("year=2027&status={}&property={}", id(&f.option), id(&f.mimosas)), JEAN.to_owned()),
            ("year=2028".to_owned(), "Élise Bernard;;elise@exemple.fr;;1;05/01/2028;Le Chalet\r\n".to_owned()),
            ("year=2025".to_owned(), String::new()),
        ];
        for (query, rows) in cases {
            let (code, _, body) = download(&client, &format!("/exports/clients.csv?{query}")).await;
            assert_eq!(code, StatusCode::OK, "{query}");
            assert_eq!(String::from_utf8(body).unwrap_or_default(), format!("{CSV_HEADER}{rows}"), "{query}");
        }

        // The same guests in a workbook: read back from the XLSX (a zip of XML parts).
        let (code, headers, body) = download(&client, "/exports/clients.xlsx?year=2027").await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(header(&headers, "content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assert_eq!(header(&headers, "content-disposition"), "attachment; filename=\"liste-des-clients-2027.xlsx\"");
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(body)).unwrap_or_else(|e| panic!("not an XLSX: {e}"));
        let mut part = |name: &str| {
            let mut text = String::new();
            archive.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}"))
                .read_to_string(&mut text).unwrap_or_else(|e| panic!("{name}: {e}"));
            text
        };
        let workbook = part("xl/workbook.xml");
        assert!(workbook.contains("name=\"Clients\""), "{workbook}");
        let strings = part("xl/sharedStrings.xml");
        for text in ["Première arrivée", "Marie Dupont", "Jean \"Jo\" Martin", "12 av. Foch; bât. B, Lyon", "Le Chalet, Les Mimosas"] {
            assert!(strings.contains(text), "{text} in {strings}");
        }
        assert!(!strings.contains("Élise"), "Élise has no booking arriving in 2027");
        let sheet = part("xl/worksheets/sheet1.xml");
        let serial = |day: &str| {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
            (day.parse::<chrono::NaiveDate>().unwrap_or_default() - epoch).num_days()
        };
        for day in ["2027-03-01", "2027-08-01"] {
            assert!(sheet.contains(&format!("<v>{}</v>", serial(day))), "{day} as a date in {sheet}");
        }
        assert!(sheet.contains("<v>2</v>"), "Marie's two bookings as a number");
        assert!(sheet.contains("<autoFilter ref=\"A1:G3\"/>"), "{sheet}");
    }
}

on_both_databases! {
    async fn the_export_refuses_bad_parameters_other_organisations_and_roles(app) {
        app.organisation("A", "a@exemple.fr").await;
        app.organisation("B", "b@exemple.fr").await;
        let a = app.logged_in("a@exemple.fr").await;
        let b = app.logged_in("b@exemple.fr").await;
        let f = fixture(&a).await;

        let refused = [
            ("", "Paramètres invalides. year : Ce champ est obligatoire."),
            ("?year=deux-mille", "Paramètres invalides. year : Indiquez un nombre entier, sans virgule."),
            ("?year=2027&year=2028", "Paramètres invalides. year : Cette valeur figure déjà dans la liste."),
            ("?year=2027&status=payé", "Paramètres invalides. status : Ce choix n'existe plus. Choisissez dans la liste."),
        ];
        for (query, message) in refused {
            let (code, headers, body) = download(&a, &format!("/exports/clients.csv{query}")).await;
            assert_eq!(code, StatusCode::BAD_REQUEST, "{query}");
            assert_eq!(header(&headers, "content-type"), "text/plain; charset=utf-8");
            assert_eq!(String::from_utf8(body).unwrap_or_default(), message, "{query}");
        }
        // Another organisation's property or status is unknown here, and B's export is empty.
        let (code, _, body) = download(&b, &format!("/exports/clients.xlsx?year=2027&property={}", id(&f.mimosas))).await;
        assert_eq!(code, StatusCode::BAD_REQUEST);
        assert_eq!(String::from_utf8(body).unwrap_or_default(),
            "Paramètres invalides. property : Ce choix n'existe plus. Choisissez dans la liste.");
        let (code, _, _) = download(&b, &format!("/exports/clients.csv?year=2027&status={}", id(&f.paid))).await;
        assert_eq!(code, StatusCode::BAD_REQUEST);
        let (code, _, body) = download(&b, "/exports/clients.csv?year=2027").await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(String::from_utf8(body).unwrap_or_default(), CSV_HEADER);

        // B cannot open, edit or find A's customer.
        let (code, _) = b.call("get_customer", json!({ "id": f.marie })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let form = json!({ "id": "", "name": "Volé", "address": "", "emails": "", "phones": "" });
        let (code, _) = b.call("update_customer", json!({ "id": f.marie, "version": 2, "form": form })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (_, page) = b.call("list_customers", json!({ "search": "", "page": 0 })).await;
        assert_eq!(page["total"], 0);
        let (_, marie) = a.call("get_customer", json!({ "id": f.marie })).await;
        assert_eq!(marie["form"]["name"], "Marie Dupont");

        // Logged out: 401; owners and providers: 403 everywhere; managers may edit and export.
        let (code, _, body) = download(&app.client(), "/exports/clients.csv?year=2027").await;
        assert_eq!(code, StatusCode::UNAUTHORIZED);
        assert_eq!(String::from_utf8(body).unwrap_or_default(),
            "Votre session a expiré ou vous n'êtes pas connecté. Reconnectez-vous.");
        for (email, role) in [("proprio@exemple.fr", "owner"), ("menage@exemple.fr", "provider")] {
            let user = app.user_with_role(&a, email, role).await;
            let (code, _, _) = download(&user, "/exports/clients.csv?year=2027").await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
            let (code, _) = user.call("list_customers", json!({ "search": "", "page": 0 })).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
            let (code, _) = user.call("get_customer", json!({ "id": f.marie })).await;
            assert_eq!(code, StatusCode::FORBIDDEN, "{role}");
        }
        let manager = app.user_with_role(&a, "gestion@exemple.fr", "manager").await;
        let (code, _, _) = download(&manager, "/exports/clients.xlsx?year=2027").await;
        assert_eq!(code, StatusCode::OK);
        let (code, version) = manager.call("update_customer", json!({ "id": f.marie, "version": 2, "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{version}");
    }
}
