//! What an invoice prints, worded in its own language: [`print_invoice`] turns a stored
//! [`Invoice`] into the [`InvoicePrint`] the PDF template lays out.

use super::InvoiceTexts;
use crate::domain::invoice::line::quantity_input;
use crate::domain::invoice::{
    Invoice, InvoiceKind, InvoicePrint, PrintColumns, PrintLine, PrintParty, PrintSection,
    PrintTotal,
};
use crate::domain::money::Money;
use crate::i18n::Lang;

/// The texts of a document's language code ("fr", "en").
pub fn texts_of(lang: &str) -> &'static InvoiceTexts {
    match Lang::from_code(lang) {
        Lang::Fr => &super::fr::TEXTS,
        Lang::En => &super::en::TEXTS,
    }
}

/// The title as printed: the invoice's title (a quittance only once fully paid) or "Avoir".
pub fn printed_title(invoice: &Invoice) -> &'static str {
    let t = texts_of(&invoice.lang);
    match invoice.kind {
        InvoiceKind::CreditNote => t.credit_note,
        InvoiceKind::Invoice => {
            (t.title_name)(invoice.title.printed(invoice.settlement().is_fully_paid()))
        }
    }
}

fn party(name: &str, address: &str) -> PrintParty {
    PrintParty {
        name: name.to_string(),
        lines: address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    }
}

/// Everything `invoice` prints.
pub fn print_invoice(invoice: &Invoice) -> InvoicePrint {
    let t = texts_of(&invoice.lang);
    let en = Lang::from_code(&invoice.lang) == Lang::En;
    let money = |amount: Money| {
        if en {
            amount.format_en()
        } else {
            amount.format_fr()
        }
    };
    let totals = invoice.totals();
    let settlement = invoice.settlement();
    let vat = invoice.vat_enabled;
    let mut rows = Vec::new();
    let row = |label: &str, amount: Money, strong: bool| PrintTotal {
        label: label.to_string(),
        amount: money(amount),
        strong,
    };
    if vat {
        rows.push(row(t.total_excl_vat, totals.excluding_vat, false));
        for line in &totals.vat {
            rows.push(row(&(t.vat_at)(line.rate), line.vat, false));
        }
    }
    if !totals.tourist_tax.is_zero() {
        rows.push(row(t.tourist_tax, totals.tourist_tax, false));
    }
    let total_label = if vat { t.total_incl_vat } else { t.total };
    rows.push(row(total_label, totals.total, true));
    if invoice.kind == InvoiceKind::Invoice {
        if !settlement.advance.is_zero() {
            rows.push(row(
                (t.advance_paid)(invoice.wording),
                settlement.advance,
                false,
            ));
        }
        if !settlement.paid.is_zero() {
            rows.push(row(t.paid, settlement.paid, false));
        }
        if !settlement.advance.is_zero() || !settlement.paid.is_zero() {
            rows.push(row(
                t.remaining,
                settlement.remaining.max(Money::ZERO),
                true,
            ));
        }
    }
    let mut references = Vec::new();
    if let Some((_, number)) = &invoice.corrects {
        references.push((t.corrects)(number));
    }
    if !invoice.subject.is_empty() {
        references.push(invoice.subject.clone());
    }
    let sections = [
        (t.legal_heading, &invoice.mentions.legal),
        (t.payment_heading, &invoice.mentions.payment),
        (t.conditions_heading, &invoice.mentions.conditions),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(heading, text)| PrintSection {
        heading: heading.to_string(),
        text: text.clone(),
    })
    .collect();
    let title = printed_title(invoice);
    InvoicePrint {
        lang: Lang::from_code(&invoice.lang).code().into(),
        title: (t.numbered)(title, invoice.number.as_deref()),
        date_line: (t.date_line)(&invoice.date.format("%d/%m/%Y").to_string()),
        watermark: if invoice.is_issued() {
            String::new()
        } else {
            t.watermark.into()
        },
        issuer: party(&invoice.issuer.name, &invoice.issuer.address),
        customer_heading: t.customer_heading.into(),
        customer: party(&invoice.customer_name, &invoice.customer_address),
        references,
        columns: PrintColumns {
            reference: t.col_reference.into(),
            designation: t.col_designation.into(),
            unit_price: t.col_unit_price.into(),
            quantity: t.col_quantity.into(),
            vat_rate: if vat { t.col_vat.into() } else { String::new() },
            amount: t.col_amount.into(),
        },
        lines: invoice
            .lines
            .iter()
            .map(|line| PrintLine {
                reference: line.reference.clone(),
                designation: line.designation.clone(),
                unit_price: money(line.unit_price),
                quantity: quantity_input(line.quantity),
                vat_rate: if vat && !line.tourist_tax {
                    line.vat_rate.to_string()
                } else {
                    String::new()
                },
                amount: money(line.amount()),
            })
            .collect(),
        totals: rows,
        payments_heading: if invoice.payments.is_empty() {
            String::new()
        } else {
            t.payments_heading.into()
        },
        payments: invoice
            .payments
            .iter()
            .map(|p| {
                format!(
                    "{} — {} — {}",
                    p.date.format("%d/%m/%Y"),
                    (t.mode_name)(p.mode),
                    money(p.amount)
                )
            })
            .collect(),
        sections,
        footer: invoice.issuer.name.clone(),
    }
}
