//! Messages per second through the outbox to an SMTP server on 127.0.0.1 (mailin-embedded, in this
//! process): 1,000 messages are written to the outbox, then the worker sends them all. Prints the
//! writing rate and the sending rate, on SQLite and (with `BENCH_POSTGRES_URL`) PostgreSQL.
//!
//! `cargo bench -p server --bench outbox` (release build).

#![allow(missing_docs)]

#[path = "../tests/common/postgres.rs"]
mod postgres;

#[path = "../tests/common/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use app::domain::account::{Email, NewOrganisation};
use app::domain::mail::{OutgoingMessage, Recipients};
use server::config::Settings;
use server::db::Db;
use server::live::Live;
use server::mail::secret_box::SecretBox;
use server::startup;
use std::time::{Duration, Instant};

const MESSAGES: usize = 1_000;

async fn run(name: &str, url: &str) {
    let settings = Settings {
        database_url: url.to_string(),
        secret_key: Some(SecretBox::generate().1),
        ..Settings::default()
    };
    let db = Db::connect(url, 8)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let mail = startup::mail_service(&db, &settings).unwrap_or_else(|e| panic!("{e:#}"));
    let services = startup::services(&db, &settings, &Live::new(&db), mail.clone());
    let admin = services
        .accounts
        .create_organisation(
            NewOrganisation {
                organisation_name: "Bench".into(),
                admin_name: "Admin".into(),
                email: Email::parse("admin@bench.fr").unwrap_or_else(|e| panic!("{e:?}")),
                password: "mot de passe de banc".into(),
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let catcher = smtp::SmtpCatcher::start();
    let mail_settings = smtp::loopback_settings(catcher.port, true);
    services
        .mail
        .save_settings(
            admin.organisation_id,
            &mail_settings,
            None,
            0,
            chrono::Utc::now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let recipients = Recipients::parse("marie@exemple.fr").unwrap_or_else(|e| panic!("{e:?}"));
    let body = "Bonjour Marie,\n\nVeuillez trouver ci-joint votre facture.\n".repeat(10);

    let written = Instant::now();
    for i in 0..MESSAGES {
        let message = OutgoingMessage {
            purpose: None,
            recipients: recipients.clone(),
            subject: format!("Facture 2027-{i:04}"),
            body: body.clone(),
            attachments: Vec::new(),
        };
        services
            .mail
            .enqueue(admin.organisation_id, message, chrono::Utc::now())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let writing = written.elapsed();

    let sending = Instant::now();
    tokio::spawn(mail.clone().run_worker());
    let received = catcher.wait_for(MESSAGES, 600).await.len();
    let sent = sending.elapsed();
    assert_eq!(received, MESSAGES, "every message arrived");
    println!(
        "outbox, {name}: {MESSAGES} messages written in {:.2} s ({:.0}/s), sent in {:.2} s ({:.0} messages/s)",
        writing.as_secs_f64(),
        MESSAGES as f64 / writing.as_secs_f64(),
        sent.as_secs_f64(),
        MESSAGES as f64 / sent.as_secs_f64().max(f64::EPSILON),
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    runtime.block_on(run(
        "SQLite",
        &format!("sqlite://{}/bench.db", dir.path().display()),
    ));
    if let Ok(admin) = std::env::var("BENCH_POSTGRES_URL") {
        let url = runtime.block_on(postgres::fresh_postgres_database(&admin));
        runtime.block_on(run("PostgreSQL", &url));
    }
}
