//! Invoice PDFs with typst in process (server/src/documents): the warm render of one realistic
//! invoice (criterion, and p50/p95 over 200 renders of the same invoice and of 200 different ones —
//! the same data again is mostly a memoisation hit), a batch of 500 different invoices
//! (total time and the process's peak memory, VmHWM), and the typst CLI on the same template and
//! data (`TYPST_CLI` or `typst` on PATH; process spawn included, median of 20 runs).
//!
//! `cargo bench -p server --bench documents` (release build).

#![allow(missing_docs)]

use app::domain::invoice::{
    InvoicePrint, PrintColumns, PrintLine, PrintParty, PrintSection, PrintTotal,
};
use app::domain::money::Money;
use criterion::Criterion;
use server::documents::TypstDocuments;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const BATCH: u32 = 500;
const CLI_RUNS: usize = 20;

const CUSTOMERS: [&str; 8] = [
    "Jean Martin",
    "Sophie Bernard",
    "Lucas Petit",
    "Camille Durand",
    "Hugo Leroy",
    "Chloé Moreau",
    "Louis Fournier",
    "Emma Girard",
];
const PROPERTIES: [&str; 4] = ["Le Chalet", "La Bergerie", "Les Mélèzes", "Villa Azur"];

/// A realistic invoice; `seed` varies the customer, the stay and the amounts.
fn invoice(seed: u32) -> InvoicePrint {
    let nights = 3 + seed % 12;
    let night_price = 9_000 + i64::from(seed % 17) * 1_000;
    let lodging = night_price * i64::from(nights);
    let lines = [
        (format!("Hébergement ({nights} nuits)"), night_price, nights),
        (
            "Ménage de fin de séjour\nlinge de lit compris".to_string(),
            9_500,
            1,
        ),
        ("Location de linge de toilette".to_string(), 200, 6),
    ];
    let subtotal: i64 = lines.iter().map(|(_, p, q)| p * i64::from(*q)).sum();
    let tax = 20 * i64::from(nights) * 4 + i64::from(seed % 5) * 10;
    let euros = |cents: i64| Money::from_cents(cents).format_fr();
    let day = 1 + seed % 20;
    let property = PROPERTIES[seed as usize % PROPERTIES.len()];
    InvoicePrint {
        lang: "fr".into(),
        title: format!("Facture n° 2026-{:04}", seed + 1),
        date_line: format!("Date : {:02}/08/2026", day),
        watermark: String::new(),
        issuer: PrintParty {
            name: "Marie Dupont".into(),
            lines: vec![
                "12 chemin des Alpages".into(),
                "74400 Chamonix-Mont-Blanc".into(),
                "SIRET 123 456 789 00012".into(),
            ],
        },
        customer_heading: "Client".into(),
        customer: PrintParty {
            name: CUSTOMERS[seed as usize % CUSTOMERS.len()].into(),
            lines: vec![
                format!("{} rue des Lilas", 1 + seed % 90),
                "69003 Lyon".into(),
            ],
        },
        references: vec![format!(
            "Séjour du {day:02}/07/2026 au {:02}/07/2026 — {property}",
            day + nights
        )],
        columns: PrintColumns {
            reference: "Réf.".into(),
            designation: "Désignation".into(),
            unit_price: "Prix unitaire".into(),
            quantity: "Qté".into(),
            vat_rate: String::new(),
            amount: "Montant".into(),
        },
        lines: lines
            .iter()
            .map(|(designation, price, quantity)| PrintLine {
                reference: String::new(),
                designation: designation.clone(),
                unit_price: euros(*price),
                quantity: quantity.to_string(),
                vat_rate: String::new(),
                amount: euros(price * i64::from(*quantity)),
            })
            .collect(),
        totals: vec![
            total("Sous-total", euros(subtotal), false),
            total("Taxe de séjour", euros(tax), false),
            total("Total TTC", euros(subtotal + tax), true),
        ],
        payments_heading: "Règlements".into(),
        payments: vec![format!("12/06/2026 — Virement — {}", euros(lodging / 4))],
        sections: vec![
            PrintSection {
                heading: "Mentions légales".into(),
                text: "TVA non applicable, article 293 B du CGI.\nEn cas de retard de paiement, \
                       indemnité forfaitaire pour frais de recouvrement : 40 €."
                    .into(),
            },
            PrintSection {
                heading: "Coordonnées bancaires".into(),
                text: "IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP882".into(),
            },
        ],
        footer: "Marie Dupont — SIRET 123 456 789 00012 — Page".into(),
    }
}

fn total(label: &str, amount: String, strong: bool) -> PrintTotal {
    PrintTotal {
        label: label.into(),
        amount,
        strong,
    }
}

fn render(renderer: &TypstDocuments, print: &InvoicePrint) -> Vec<u8> {
    renderer
        .render_invoice(print)
        .unwrap_or_else(|e| panic!("render: {e}"))
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

/// The `p`-th percentile (0–100) of sorted durations, in milliseconds.
fn percentile(sorted: &[Duration], p: usize) -> f64 {
    millis(sorted[(sorted.len() - 1) * p / 100])
}

/// A `Vm…:` line of /proc/self/status, in MiB (0 where there is no /proc).
fn vm_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|value| {
            value
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

/// First render, then 500 different invoices in a row: total time and peak memory.
fn batch(renderer: &TypstDocuments) {
    let before = vm_mib("VmHWM");
    let start = Instant::now();
    let pdf = render(renderer, &invoice(0));
    println!(
        "first invoice (cold caches): {:.1} ms, {} bytes",
        millis(start.elapsed()),
        pdf.len()
    );
    let prints: Vec<InvoicePrint> = (1..=BATCH).map(invoice).collect();
    let start = Instant::now();
    let bytes: usize = prints
        .iter()
        .map(|print| render(renderer, print).len())
        .sum();
    let elapsed = start.elapsed();
    println!(
        "batch of {BATCH} different invoices: {:.0} ms ({:.2} ms per invoice, {:.0} KiB per PDF); \
         peak memory (VmHWM) {before:.1} MiB before, {:.1} MiB after; VmRSS after {:.1} MiB",
        millis(elapsed),
        millis(elapsed) / f64::from(BATCH),
        bytes as f64 / f64::from(BATCH) / 1024.0,
        vm_mib("VmHWM"),
        vm_mib("VmRSS"),
    );
}

/// p50 and p95 of timed renders of `prints`, in milliseconds.
fn timed(renderer: &TypstDocuments, prints: &[InvoicePrint]) -> (f64, f64) {
    let mut times: Vec<Duration> = prints
        .iter()
        .map(|print| {
            let start = Instant::now();
            black_box(render(renderer, print));
            start.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 50), percentile(&times, 95))
}

/// Criterion's figure for the same invoice rendered again (typst's memoisation then skips most of
/// the layout), then p50/p95 of 200 renders of the same invoice and of 200 different invoices
/// (what a server does: the realistic warm figure). Returns the latter's p50.
fn warm(criterion: &mut Criterion, renderer: &TypstDocuments, print: &InvoicePrint) -> f64 {
    criterion.bench_function("invoice pdf warm", |b| {
        b.iter(|| render(renderer, black_box(print)))
    });
    let (p50, p95) = timed(renderer, &vec![print.clone(); 200]);
    println!(
        "invoice pdf warm, same invoice again: p50 {p50:.2} ms, p95 {p95:.2} ms (200 renders)"
    );
    let different: Vec<InvoicePrint> = (10_000..10_200).map(invoice).collect();
    let (p50, p95) = timed(renderer, &different);
    println!("invoice pdf warm, a different invoice each time: p50 {p50:.2} ms, p95 {p95:.2} ms (200 renders)");
    p50
}

/// The typst binary: `TYPST_CLI`, else `typst` on PATH.
fn typst_cli() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TYPST_CLI") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("typst"))
        .find(|candidate| candidate.is_file())
}

/// `typst compile` on the same template and data, process spawn included.
fn cli(print: &InvoicePrint, in_process_p50: f64) {
    let Some(typst) = typst_cli() else {
        println!("typst CLI: skipped (set TYPST_CLI or put `typst` on PATH)");
        return;
    };
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let template = include_str!("../src/documents/templates/invoice.typ");
    std::fs::write(dir.path().join("main.typ"), template).unwrap_or_else(|e| panic!("{e}"));
    let data = serde_json::to_vec(print).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("data.json"), data).unwrap_or_else(|e| panic!("{e}"));
    let version = Command::new(&typst).arg("--version").output();
    let version = version.map_or_else(
        |e| format!("({e})"),
        |o| String::from_utf8_lossy(&o.stdout).trim().to_string(),
    );
    let compile = || {
        let start = Instant::now();
        let status = Command::new(&typst)
            .current_dir(dir.path())
            .args(["compile", "--ignore-system-fonts", "--root", "."])
            .args(["main.typ", "out.pdf"])
            .status()
            .unwrap_or_else(|e| panic!("{}: {e}", typst.display()));
        assert!(status.success(), "typst compile failed: {status}");
        start.elapsed()
    };
    compile();
    let mut times: Vec<Duration> = (0..CLI_RUNS).map(|_| compile()).collect();
    times.sort();
    let median = percentile(&times, 50);
    let pdf = std::fs::read(dir.path().join("out.pdf")).unwrap_or_default();
    assert!(pdf.starts_with(b"%PDF-"), "the CLI wrote no PDF");
    println!(
        "typst CLI {version}: median {median:.1} ms over {CLI_RUNS} runs (spawn included), \
         {:.1}× the in-process warm p50 (different invoices)",
        median / in_process_p50
    );
}

fn main() {
    let renderer = TypstDocuments::shared();
    batch(&renderer);
    let print = invoice(1);
    let mut criterion = Criterion::default().configure_from_args();
    let p50 = warm(&mut criterion, &renderer, &print);
    criterion.final_summary();
    cli(&print, p50);
}
