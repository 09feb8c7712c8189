//! Email through HTTP as the browser uses it, on both databases: the settings form (validation per
//! field, the password never sent back, stale versions refused), the test email reporting the SMTP
//! server's answer, templates whose unknown placeholders are refused with the valid ones, a booking's
//! email drafted from its template and sent with the sender's copy, the outbox with retry and
//! cancel — and who may do what, each organisation seeing only its own.

use crate::common;

use common::booking_helpers::{book, guest, property, status_id};
use common::smtp::SmtpCatcher;
use common::{field_message, Client};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn settings_form(port: u16, version: i64) -> Value {
    json!({
        "smtp_enabled": true, "host": "127.0.0.1", "port": port.to_string(), "security": "none",
        "user": "", "password": "", "password_stored": false, "sender_name": "Gîtes du Lac",
        "sender_address": "gites@lac.fr", "reply_to": "", "copy_to_sender": true, "report_recipients": "", "version": version
    })
}

async fn configure(client: &Client, port: u16) -> Value {
    let (code, current) = client.call("mail_settings", json!({})).await;
    assert_eq!(code, StatusCode::OK, "{current}");
    let version = current["version"].as_i64().unwrap_or_default();
    let (code, saved) = client
        .call(
            "save_mail_settings",
            json!({ "form": settings_form(port, version) }),
        )
        .await;
    assert_eq!(code, StatusCode::OK, "{saved}");
    saved
}

on_both_databases! {
    async fn the_settings_are_validated_field_by_field_and_keep_their_password(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let (code, empty) = admin.call("mail_settings", json!({})).await;
        assert_eq!(code, StatusCode::OK);
        assert_eq!(empty["smtp_enabled"], false, "the embedded default: no server, messages kept");
        assert_eq!(empty["version"], 0);

        let mut bad = settings_form(0, 0);
        bad["host"] = json!("smtp lac");
        bad["port"] = json!("99999");
        bad["sender_address"] = json!("gites");
        bad["report_recipients"] = json!("direction@lac.fr, compta");
        let (code, refused) = admin.call("save_mail_settings", json!({ "form": bad })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_message(&refused, "host").as_deref(), Some("Nom de serveur invalide, par exemple smtp.exemple.fr."));
        assert_eq!(field_message(&refused, "port").as_deref(), Some("Indiquez un nombre entre 1 et 65535."));
        assert!(field_message(&refused, "sender_address").is_some());
        assert!(field_message(&refused, "report_recipients").is_some_and(|m| m.contains("« compta »")));

        let mut with_password = settings_form(2525, 0);
        with_password["user"] = json!("gites@lac.fr");
        with_password["password"] = json!("tres-secret");
        let (code, saved) = admin.call("save_mail_settings", json!({ "form": with_password })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(saved["password"], "");
        assert_eq!(saved["password_stored"], true);
        let (_, read) = admin.call("mail_settings", json!({})).await;
        assert!(!read.to_string().contains("tres-secret"), "the password never comes back");

        // From the old version: refused.
        let (code, _) = admin.call("save_mail_settings", json!({ "form": settings_form(2525, 0) })).await;
        assert_eq!(code, StatusCode::CONFLICT);
    }
}

on_both_databases! {
    async fn the_test_email_reports_the_servers_answer(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;

        // No server yet: kept, not pretended sent.
        let (code, held) = admin.call("send_test_email", json!({ "to": "moi@lac.fr" })).await;
        assert_eq!(code, StatusCode::OK, "{held}");
        assert_eq!(held["status"], "Held");

        let catcher = SmtpCatcher::start();
        configure(&admin, catcher.port).await;
        let (code, sent) = admin.call("send_test_email", json!({ "to": "moi@lac.fr" })).await;
        assert_eq!(code, StatusCode::OK, "{sent}");
        assert_eq!(sent["status"], "Sent");
        let received = catcher.received();
        assert_eq!(received.len(), 1);
        assert!(String::from_utf8_lossy(&received[0].data).contains("Saison : email de test"));

        let refusing = SmtpCatcher::refusing(550, "5.7.1 Relaying denied");
        let (_, current) = admin.call("mail_settings", json!({})).await;
        let form = settings_form(refusing.port, current["version"].as_i64().unwrap_or_default());
        admin.call("save_mail_settings", json!({ "form": form })).await;
        let (_, failed) = admin.call("send_test_email", json!({ "to": "moi@lac.fr" })).await;
        assert_eq!(failed["status"], "Failed");
        assert_eq!(failed["last_failure"], json!({ "Refused": { "code": 550, "message": "5.7.1 Relaying denied" } }));
        // The navigation counts it beside "Envois"; a visitor gets 0, not an error.
        let (code, count) = admin.call("failed_messages", json!({})).await;
        assert_eq!((code, count), (StatusCode::OK, json!(1)));
        let (code, count) = app.client().call("failed_messages", json!({})).await;
        assert_eq!((code, count), (StatusCode::OK, json!(0)));

        let (code, refused) = admin.call("send_test_email", json!({ "to": "moi@, toi@lac.fr" })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(field_message(&refused, "to").is_some_and(|m| m.contains("« moi@ »")));
    }
}

on_both_databases! {
    async fn templates_refuse_unknown_placeholders_and_go_back_to_the_default(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let (code, list) = admin.call("mail_templates", json!({ "lang": "Fr" })).await;
        assert_eq!(code, StatusCode::OK, "{list}");
        let confirmed = list.as_array().and_then(|l| l.iter().find(|t| t["purpose"] == "BookingConfirmed")).cloned()
            .unwrap_or_else(|| panic!("no booking confirmation template"));
        assert_eq!(confirmed["version"], 0);
        assert_eq!(confirmed["template"], confirmed["default"]);

        let (code, refused) = admin.call("save_mail_template", json!({ "purpose": "BookingConfirmed", "lang": "Fr",
            "template": { "subject": "Séjour de {client}", "body": "Bonjour {prenom}, code {numero}" }, "version": 0 })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            field_message(&refused, "body").as_deref(),
            Some("Champs inconnus : {prenom}, {numero}. Champs possibles : {client}, {logement}, {arrivee}, {depart}, {nuits}, {montant}, {lien}, {organisation}.")
        );

        let own = json!({ "subject": "Bienvenue {client}", "body": "Rendez-vous au {logement} le {arrivee}." });
        let (code, saved) = admin.call("save_mail_template", json!({ "purpose": "BookingConfirmed", "lang": "Fr",
            "template": own, "version": 0 })).await;
        assert_eq!(code, StatusCode::OK, "{saved}");
        assert_eq!(saved["version"], 1);
        let (code, _) = admin.call("save_mail_template", json!({ "purpose": "BookingConfirmed", "lang": "Fr",
            "template": own, "version": 0 })).await;
        assert_eq!(code, StatusCode::CONFLICT, "a second first save from the default");
        let (_, english) = admin.call("mail_templates", json!({ "lang": "En" })).await;
        assert!(english.as_array().is_some_and(|l| l.iter().all(|t| t["version"] == 0)), "languages are separate");

        let (code, reset) = admin.call("reset_mail_template", json!({ "purpose": "BookingConfirmed", "lang": "Fr", "version": 1 })).await;
        assert_eq!(code, StatusCode::OK, "{reset}");
        assert_eq!(reset["version"], 0);
        assert_eq!(reset["template"], confirmed["default"]);
    }
}

on_both_databases! {
    async fn a_bookings_email_is_drafted_from_its_template_and_sent_with_the_copy(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let catcher = SmtpCatcher::start();
        configure(&admin, catcher.port).await;
        let chalet = property(&admin, "Le Chalet").await;
        let paid = status_id(&admin, "Payé").await;
        let saved = book(&admin, &chalet, &paid, ("2027-05-07", "2027-05-14"),
            guest("Marie Durand", "", "marie@exemple.fr, marie.pro@exemple.fr", "")).await;

        let (code, draft) = admin.call("booking_email_draft", json!({ "booking": saved["id"], "purpose": "BookingConfirmed", "lang": "Fr" })).await;
        assert_eq!(code, StatusCode::OK, "{draft}");
        assert_eq!(draft["recipients"], "marie@exemple.fr, marie.pro@exemple.fr");
        assert_eq!(draft["subject"], "Réservation confirmée — Le Chalet, du 07/05/2027 au 14/05/2027");
        assert!(draft["body"].as_str().is_some_and(|b| b.starts_with("Bonjour Marie Durand,")
            && b.contains("au logement « Le Chalet » du 07/05/2027 au 14/05/2027 (7 nuits), pour un montant de 700,00 €")
            && b.ends_with("Lac")), "{draft}");
        assert_eq!(draft["copy_to"], "gites@lac.fr");

        // Another organisation cannot draft from this booking.
        app.organisation("Mer", "admin@mer.fr").await;
        let mer = app.logged_in("admin@mer.fr").await;
        let (code, _) = mer.call("booking_email_draft", json!({ "booking": saved["id"], "purpose": "BookingConfirmed", "lang": "Fr" })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);

        let mut edited = draft.clone();
        edited["body"] = json!("Bonjour Marie,\nà bientôt au Chalet !");
        let (code, sent) = admin.call("send_email", json!({ "draft": edited })).await;
        assert_eq!(code, StatusCode::OK, "{sent}");
        assert_eq!(sent["status"], "Sent");
        let received = catcher.received();
        assert_eq!(received[0].to, ["marie@exemple.fr", "marie.pro@exemple.fr", "gites@lac.fr"]);
        assert!(String::from_utf8_lossy(&received[0].data).contains("au Chalet !"));

        let mut bad = draft.clone();
        bad["recipients"] = json!("marie@exemple.fr; pas-une-adresse");
        let (code, refused) = admin.call("send_email", json!({ "draft": bad })).await;
        assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(field_message(&refused, "recipients").is_some());
        assert_eq!(catcher.received().len(), 1, "nothing sent on a refused draft");
    }
}

on_both_databases! {
    async fn the_outbox_lists_retries_and_cancels_within_the_organisation(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        app.organisation("Mer", "admin@mer.fr").await;
        let lac = app.logged_in("admin@lac.fr").await;
        let mer = app.logged_in("admin@mer.fr").await;
        // Without a server: two messages held.
        lac.call("send_test_email", json!({ "to": "un@lac.fr" })).await;
        let (_, held) = lac.call("send_test_email", json!({ "to": "deux@lac.fr" })).await;

        let (code, page) = lac.call("outbox", json!({ "page": 0 })).await;
        assert_eq!(code, StatusCode::OK, "{page}");
        assert_eq!(page["total"], 2);
        assert_eq!(page["messages"][0]["recipients"], "deux@lac.fr", "newest first");
        let (_, other) = mer.call("outbox", json!({ "page": 0 })).await;
        assert_eq!(other["total"], 0, "another organisation sees none of them");
        let (code, _) = mer.call("cancel_message", json!({ "id": held["id"], "version": held["version"] })).await;
        assert_eq!(code, StatusCode::NOT_FOUND);

        let (code, cancelled) = lac.call("cancel_message", json!({ "id": held["id"], "version": held["version"] })).await;
        assert_eq!(code, StatusCode::OK, "{cancelled}");
        assert_eq!(cancelled["status"], "Cancelled");
        let (code, stale) = lac.call("retry_message", json!({ "id": held["id"], "version": held["version"] })).await;
        assert_eq!(code, StatusCode::CONFLICT, "{stale}");

        let catcher = SmtpCatcher::start();
        configure(&lac, catcher.port).await;
        let first = &page["messages"][1];
        let (code, sent) = lac.call("retry_message", json!({ "id": first["id"], "version": first["version"] })).await;
        assert_eq!(code, StatusCode::OK, "{sent}");
        assert_eq!(sent["status"], "Sent");
        assert_eq!(catcher.received().len(), 1, "the cancelled one stays unsent");
    }
}

on_both_databases! {
    async fn only_admins_configure_and_only_admins_and_managers_send(app) {
        app.organisation("Lac", "admin@lac.fr").await;
        let admin = app.logged_in("admin@lac.fr").await;
        let manager = app.user_with_role(&admin, "gestion@lac.fr", "manager").await;
        let owner = app.user_with_role(&admin, "proprio@lac.fr", "owner").await;
        let provider = app.user_with_role(&admin, "menage@lac.fr", "provider").await;
        let anonymous = app.client();

        let (code, _) = manager.call("mail_settings", json!({})).await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        let (code, _) = manager.call("save_mail_settings", json!({ "form": settings_form(25, 0) })).await;
        assert_eq!(code, StatusCode::FORBIDDEN);
        let (code, _) = manager.call("outbox", json!({ "page": 0 })).await;
        assert_eq!(code, StatusCode::OK);
        let (code, _) = manager.call("mail_templates", json!({ "lang": "Fr" })).await;
        assert_eq!(code, StatusCode::OK);
        for client in [&owner, &provider] {
            for (endpoint, body) in [
                ("outbox", json!({ "page": 0 })),
                ("mail_templates", json!({ "lang": "Fr" })),
                ("send_test_email", json!({ "to": "x@lac.fr" })),
                ("send_email", json!({ "draft": { "purpose": null, "recipients": "x@lac.fr", "subject": "s", "body": "b", "copy_to": null } })),
            ] {
                let (code, _) = client.call(endpoint, body).await;
                assert_eq!(code, StatusCode::FORBIDDEN, "{endpoint}");
            }
        }
        let (code, _) = anonymous.call("outbox", json!({ "page": 0 })).await;
        assert_eq!(code, StatusCode::UNAUTHORIZED);
    }
}
