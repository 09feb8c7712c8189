//! Building and running Saison: database, services, sessions, routes and middleware.

use crate::bad_requests::bad_requests_are_400;
use crate::config::Settings;
use crate::db::accounts::SqlAccounts;
use crate::db::bookings::SqlBookings;
use crate::db::contracts::SqlContracts;
use crate::db::customers::SqlCustomers;
use crate::db::invoices::SqlInvoices;
use crate::db::pricing::SqlPricing;
use crate::db::properties::SqlProperties;
use crate::db::providers::SqlProviders;
use crate::db::public::SqlPublicSites;
use crate::db::statuses::SqlStatuses;
use crate::db::Db;
use crate::documents::TypstDocuments;
use crate::live::Live;
use crate::mail::secret_box::SecretBox;
use crate::mail::{MailService, RetryPolicy};
use crate::public::PublicDesk;
use crate::routes::public as public_pages;
use crate::routes::{
    contract_pdf, customer_export, ical_export, images, invoice_pdf, provider_link,
};
use crate::security::{protective_headers, refuse_cross_site};
use crate::sessions::Store;
use crate::sync::engine::Poller;
use crate::sync::export::Exporter;
use crate::sync::fetch::Fetcher;
use crate::sync::service::SqlCalendarSync;
use crate::throttle::PerMinute;
use app::ports::Services;
use app::{shell, App};
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRef, Request, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;

/// What every request handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos' settings (site root, output name…).
    pub leptos_options: LeptosOptions,
    /// The port implementations.
    pub services: Services,
    /// Live updates of this instance.
    pub live: Live,
    /// The exported calendars.
    pub exporter: Exporter,
    /// Requests per minute per client on the public endpoints.
    pub public_throttle: Arc<PerMinute>,
    /// Booking requests per minute per client on the public booking pages.
    #[from_ref(skip)]
    pub booking_throttle: Arc<PerMinute>,
    /// The public pages' service (calendar, search, booking requests).
    pub public: PublicDesk,
}

/// A built Saison, ready to serve.
pub struct Saison {
    /// The database in use.
    pub db: Db,
    /// The port implementations (also used directly by tests and the CLI).
    pub services: Services,
    /// Email and its outbox worker.
    pub mail: Arc<MailService>,
    /// Live updates of this instance.
    pub live: Live,
    /// The HTTP application.
    pub router: Router,
}

/// Leptos' settings from the environment cargo-leptos sets, with Saison's defaults otherwise.
pub fn leptos_options() -> anyhow::Result<LeptosOptions> {
    let mut options = leptos::config::get_configuration(None)?.leptos_options;
    if options.output_name.is_empty() {
        options.output_name = "saison".into();
    }
    Ok(options)
}

/// Email on `db`, with the server's key for secrets (from the settings, or the key file — created
/// on the first start).
pub fn mail_service(db: &Db, settings: &Settings) -> anyhow::Result<Arc<MailService>> {
    let secrets = match &settings.secret_key {
        Some(key) => SecretBox::from_base64(key)?,
        None => SecretBox::from_file(std::path::Path::new(&settings.secret_key_file))?,
    };
    let policy = RetryPolicy {
        first_retry: Duration::from_secs(settings.mail_retry_seconds),
        attempts: settings.mail_attempts.max(1),
        timeout: Duration::from_secs(settings.smtp_timeout_seconds.max(1)),
    };
    Ok(MailService::new(db.clone(), secrets, policy))
}

/// The calendar sync on `db`: the poller (HTTP client, per-feed locks) and the signal that wakes
/// its scheduler.
pub fn poller(db: &Db, settings: &Settings, live: &Live, mail: Arc<MailService>) -> Poller {
    let fetcher = Fetcher::new(
        Duration::from_secs(settings.sync_timeout_seconds.max(1)),
        settings.sync_allow_private_hosts,
    );
    Poller::new(db.clone(), live.clone(), fetcher, mail)
}

/// Services on `db`, announcing booking changes to `live`. The PDF renderer is the process-wide one
/// (its fonts and library are loaded once however many times this is called).
pub fn services(db: &Db, settings: &Settings, live: &Live, mail: Arc<MailService>) -> Services {
    let sync = SqlCalendarSync::new(poller(db, settings, live, mail.clone()));
    services_with(db, settings, live, mail, sync)
}

/// [`services`] with a given calendar sync (the server shares its scheduler's).
fn services_with(
    db: &Db,
    settings: &Settings,
    live: &Live,
    mail: Arc<MailService>,
    sync: SqlCalendarSync,
) -> Services {
    Services {
        accounts: Arc::new(SqlAccounts::new(db.clone())),
        properties: Arc::new(SqlProperties::new(db.clone(), live.clone())),
        pricing: Arc::new(SqlPricing::new(db.clone(), live.clone())),
        bookings: Arc::new(SqlBookings::new(db.clone(), live.clone())),
        statuses: Arc::new(SqlStatuses::new(db.clone(), live.clone())),
        customers: Arc::new(SqlCustomers::new(db.clone(), live.clone())),
        login_throttle: Arc::new(PerMinute::new(settings.login_attempts_per_minute)),
        mail,
        invoices: Arc::new(SqlInvoices::new(db.clone(), live.clone())),
        contracts: Arc::new(SqlContracts::new(db.clone())),
        documents: Arc::new(TypstDocuments::shared()),
        sync: Arc::new(sync),
        public_site: Arc::new(SqlPublicSites::new(db.clone())),
        providers: Arc::new(SqlProviders::new(db.clone())),
    }
}

/// Connects to the database, migrates it, and builds the HTTP application.
pub async fn build(settings: &Settings, leptos_options: LeptosOptions) -> anyhow::Result<Saison> {
    let db = Db::connect(&settings.database_url, settings.max_connections).await?;
    tokio::spawn(db.clone().refresh_statistics_hourly());
    let live = Live::new(&db);
    tokio::spawn(live.clone().listen());
    let mail = mail_service(&db, settings)?;
    tokio::spawn(mail.clone().run_worker());
    let poller = poller(&db, settings, &live, mail.clone());
    tokio::spawn(crate::sync::scheduler::run(poller.clone()));
    let sync = SqlCalendarSync::new(poller.clone());
    let services = services_with(&db, settings, &live, mail.clone(), sync);
    let store = Store::new(&db).await?;
    tokio::spawn(store.clone().delete_expired_hourly());
    let state = AppState {
        leptos_options,
        services: services.clone(),
        live: live.clone(),
        exporter: Exporter::new(db.clone(), settings.uid_domain()),
        public_throttle: Arc::new(PerMinute::new(settings.public_requests_per_minute)),
        booking_throttle: Arc::new(PerMinute::new(settings.public_bookings_per_minute)),
        public: PublicDesk::new(db.clone(), services.clone(), poller),
    };
    let router = router(
        state,
        store.layer(settings.secure_cookies(), settings.session_days),
    );
    Ok(Saison {
        db,
        services,
        mail,
        live,
        router,
    })
}

async fn server_functions(
    State(state): State<AppState>,
    request: Request<Body>,
) -> impl IntoResponse {
    let services = state.services.clone();
    handle_server_fns_with_context(move || provide_context(services.clone()), request).await
}

fn router(state: AppState, sessions: tower_sessions::SessionManagerLayer<Store>) -> Router {
    let routes = generate_route_list(App);
    let services = state.services.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/api/events", get(crate::events::stream))
        .route("/api/{*fn_name}", post(server_functions))
        .route("/healthz", get(|| async { "ok" }))
        .route("/exports/clients.csv", get(customer_export::csv_export))
        .route("/exports/clients.xlsx", get(customer_export::xlsx_export))
        .route("/factures/{id}/pdf", get(invoice_pdf::invoice_pdf))
        .route("/ical/{file}", get(ical_export::ical_export))
        .route("/prestataire/{file}", get(provider_link::provider_link))
        .route(
            "/public/{site}/calendrier/{home}",
            get(public_pages::calendar_page),
        )
        .route("/public/{site}/recherche", get(public_pages::search_page))
        .route(
            "/public/{site}/reserver",
            get(public_pages::request_form).post(public_pages::send_request),
        )
        .route(
            "/reservations/{id}/contrat/pdf",
            get(contract_pdf::contract_pdf),
        )
        .route(
            "/parametres/images/{kind}",
            post(images::upload_image).layer(DefaultBodyLimit::max(images::MAX_IMAGE + 64 * 1024)),
        )
        .route(
            "/parametres/images/{kind}/retirer",
            post(images::remove_image),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(services.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(bad_requests_are_400))
        .layer(axum::middleware::from_fn(refuse_cross_site))
        .layer(sessions)
        .layer(axum::middleware::from_fn(protective_headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Serves `router` on `listener` until the process is stopped (Ctrl-C or SIGTERM).
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        // Without it, streamed pages stall ~40 ms each (Nagle + delayed ACK).
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
