//! Invoices through HTTP as the browser uses them, on both databases: a booking's invoice pre-filled
//! from the price it was sold at (and opened again, not duplicated), a draft's amounts passed back
//! to its booking, issuing with gapless numbers — 50 issues racing — and frozen documents, payments
//! that fill what is missing and turn the booking "Payé", credit notes bounded by their invoice,
//! the PDF read back with pdftotext, and each organisation seeing only its own.

use crate::common;

use chrono::Datelike;
use common::booking_helpers::{book, guest, property, status_id};
use common::{field_message, Client};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn year() -> i32 {
    app::domain::paris_time::in_paris(chrono::Utc::now()).year()
}

async fn open(client: &Client, id: &Value) -> Value {
    let (code, view) = client.call("invoice", json!({ "id": id })).await;
    assert_eq!(code, StatusCode::OK, "{view}");
    view
}

/// The form of the opened invoice as the editor sends it.
fn form_of(view: &Value) -> Value {
    let invoice = &view["invoice"];
    let lines: Vec<Value> = invoice["lines"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|l| {
            json!({ "reference": l["reference"], "category": l["category"], "designation": l["designation"],
                    "unit_price": l["unit_price"], "quantity": l["quantity"], "vat_rate": l["vat_rate"],
                    "tourist_tax": l["tourist_tax"] })
        })
        .collect();
    json!({
        "customer_name": invoice["customer_name"], "customer_address": invoice["customer_address"],
        "subject": invoice["subject"], "title": "invoice", "wording": "arrhes",
        "vat_enabled": invoice["vat_enabled"], "advance": invoice["advance"], "lines": lines, "lang": "fr"
    })
}

async fn issue(client: &Client, view: &Value) -> (StatusCode, Value) {
    client
        .call(
            "issue_invoice",
            json!({ "id": view["invoice"]["id"], "version": view["invoice"]["version"] }),
        )
        .await
}

async fn blank_with_line(client: &Client, customer: &str, amount: &str) -> Value {
    let (code, id) = client.call("blank_invoice", json!({})).await;
    assert_eq!(code, StatusCode::OK, "{id}");
    let view = open(client, &id).await;
    let mut form = form_of(&view);
    form["customer_name"] = json!(customer);
    form["lines"] = json!([{ "reference": "", "category": "-", "designation": "Ménage", "unit_price": amount,
                             "quantity": "1", "vat_rate": "", "tourist_tax": false }]);
    let (code, saved) = client
        .call(
            "save_invoice",
            json!({ "id": id, "version": view["invoice"]["version"], "form": form }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    saved
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("facture.pdf");
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("write: {e}"));
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) is needed: {e}"));
    String::from_utf8_lossy(&out.stdout)
        .replace(['\u{202F}', '\u{A0}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

on_both_databases! {
    async fn a_bookings_invoice_is_prefilled_issued_paid_and_credited(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let chalet = property(&admin, "Le Chalet").await;
        let option = status_id(&admin, "Option").await;
        let booking = book(&admin, &chalet, &option, ("2027-05-07", "2027-05-14"),
            guest("Marie Durand", "12 rue des Lilas\n75011 Paris", "marie@exemple.fr", "")).await;

        let (code, id) = admin.call("invoice_for_booking", json!({ "booking": booking["id"] })).await;
        assert_eq!(code, StatusCode::OK, "{id}");
        let (_, again) = admin.call("invoice_for_booking", json!({ "booking": booking["id"] })).await;
        assert_eq!(again, id, "seed 004: « vous serez redirigé vers la facture existante »");
        let view = open(&admin, &id).await;
        let invoice = &view["invoice"];
        assert_eq!(invoice["customer_name"], "Marie Durand");
        assert_eq!(invoice["number"], Value::Null);
        assert_eq!(invoice["subject"], "Séjour du 07/05/2027 au 14/05/2027 — Le Chalet");
        assert_eq!(invoice["lines"][0]["designation"], "Nuits du 07/05/2027 au 14/05/2027");
        assert_eq!(invoice["lines"][0]["quantity"], "7");
        assert_eq!(invoice["lines"][0]["category"], "Séjour");
        assert_eq!(invoice["issuer"]["name"], "Lac", "no owner: the manager issues");

        // Amounts changed on the draft go back to the booking (seed 004).
        let mut form = form_of(&view);
        form["advance"] = json!("200");
        form["lines"][0]["unit_price"] = json!("110");
        let (code, saved) = admin.call("save_invoice", json!({ "id": id, "version": invoice["version"], "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        let (_, reread) = admin.call("get_booking", json!({ "id": booking["id"] })).await;
        assert_eq!(reread["price"], "770.00", "{reread}");
        assert_eq!(reread["form"]["deposit"], "200,00");
        // A stale save is refused.
        let (code, _) = admin.call("save_invoice", json!({ "id": id, "version": invoice["version"], "form": form })).await;
        assert_eq!(code, StatusCode::CONFLICT);

        let (code, issued) = issue(&admin, &saved).await;
        assert_eq!(code, StatusCode::OK, "{issued}");
        let number = format!("{}-0001", year());
        assert_eq!(issued["invoice"]["number"], number.as_str());
        assert_eq!(issue(&admin, &saved).await.0, StatusCode::CONFLICT, "issued once");
        let (code, _) = admin.call("save_invoice", json!({ "id": id, "version": issued["invoice"]["version"], "form": form })).await;
        assert_eq!(code, StatusCode::CONFLICT, "an issued invoice is never edited");
        let (code, kept) = admin.call("delete_invoice", json!({ "id": id })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert!(kept.to_string().contains("avoir"), "{kept}");

        // Payments: more than what remains is refused; the date alone pays the rest.
        let (code, refused) = admin.call("record_payment", json!({ "id": id, "form": { "date": "", "amount": "600", "mode": "cheque" } })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&refused, "amount").as_deref(), Some("Le paiement dépasse le reste à payer (570,00 €)."));
        let (code, part) = admin.call("record_payment", json!({ "id": id, "form": { "date": "", "amount": "70", "mode": "cheque" } })).await;
        assert_eq!(code, StatusCode::OK, "{part}");
        assert_eq!(part["invoice"]["payments"][0]["date"], app::domain::paris_time::in_paris(chrono::Utc::now()).date().to_string().as_str());
        let (code, paid) = admin.call("record_payment", json!({ "id": id, "form": { "date": "20/05/2027", "amount": "", "mode": "transfer" } })).await;
        assert_eq!(code, StatusCode::OK, "{paid}");
        assert_eq!(paid["invoice"]["payments"][1]["amount"], "500.00");
        let (_, reread) = admin.call("get_booking", json!({ "id": booking["id"] })).await;
        assert_eq!(reread["form"]["status"], status_id(&admin, "Payé").await, "a paid invoice turns its booking « Payé »");
        let (_, list) = admin.call("invoices", json!({})).await;
        assert_eq!(list[0]["remaining"], "0.00");
        assert_eq!(list[0]["paid_on"], "2027-05-20");

        // The PDF, read back.
        let response = admin.http.get(format!("{}/factures/{}/pdf", admin.address, id.as_str().unwrap_or_default())).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        assert!(response.headers()["content-disposition"].to_str().unwrap_or_default().starts_with("attachment;"));
        let text = pdf_text(&response.bytes().await.unwrap_or_default());
        for expected in [format!("Facture n° {number}"), "Marie Durand".into(), "12 rue des Lilas".into(),
                         "Nuits du 07/05/2027 au 14/05/2027".into(), "770,00 €".into(), "Arrhes versées 200,00 €".into(),
                         "20/05/2027 — Virement — 500,00 €".into(), "Reste à payer 0,00 €".into()] {
            assert!(text.contains(&expected), "« {expected} » missing from: {text}");
        }

        // A credit note reverses it, within what the invoice holds.
        let (code, credit) = admin.call("credit_note", json!({ "id": id })).await;
        assert_eq!(code, StatusCode::OK, "{credit}");
        let draft = open(&admin, &credit).await;
        assert_eq!(draft["invoice"]["kind"], "CreditNote");
        assert_eq!(draft["invoice"]["corrects"][1], number.as_str());
        let mut too_much = form_of(&draft);
        too_much["lines"][0]["quantity"] = json!("8");
        let (_, bigger) = admin.call("save_invoice", json!({ "id": credit, "version": draft["invoice"]["version"], "form": too_much })).await;
        let (code, refused) = issue(&admin, &bigger).await;
        assert_eq!(code, StatusCode::CONFLICT);
        assert!(refused.to_string().contains("770,00"), "{refused}");
        let mut partial = form_of(&bigger);
        partial["lines"][0]["quantity"] = json!("2");
        let (_, partial) = admin.call("save_invoice", json!({ "id": credit, "version": bigger["invoice"]["version"], "form": partial })).await;
        let (code, credited) = issue(&admin, &partial).await;
        assert_eq!(code, StatusCode::OK, "{credited}");
        assert_eq!(credited["invoice"]["number"], format!("{}-0002", year()).as_str(), "one series, no gap");
        assert_eq!(credited["printed_title"], "Avoir");
        let (_, original) = admin.call("invoice", json!({ "id": id })).await;
        assert_eq!(original["invoice"]["credit_notes"][0][1], format!("{}-0002", year()).as_str());
        // Paid invoice: printed as "Quittance" when chosen (only once fully paid).
        assert_eq!(original["printed_title"], "Facture");
    }
}

on_both_databases! {
    async fn fifty_concurrent_issues_take_fifty_consecutive_numbers(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let mut drafts = Vec::new();
        for i in 0..50 {
            drafts.push(blank_with_line(&admin, &format!("Client {i}"), "10").await);
        }
        let mut racing = tokio::task::JoinSet::new();
        for draft in drafts {
            let client = Client { http: admin.http.clone(), address: admin.address.clone() };
            racing.spawn(async move { issue(&client, &draft).await });
        }
        let mut numbers = Vec::new();
        while let Some(done) = racing.join_next().await {
            let (code, issued) = done.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(code, StatusCode::OK, "{issued}");
            numbers.push(issued["invoice"]["number"].as_str().unwrap_or_default().to_string());
        }
        numbers.sort();
        let expected: Vec<String> = (1..=50).map(|n| format!("{}-{n:04}", year())).collect();
        assert_eq!(numbers, expected, "no gap, no duplicate");

        // Racing issues of one draft: exactly one wins, and the next number stays free.
        let draft = blank_with_line(&admin, "Client seul", "10").await;
        let mut racing = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let client = Client { http: admin.http.clone(), address: admin.address.clone() };
            let draft = draft.clone();
            racing.spawn(async move { issue(&client, &draft).await.0 });
        }
        let mut codes = Vec::new();
        while let Some(done) = racing.join_next().await {
            codes.push(done.unwrap_or_else(|e| panic!("{e}")));
        }
        assert_eq!(codes.iter().filter(|c| **c == StatusCode::OK).count(), 1, "{codes:?}");
        let next = blank_with_line(&admin, "Client suivant", "10").await;
        let (_, issued) = issue(&admin, &next).await;
        assert_eq!(issued["invoice"]["number"], format!("{}-0052", year()).as_str());
    }
}

on_both_databases! {
    async fn invoices_stay_within_their_organisation_and_roles(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        app.organisation("Mer", "admin@mer.fr").await;
        let lac = app.logged_in("admin@lac.fr").await;
        let mer = app.logged_in("admin@mer.fr").await;
        let saved = blank_with_line(&lac, "Paul", "80").await;
        let id = &saved["invoice"]["id"];
        let (code, _) = mer.call("invoice", json!({ "id": id })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _) = mer.call("issue_invoice", json!({ "id": id, "version": saved["invoice"]["version"] })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (code, _) = mer.call("delete_invoice", json!({ "id": id })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let (_, list) = mer.call("invoices", json!({})).await;
        assert_eq!(list, json!([]));
        let response = mer.http.get(format!("{}/factures/{}/pdf", mer.address, id.as_str().unwrap_or_default())).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let owner = app.user_with_role(&lac, "proprio@lac.fr", "owner").await;
        let (code, _) = owner.call("invoices", json!({})).await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        let anonymous = app.client();
        let (code, _) = anonymous.call("invoices", json!({})).await;
        assert_eq!(code, StatusCode::UNAUTHORIZED);
        // Garbage in a line: a French message at its place, nothing saved.
        let view = open(&lac, id).await;
        let mut form = form_of(&view);
        form["lines"][0]["unit_price"] = json!("douze");
        let (code, refused) = lac.call("save_invoice", json!({ "id": id, "version": view["invoice"]["version"], "form": form })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(field_message(&refused, "lines.0.unit_price").is_some(), "{refused}");
        assert_eq!(open(&lac, id).await["invoice"]["lines"][0]["unit_price"], "80.00");
    }
}

on_both_databases! {
    async fn an_issued_invoice_is_emailed_with_its_pdf(app) {
        let catcher = common::smtp::SmtpCatcher::start();
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let smtp = json!({
            "smtp_enabled": true, "host": "127.0.0.1", "port": catcher.port.to_string(), "security": "none",
            "user": "", "password": "", "password_stored": false, "sender_name": "Gîtes du Lac",
            "sender_address": "gites@lac.fr", "reply_to": "", "copy_to_sender": false, "report_recipients": "", "version": 0
        });
        let (code, _) = admin.call("save_mail_settings", json!({ "form": smtp })).await;
        assert_eq!(code, StatusCode::OK);
        let chalet = property(&admin, "Le Chalet").await;
        let option = status_id(&admin, "Option").await;
        let booking = book(&admin, &chalet, &option, ("2027-05-07", "2027-05-14"),
            guest("Marie Durand", "", "marie@exemple.fr", "")).await;
        let (_, id) = admin.call("invoice_for_booking", json!({ "booking": booking["id"] })).await;
        let (code, issued) = issue(&admin, &open(&admin, &id).await).await;
        assert_eq!(code, StatusCode::OK, "{issued}");
        let number = issued["invoice"]["number"].as_str().unwrap_or_default().to_string();

        let (code, draft) = admin.call("invoice_email_draft", json!({ "id": id, "lang": "Fr" })).await;
        assert_eq!(code, StatusCode::OK, "{draft}");
        assert_eq!(draft["recipients"], "marie@exemple.fr");
        assert!(draft["subject"].as_str().is_some_and(|s| s.contains(&number)), "the template's {{numero}}: {draft}");
        let (code, sent) = admin.call("send_invoice_email", json!({ "id": id, "draft": draft })).await;
        assert_eq!(code, StatusCode::OK, "{sent}");
        assert_eq!(sent["status"], "Sent");
        let received = catcher.received();
        let parsed = mail_parser::MessageParser::default().parse(&received[0].data).unwrap_or_else(|| panic!("a message"));
        let attachment = parsed.attachments().next().unwrap_or_else(|| panic!("the PDF attached"));
        use mail_parser::MimeHeaders;
        assert_eq!(attachment.attachment_name(), Some(format!("Facture {number}.pdf").as_str()));
        assert!(pdf_text(attachment.contents()).contains(&format!("Facture n° {number}")));
    }
}
