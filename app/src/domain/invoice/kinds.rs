//! The small choices of an invoice: what kind of document, its title, its state, the wording of
//! money paid in advance, and who issues it.

use crate::domain::ids::OwnerId;
use serde::{Deserialize, Serialize};

/// An invoice, or a credit note (avoir) that reverses all or part of an issued invoice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvoiceKind {
    /// An invoice (or note, receipt, quittance: see [`DocumentTitle`]).
    #[default]
    Invoice,
    /// A credit note.
    CreditNote,
}

impl InvoiceKind {
    /// Stable code used in storage.
    pub fn code(self) -> &'static str {
        match self {
            InvoiceKind::Invoice => "invoice",
            InvoiceKind::CreditNote => "credit_note",
        }
    }

    /// Parses [`InvoiceKind::code`].
    pub fn from_code(code: &str) -> Option<InvoiceKind> {
        [InvoiceKind::Invoice, InvoiceKind::CreditNote]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// The title printed on an invoice (seed 004 "Facture, note, reçu ou quittance ?").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentTitle {
    /// "Facture".
    #[default]
    Invoice,
    /// "Note": a simplified invoice.
    Note,
    /// "Reçu": for private individuals, who cannot issue invoices.
    Receipt,
    /// "Quittance": only once fully paid.
    Quittance,
}

impl DocumentTitle {
    /// Every choice, in the order offered.
    pub const ALL: [DocumentTitle; 4] = [
        DocumentTitle::Invoice,
        DocumentTitle::Note,
        DocumentTitle::Receipt,
        DocumentTitle::Quittance,
    ];

    /// Stable code used in forms and storage.
    pub fn code(self) -> &'static str {
        match self {
            DocumentTitle::Invoice => "invoice",
            DocumentTitle::Note => "note",
            DocumentTitle::Receipt => "receipt",
            DocumentTitle::Quittance => "quittance",
        }
    }

    /// Parses [`DocumentTitle::code`].
    pub fn from_code(code: &str) -> Option<DocumentTitle> {
        DocumentTitle::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The title actually printed: a quittance says the guest paid everything, so until then the
    /// document is an invoice.
    pub fn printed(self, fully_paid: bool) -> DocumentTitle {
        if self == DocumentTitle::Quittance && !fully_paid {
            DocumentTitle::Invoice
        } else {
            self
        }
    }
}

/// How money paid before the stay is called (seed 004 "Arrhes ou acompte ?"); arrhes by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdvanceWording {
    /// Arrhes: the guest may cancel and lose them.
    #[default]
    Arrhes,
    /// Acompte: neither side may withdraw.
    Acompte,
}

impl AdvanceWording {
    /// Stable code used in forms and storage.
    pub fn code(self) -> &'static str {
        match self {
            AdvanceWording::Arrhes => "arrhes",
            AdvanceWording::Acompte => "acompte",
        }
    }

    /// Parses [`AdvanceWording::code`].
    pub fn from_code(code: &str) -> Option<AdvanceWording> {
        [AdvanceWording::Arrhes, AdvanceWording::Acompte]
            .into_iter()
            .find(|w| w.code() == code)
    }
}

/// Who issues a document, and so whose numbering series it takes its number from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IssuerKey {
    /// The property's owner.
    Owner(OwnerId),
    /// The manager (the organisation itself).
    Manager,
}

impl IssuerKey {
    /// The series key stored with numbers: the owner's id, or "manager".
    pub fn series(self) -> String {
        match self {
            IssuerKey::Owner(owner) => owner.to_string(),
            IssuerKey::Manager => "manager".into(),
        }
    }

    /// Parses [`IssuerKey::series`].
    pub fn from_series(series: &str) -> Option<IssuerKey> {
        if series == "manager" {
            Some(IssuerKey::Manager)
        } else {
            series.parse().ok().map(IssuerKey::Owner)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quittance_needs_everything_paid() {
        // Seed 004: « une quittance implique que le client ait réglé la totalité du montant ».
        assert_eq!(
            DocumentTitle::Quittance.printed(false),
            DocumentTitle::Invoice
        );
        assert_eq!(
            DocumentTitle::Quittance.printed(true),
            DocumentTitle::Quittance
        );
        assert_eq!(
            DocumentTitle::Receipt.printed(false),
            DocumentTitle::Receipt
        );
    }

    #[test]
    fn codes_round_trip() {
        for title in DocumentTitle::ALL {
            assert_eq!(DocumentTitle::from_code(title.code()), Some(title));
        }
        assert_eq!(IssuerKey::from_series("manager"), Some(IssuerKey::Manager));
        assert_eq!(IssuerKey::from_series("garbage"), None);
    }
}
