//! The database: one SQLite file (default) or PostgreSQL, chosen by `DATABASE_URL`.
//!
//! Not sqlx's `Any` driver (it has no dates or decimals): two concrete pools behind [`Db`], and the
//! [`on_db!`] macro that runs the same `$1`-style SQL on whichever pool is in use. Migrations live in
//! `server/migrations/sqlite` and `server/migrations/postgres` and run at start.

pub mod accounts;
pub mod bookings;
pub mod contracts;
pub mod customers;
pub mod invoices;
pub mod mail;
pub mod money;
pub mod passwords;
pub mod pricing;
pub mod properties;
pub mod providers;
pub mod public;
pub mod rows;
pub mod settings_row;
mod statistics;
pub mod statuses;
pub mod sync;

use anyhow::Context;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

/// A connection pool to the configured database.
#[derive(Clone, Debug)]
pub enum Db {
    /// The embedded SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL server.
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to the concrete pool: the same code is compiled once per backend.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}
pub use crate::on_db;

/// Why a change that matched no row failed: [`PortError::NotFound`] if the organisation has no row
/// `id` in `table` (any more), else [`PortError::Conflict`] (its version moved on). `table` is always
/// one of ours, never user input.
pub async fn conflict_or_missing(
    db: &Db,
    table: &'static str,
    organisation: app::domain::ids::OrganisationId,
    id: &str,
) -> app::ports::PortError {
    use app::ports::PortError;
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE organisation_id = $1 AND id = $2");
    let count: Result<i64, _> = on_db!(db, pool => sqlx::query_scalar(&sql)
        .bind(organisation.to_string())
        .bind(id)
        .fetch_one(pool)
        .await);
    match count {
        Ok(0) => PortError::NotFound,
        Ok(_) => PortError::Conflict,
        Err(error) => internal(error),
    }
}

impl Db {
    /// Connects to `url` (creating the SQLite file and its folder if needed) and runs the migrations.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Db> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await
                .context("cannot connect to PostgreSQL")?;
            Db::Postgres(pool)
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .with_context(|| format!("invalid SQLite URL {url}"))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            if let Some(parent) = options.get_filename().parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).with_context(|| {
                        format!("cannot create the folder {}", parent.display())
                    })?;
                }
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .connect_with(options)
                .await
                .context("cannot open the SQLite database")?;
            Db::Sqlite(pool)
        } else {
            anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres:// (got {url})");
        };
        db.migrate().await?;
        Ok(db)
    }

    /// Applies the migrations of the backend in use.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite(pool) => sqlx::migrate!("migrations/sqlite").run(pool).await,
            Db::Postgres(pool) => sqlx::migrate!("migrations/postgres").run(pool).await,
        }
        .context("database migration failed")
    }

    /// The backend's name, for logs.
    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "SQLite",
            Db::Postgres(_) => "PostgreSQL",
        }
    }
}

/// Turns a storage failure into the port error (details are logged by the api layer, not shown).
pub fn internal(error: impl std::fmt::Display) -> app::ports::PortError {
    app::ports::PortError::Internal(error.to_string())
}

/// Opening a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`: the write lock is taken
/// at once, so two writers queue behind the busy timeout instead of the second one failing when it
/// upgrades a read lock. PostgreSQL's row locks need nothing more than `BEGIN`.
pub trait BeginWrite {
    /// The backend.
    type Backend: sqlx::Database;
    /// Begins a transaction meant to write.
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, Self::Backend>, sqlx::Error>,
    > + Send;
}

impl BeginWrite for SqlitePool {
    type Backend = sqlx::Sqlite;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>,
    > + Send {
        self.begin_with("BEGIN IMMEDIATE")
    }
}

impl BeginWrite for PgPool {
    type Backend = sqlx::Postgres;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>,
    > + Send {
        self.begin()
    }
}
