//! What a PDF document prints, already worded and formatted in the document's language. The typst
//! templates only lay these values out: no arithmetic, no wording and no formatting happen there, and
//! every user text reaches them as data (a JSON file), never as markup.

use serde::{Deserialize, Serialize};

/// A person or business named on a document: name then address lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintParty {
    /// Name.
    pub name: String,
    /// Address, one entry per line.
    pub lines: Vec<String>,
}

/// One line of an invoice's table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintLine {
    /// Reference ("" when none).
    pub reference: String,
    /// Designation (may hold line breaks).
    pub designation: String,
    /// Unit price, formatted ("95,00 €").
    pub unit_price: String,
    /// Quantity, formatted ("3" or "1,5").
    pub quantity: String,
    /// VAT rate, formatted ("10 %"), "" when the invoice has no VAT.
    pub vat_rate: String,
    /// Amount, formatted.
    pub amount: String,
}

/// One row of the totals block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintTotal {
    /// Label ("Total HT", "TVA 10 %", "Taxe de séjour", "Total TTC", …).
    pub label: String,
    /// Amount, formatted.
    pub amount: String,
    /// Printed in bold (the amount to pay).
    pub strong: bool,
}

/// A titled block of free text (legal mentions, payment details, conditions).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintSection {
    /// Heading.
    pub heading: String,
    /// Text (may hold line breaks).
    pub text: String,
}

/// Column headings of the lines table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintColumns {
    /// "Réf."
    pub reference: String,
    /// "Désignation"
    pub designation: String,
    /// "Prix unitaire"
    pub unit_price: String,
    /// "Qté"
    pub quantity: String,
    /// "TVA" ("" hides the column).
    pub vat_rate: String,
    /// "Montant"
    pub amount: String,
}

/// An invoice, a credit note, a receipt… as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoicePrint {
    /// Language of the document ("fr" or "en"), for hyphenation.
    pub lang: String,
    /// Title with number: "Facture n° 2026-0001", "Avoir n° 2026-0004", "Brouillon de facture".
    pub title: String,
    /// "Date : 22/11/2026".
    pub date_line: String,
    /// Printed across the page when the document is a draft ("BROUILLON"), else "".
    pub watermark: String,
    /// Who issues the document (the owner or the manager).
    pub issuer: PrintParty,
    /// Heading above the customer ("Client").
    pub customer_heading: String,
    /// The customer.
    pub customer: PrintParty,
    /// Lines printed under the parties: the stay ("Séjour du 12/07/2026 au 19/07/2026 — Le Chalet"),
    /// the invoice a credit note corrects…
    pub references: Vec<String>,
    /// Column headings.
    pub columns: PrintColumns,
    /// The lines.
    pub lines: Vec<PrintLine>,
    /// The totals, in order.
    pub totals: Vec<PrintTotal>,
    /// Payments heading ("Règlements"), "" when there are none.
    pub payments_heading: String,
    /// One sentence per payment ("12/07/2026 — Virement — 300,00 €").
    pub payments: Vec<String>,
    /// Legal mentions, payment details, conditions (empty ones left out).
    pub sections: Vec<PrintSection>,
    /// Footer line (issuer's name and the page numbering's word: "Page").
    pub footer: String,
}
