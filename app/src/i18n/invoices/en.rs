//! Invoices in English.

use super::InvoiceTexts;
use crate::domain::invoice::{AdvanceWording, DocumentTitle, LegalForm, LineWording, PaymentMode};
use crate::i18n::count_en;
use chrono::NaiveDate;

fn day(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// English.
pub static TEXTS: InvoiceTexts = InvoiceTexts {
    wording: LineWording {
        nights: |first, count, season| {
            let last = first + chrono::Duration::days(count);
            let what = format!(
                "{} from {} to {}",
                if count == 1 { "Night" } else { "Nights" },
                day(first),
                day(last)
            );
            match season {
                Some(season) => format!("{what} ({season})"),
                None => what,
            }
        },
        stay: |arrival, departure| format!("Stay from {} to {}", day(arrival), day(departure)),
        supplement: |extra| {
            format!(
                "Supplement for {} (per person per night)",
                count_en(i64::from(extra), "guest", "guests")
            )
        },
        discount: |from, percent| match from {
            Some(nights) => format!("Discount {percent} (stays of {nights} nights or more)"),
            None => format!("Discount {percent}"),
        },
        tourist_tax: |tax, persons, nights, exempt| {
            let who = if exempt {
                format!("{} (exempt)", count_en(i64::from(persons), "child", "children"))
            } else {
                count_en(i64::from(persons), "adult", "adults")
            };
            format!("{tax} — {who} × {}", count_en(nights, "night", "nights"))
        },
    },
    title_name: |title| match title {
        DocumentTitle::Invoice => "Invoice",
        DocumentTitle::Note => "Note",
        DocumentTitle::Receipt => "Receipt",
        DocumentTitle::Quittance => "Rent receipt",
    },
    credit_note: "Credit note",
    numbered: |title, number| match number {
        Some(number) => format!("{title} no. {number}"),
        None => format!("{title} (draft)"),
    },
    date_line: |date| format!("Date: {date}"),
    watermark: "DRAFT",
    customer_heading: "Customer",
    col_reference: "Ref.",
    col_designation: "Description",
    col_unit_price: "Unit price",
    col_quantity: "Qty",
    col_vat: "VAT",
    col_amount: "Amount",
    total_excl_vat: "Total excl. VAT",
    vat_at: |rate| format!("VAT {rate}"),
    tourist_tax: "Tourist tax",
    total_incl_vat: "Total incl. VAT",
    total: "Total",
    advance_paid: |wording| match wording {
        AdvanceWording::Arrhes => "Deposit paid (arrhes)",
        AdvanceWording::Acompte => "Down payment paid (acompte)",
    },
    paid: "Already paid",
    remaining: "Balance due",
    payments_heading: "Payments",
    mode_name: |mode| match mode {
        PaymentMode::Transfer => "Bank transfer",
        PaymentMode::Cheque => "Cheque",
        PaymentMode::Cash => "Cash",
        PaymentMode::Card => "Card",
        PaymentMode::HolidayVouchers => "Holiday vouchers",
        PaymentMode::PlatformPayout => "Platform payout",
        PaymentMode::Other => "Other",
    },
    legal_heading: "Legal information",
    payment_heading: "Payment details",
    conditions_heading: "Terms",
    corrects: |number| format!("Credit note for invoice no. {number}"),
    stay_subject: |arrival, departure, properties| {
        format!("Stay from {arrival} to {departure} — {properties}")
    },
    legal_form_name: |form| match form {
        LegalForm::Individual => "Private individual (no legal structure)",
        LegalForm::AutoEntrepreneur => "Sole trader (auto-entrepreneur)",
        LegalForm::Association => "Association",
        LegalForm::Company => "Limited company (EURL, SARL)",
    },
    file_name: |title, number| match number {
        Some(number) => format!("{title} {number}"),
        None => format!("{title} draft"),
    },
    actions_label: "Invoice actions",
    add_line: "Add a line",
    advance_label: "Paid in advance (deposit)",
    all_years: "All years",
    apply_example: "Use the example",
    back_to_list: "← Invoices",
    billing_intro: "Who issues invoices, their title, legal information, categories and the status of a paid booking.",
    billing_title: "Billing",
    blank_invoice: "Blank invoice",
    categories_hint: "One category per line. The 1st is the default, the 2nd is for stays, the 3rd for the tourist tax. They are not printed.",
    categories_label: "Categories (for reports)",
    category_label: "Category",
    changed_meanwhile: "This invoice was changed or issued meanwhile: reload the page to see its current version.",
    col_customer: "Customer",
    col_date: "Date",
    col_number: "No.",
    col_paid_on: "Paid on",
    col_remaining: "Balance",
    col_subject: "Subject",
    col_total: "Amount",
    corrects_label: "Corrects invoice no.",
    credit_hint: "Remove or reduce lines for a partial credit note.",
    credit_needs_issued: "A credit note only corrects an issued invoice; a draft is edited directly.",
    credit_notes_label: "Credit notes:",
    credit_short: "Credit",
    customer_address: "Customer's address",
    customer_name: "Customer's name",
    customer_section: "Customer",
    parties_section: "Issuer and customer",
    delete_confirm: "Delete this draft for good?",
    delete_draft: "Delete the draft",
    delete_payment: "Remove",
    document_section: "Document",
    download: "Download the PDF",
    draft_badge: "Draft",
    draft_saved: "Draft saved.",
    draft_status: "Draft: can be edited until it is issued.",
    duplicate: "Duplicate",
    empty_invoice: "Add at least one line before issuing.",
    filter_all: "All",
    filter_credit_notes: "Credit notes",
    filter_drafts: "Drafts",
    filter_label: "Show",
    filter_paid: "Paid",
    filter_unpaid: "Unpaid",
    fully_paid: "Fully paid.",
    invoice_button: "Invoice",
    invoices_empty: "No invoice yet. Create one from a booking on the planning (\"Invoice\" button) or start from a blank invoice.",
    invoices_title: "Invoices",
    issue: "Issue the invoice",
    issue_confirm: "Once issued, the invoice takes the next number of its series and can no longer be edited or deleted (it is corrected by a credit note). Issue now?",
    issue_confirm_button: "Issue",
    issue_credit: "Issue the credit note",
    issued_is_kept: "An issued invoice is kept: correct it with a credit note.",
    issuer_hint: "By default, invoices and contracts are issued in the name of the property's owner.",
    issuer_label: "Issue invoices in the name of",
    issuer_manager: "The manager (for every property)",
    issuer_owner: "The property's owner",
    issuer_section: "Issuer",
    lang_label: "Document language",
    legal_form_label: "Example mentions for",
    lines_section: "Lines",
    make_credit_note: "Create a credit note",
    manager_address: "Manager's address",
    manager_name: "Manager's name",
    mentions_section: "Printed mentions",
    no_lines: "No line: add one or pick a predefined option.",
    no_payments: "No payment recorded.",
    paid_status_label: "When an invoice is fully paid, move the booking to the status",
    paid_status_off: "Do not change the status",
    payment_amount: "Amount",
    payment_date: "Payment date",
    payment_hint: "Tip: the date alone records the balance due; the amount alone takes today's date.",
    payment_mode: "Payment method",
    payment_needs_issued: "Issue the invoice before recording a payment.",
    print: "Print",
    quick_add: "--Quick add--",
    quittance_hint: "A rent receipt is printed as such only once fully paid; until then the document is titled \"Invoice\".",
    record_payment: "Record the payment",
    remove_line: "Remove the line",
    reports_section: "Reports and statuses",
    save_draft: "Save",
    save_first: "Save your changes first.",
    search_label: "Search (customer, subject, number)",
    settings_link: "Billing settings",
    settings_saved: "Settings saved.",
    subject: "Subject",
    title_label: "Title",
    tourist_tax_line: "Tourist tax (outside VAT)",
    vat_hint: "Defaults to Settings › Pricing. Untick for an invoice without VAT.",
    vat_label: "Invoice with VAT",
    wording_hint: "Arrhes: the guest may cancel and lose them. Acompte: neither side may withdraw.",
    wording_label: "Money paid in advance",
    year_label: "Year",
    credit_above_invoice: |creditable| format!("This credit note is more than what remains to be credited on the invoice ({creditable})."),
    issued_on: |date| format!("Issued on {date}: it can no longer be edited or deleted; correct it with a credit note."),
    shown_count: |n| if n == 1 { format!("{n} document") } else { format!("{n} documents") },
    wording_name: |w| match w { AdvanceWording::Arrhes => "Arrhes (deposit)", AdvanceWording::Acompte => "Acompte (down payment)" },
};
