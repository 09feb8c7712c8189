//! The JSON document that holds an invoice's printable content, and the amounts derived from it
//! that the invoice table needs as columns (total, what remains).

use crate::db::internal;
use app::domain::invoice::{
    AdvanceWording, DocumentTitle, InvoiceInput, InvoiceKind, InvoiceLine, InvoiceTotals, Issuer,
    Mentions,
};
use app::domain::money::Money;
use app::ports::PortResult;
use serde::{Deserialize, Serialize};

/// The `invoices.document` column.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredDocument {
    /// Title.
    pub title: DocumentTitle,
    /// Arrhes or acompte.
    pub wording: AdvanceWording,
    /// Issuer.
    pub issuer: Issuer,
    /// Customer's address.
    pub customer_address: String,
    /// Subject.
    pub subject: String,
    /// VAT applies.
    pub vat_enabled: bool,
    /// Lines.
    pub lines: Vec<InvoiceLine>,
    /// Arrhes or acompte paid.
    pub advance: Money,
    /// Mentions.
    pub mentions: Mentions,
    /// Language code.
    pub lang: String,
}

impl StoredDocument {
    /// The document of a validated draft.
    pub fn of(input: &InvoiceInput, issuer: &Issuer, mentions: &Mentions) -> StoredDocument {
        StoredDocument {
            title: input.title,
            wording: input.wording,
            issuer: issuer.clone(),
            customer_address: input.customer_address.clone(),
            subject: input.subject.clone(),
            vat_enabled: input.vat_enabled,
            lines: input.lines.clone(),
            advance: input.advance,
            mentions: mentions.clone(),
            lang: input.lang.clone(),
        }
    }

    /// Parses the column.
    pub fn parse(json: &str) -> PortResult<StoredDocument> {
        serde_json::from_str(json).map_err(|e| internal(format!("stored invoice: {e}")))
    }

    /// The column's text.
    pub fn to_json(&self) -> PortResult<String> {
        serde_json::to_string(self).map_err(internal)
    }

    /// What the guest pays.
    pub fn total(&self) -> Money {
        InvoiceTotals::of(&self.lines, self.vat_enabled).total
    }

    /// What remains once `paid` is received (nothing for a credit note).
    pub fn remaining(&self, kind: InvoiceKind, paid: Money) -> Money {
        match kind {
            InvoiceKind::Invoice => self.total() - self.advance - paid,
            InvoiceKind::CreditNote => Money::ZERO,
        }
    }
}
