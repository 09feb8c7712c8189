//! The sync bench's timing: medians and spreads of every timed run, and the import taken apart
//! phase by phase.

use super::*;

// ---------------------------------------------------------------------------------------------
// Timing.

pub(crate) fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

/// The median and spread of `times` (every timed run of one figure), printed.
pub(crate) fn summary(label: &str, times: &mut [Duration]) {
    if times.is_empty() {
        return;
    }
    times.sort();
    let at = |p: usize| millis(times[(times.len() - 1) * p / 100]);
    println!(
        "  → {label}: median {:.2} ms, p10–p90 {:.2}–{:.2} ms, min {:.2}, max {:.2} ({} runs)",
        at(50),
        at(10),
        at(90),
        at(0),
        at(100),
        times.len()
    );
}

/// Criterion's routine for `iters` runs of `one`, which returns the time of its measured part.
pub(crate) fn runs(
    iters: u64,
    times: &mut Vec<Duration>,
    mut one: impl FnMut() -> Duration,
) -> Duration {
    (0..iters)
        .map(|_| {
            let took = one();
            times.push(took);
            took
        })
        .sum()
}

/// Milliseconds of each phase of a poll, over several runs.
#[derive(Default)]
pub(crate) struct Phases(Vec<(&'static str, Vec<Duration>)>);

impl Phases {
    pub(crate) fn add(&mut self, phase: &'static str, took: Duration) {
        match self.0.iter_mut().find(|(name, _)| *name == phase) {
            Some((_, times)) => times.push(took),
            None => self.0.push((phase, vec![took])),
        }
    }

    pub(crate) fn print(&mut self, title: &str) {
        let medians: Vec<String> = self
            .0
            .iter_mut()
            .map(|(name, times)| {
                times.sort();
                format!("{name} {:.1}", millis(times[times.len() / 2]))
            })
            .collect();
        println!("  → {title}, phases (median ms): {}", medians.join(", "));
    }
}

/// The import of `body` taken apart: each step of `Poller::poll`, timed alone, on a new feed.
pub(crate) async fn import_phases(
    backend: &Backend,
    property: PropertyId,
    url: &str,
    phases: &mut Phases,
) {
    let id = backend.feed(property, url).await;
    let feed = feeds::load(&backend.db, backend.organisation, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let (db, poller) = (&backend.db, &backend.poller);
    let all = Instant::now();
    let start = Instant::now();
    let fetched = poller.fetcher.fetch(&feed.url, None, None).await;
    let Ok(Fetched::Body { bytes, etag, .. }) = fetched else {
        panic!("fetch: {fetched:?}");
    };
    phases.add("fetch", start.elapsed());
    let start = Instant::now();
    let hash = hex(&Sha256::digest(&bytes));
    phases.add("hash", start.elapsed());
    let start = Instant::now();
    let read = read_feed(&bytes).unwrap_or_else(|e| panic!("{e}"));
    phases.add("read", start.elapsed());
    let start = Instant::now();
    let known = imported::imported(db, &feed)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    phases.add("known", start.elapsed());
    let now = Utc::now();
    let start = Instant::now();
    let plan = plan_sync(&known, &read.events, in_paris(now).date(), false);
    phases.add("plan", start.elapsed());
    let validators = imported::Validators {
        etag,
        last_modified: None,
        content_hash: Some(hash),
    };
    let start = Instant::now();
    let applied = imported::apply(
        db,
        &feed,
        &plan,
        read.events.len(),
        &validators,
        now,
        now + Days::minutes(15),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    phases.add("apply", start.elapsed());
    assert_eq!(applied.changes, EVENTS as i64);
    let start = Instant::now();
    backend.live.bookings_changed(backend.organisation).await;
    phases.add("announce", start.elapsed());
    let start = Instant::now();
    server::sync::conflicts::report_conflicts(poller, &feed, &applied.touched, now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    phases.add("overlaps", start.elapsed());
    phases.add("total", all.elapsed());
    backend.delete_feed(id).await;
}

/// The no-change re-poll of (c) taken apart: read, what the feed imported, plan, apply.
pub(crate) async fn reread_phases(backend: &Backend, id: FeedId, body: &[u8], phases: &mut Phases) {
    let db = &backend.db;
    let feed = feeds::load(db, backend.organisation, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let start = Instant::now();
    let read = read_feed(body).unwrap_or_else(|e| panic!("{e}"));
    phases.add("read", start.elapsed());
    let start = Instant::now();
    let known = imported::imported(db, &feed)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    phases.add("known", start.elapsed());
    let now = Utc::now();
    let start = Instant::now();
    let plan = plan_sync(&known, &read.events, in_paris(now).date(), false);
    phases.add("plan", start.elapsed());
    assert!(plan.changes.is_empty(), "{} changes", plan.changes.len());
    let validators = imported::Validators {
        etag: None,
        last_modified: None,
        content_hash: Some(hex(&Sha256::digest(body))),
    };
    let start = Instant::now();
    imported::apply(
        db,
        &feed,
        &plan,
        read.events.len(),
        &validators,
        now,
        now + Days::minutes(15),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    phases.add("apply", start.elapsed());
}
