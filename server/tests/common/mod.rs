//! The test harness: the real Saison on 127.0.0.1:0 with a fresh database per test — an SQLite file in
//! a temporary folder, or a new PostgreSQL database when `TEST_POSTGRES_URL` is set — driven through
//! HTTP like a browser would (JSON server functions, a cookie jar).

#![allow(dead_code, missing_docs)]

pub mod booking_helpers;
pub mod feed_server;
pub mod ical;
pub mod postgres;
pub mod smtp;

use app::domain::account::{CurrentUser, Email, NewOrganisation};
use app::ports::Services;
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::config::Settings;
use server::db::Db;
use server::startup;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A running Saison.
pub struct TestApp {
    pub address: String,
    /// The database's URL (a fresh SQLite file or PostgreSQL database).
    pub database_url: String,
    pub db: Db,
    pub services: Services,
    /// Email and its outbox worker.
    pub mail: std::sync::Arc<server::mail::MailService>,
    _dir: Option<tempfile::TempDir>,
}

/// The PostgreSQL server to create test databases on, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

impl TestApp {
    /// Starts Saison on `backend` with default test settings.
    pub async fn spawn(backend: Backend) -> TestApp {
        TestApp::spawn_with(backend, |_| {}).await
    }

    /// Starts Saison on `backend` with settings adjusted by `adjust`.
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let (database_url, dir) = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
                (
                    format!("sqlite://{}/saison.db", dir.path().display()),
                    Some(dir),
                )
            }
            Backend::Postgres => {
                let admin =
                    postgres_url().unwrap_or_else(|| panic!("TEST_POSTGRES_URL is not set"));
                (postgres::fresh_postgres_database(&admin).await, None)
            }
        };
        let mut settings = test_settings(&database_url);
        adjust(&mut settings);
        let (address, saison) = serve(&settings).await;
        TestApp {
            address,
            database_url,
            db: saison.db,
            services: saison.services,
            mail: saison.mail,
            _dir: dir,
        }
    }

    /// Another app server on the same database, with its own caches and live hub, as a second
    /// instance behind a load balancer; its address.
    pub async fn another_instance(&self) -> String {
        serve(&test_settings(&self.database_url)).await.0
    }

    /// A browser-like client with its own cookie jar.
    pub fn client(&self) -> Client {
        Client::new(&self.address)
    }

    /// Creates an organisation with its admin directly through the port (not the one-time setup).
    pub async fn organisation(&self, name: &str, email: &str) -> CurrentUser {
        let organisation = NewOrganisation {
            organisation_name: name.into(),
            admin_name: format!("Admin {name}"),
            email: Email::parse(email).unwrap_or_else(|e| panic!("{e:?}")),
            password: PASSWORD.into(),
        };
        self.services
            .accounts
            .create_organisation(organisation, chrono::Utc::now())
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// A client logged in as `email` (password [`PASSWORD`]).
    pub async fn logged_in(&self, email: &str) -> Client {
        self.logged_in_with(email, PASSWORD).await
    }

    /// A client logged in as `email` with `password`.
    pub async fn logged_in_with(&self, email: &str, password: &str) -> Client {
        let client = self.client();
        let (status, body) = client.login(email, password).await;
        assert_eq!(status, StatusCode::OK, "login of {email}: {body}");
        client
    }

    /// Adds a user with `role` to the admin's organisation and returns a client logged in as them.
    pub async fn user_with_role(&self, admin: &Client, email: &str, role: &str) -> Client {
        let (status, created) = admin
            .call(
                "add_user",
                json!({ "form": { "name": "Test", "email": email, "role": role } }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{created}");
        let password = created["temporary_password"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let client = self.client();
        let (status, body) = client.login(email, &password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        client
    }
}

/// The settings of a test server on `database_url`.
fn test_settings(database_url: &str) -> Settings {
    Settings {
        database_url: database_url.to_string(),
        login_attempts_per_minute: 1000,
        max_connections: 5,
        secret_key: Some(server::mail::secret_box::SecretBox::generate().1),
        ..Settings::default()
    }
}

/// Builds Saison with `settings` and serves it on a free loopback port; its address and parts.
async fn serve(settings: &Settings) -> (String, startup::Saison) {
    let options = startup::leptos_options().unwrap_or_else(|e| panic!("leptos options: {e}"));
    let mut saison = startup::build(settings, options)
        .await
        .unwrap_or_else(|e| panic!("build: {e:#}"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("bind: {e}"));
    let address = format!(
        "http://{}",
        listener
            .local_addr()
            .unwrap_or_else(|e| panic!("addr: {e}"))
    );
    let router = std::mem::take(&mut saison.router);
    tokio::spawn(startup::serve(listener, router));
    (address, saison)
}

/// The password of organisations made by [`TestApp::organisation`].
pub const PASSWORD: &str = "mot de passe de test";

/// An HTTP client with cookies.
pub struct Client {
    pub http: reqwest::Client,
    pub address: String,
}

impl Client {
    /// A browser-like client of the server at `address`, with its own cookie jar.
    pub fn new(address: &str) -> Client {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("client: {e}"));
        Client {
            http,
            address: address.to_string(),
        }
    }

    /// A client of the server at `address`, logged in as `email` (password [`PASSWORD`]).
    pub async fn logged_in_at(address: &str, email: &str) -> Client {
        let client = Client::new(address);
        let (status, body) = client.login(email, PASSWORD).await;
        assert_eq!(status, StatusCode::OK, "login of {email}: {body}");
        client
    }

    /// Calls the server function `endpoint` with a JSON body; returns the status and the JSON answer.
    pub async fn call(&self, endpoint: &str, body: Value) -> (StatusCode, Value) {
        let response = self
            .http
            .post(format!("{}/api/{endpoint}", self.address))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// GETs `path` (with its query) as a script would; returns the status and the JSON answer.
    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let response = self
            .http
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Logs in.
    pub async fn login(&self, email: &str, password: &str) -> (StatusCode, Value) {
        self.call(
            "login",
            json!({ "form": { "email": email, "password": password } }),
        )
        .await
    }

    /// Opens the organisation's live event stream (`GET /api/events`).
    pub async fn events(&self) -> reqwest::Response {
        self.http
            .get(format!("{}/api/events", self.address))
            .header("accept", "text/event-stream")
            .send()
            .await
            .unwrap_or_else(|e| panic!("events: {e}"))
    }

    /// GETs a page as a browser would.
    pub async fn page(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.address))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

/// A valid property form with `name`.
pub fn property_form(name: &str) -> Value {
    json!({
        "name": name,
        "address": "3 chemin des Tilleuls, 24200 Sarlat",
        "capacity": "6",
        "owner_id": "",
        "pricing": "fixed",
        "rate_plan_id": "",
        "fixed_price": "95,50",
        "tourist_tax_id": "",
        "security_deposit": "300",
        "description": "Maison de pierre, trois chambres.",
        "registration_number": "",
        "classification": "unclassified",
        "principal_residence": false,
        "public_listing": true
    })
}

/// A booking form for `property` with `status`, from `arrival` to `departure` (2 adults, a new guest).
pub fn booking_form(property: &Value, status: &Value, arrival: &str, departure: &str) -> Value {
    json!({
        "stay": { "property": property, "arrival": arrival, "departure": departure, "adults": "2",
                  "children": "", "others": "", "discount": "", "forfait": "", "platform": "", "options": "" },
        "status": status,
        "customer": { "id": "", "name": "Marie Dupont", "address": "3 rue des Lilas, Annecy",
                      "emails": "marie@exemple.fr", "phones": "06 12 34 56 78" },
        "options": [], "deposit": "90", "origin": "word_of_mouth", "notes": "", "contract_message": "",
        "force": false
    })
}

/// The message of `field` in an error answer.
pub fn field_message(body: &Value, field: &str) -> Option<String> {
    body["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == field)
        .and_then(|f| f["message"].as_str())
        .map(String::from)
}

/// The next event name of an event stream within `wait` (keep-alive comments skipped); `None` if
/// nothing came.
pub async fn next_event(
    stream: &mut reqwest::Response,
    wait: std::time::Duration,
) -> Option<String> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .ok()?;
        let bytes = chunk.unwrap_or_else(|e| panic!("event stream: {e}"))?;
        let text = String::from_utf8_lossy(&bytes);
        if let Some(name) = text.lines().find_map(|line| line.strip_prefix("event:")) {
            return Some(name.trim().to_string());
        }
    }
}

/// Runs the test body on SQLite, and on PostgreSQL when `TEST_POSTGRES_URL` is set.
#[macro_export]
macro_rules! on_both_databases {
    ($(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        on_both_databases! {
            settings = |_| {};
            async fn $name($app) $body
        }
    };
    (settings = $adjust:expr; $(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($app: $crate::common::TestApp) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::TestApp::spawn_with($crate::common::Backend::Sqlite, $adjust);
                run(app.await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::common::postgres_url().is_none() {
                    eprintln!("TEST_POSTGRES_URL not set: PostgreSQL run skipped");
                    return;
                }
                let app = $crate::common::TestApp::spawn_with($crate::common::Backend::Postgres, $adjust).await;
                let database = app.database_url.clone();
                run(app).await;
                // Passed: its database goes (a failed test keeps it, to be looked at).
                if let Some(admin) = $crate::common::postgres_url() {
                    $crate::common::postgres::drop_postgres_database(&admin, &database).await;
                }
            }
        }
    };
}

/// How many bookings `property` has, read straight from the database.
pub async fn count_bookings(app: &TestApp, property: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM bookings WHERE property_id = $1";
    server::on_db!(&app.db, pool => sqlx::query_scalar(sql).bind(property).fetch_one(pool).await)
        .unwrap_or_else(|e| panic!("{e}"))
}
