//! Invoices, credit notes and their payments (SPEC C7, seed 004 "Factures"): lines and their
//! totals, numbers, payments, the billing settings with the seed's legal mentions, the lines made
//! from a booking, and what a PDF prints.

pub mod billing;
pub mod document;
pub mod from_booking;
pub mod kinds;
pub mod line;
pub mod payment;
pub mod print;
pub mod totals;

pub use billing::{
    default_categories, BillingForm, BillingSettings, IssuerMode, LegalForm, Mentions,
};
pub use document::{format_number, Invoice, InvoiceForm, InvoiceInput, InvoiceSummary, Issuer};
pub use from_booking::{lines_of, InvoicedStay, LineWording};
pub use kinds::{AdvanceWording, DocumentTitle, InvoiceKind, IssuerKey};
pub use line::{InvoiceLine, LineForm};
pub use payment::{Payment, PaymentForm, PaymentInput, PaymentMode};
pub use print::{InvoicePrint, PrintColumns, PrintLine, PrintParty, PrintSection, PrintTotal};
pub use totals::{InvoiceTotals, Settlement};
