//! The SQLite query planner's statistics (`sqlite_stat1`), kept current as SQLite recommends for
//! long-lived connections: `PRAGMA optimize` at start and then every hour. Without statistics the
//! planner guesses from the indexes' shapes alone, and it chose scans of a whole organisation's
//! bookings for one home's calendar or one guest's bookings. PostgreSQL's autovacuum keeps its own.

use super::Db;
use std::time::Duration;

impl Db {
    /// Refreshes the SQLite planner's statistics of the tables whose contents changed enough since
    /// they were last measured (each table's work bounded by `analysis_limit`); nothing on
    /// PostgreSQL.
    pub async fn refresh_statistics(&self) -> Result<(), sqlx::Error> {
        if let Db::Sqlite(pool) = self {
            let mut connection = pool.acquire().await?;
            sqlx::query("PRAGMA analysis_limit = 1000")
                .execute(&mut *connection)
                .await?;
            sqlx::query("PRAGMA optimize = 0x10002")
                .execute(&mut *connection)
                .await?;
        }
        Ok(())
    }

    /// [`Db::refresh_statistics`] now and every hour, for as long as the server runs.
    pub async fn refresh_statistics_hourly(self) {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(error) = self.refresh_statistics().await {
                tracing::warn!(%error, "could not refresh the database's statistics");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_filled_table_gets_its_statistics() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}/stats.db", dir.path().display());
        let db = Db::connect(&url, 2)
            .await
            .unwrap_or_else(|e| panic!("{e:#}"));
        let Db::Sqlite(pool) = &db else {
            panic!("a SQLite URL gives a SQLite database")
        };
        sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) \
             INSERT INTO organisations (id, name, created_at) SELECT 'org' || i, 'Org', '' FROM n",
        )
        .execute(pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let measured = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        let before: i64 = sqlx::query_scalar(measured)
            .fetch_one(pool)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(before, 0, "a new database has no statistics");

        db.refresh_statistics()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let rows: Option<String> =
            sqlx::query_scalar("SELECT stat FROM sqlite_stat1 WHERE tbl = 'organisations'")
                .fetch_optional(pool)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        let rows = rows.unwrap_or_default();
        assert!(
            rows.starts_with("2000"),
            "statistics of 2,000 rows: {rows:?}"
        );
    }
}
