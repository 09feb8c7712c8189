//! The outbox against real SMTP servers on 127.0.0.1 (SPEC C8, seed 004 "Envoi par email des
//! contrats et des factures"), on both databases: a message arrives with its attachment, headers
//! and the sender's copy; a refusing server's reply is kept word for word and not retried; a
//! temporary refusal is retried later; a server that is down is retried until it comes back; with
//! no SMTP server the message is held, not pretended sent; an attempt cut off in the middle (the
//! worker's claim never finished) is taken over and the message arrives exactly once; the SMTP
//! password is stored sealed and never read back.

use crate::common;

use app::domain::account::Email;
use app::domain::ids::OrganisationId;
use app::domain::mail::{
    Attachment, MailSettings, MessageStatus, OutgoingMessage, Recipients, SendFailure,
};
use common::smtp::{closed_port, loopback_settings, SmtpCatcher};
use common::TestApp;
use mail_parser::MessageParser;
use server::config::Settings;

/// Retries after one second, SMTP steps time out after one second.
fn quick(settings: &mut Settings) {
    settings.mail_retry_seconds = 1;
    settings.smtp_timeout_seconds = 1;
}

fn email(text: &str) -> Email {
    Email::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The loopback server's settings with a reply-to address and the sender's copy.
fn loopback(port: u16) -> MailSettings {
    MailSettings {
        reply_to: Some(email("reservations@lac.fr")),
        ..loopback_settings(port, true)
    }
}

async fn organisation(app: &TestApp, settings: Option<MailSettings>) -> OrganisationId {
    let admin = app.organisation("Lac", "admin@lac.fr").await;
    if let Some(settings) = settings {
        app.services
            .mail
            .save_settings(
                admin.organisation_id,
                &settings,
                None,
                0,
                chrono::Utc::now(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    admin.organisation_id
}

fn contract(recipients: &str) -> OutgoingMessage {
    OutgoingMessage {
        purpose: None,
        recipients: Recipients::parse(recipients).unwrap_or_else(|e| panic!("{e:?}")),
        subject: "Contrat de location — Le Chalet, du 07/05/2027 au 14/05/2027".into(),
        body: "Bonjour Marie,\n\nVeuillez trouver ci-joint le contrat.\n\nGîtes du Lac".into(),
        attachments: vec![Attachment {
            name: "Contrat Le Chalet.pdf".into(),
            content_type: "application/pdf".into(),
            content: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 contrat\n%%EOF".to_vec(),
        }],
    }
}

async fn send(
    app: &TestApp,
    organisation: OrganisationId,
    message: OutgoingMessage,
) -> app::domain::mail::OutboxMessage {
    let mail = &app.services.mail;
    let id = mail
        .enqueue(organisation, message, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    mail.send_now(organisation, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

on_both_databases! {
    async fn a_message_arrives_with_its_attachment_headers_and_copy(app) {
        let catcher = SmtpCatcher::start();
        let organisation = organisation(&app, Some(loopback(catcher.port))).await;
        let sent = send(&app, organisation, contract("marie@exemple.fr, paul@exemple.fr")).await;
        assert_eq!(sent.status, MessageStatus::Sent, "{:?}", sent.last_failure);
        assert_eq!(sent.attempts, 1);
        assert!(sent.sent_at.is_some());

        let received = catcher.received();
        assert_eq!(received.len(), 1, "one message, the copy travels in its envelope");
        let envelope = &received[0];
        assert_eq!(envelope.from, "gites@lac.fr");
        // Seed 004: "l'original pour le client, vous en copie".
        assert_eq!(envelope.to, ["marie@exemple.fr", "paul@exemple.fr", "gites@lac.fr"]);

        let parsed = MessageParser::default().parse(&envelope.data).unwrap_or_else(|| panic!("unparsable"));
        assert_eq!(parsed.subject(), Some("Contrat de location — Le Chalet, du 07/05/2027 au 14/05/2027"));
        let from = parsed.from().and_then(|a| a.first()).unwrap_or_else(|| panic!("no From"));
        assert_eq!(from.name(), Some("Gîtes du Lac"));
        assert_eq!(from.address(), Some("gites@lac.fr"));
        let reply_to = parsed.reply_to().and_then(|a| a.first()).and_then(|a| a.address());
        assert_eq!(reply_to, Some("reservations@lac.fr"));
        let to: Vec<&str> = parsed.to().map(|a| a.iter().filter_map(|m| m.address()).collect()).unwrap_or_default();
        assert_eq!(to, ["marie@exemple.fr", "paul@exemple.fr"]);
        assert!(parsed.bcc().is_none(), "the guest does not see the sender's copy");
        assert!(parsed.message_id().is_some_and(|id| id.ends_with("@lac.fr")));
        assert!(parsed.body_text(0).is_some_and(|b| b.contains("Veuillez trouver ci-joint le contrat.")));
        let attachment = parsed.attachment(0).unwrap_or_else(|| panic!("no attachment"));
        assert_eq!(mail_parser::MimeHeaders::attachment_name(attachment), Some("Contrat Le Chalet.pdf"));
        assert_eq!(attachment.contents(), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 contrat\n%%EOF");

        // The outbox lists it, newest first, with its attachment.
        let page = app.services.mail.outbox(organisation, 0, 20).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.total, 1);
        assert_eq!(page.messages[0].attachments[0].name, "Contrat Le Chalet.pdf");
        assert_eq!(page.messages[0].copy_to.as_deref(), Some("gites@lac.fr"));
    }
}

on_both_databases! {
    settings = quick;
    async fn a_permanent_refusal_keeps_the_servers_words_and_is_not_retried(app) {
        let catcher = SmtpCatcher::refusing(550, "5.1.1 Mailbox marie@exemple.fr unknown");
        let organisation = organisation(&app, Some(loopback(catcher.port))).await;
        let failed = send(&app, organisation, contract("marie@exemple.fr")).await;
        assert_eq!(failed.status, MessageStatus::Failed);
        assert_eq!(
            failed.last_failure,
            Some(SendFailure::Refused { code: 550, message: "5.1.1 Mailbox marie@exemple.fr unknown".into() })
        );
        assert_eq!(failed.next_attempt_at, None);
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        let later = app.services.mail.outbox(organisation, 0, 1).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(later.messages[0].attempts, 1, "no retry after a permanent refusal");
        assert_eq!(later.failed, 1);
    }
}

on_both_databases! {
    async fn a_temporary_refusal_is_retried_later(app) {
        let catcher = SmtpCatcher::refusing(451, "4.3.0 Try again later");
        let organisation = organisation(&app, Some(loopback(catcher.port))).await;
        let deferred = send(&app, organisation, contract("marie@exemple.fr")).await;
        assert_eq!(deferred.status, MessageStatus::Pending);
        assert_eq!(
            deferred.last_failure,
            Some(SendFailure::Deferred { code: 451, message: "4.3.0 Try again later".into() })
        );
        let next = deferred.next_attempt_at.unwrap_or_else(|| panic!("no retry planned"));
        assert!(next > chrono::Utc::now() + chrono::Duration::seconds(30), "first retry a minute later");
    }
}

on_both_databases! {
    settings = quick;
    async fn a_server_that_is_down_is_retried_until_it_comes_back(app) {
        let port = closed_port();
        let organisation = organisation(&app, Some(loopback(port))).await;
        let first = send(&app, organisation, contract("marie@exemple.fr")).await;
        assert_eq!(first.status, MessageStatus::Pending);
        assert!(matches!(first.last_failure, Some(SendFailure::Unreachable { .. })), "{:?}", first.last_failure);

        let catcher = SmtpCatcher::on_port(port);
        let received = catcher.wait_for(1, 60).await;
        assert_eq!(received.len(), 1);
        let mut message = first;
        for _ in 0..100 {
            message = app.services.mail.outbox(organisation, 0, 1).await.unwrap_or_else(|e| panic!("{e}")).messages.remove(0);
            if message.status == MessageStatus::Sent { break; }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(message.status, MessageStatus::Sent);
        assert!(message.attempts >= 2);
        assert_eq!(message.last_failure, None);
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(catcher.received().len(), 1, "sent once");
    }
}

on_both_databases! {
    async fn without_smtp_messages_are_held_not_pretended_sent(app) {
        let organisation = organisation(&app, None).await;
        let held = send(&app, organisation, contract("marie@exemple.fr")).await;
        assert_eq!(held.status, MessageStatus::Held);
        assert_eq!(held.attempts, 0);
        assert_eq!(held.sent_at, None);

        // Once a server is configured, "retry" sends it.
        let catcher = SmtpCatcher::start();
        app.services.mail.save_settings(organisation, &loopback(catcher.port), None, 0, chrono::Utc::now())
            .await.unwrap_or_else(|e| panic!("{e}"));
        let sent = app.services.mail.retry(organisation, held.id, held.version, chrono::Utc::now())
            .await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sent.status, MessageStatus::Sent);
        assert_eq!(catcher.received().len(), 1);
    }
}

/// A pending message written straight to the outbox (the worker is not woken).
async fn app_message(app: &TestApp, organisation: OrganisationId) -> app::domain::ids::MessageId {
    let id = app::domain::ids::MessageId(uuid::Uuid::now_v7());
    let attachments = [];
    let message = server::db::mail::outbox::NewMessage {
        id,
        status: MessageStatus::Pending,
        purpose: None,
        sender_name: "Gîtes du Lac",
        sender_address: Some("gites@lac.fr"),
        reply_to: None,
        recipients: "marie@exemple.fr",
        copy_to: None,
        subject: "Contrat",
        body: "Bonjour",
        message_id_header: "<cut-off@lac.fr>",
        attachments: &attachments,
    };
    server::db::mail::outbox::insert(&app.db, organisation, &message, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    id
}

on_both_databases! {
    settings = quick;
    async fn an_attempt_cut_off_in_the_middle_is_taken_over_and_sent_once(app) {
        let catcher = SmtpCatcher::start();
        let organisation = organisation(&app, Some(loopback(catcher.port))).await;
        // Written without waking the worker, then claimed by a worker that dies before sending:
        // its lease (1 ms here) runs out.
        let id = app_message(&app, organisation).await;
        let claim = server::db::mail::outbox::claim(&app.db, organisation, id, chrono::Utc::now(), 1, true)
            .await.unwrap_or_else(|e| panic!("{e}"));
        assert!(claim.is_some());
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        app.mail.wake();
        let received = catcher.wait_for(1, 60).await;
        assert_eq!(received.len(), 1, "the worker took the abandoned attempt over");
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        assert_eq!(catcher.received().len(), 1, "exactly once");
        let message = app.services.mail.outbox(organisation, 0, 1).await.unwrap_or_else(|e| panic!("{e}")).messages.remove(0);
        assert_eq!(message.status, MessageStatus::Sent);
        assert_eq!(message.attempts, 2);
    }
}

on_both_databases! {
    async fn the_smtp_password_is_stored_sealed_and_never_read_back(app) {
        let organisation = organisation(&app, None).await;
        let mut settings = loopback(2525);
        if let Some(server) = settings.smtp.as_mut() {
            server.user = Some("gites@lac.fr".into());
        }
        let saved = app.services.mail
            .save_settings(organisation, &settings, Some("mot-de-passe-tres-secret"), 0, chrono::Utc::now())
            .await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(saved.password, "");
        assert!(saved.password_stored);
        let sealed: Vec<u8> = server::db::on_db!(&app.db, pool => sqlx::query_scalar(
            "SELECT sealed_password FROM mail_settings").fetch_one(pool).await).unwrap_or_else(|e| panic!("{e}"));
        assert!(!String::from_utf8_lossy(&sealed).contains("secret"));

        // Saving without a new password keeps it; a stale version is a conflict.
        let again = app.services.mail.save_settings(organisation, &settings, None, saved.version, chrono::Utc::now())
            .await.unwrap_or_else(|e| panic!("{e}"));
        assert!(again.password_stored);
        let stale = app.services.mail.save_settings(organisation, &settings, None, saved.version, chrono::Utc::now()).await;
        assert!(matches!(stale, Err(app::ports::PortError::Conflict)));
        // A server without a login forgets the password.
        let no_login = app.services.mail.save_settings(organisation, &loopback(2525), None, again.version, chrono::Utc::now())
            .await.unwrap_or_else(|e| panic!("{e}"));
        assert!(!no_login.password_stored);
    }
}
