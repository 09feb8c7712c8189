//! Contracts through HTTP as the browser uses them, on both databases: the settings (validated,
//! versioned), a booking's contract written on first opening with the seed's particular conditions,
//! edited and kept, regenerated on demand, its PDF read back with pdftotext (logo and signature
//! sent by the settings' plain forms), sent by email with the PDF attached, and each organisation
//! seeing only its own.

use crate::common;

use common::booking_helpers::{guest, property, save_booking, status_id};
use common::smtp::SmtpCatcher;
use common::{field_message, Client};
use mail_parser::MimeHeaders;
use reqwest::StatusCode;
use serde_json::{json, Value};

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="black"/></svg>"#;

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("contrat.pdf");
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("write: {e}"));
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
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

async fn upload(client: &Client, kind: &str, file: &[u8]) -> String {
    let boundary = "saisonboundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"f\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let response = client
        .http
        .post(format!("{}/parametres/images/{kind}", client.address))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("origin", client.address.clone())
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // The test client does not follow redirects: read where the form is sent back.
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_else(|| panic!("a redirect, got {}", response.status()))
        .to_string();
    location
        .split_once('?')
        .map(|(_, query)| query.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

async fn booking_with_deposit(client: &Client) -> Value {
    let chalet = property(client, "Le Chalet").await;
    let option = status_id(client, "Option").await;
    let form = json!({
        "stay": { "property": chalet, "arrival": "2027-07-03", "departure": "2027-07-10", "adults": "2",
                  "children": "1", "others": "", "discount": "", "forfait": "", "platform": "", "options": "" },
        "status": option,
        "customer": guest("Paul Martin", "4 rue Haute\n69001 Lyon", "paul@exemple.fr", ""),
        "options": [], "deposit": "200", "origin": "", "notes": "", "contract_message": "Arrivée prévue vers 20 h.",
        "force": true
    });
    let (code, saved) = save_booking(client, Value::Null, 0, &form).await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    saved
}

on_both_databases! {
    async fn a_bookings_contract_is_written_edited_regenerated_and_printed(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let (code, settings) = admin.call("contract_settings", json!({})).await;
        assert_eq!(code, StatusCode::OK, "{settings}");
        let mut form = settings["form"].clone();
        assert_eq!(form["version"], 0);
        assert!(form["general_conditions"].as_str().is_some_and(|c| c.contains("arrhes")), "default conditions");
        form["balance_terms"] = json!("à régler 30 jours avant l'arrivée");
        form["deposit_mode"] = json!("fixed");
        form["deposit_value"] = json!("cinq cents");
        let (code, refused) = admin.call("save_contract_settings", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(field_message(&refused, "deposit_value").is_some(), "{refused}");
        form["deposit_value"] = json!("500");
        form["deposit_label"] = json!("Caution");
        form["special_conditions"] = json!("Animaux non admis.");
        let (code, saved) = admin.call("save_contract_settings", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        let (code, _) = admin.call("save_contract_settings", json!({ "form": form })).await;
        assert_eq!(code, StatusCode::CONFLICT, "a stale save is refused");

        let booking = booking_with_deposit(&admin).await;
        let (code, opened) = admin.call("booking_contract", json!({ "booking": booking["id"] })).await;
        assert_eq!(code, StatusCode::OK, "{opened}");
        let blocks = opened["contract"]["blocks"].as_array().cloned().unwrap_or_default();
        let text = |key: &str| blocks.iter().filter(|b| b["key"] == key).map(|b| b["text"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>().join("\n");
        assert!(text("parties").contains("Paul Martin, demeurant 4 rue Haute, 69001 Lyon"), "{}", text("parties"));
        assert!(text("stay").contains("Du 03/07/2027 au 10/07/2027."));
        assert!(text("stay").contains("Nombre de nuitées : 7"));
        assert!(text("stay").contains("Enfant : 1"));
        assert!(text("conditions").contains("Prix du séjour : 700,00 €"), "{}", text("conditions"));
        assert!(text("conditions").contains("Arrhes à verser à la signature du contrat : 200,00 €"));
        assert!(text("conditions").contains("Solde du séjour : 500,00 €, à régler 30 jours avant l'arrivée"));
        assert!(text("conditions").contains("Caution : 500,00 €"));
        assert_eq!(text("message"), "Arrivée prévue vers 20 h.");
        assert_eq!(text("special"), "Animaux non admis.");

        // Opening again gives the same contract; edits are kept.
        let mut edited = opened["contract"]["blocks"].clone();
        edited[0]["text"] = json!("Entre Lac et Paul Martin — texte revu.");
        let (code, saved) = admin.call("save_contract", json!({ "booking": booking["id"], "version": opened["contract"]["version"], "blocks": edited })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        let (code, _) = admin.call("save_contract", json!({ "booking": booking["id"], "version": opened["contract"]["version"], "blocks": edited })).await;
        assert_eq!(code, StatusCode::CONFLICT);
        let (_, again) = admin.call("booking_contract", json!({ "booking": booking["id"] })).await;
        assert_eq!(again["contract"]["blocks"][0]["text"], "Entre Lac et Paul Martin — texte revu.");

        // Images through the settings' plain forms.
        assert_eq!(upload(&admin, "signature", SVG.as_bytes()).await, "image=saved");
        assert_eq!(upload(&admin, "logo", SVG.as_bytes()).await, "image=saved");
        let (_, with_images) = admin.call("contract_settings", json!({})).await;
        assert_eq!(with_images["logo"][0], "svg");
        assert_eq!(with_images["signature"][0], "svg");
        assert_eq!(upload(&admin, "logo", b"GIF89a....").await, "image=refused");
        assert_eq!(upload(&admin, "logo", &vec![b'x'; 1_200_000]).await, "image=too_big");

        let response = admin.http.get(format!("{}/reservations/{}/contrat/pdf", admin.address, booking["id"].as_str().unwrap_or_default())).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let text = pdf_text(&response.bytes().await.unwrap_or_default());
        for expected in ["Contrat de location saisonnière", "Entre Lac et Paul Martin — texte revu.", "Prix du séjour : 700,00 €",
                         "Caution : 500,00 €", "Animaux non admis.", "Conditions générales"] {
            assert!(text.contains(expected), "« {expected} » missing from: {text}");
        }

        // Regenerate: the booking as it is now, edits discarded; in English on request.
        let (code, fresh) = admin.call("regenerate_contract", json!({ "booking": booking["id"], "version": saved["contract"]["version"], "lang": "en", "manual_deposit": "" })).await;
        assert_eq!(code, StatusCode::OK, "{fresh}");
        assert!(fresh["contract"]["blocks"][0]["text"].as_str().is_some_and(|t| t.contains("hereafter \"the tenant\"")), "{fresh}");
        assert_eq!(fresh["contract"]["lang"], "en");
    }
}

on_both_databases! {
    async fn the_contract_is_sent_with_its_pdf_and_stays_in_its_organisation(app) {
        let catcher = SmtpCatcher::start();
        app.organisation("Lac", "admin@lac.fr").await;
        app.organisation("Mer", "admin@mer.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let mer = app.logged_in("admin@mer.fr").await;
        let smtp = json!({
            "smtp_enabled": true, "host": "127.0.0.1", "port": catcher.port.to_string(), "security": "none",
            "user": "", "password": "", "password_stored": false, "sender_name": "Gîtes du Lac",
            "sender_address": "gites@lac.fr", "reply_to": "", "copy_to_sender": false, "report_recipients": "", "version": 0
        });
        let (code, _) = admin.call("save_mail_settings", json!({ "form": smtp })).await;
        assert_eq!(code, StatusCode::OK);
        let booking = booking_with_deposit(&admin).await;
        let (code, _) = admin.call("booking_contract", json!({ "booking": booking["id"] })).await;
        assert_eq!(code, StatusCode::OK);

        let (code, draft) = admin.call("contract_email_draft", json!({ "booking": booking["id"], "lang": "Fr" })).await;
        assert_eq!(code, StatusCode::OK, "{draft}");
        assert_eq!(draft["recipients"], "paul@exemple.fr");
        let (code, sent) = admin.call("send_contract_email", json!({ "booking": booking["id"], "draft": draft })).await;
        assert_eq!(code, StatusCode::OK, "{sent}");
        assert_eq!(sent["status"], "Sent");
        let received = catcher.received();
        let parsed = mail_parser::MessageParser::default().parse(&received[0].data).unwrap_or_else(|| panic!("a message"));
        let attachment = parsed.attachments().next().unwrap_or_else(|| panic!("the PDF attached"));
        assert_eq!(attachment.attachment_name(), Some("Contrat de location Paul Martin 2027-07-03.pdf"));
        assert!(pdf_text(attachment.contents()).contains("Contrat de location saisonnière"));

        // Another organisation sees nothing of it.
        let (code, _) = mer.call("booking_contract", json!({ "booking": booking["id"] })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        let response = mer.http.get(format!("{}/reservations/{}/contrat/pdf", mer.address, booking["id"].as_str().unwrap_or_default())).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (code, _) = mer.call("send_contract_email", json!({ "booking": booking["id"], "draft": draft })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);
        assert_eq!(catcher.received().len(), 1);
    }
}

on_both_databases! {
    async fn a_grouped_booking_has_one_contract_and_one_invoice(app) {
        // Seed 004: « Pour les réservations groupées, un contrat unique est généré. Ce contrat reprend
        // le montant global de la réservation, additionne l'ensemble des dépôts de garantie et annexe
        // successivement l'état descriptif de chaque logement » ; « Une facture unique est créée ».
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let chalet = property(&admin, "Le Chalet").await;
        let grange = property(&admin, "La Grange").await;
        let status = status_id(&admin, "Option").await;
        let mut form = common::booking_form(&chalet, &status, "2027-07-03", "2027-07-10");
        form["force"] = json!(true);
        form["grouped"] = json!(true);
        form["group"] = json!([{ "booking": null, "version": 0, "property": grange, "adults": "2", "children": "",
            "others": "", "options": [], "forfait": "", "deposit": "60", "included": true }]);
        let (code, saved) = save_booking(&admin, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        let other = saved["group"][0][0].clone();

        let (_, from_first) = admin.call("booking_contract", json!({ "booking": saved["id"] })).await;
        let (_, from_other) = admin.call("booking_contract", json!({ "booking": other })).await;
        assert_eq!(from_first["contract"], from_other["contract"], "one contract for the group");
        let blocks = from_first["contract"]["blocks"].as_array().cloned().unwrap_or_default();
        let text = |key: &str| blocks.iter().filter(|b| b["key"] == key).map(|b| b["text"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>().join("\n");
        assert!(text("home").contains("Le Chalet") && text("home").contains("La Grange"), "{}", text("home"));
        assert!(text("conditions").contains("Prix du séjour : 1\u{202F}400,00 €"), "{}", text("conditions"));
        assert!(text("conditions").contains("Arrhes à verser à la signature du contrat : 150,00 €"), "90 + 60: {}", text("conditions"));
        assert!(text("conditions").contains("Dépôt de garantie : 600,00 €"), "300 + 300: {}", text("conditions"));
        assert_eq!(blocks.iter().filter(|b| b["key"] == "description").count(), 2);

        let (_, invoice) = admin.call("invoice_for_booking", json!({ "booking": saved["id"] })).await;
        let (_, same) = admin.call("invoice_for_booking", json!({ "booking": other })).await;
        assert_eq!(invoice, same, "one invoice for the group");
        let (_, view) = admin.call("invoice", json!({ "id": invoice })).await;
        let lines = view["invoice"]["lines"].as_array().cloned().unwrap_or_default();
        assert!(lines[0]["designation"].as_str().is_some_and(|d| d.starts_with("Le Chalet — Nuits du 03/07/2027")), "{lines:?}");
        assert!(lines[1]["designation"].as_str().is_some_and(|d| d.starts_with("La Grange — ")), "{lines:?}");
        assert_eq!(view["invoice"]["advance"], "150.00");

        // A draft's new amounts go to the group: the booking it was made from takes what the other
        // member does not carry, so the group's total is the invoice's.
        let mut draft = view["invoice"].clone();
        draft["lines"][0]["unit_price"] = json!("110");
        let lines: Vec<Value> = draft["lines"].as_array().cloned().unwrap_or_default().into_iter().map(|l| json!({
            "reference": l["reference"], "category": l["category"], "designation": l["designation"], "unit_price": l["unit_price"],
            "quantity": l["quantity"], "vat_rate": l["vat_rate"], "tourist_tax": l["tourist_tax"] })).collect();
        let form = json!({ "customer_name": draft["customer_name"], "customer_address": draft["customer_address"], "subject": draft["subject"],
            "title": "invoice", "wording": "arrhes", "vat_enabled": false, "advance": "200", "lines": lines, "lang": "fr" });
        let (code, saved_draft) = admin.call("save_invoice", json!({ "id": invoice, "version": draft["version"], "form": form })).await;
        assert_eq!(code, StatusCode::OK, "{saved_draft}");
        let (_, first) = admin.call("get_booking", json!({ "id": saved["id"] })).await;
        let (_, second) = admin.call("get_booking", json!({ "id": other })).await;
        assert_eq!(second["price"], "700.00", "the other member keeps its price");
        assert_eq!(first["price"], "770.00", "1470 − 700");
        assert_eq!(first["group_price"], "1470.00");
        assert_eq!(first["form"]["deposit"], "140,00", "200 − 60");
    }
}

on_both_databases! {
    async fn options_taken_have_a_total_and_options_offered_only_their_price(app) {
        // Seed 004: « Si une option a une quantité à 0, le montant total n'est pas imprimé (utile par
        // exemple pour indiquer le prix des options sans engagement ferme) » ; the balance leaves
        // options out.
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let option = |label: &str, price: &str| json!({ "id": null, "form": { "label": label, "unit_price": price, "vat_rate": "" } });
        let (_, cleaning) = admin.call("save_charge_option", option("Ménage", "80")).await;
        let (_, sheets) = admin.call("save_charge_option", option("Draps", "15")).await;
        let chalet = property(&admin, "Le Chalet").await;
        let status = status_id(&admin, "Option").await;
        let mut form = common::booking_form(&chalet, &status, "2027-07-03", "2027-07-10");
        form["force"] = json!(true);
        form["options"] = json!([{ "option": cleaning["id"], "quantity": "1" }, { "option": sheets["id"], "quantity": "0" }]);
        let (code, saved) = save_booking(&admin, Value::Null, 0, &form).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(saved["price"], "780.00", "the offered option is not charged");
        let (_, reread) = admin.call("get_booking", json!({ "id": saved["id"] })).await;
        assert_eq!(reread["form"]["options"][1]["quantity"], "0", "kept as offered");

        let (_, opened) = admin.call("booking_contract", json!({ "booking": saved["id"] })).await;
        let conditions = opened["contract"]["blocks"].as_array().cloned().unwrap_or_default().into_iter()
            .find(|b| b["key"] == "conditions").map(|b| b["text"].as_str().unwrap_or_default().to_string()).unwrap_or_default();
        assert!(conditions.contains("Prix du séjour : 700,00 €"), "{conditions}");
        assert!(conditions.contains("Ménage : 1 × 80,00 € = 80,00 €"), "{conditions}");
        assert!(conditions.contains("Draps : 15,00 € (sur demande)"), "{conditions}");
        assert!(conditions.contains("Total des options : 80,00 €"), "{conditions}");
        assert!(conditions.contains("Solde du séjour : 610,00 €"), "700 − 90 of arrhes: {conditions}");
    }
}
