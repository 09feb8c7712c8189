//! The `server` command: `serve` (default), `migrate`, `demo`. See the README for the settings.

#![recursion_limit = "512"]

use anyhow::Context;
use clap::{Parser, Subcommand};
use server::config::Settings;
use server::startup;

#[derive(Parser)]
#[command(name = "saison", about = "Saison — locations saisonnières")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Load the demo organisation at start if the database is empty (same as SAISON_DEMO=true).
    #[arg(long, global = true)]
    demo: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the application (the default).
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Add the demo organisation to the database, then exit.
    Demo,
    /// Add the measurement organisation of docs/PERFORMANCE.md (a year of bookings), then exit.
    MeasureData {
        /// Properties to generate (about 80 bookings each).
        #[arg(long, default_value_t = 200)]
        properties: usize,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let mut settings = Settings::load()?;
    settings.demo |= cli.demo;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Migrate => {
            let db = server::db::Db::connect(&settings.database_url, 1).await?;
            tracing::info!(backend = db.backend(), "database migrated");
        }
        Command::Demo => {
            let db = server::db::Db::connect(&settings.database_url, 2).await?;
            let live = server::live::Live::new(&db);
            let mail = startup::mail_service(&db, &settings)?;
            let services = startup::services(&db, &settings, &live, mail);
            server::demo::load(&db, &services, chrono::Utc::now()).await?;
        }
        Command::MeasureData { properties } => {
            let db = server::db::Db::connect(&settings.database_url, 2).await?;
            let live = server::live::Live::new(&db);
            let mail = startup::mail_service(&db, &settings)?;
            let services = startup::services(&db, &settings, &live, mail);
            server::measure_data::load(&db, &services, properties, chrono::Utc::now()).await?;
        }
        Command::Serve => serve(settings).await?,
    }
    Ok(())
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let leptos_options = startup::leptos_options()?;
    let address = settings.address.unwrap_or(leptos_options.site_addr);
    let saison = startup::build(&settings, leptos_options).await?;
    if settings.demo
        && !saison
            .services
            .accounts
            .is_set_up()
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?
    {
        server::demo::load(&saison.db, &saison.services, chrono::Utc::now()).await?;
    }
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address}"))?;
    tracing::info!(
        backend = saison.db.backend(),
        "Saison écoute sur http://{address}"
    );
    startup::serve(listener, saison.router).await?;
    Ok(())
}
