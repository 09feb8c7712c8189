//! A server killed in the middle of sending loses nothing and sends nothing twice (SPEC C8): the
//! real `server` binary is started on a database holding one message, its worker connects to an SMTP
//! server that never answers, and the process is killed (SIGKILL) right then — between writing the
//! message and sending it. After a restart pointed at a working SMTP server, the message arrives
//! exactly once. Both databases.

use crate::common;

use app::domain::account::{Email, NewOrganisation};
use app::domain::mail::{MailSettings, MessageStatus, OutgoingMessage, Recipients};
use common::smtp::{loopback_settings, silent_server, SmtpCatcher};
use server::config::Settings;
use server::db::Db;
use server::live::Live;
use server::startup;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

fn loopback(port: u16) -> MailSettings {
    loopback_settings(port, false)
}

/// The server binary on `database_url`, its SMTP steps timing out after 2 s (a claim lasts 12 s).
fn start_server(database_url: &str, key: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("SAISON_ADDRESS", "127.0.0.1:0")
        .env("SAISON_SECRET_KEY", key)
        .env("SAISON_SMTP_TIMEOUT_SECONDS", "2")
        .env("SAISON_MAIL_RETRY_SECONDS", "1")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start the server binary: {e}"))
}

async fn killed_between_write_and_send(database_url: String) {
    let (_, key) = server::mail::secret_box::SecretBox::generate();
    let settings = Settings {
        database_url: database_url.clone(),
        secret_key: Some(key.clone()),
        ..Settings::default()
    };
    // Write the message with the library, no worker running.
    let db = Db::connect(&database_url, 2)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let mail = startup::mail_service(&db, &settings).unwrap_or_else(|e| panic!("{e:#}"));
    let services = startup::services(&db, &settings, &Live::new(&db), mail);
    let admin = services
        .accounts
        .create_organisation(
            NewOrganisation {
                organisation_name: "Lac".into(),
                admin_name: "Admin".into(),
                email: Email::parse("admin@lac.fr").unwrap_or_else(|e| panic!("{e:?}")),
                password: common::PASSWORD.into(),
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let org = admin.organisation_id;
    let (silent_port, accepted, _silent) = silent_server();
    let saved = services
        .mail
        .save_settings(org, &loopback(silent_port), None, 0, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let message = OutgoingMessage {
        purpose: None,
        recipients: Recipients::parse("marie@exemple.fr").unwrap_or_else(|e| panic!("{e:?}")),
        subject: "Votre contrat".into(),
        body: "Bonjour Marie".into(),
        attachments: Vec::new(),
    };
    services
        .mail
        .enqueue(org, message, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));

    // The server starts, its worker claims the message and connects: kill it there.
    let mut first = start_server(&database_url, &key);
    let deadline = Instant::now() + Duration::from_secs(60);
    while accepted.load(Ordering::SeqCst) == 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(accepted.load(Ordering::SeqCst), 1, "the worker connected");
    first.kill().unwrap_or_else(|e| panic!("kill: {e}"));
    let _ = first.wait();
    let page = services
        .mail
        .outbox(org, 0, 1)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        page.messages[0].status,
        MessageStatus::Sending,
        "cut off mid-attempt"
    );
    assert_eq!(page.messages[0].attempts, 1);

    // Restarted, with a working SMTP server: the claim expires, the message is sent once.
    let catcher = SmtpCatcher::start();
    services
        .mail
        .save_settings(
            org,
            &loopback(catcher.port),
            None,
            saved.version,
            chrono::Utc::now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut second = start_server(&database_url, &key);
    let received = catcher.wait_for(1, 60).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let received_later = catcher.received();
    let page = services
        .mail
        .outbox(org, 0, 1)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = second.kill();
    let _ = second.wait();
    assert_eq!(received.len(), 1, "the message arrived after the restart");
    assert_eq!(received_later.len(), 1, "and only once");
    assert_eq!(
        page.total, 1,
        "nothing lost, nothing duplicated in the outbox"
    );
    assert_eq!(page.messages[0].status, MessageStatus::Sent);
    assert_eq!(page.messages[0].attempts, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    killed_between_write_and_send(format!("sqlite://{}/saison.db", dir.path().display())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let Some(admin) = common::postgres_url() else {
        eprintln!("TEST_POSTGRES_URL not set: PostgreSQL run skipped");
        return;
    };
    killed_between_write_and_send(common::postgres::fresh_postgres_database(&admin).await).await;
}
