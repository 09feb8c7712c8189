//! Planning benchmarks of docs/PERFORMANCE.md: the data of the planning for 200 properties × 365
//! days (≈ 16,000 bookings, `server::measure_data`) read through the booking port, then that data
//! serialised to JSON as the server function answers it — on SQLite, and on PostgreSQL when
//! `BENCH_POSTGRES_URL` names a server whose user may create databases.
//! Run with `cargo bench -p server --bench planning`.

#![allow(missing_docs)] // criterion_group! generates undocumented functions

#[path = "../tests/common/postgres.rs"]
mod postgres;

use app::domain::booking::PlanningWindow;
use app::domain::ids::OrganisationId;
use app::ports::Services;
use chrono::{Datelike, Duration};
use criterion::{criterion_group, criterion_main, Criterion};
use server::config::Settings;
use server::db::Db;
use server::live::Live;
use std::hint::black_box;

async fn loaded(url: &str) -> (Services, OrganisationId) {
    let db = Db::connect(url, 4)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let settings = Settings {
        secret_key: Some(server::mail::secret_box::SecretBox::generate().1),
        ..Settings::default()
    };
    let mail = server::startup::mail_service(&db, &settings).unwrap_or_else(|e| panic!("{e}"));
    let services = server::startup::services(&db, &settings, &Live::new(&db), mail);
    let admin = server::measure_data::load(&db, &services, 200, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    (services, admin.organisation_id)
}

fn planning(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut backends = vec![(
        "sqlite",
        format!("sqlite://{}/bench.db", dir.path().display()),
    )];
    if let Ok(admin) = std::env::var("BENCH_POSTGRES_URL") {
        backends.push((
            "postgres",
            runtime.block_on(postgres::fresh_postgres_database(&admin)),
        ));
    }
    let today = chrono::Utc::now().date_naive();
    let first = today.with_day(1).unwrap_or(today);
    let window = PlanningWindow::new(first, first + Duration::days(365))
        .unwrap_or_else(|| panic!("a year is a valid window"));
    for (name, url) in backends {
        let (services, organisation) = runtime.block_on(loaded(&url));
        let data = runtime
            .block_on(services.bookings.planning(organisation, window))
            .unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{name}: {} rows, {} bars", data.rows.len(), data.bars.len());
        c.bench_function(
            &format!("planning 200 properties × 365 days, {name}"),
            |b| {
                b.iter(|| {
                    runtime
                        .block_on(services.bookings.planning(black_box(organisation), window))
                        .unwrap_or_else(|e| panic!("{e}"))
                })
            },
        );
        c.bench_function(&format!("planning as JSON, {name}"), |b| {
            b.iter(|| serde_json::to_vec(black_box(&data)).unwrap_or_default())
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = planning
}
criterion_main!(benches);
