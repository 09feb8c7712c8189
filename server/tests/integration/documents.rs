//! The typst PDF renderer (server/src/documents): an invoice prints its values — amounts with the
//! French narrow no-break spaces, number, parties, stay, payments, legal mentions, page numbers —
//! user text prints literally (never evaluated as typst markup), long invoices flow onto several
//! pages with the table's header repeated, drafts carry their watermark, the VAT column goes when
//! the invoice has no VAT, and the async port answers a PDF or an internal error. The text is read
//! back with `pdftotext` (poppler-utils).

use app::domain::invoice::{
    InvoicePrint, PrintColumns, PrintLine, PrintParty, PrintSection, PrintTotal,
};
use app::ports::{DocumentRenderer, PortError};
use server::documents::TypstDocuments;
use std::process::Command;

/// A designation full of typst syntax: printed as is, or the template evaluates user text.
const HOSTILE: &str = r#"#panic("x") *bold* $x$ <a> @b"#;

fn party(name: &str, lines: &[&str]) -> PrintParty {
    PrintParty {
        name: name.into(),
        lines: lines.iter().map(|line| line.to_string()).collect(),
    }
}

fn line(designation: &str, unit_price: &str, quantity: &str, amount: &str) -> PrintLine {
    PrintLine {
        reference: String::new(),
        designation: designation.into(),
        unit_price: unit_price.into(),
        quantity: quantity.into(),
        vat_rate: String::new(),
        amount: amount.into(),
    }
}

fn total(label: &str, amount: &str, strong: bool) -> PrintTotal {
    PrintTotal {
        label: label.into(),
        amount: amount.into(),
        strong,
    }
}

/// A French invoice of a week at Le Chalet, without VAT (franchise en base).
fn invoice() -> InvoicePrint {
    InvoicePrint {
        lang: "fr".into(),
        title: "Facture n° 2026-0001".into(),
        date_line: "Date : 19/07/2026".into(),
        watermark: String::new(),
        issuer: party(
            "Marie Dupont",
            &[
                "12 chemin des Alpages",
                "74400 Chamonix-Mont-Blanc",
                "SIRET 123 456 789 00012",
            ],
        ),
        customer_heading: "Client".into(),
        customer: party("Jean Martin", &["8 rue des Lilas", "69003 Lyon"]),
        references: vec!["Séjour du 12/07/2026 au 19/07/2026 — Le Chalet".into()],
        columns: PrintColumns {
            reference: "Réf.".into(),
            designation: "Désignation".into(),
            unit_price: "Prix unitaire".into(),
            quantity: "Qté".into(),
            vat_rate: String::new(),
            amount: "Montant".into(),
        },
        lines: vec![
            line(
                "Hébergement (7 nuits)",
                "170,00 €",
                "7",
                "1\u{202F}190,00 €",
            ),
            line(
                "Ménage de fin de séjour\nlinge de lit compris",
                "95,00 €",
                "1",
                "95,00 €",
            ),
            line(HOSTILE, "2,00 €", "6", "12,00 €"),
        ],
        totals: vec![
            total("Sous-total", "1\u{202F}297,00 €", false),
            total("Taxe de séjour", "7,40 €", false),
            total("Total TTC", "1\u{202F}304,40 €", true),
        ],
        payments_heading: "Règlements".into(),
        payments: vec![
            "12/06/2026 — Virement — 300,00 €".into(),
            "12/07/2026 — Chèque — 1\u{202F}004,40 €".into(),
        ],
        sections: vec![
            PrintSection {
                heading: "Mentions légales".into(),
                text:
                    "TVA non applicable, article 293 B du CGI.\nIndemnité forfaitaire pour frais \
                       de recouvrement : 40 €."
                        .into(),
            },
            PrintSection {
                heading: "Coordonnées bancaires".into(),
                text: "IBAN FR76 3000 6000 0112 3456 7890 189".into(),
            },
        ],
        footer: "Marie Dupont — SIRET 123 456 789 00012 — Page".into(),
    }
}

/// Renders `print`; with `DOCUMENTS_TEST_OUT=<dir>` the PDF is also kept there (for a look).
fn render(print: &InvoicePrint) -> Vec<u8> {
    let pdf = TypstDocuments::shared()
        .render_invoice(print)
        .unwrap_or_else(|e| panic!("render: {e}"));
    if let Some(dir) = std::env::var_os("DOCUMENTS_TEST_OUT") {
        let name = format!("{}-{}-lines.pdf", print.title, print.lines.len());
        let path = std::path::Path::new(&dir).join(name.replace(['/', ' '], "_"));
        std::fs::write(&path, &pdf).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    pdf
}

/// The PDF's text as `pdftotext -layout` reads it (pages separated by form feeds).
fn pdf_text(pdf: &[u8]) -> String {
    pdftotext(pdf, "-layout")
}

/// The PDF's text as `pdftotext` reads it with `mode` (`-layout`, `-raw`).
fn pdftotext(pdf: &[u8], mode: &str) -> String {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("write: {e}"));
    let output = Command::new("pdftotext")
        .arg(mode)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) must be installed: {e}"));
    assert!(output.status.success(), "pdftotext failed: {output:?}");
    String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("pdftotext output: {e}"))
}

/// Every run of whitespace (spaces, narrow no-break spaces, line breaks) as one space.
fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_prints(text: &str, expected: &str) {
    let (text, expected) = (normalised(text), normalised(expected));
    assert!(
        text.contains(&expected),
        "{expected:?} not printed in:\n{text}"
    );
}

#[test]
fn an_invoice_prints_its_values() {
    let text = pdf_text(&render(&invoice()));
    for expected in [
        "Facture n° 2026-0001",
        "Date : 19/07/2026",
        "Marie Dupont",
        "74400 Chamonix-Mont-Blanc",
        "Client",
        "Jean Martin",
        "69003 Lyon",
        "Séjour du 12/07/2026 au 19/07/2026 — Le Chalet",
        "Désignation",
        "Hébergement (7 nuits)",
        "170,00 €",
        "1\u{202F}190,00 €",
        "95,00 €",
        "Taxe de séjour",
        "7,40 €",
        "Total TTC",
        "1\u{202F}304,40 €",
        "Règlements",
        "12/06/2026 — Virement — 300,00 €",
        "Mentions légales",
        "TVA non applicable, article 293 B du CGI.",
        "frais de recouvrement : 40 €.",
        "IBAN FR76 3000 6000 0112 3456 7890 189",
        "Page 1 / 1",
    ] {
        assert_prints(&text, expected);
    }
    // No VAT: the VAT column is hidden, "TVA" is printed only in the legal mention.
    assert_eq!(normalised(&text).matches("TVA").count(), 1, "{text}");
}

#[test]
fn user_text_prints_literally() {
    let text = pdf_text(&render(&invoice()));
    assert_prints(&text, HOSTILE);
}

#[test]
fn line_breaks_in_a_designation_are_kept() {
    let text = pdf_text(&render(&invoice()));
    let first = text
        .lines()
        .find(|line| line.contains("Ménage de fin de séjour"))
        .unwrap_or_else(|| panic!("designation missing:\n{text}"));
    assert!(!first.contains("linge de lit compris"), "{first}");
    assert_prints(&text, "linge de lit compris");
}

#[test]
fn the_vat_column_prints_when_the_invoice_has_vat() {
    let mut print = invoice();
    print.columns.vat_rate = "TVA".into();
    for line in &mut print.lines {
        line.vat_rate = "10\u{202F}%".into();
    }
    let text = pdf_text(&render(&print));
    assert_prints(&text, "Qté TVA Montant");
    assert_prints(&text, "170,00 € 7 10\u{202F}% 1\u{202F}190,00 €");
}

#[test]
fn a_long_invoice_flows_onto_several_pages() {
    let mut print = invoice();
    print.lines = (1..=80)
        .map(|i| line(&format!("Prestation n° {i}"), "10,00 €", "1", "10,00 €"))
        .collect();
    let text = pdf_text(&render(&print));
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "{} page(s)", pages.len());
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        // Numbered "n / total" on every page.
        assert_prints(page, &format!("Page {} / {count}", i + 1));
    }
    // The table's header is repeated on the next page.
    assert_prints(pages[1], "Désignation");
    assert_prints(&text, "Prestation n° 1 10,00 € 1 10,00 €");
    assert_prints(&text, "Prestation n° 80");
    assert_prints(pages[count - 1], "Total TTC");
}

#[test]
fn a_draft_carries_its_watermark() {
    let mut draft = invoice();
    draft.title = "Brouillon de facture".into();
    draft.watermark = "BROUILLON".into();
    // The watermark is drawn diagonally, first (behind the page): `-layout` scatters its letters
    // among the lines, `-raw` reads them in drawing order, one per line.
    let letters = |pdf: &[u8]| -> String {
        let text = pdftotext(pdf, "-raw");
        text.chars().filter(|c| !c.is_whitespace()).collect()
    };
    let pdf = render(&draft);
    assert_prints(&pdf_text(&pdf), "Brouillon de facture");
    assert!(letters(&pdf).starts_with("BROUILLON"), "{}", letters(&pdf));
    assert!(!letters(&render(&invoice())).contains("BROUILLON"));
}

#[tokio::test]
async fn the_port_answers_a_pdf_or_an_internal_error() {
    let renderer = TypstDocuments::shared();
    let pdf = renderer
        .invoice_pdf(&invoice(), None)
        .await
        .unwrap_or_else(|e| panic!("port: {e}"));
    assert!(pdf.starts_with(b"%PDF-"));

    let mut broken = invoice();
    broken.lang = "pas une langue".into();
    match renderer.invoice_pdf(&broken, None).await {
        Err(PortError::Internal(message)) => {
            assert!(message.starts_with("PDF: typst compilation"), "{message}")
        }
        other => panic!("expected an internal error, got {other:?}"),
    }
}

#[test]
fn the_same_invoice_renders_the_same_bytes() {
    assert_eq!(render(&invoice()), render(&invoice()));
}
