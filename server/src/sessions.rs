//! Session storage in the same database as the data (so several app servers share sessions), and the
//! cookie policy: HttpOnly, SameSite=Lax (a link from an email arrives logged in), Secure behind https.

use crate::db::Db;
use async_trait::async_trait;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{ExpiredDeletion, Result as StoreResult, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "saison_session";

/// The session store of the configured backend.
#[derive(Clone, Debug)]
pub enum Store {
    /// Sessions in the SQLite file.
    Sqlite(SqliteStore),
    /// Sessions in PostgreSQL.
    Postgres(PostgresStore),
}

impl Store {
    /// The store for `db`, with its table created if needed.
    pub async fn new(db: &Db) -> anyhow::Result<Store> {
        let store = match db {
            Db::Sqlite(pool) => Store::Sqlite(SqliteStore::new(pool.clone())),
            Db::Postgres(pool) => Store::Postgres(PostgresStore::new(pool.clone())),
        };
        match &store {
            Store::Sqlite(s) => s.migrate().await?,
            Store::Postgres(s) => s.migrate().await?,
        }
        Ok(store)
    }

    /// Deletes expired sessions every hour, forever (run as a task).
    pub async fn delete_expired_hourly(self) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let result = match &self {
                Store::Sqlite(s) => s.delete_expired().await,
                Store::Postgres(s) => s.delete_expired().await,
            };
            if let Err(error) = result {
                tracing::warn!(%error, "could not delete expired sessions");
            }
        }
    }

    /// The session layer with Saison's cookie policy.
    pub fn layer(self, secure: bool, inactivity_days: i64) -> SessionManagerLayer<Store> {
        SessionManagerLayer::new(self)
            .with_name(SESSION_COOKIE)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(secure)
            .with_expiry(Expiry::OnInactivity(time::Duration::days(inactivity_days)))
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> StoreResult<()> {
        match self {
            Store::Sqlite(s) => s.create(record).await,
            Store::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> StoreResult<()> {
        match self {
            Store::Sqlite(s) => s.save(record).await,
            Store::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> StoreResult<Option<Record>> {
        match self {
            Store::Sqlite(s) => s.load(id).await,
            Store::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> StoreResult<()> {
        match self {
            Store::Sqlite(s) => s.delete(id).await,
            Store::Postgres(s) => s.delete(id).await,
        }
    }
}
