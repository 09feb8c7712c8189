//! Calendar sync benchmarks of docs/PERFORMANCE.md (SPEC C9, issue 7), on SQLite and, when
//! `BENCH_POSTGRES_URL` names a server whose user may create databases, on PostgreSQL:
//!
//! 1. the first import of a 10,000-event Airbnb feed into an empty property: `Poller::poll` on a
//!    feed served by an axum server on 127.0.0.1 (fetch, hash, reader, plan, `imported::apply` in one
//!    transaction, the live announcement and the overlap check) — a new feed per run, deleted after
//!    it untimed; then the same poll taken apart, phase by phase;
//! 2. the same feed polled again when nothing changed: (a) the platform answers 304 to the conditional
//!    GET, (b) the same bytes without validators (the hash matches, nothing is parsed), (c) the same
//!    events re-formatted (LF line endings: parsed and planned, nothing written but the feed's health);
//! 3. the exported calendar of a property with 1,000 bookings (`Exporter::export`), through its
//!    property link and through the organisation's link;
//! 4. "sync now" to the planning: from the call of `Poller::poll` on a feed with three new events (and
//!    three gone) until a `Live` subscriber of the organisation hears of the change (on PostgreSQL
//!    through NOTIFY and this process's listener).
//!
//! Each figure is criterion's, followed by the median and spread of every timed run (warm-up runs
//! included). `cargo bench -p server --bench sync` (release build).

#![allow(missing_docs)] // criterion's macros and the helpers below

#[path = "../tests/common/postgres.rs"]
mod postgres;

use app::domain::account::{Email, NewOrganisation};
use app::domain::ids::{FeedId, OrganisationId, PropertyId, StatusId};
use app::domain::money::Money;
use app::domain::paris_time::in_paris;
use app::domain::sync::view::SyncOutcome;
use app::domain::sync::{plan_sync, FeedInput, Platform};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{Duration as Days, NaiveDate, Utc};
use criterion::{Criterion, SamplingMode};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use server::config::Settings;
use server::db::money::StoredMoney;
use server::db::sync::{exports, feeds, imported};
use server::db::Db;
use server::live::Live;
use server::mail::secret_box::SecretBox;
use server::sync::engine::{hex, Poller};
use server::sync::export::Exporter;
use server::sync::fetch::Fetched;
use server::sync::reader::read_feed;
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use uuid::Uuid;

/// Events of the big feed.
const EVENTS: usize = 10_000;
/// Bookings of the exported property.
const EXPORTED: usize = 1_000;
/// Events of the feed "sync now" is measured on (a year of a busy property), before the new ones.
const LIVE_BASE: usize = 40;
/// Runs of the import taken apart phase by phase.
const PHASE_RUNS: usize = 3;

#[path = "sync_parts/feeds.rs"]
mod served_feeds;
#[path = "sync_parts/timing.rs"]
mod timing;
use served_feeds::*;
use timing::*;

#[path = "sync_parts/backend.rs"]
mod backend;
use backend::*;

// ---------------------------------------------------------------------------------------------
// The figures.

fn sync(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut urls = vec![(
        "sqlite",
        format!("sqlite://{}/bench.db", dir.path().display()),
    )];
    if let Ok(admin) = std::env::var("BENCH_POSTGRES_URL") {
        urls.push((
            "postgres",
            runtime.block_on(postgres::fresh_postgres_database(&admin)),
        ));
    }
    let today = Utc::now().date_naive();
    let crlf = airbnb_feed(EVENTS, today - Days::days(30));
    let lf = crlf.replace("\r\n", "\n");
    println!(
        "feed: {EVENTS} events, {} bytes (CRLF), {} bytes (LF)",
        crlf.len(),
        lf.len()
    );
    // How the reader scales: the same shape at 1,000 and 10,000 events.
    for events in [1_000, EVENTS] {
        let body = airbnb_feed(events, today);
        let mut times: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(read_feed(body.as_bytes()).map(|read| read.events.len()))
                    .unwrap_or_else(|e| panic!("{e}"));
                start.elapsed()
            })
            .collect();
        summary(&format!("read_feed, {events} events"), &mut times);
    }
    for (name, url) in urls {
        let backend = runtime.block_on(backend(&url));
        let import_server = runtime.block_on(FeedServer::start(&crlf, Some("\"v1\"")));
        let mut group = c.benchmark_group(format!("calendar sync, {name}"));

        // 1. The first import, a new feed on an empty property each run.
        let property = runtime.block_on(backend.property("Le Grand Chalet"));
        let mut phases = Phases::default();
        for _ in 0..PHASE_RUNS {
            runtime.block_on(import_phases(
                &backend,
                property,
                &import_server.url,
                &mut phases,
            ));
        }
        phases.print(&format!("first import of {EVENTS} events, {name}"));
        let mut times = Vec::new();
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(10));
        group.bench_function("first import of 10,000 events (poll)", |b| {
            b.iter_custom(|iters| {
                runs(iters, &mut times, || {
                    runtime.block_on(async {
                        let feed = backend.feed(property, &import_server.url).await;
                        let start = Instant::now();
                        let outcome = backend.poll(feed).await;
                        let took = start.elapsed();
                        assert_eq!(outcome.changes, EVENTS as i64, "{outcome:?}");
                        backend.delete_feed(feed).await;
                        took
                    })
                })
            })
        });
        summary(&format!("first import, {name}"), &mut times);

        // 2. The same feed again, nothing changed.
        let property = runtime.block_on(backend.property("Les Mélèzes"));
        let feed = runtime.block_on(async {
            let feed = backend.feed(property, &import_server.url).await;
            backend.poll(feed).await;
            feed
        });
        group
            .sample_size(50)
            .sampling_mode(SamplingMode::Auto)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(5));
        let mut times = Vec::new();
        group.bench_function("re-poll, 304 Not Modified", |b| {
            b.iter_custom(|iters| {
                runs(iters, &mut times, || {
                    let start = Instant::now();
                    let outcome = runtime.block_on(backend.poll(feed));
                    let took = start.elapsed();
                    assert!(outcome.not_modified, "{outcome:?}");
                    took
                })
            })
        });
        summary(&format!("re-poll 304, {name}"), &mut times);

        import_server.set(&crlf, None);
        let mut times = Vec::new();
        group.bench_function("re-poll, same bytes without validators", |b| {
            b.iter_custom(|iters| {
                runs(iters, &mut times, || {
                    let start = Instant::now();
                    let outcome = runtime.block_on(backend.poll(feed));
                    let took = start.elapsed();
                    assert!(!outcome.not_modified && outcome.changes == 0, "{outcome:?}");
                    took
                })
            })
        });
        summary(&format!("re-poll same bytes, {name}"), &mut times);

        import_server.set(&lf, None);
        let mut phases = Phases::default();
        for _ in 0..PHASE_RUNS {
            runtime.block_on(reread_phases(&backend, feed, lf.as_bytes(), &mut phases));
        }
        phases.print(&format!("re-read of the same events (LF), {name}"));
        group.sample_size(20);
        let mut times = Vec::new();
        group.bench_function("re-poll, same events re-formatted (LF)", |b| {
            b.iter_custom(|iters| {
                runs(iters, &mut times, || {
                    runtime.block_on(async {
                        backend.forget_hash(feed).await;
                        let start = Instant::now();
                        let outcome = backend.poll(feed).await;
                        let took = start.elapsed();
                        assert_eq!(
                            (outcome.events, outcome.changes),
                            (EVENTS as i64, 0),
                            "{outcome:?}"
                        );
                        took
                    })
                })
            })
        });
        summary(&format!("re-poll re-formatted, {name}"), &mut times);

        // 3. The export of a property with 1,000 bookings.
        let (exporter, property_token, organisation_token) = runtime.block_on(async {
            // Its own organisation: the calendar holds exactly the property's bookings.
            let mut other = Backend {
                db: backend.db.clone(),
                live: backend.live.clone(),
                poller: backend.poller.clone(),
                settings: backend.settings.clone(),
                ..backend
            };
            other
                .join_new_organisation("Gîtes exportés (mesures)", "export@bench.fr")
                .await;
            let property = other.property("Villa Azur").await;
            other
                .bookings(property, today - Days::days(20), EXPORTED)
                .await;
            let (db, organisation) = (&other.db, other.organisation);
            let link = |property| async move {
                exports::link(db, organisation, property, false, Utc::now())
                    .await
                    .unwrap_or_else(|e| panic!("link: {e}"))
                    .token
            };
            (
                Exporter::new(other.db.clone(), "saison.example.fr".into()),
                link(Some(property)).await,
                link(None).await,
            )
        });
        let body = runtime
            .block_on(exporter.export(&property_token, None))
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no calendar behind the link"))
            .body;
        println!(
            "export: {} events, {} bytes",
            body.matches("BEGIN:VEVENT").count(),
            body.len()
        );
        assert_eq!(body.matches("BEGIN:VEVENT").count(), EXPORTED);
        group.sample_size(100);
        for (label, token) in [
            ("export, property link, 1,000 bookings", &property_token),
            (
                "export, organisation link, 1,000 bookings",
                &organisation_token,
            ),
        ] {
            let mut times = Vec::new();
            group.bench_function(label, |b| {
                b.iter_custom(|iters| {
                    runs(iters, &mut times, || {
                        let start = Instant::now();
                        let exported = runtime
                            .block_on(exporter.export(token, None))
                            .unwrap_or_else(|e| panic!("{e}"));
                        let took = start.elapsed();
                        assert!(exported.is_some());
                        took
                    })
                })
            });
            summary(&format!("{label}, {name}"), &mut times);
        }

        // 4. "Sync now" until a live subscriber hears of it.
        let property = runtime.block_on(backend.property("La Bergerie"));
        let first = today + Days::days(5);
        let live_server = runtime.block_on(FeedServer::start(&live_feed(first, 0), Some("\"0\"")));
        let feed = runtime.block_on(async {
            let feed = backend.feed(property, &live_server.url).await;
            backend.poll(feed).await;
            feed
        });
        // Let PostgreSQL's listener connect before the first measured change.
        runtime.block_on(async { tokio::time::sleep(Duration::from_secs(1)).await });
        let mut round = 0;
        let mut polls = Vec::new();
        let mut times = Vec::new();
        group.sample_size(30);
        group.bench_function("sync now → live subscriber told", |b| {
            b.iter_custom(|iters| {
                runs(iters, &mut times, || {
                    round += 1;
                    live_server.set(&live_feed(first, round), Some(&format!("\"{round}\"")));
                    runtime.block_on(async {
                        let mut told = backend.live.subscribe(backend.organisation);
                        let poller = backend.poller.clone();
                        let organisation = backend.organisation;
                        let start = Instant::now();
                        let poll =
                            tokio::spawn(async move { poller.poll(organisation, feed).await });
                        tokio::time::timeout(Duration::from_secs(10), told.recv())
                            .await
                            .unwrap_or_else(|_| panic!("no live message within 10 s"))
                            .unwrap_or_else(|e| panic!("live: {e}"));
                        let took = start.elapsed();
                        let outcome = poll
                            .await
                            .unwrap_or_else(|e| panic!("{e}"))
                            .unwrap_or_else(|e| panic!("{e}"));
                        polls.push(start.elapsed());
                        assert_eq!(outcome.changes, 6, "three added, three cancelled");
                        took
                    })
                })
            })
        });
        summary(&format!("sync now → live, {name}"), &mut times);
        summary(&format!("sync now, whole poll, {name}"), &mut polls);
        group.finish();
    }
}

criterion::criterion_group!(benches, sync);
criterion::criterion_main!(benches);
