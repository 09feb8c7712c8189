//! An invoice as stored and opened (the document), its editor's form, and its line in the invoice table.

use crate::domain::field::{optional_text, FieldError, FieldErrors};
use crate::domain::ids::{BookingId, InvoiceId};
use crate::domain::invoice::billing::Mentions;
use crate::domain::invoice::kinds::{AdvanceWording, DocumentTitle, InvoiceKind, IssuerKey};
use crate::domain::invoice::line::{InvoiceLine, LineForm, MAX_LINES};
use crate::domain::invoice::payment::Payment;
use crate::domain::invoice::totals::{InvoiceTotals, Settlement};
use crate::domain::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A number of an issuer's series: the year of issue and a sequence that restarts each year,
/// "2026-0001".
pub fn format_number(year: i32, sequence: i64) -> String {
    format!("{year}-{sequence:04}")
}

/// Who issues the invoice, as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    /// Whose series numbers it.
    pub key: IssuerKey,
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
}

/// An invoice or credit note, opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    /// Id.
    pub id: InvoiceId,
    /// Optimistic version.
    pub version: i64,
    /// Invoice or credit note.
    pub kind: InvoiceKind,
    /// Number, once issued.
    pub number: Option<String>,
    /// Date: the creation day for a draft, the issue day once issued.
    pub date: NaiveDate,
    /// Title.
    pub title: DocumentTitle,
    /// Arrhes or acompte.
    pub wording: AdvanceWording,
    /// Issuer (refreshed from the settings until issued).
    pub issuer: Issuer,
    /// Customer's name.
    pub customer_name: String,
    /// Customer's address.
    pub customer_address: String,
    /// What it is about ("Séjour du … au … — Le Chalet"), printed under the parties.
    pub subject: String,
    /// The booking it was made from (the first of a group), if any.
    pub booking: Option<BookingId>,
    /// The invoice a credit note corrects: id and number.
    pub corrects: Option<(InvoiceId, String)>,
    /// Credit notes issued against this invoice: id and number.
    pub credit_notes: Vec<(InvoiceId, Option<String>)>,
    /// VAT on this invoice (« case "Sans TVA" »).
    pub vat_enabled: bool,
    /// Lines.
    pub lines: Vec<InvoiceLine>,
    /// Arrhes or acompte already paid.
    pub advance: Money,
    /// Payments.
    pub payments: Vec<Payment>,
    /// Mentions printed (the settings' until issued, then frozen).
    pub mentions: Mentions,
    /// Language of the document ("fr", "en").
    pub lang: String,
}

impl Invoice {
    /// Issued: numbered, frozen.
    pub fn is_issued(&self) -> bool {
        self.number.is_some()
    }

    /// The totals of its lines.
    pub fn totals(&self) -> InvoiceTotals {
        InvoiceTotals::of(&self.lines, self.vat_enabled)
    }

    /// What was paid and what remains.
    pub fn settlement(&self) -> Settlement {
        Settlement::of(
            self.totals().total,
            self.advance,
            self.payments.iter().map(|p| p.amount),
        )
    }

    /// The draft as a form.
    pub fn to_form(&self) -> InvoiceForm {
        InvoiceForm {
            customer_name: self.customer_name.clone(),
            customer_address: self.customer_address.clone(),
            subject: self.subject.clone(),
            title: self.title.code().into(),
            wording: self.wording.code().into(),
            vat_enabled: self.vat_enabled,
            advance: self.advance.to_input(),
            lines: self.lines.iter().map(InvoiceLine::to_form).collect(),
            lang: self.lang.clone(),
        }
    }
}

/// The editor of a draft, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceForm {
    /// Customer's name.
    pub customer_name: String,
    /// Customer's address.
    pub customer_address: String,
    /// Subject.
    pub subject: String,
    /// [`DocumentTitle::code`].
    pub title: String,
    /// [`AdvanceWording::code`].
    pub wording: String,
    /// VAT applies.
    pub vat_enabled: bool,
    /// Arrhes or acompte already paid.
    pub advance: String,
    /// Lines.
    pub lines: Vec<LineForm>,
    /// "fr" or "en".
    pub lang: String,
}

/// A validated draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceInput {
    /// Customer's name.
    pub customer_name: String,
    /// Customer's address.
    pub customer_address: String,
    /// Subject.
    pub subject: String,
    /// Title.
    pub title: DocumentTitle,
    /// Wording.
    pub wording: AdvanceWording,
    /// VAT.
    pub vat_enabled: bool,
    /// Advance.
    pub advance: Money,
    /// Lines.
    pub lines: Vec<InvoiceLine>,
    /// Language code.
    pub lang: String,
}

impl InvoiceForm {
    /// Checks every field; a line's field is named `lines.<index>.<field>`.
    pub fn validate(&self) -> Result<InvoiceInput, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        let mut text = |field: &str, raw: &str, max: usize| {
            optional_text(raw, max)
                .map_err(|e| errors.push((field.into(), e)))
                .unwrap_or_default()
        };
        let customer_name = text("customer_name", &self.customer_name, 200);
        let customer_address = text("customer_address", &self.customer_address, 500);
        let subject = text("subject", &self.subject, 300);
        let title = DocumentTitle::from_code(&self.title);
        if title.is_none() {
            errors.push(("title".into(), FieldError::InvalidChoice));
        }
        let wording = AdvanceWording::from_code(&self.wording);
        if wording.is_none() {
            errors.push(("wording".into(), FieldError::InvalidChoice));
        }
        let advance = if self.advance.trim().is_empty() {
            Ok(Money::ZERO)
        } else {
            Money::parse_non_negative(&self.advance)
        };
        if let Err(error) = &advance {
            errors.push(("advance".into(), error.clone()));
        }
        if self.lines.len() > MAX_LINES {
            errors.push((
                "lines".into(),
                FieldError::OutOfRange {
                    min: 0,
                    max: MAX_LINES as i64,
                },
            ));
        }
        let mut lines = Vec::new();
        for (index, line) in self.lines.iter().enumerate() {
            match line.validate() {
                Ok(line) => lines.push(line),
                Err(refused) => errors.extend(
                    refused
                        .into_iter()
                        .map(|(field, error)| (format!("lines.{index}.{field}"), error)),
                ),
            }
        }
        let lang = if self.lang == "en" { "en" } else { "fr" };
        match (title, wording, advance) {
            (Some(title), Some(wording), Ok(advance)) if errors.is_empty() => Ok(InvoiceInput {
                customer_name,
                customer_address,
                subject,
                title,
                wording,
                vat_enabled: self.vat_enabled,
                advance,
                lines,
                lang: lang.into(),
            }),
            _ => Err(errors),
        }
    }
}

/// A row of the invoice table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceSummary {
    /// Id.
    pub id: InvoiceId,
    /// Invoice or credit note.
    pub kind: InvoiceKind,
    /// Number (none for a draft).
    pub number: Option<String>,
    /// Date.
    pub date: NaiveDate,
    /// Customer.
    pub customer_name: String,
    /// Issuer's name.
    pub issuer_name: String,
    /// Subject.
    pub subject: String,
    /// Total.
    pub total: Money,
    /// What remains to be paid (zero for a credit note).
    pub remaining: Money,
    /// Date of the last payment, once fully paid (the seed's "Date paiem." column).
    pub paid_on: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_restart_each_year_with_four_digits() {
        assert_eq!(format_number(2026, 1), "2026-0001");
        assert_eq!(format_number(2027, 12_345), "2027-12345");
    }

    #[test]
    fn a_line_refusal_names_its_line() {
        let form = InvoiceForm {
            title: "invoice".into(),
            wording: "arrhes".into(),
            lines: vec![
                LineForm {
                    designation: "Séjour".into(),
                    unit_price: "95".into(),
                    quantity: "7".into(),
                    ..LineForm::default()
                },
                LineForm {
                    designation: String::new(),
                    unit_price: "10".into(),
                    quantity: "1".into(),
                    ..LineForm::default()
                },
            ],
            ..InvoiceForm::default()
        };
        assert_eq!(
            form.validate(),
            Err(vec![("lines.1.designation".into(), FieldError::Required)])
        );
    }
}
