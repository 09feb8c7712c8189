//! A fresh PostgreSQL database per test or benchmark run, created on the server of an admin URL.
//! Shared by the tests (`common`) and the benchmarks (included with `#[path]`).

/// Creates a database with a unique name on the server of `admin_url`; returns its URL (the admin
/// URL's query, such as `sslmode`, kept).
pub async fn fresh_postgres_database(admin_url: &str) -> String {
    let name = format!("saison_test_{}", uuid::Uuid::now_v7().simple());
    let mut admin = admin_connection(admin_url).await;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| panic!("create database: {e}"));
    let (base, query) = admin_url
        .split_once('?')
        .map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let server = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// A connection to the server of `admin_url`.
async fn admin_connection(admin_url: &str) -> sqlx::PgConnection {
    use sqlx::Connection;
    sqlx::PgConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL admin URL: {e}"))
}

/// Drops the test database of `database_url` on the server of `admin_url`, closing the connections
/// the test's app servers still hold; a full run would otherwise leave about a hundred databases
/// (≈ 1.4 GB) behind. (The benchmarks keep theirs, to be looked at.)
#[allow(dead_code)] // used by the tests, not by the benchmarks that include this file
pub async fn drop_postgres_database(admin_url: &str, database_url: &str) {
    let without_query = database_url.split('?').next().unwrap_or(database_url);
    let Some((_, name)) = without_query.rsplit_once('/') else {
        return;
    };
    if !name.starts_with("saison_test_") {
        return;
    }
    let mut admin = admin_connection(admin_url).await;
    // No new connection from the app's background tasks between the termination and the drop.
    let closed = format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false");
    let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    let mut last_error = None;
    for _attempt in 0..5 {
        let _ = sqlx::query(&closed).execute(&mut admin).await;
        // FORCE cannot terminate a process of another role (an autovacuum worker on a
        // non-superuser's database): such a worker ends in a moment, so the drop is tried again.
        match sqlx::query(&drop).execute(&mut admin).await {
            Ok(_) => return,
            Err(e) => last_error = Some(e),
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    // Cleaning up is a courtesy to the disk, not part of the test: a passed test stays passed.
    if let Some(e) = last_error {
        eprintln!("warning: test database {name} left behind: {e}");
    }
}
