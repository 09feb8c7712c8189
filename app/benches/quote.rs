//! Quote benchmarks of docs/PERFORMANCE.md: a 14-night and a 90-night stay across three overlapping
//! seasons with weekly and weekend prices, extra guests, both discounts, VAT and a percentage
//! tourist tax. Run with `cargo bench -p app --bench quote`.

#![allow(missing_docs)] // criterion_group! generates undocumented functions

use app::domain::pricing::{benchmark::scenario, quote};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn quotes(c: &mut Criterion) {
    for nights in [14, 90] {
        let (property, settings, request) = scenario(nights);
        c.bench_function(&format!("quote {nights} nights"), |b| {
            b.iter(|| {
                quote(
                    black_box(&property),
                    black_box(&settings),
                    black_box(&request),
                )
            })
        });
    }
}

criterion_group!(benches, quotes);
criterion_main!(benches);
