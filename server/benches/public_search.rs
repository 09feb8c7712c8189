//! The public booking search of docs/PERFORMANCE.md (SPEC C10): 500 listed homes (the measurement
//! organisation of `server::measure_data`, a year of bookings), searched for 7 nights just after
//! that year so that every home is free and priced — the most work a search can do: the catalogue
//! read (homes, tariffs, settings), the taken nights of the window, 500 quotes, sorted; then the same
//! search asked again, answered from the public pages' cache (`server/src/public/cache.rs`). On SQLite,
//! and on PostgreSQL when `BENCH_POSTGRES_URL` names a server whose user may create databases.
//! Run with `cargo bench -p server --bench public_search`.

#![allow(missing_docs)] // criterion_group! generates undocumented functions

#[path = "../tests/common/postgres.rs"]
mod postgres;

use app::domain::public::SearchForm;
use chrono::{Datelike, Duration};
use criterion::{criterion_group, criterion_main, Criterion};
use server::config::Settings;
use server::db::Db;
use server::live::Live;
use server::public::PublicDesk;
use std::hint::black_box;

async fn desk(url: &str) -> (PublicDesk, server::db::public::sites::Site) {
    let db = Db::connect(url, 4)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let settings = Settings {
        secret_key: Some(server::mail::secret_box::SecretBox::generate().1),
        ..Settings::default()
    };
    let live = Live::new(&db);
    let mail = server::startup::mail_service(&db, &settings).unwrap_or_else(|e| panic!("{e}"));
    let services = server::startup::services(&db, &settings, &live, mail.clone());
    let poller = server::startup::poller(&db, &settings, &live, mail);
    let admin = server::measure_data::load(&db, &services, 500, chrono::Utc::now())
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let site = server::db::public::sites::of(&db, admin.organisation_id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    (PublicDesk::new(db, services, poller), site)
}

fn public_search(c: &mut Criterion) {
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
    let first = today.with_day(1).unwrap_or(today) + Duration::days(370);
    let form = SearchForm {
        arrival: first.to_string(),
        departure: (first + Duration::days(7)).to_string(),
        adults: "2".into(),
        children: String::new(),
    };
    let wanted = form
        .validate(today)
        .unwrap_or_else(|e| panic!("a valid search: {e:?}"));
    for (name, url) in backends {
        let (desk, site) = runtime.block_on(desk(&url));
        let offers = runtime.block_on(async {
            let catalogue = desk.catalogue(&site).await?;
            desk.search(&site, &catalogue, &wanted).await
        });
        let offers = offers.unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{name}: {} homes offered", offers.len());
        c.bench_function(
            &format!("public search, 500 homes, 7 nights ({name})"),
            |b| {
                b.iter(|| {
                    runtime.block_on(async {
                        let catalogue = desk
                            .catalogue(&site)
                            .await
                            .unwrap_or_else(|e| panic!("{e}"));
                        let offers = desk
                            .search(&site, &catalogue, &wanted)
                            .await
                            .unwrap_or_else(|e| panic!("{e}"));
                        black_box(offers.len())
                    })
                });
            },
        );
        c.bench_function(
            &format!("public search, 500 homes, 7 nights, asked before: from the cache ({name})"),
            |b| {
                b.iter(|| {
                    runtime.block_on(async {
                        let (_, offers) = desk
                            .cached_search(&site, &wanted)
                            .await
                            .unwrap_or_else(|e| panic!("{e}"));
                        black_box(offers.len())
                    })
                });
            },
        );
    }
}

criterion_group!(benches, public_search);
criterion_main!(benches);
