//! The invoices port: billing settings, invoices and credit notes, their numbering and payments.

use super::PortResult;
use crate::domain::ids::{BookingId, InvoiceId, OrganisationId, PaymentId};
use crate::domain::invoice::{
    BillingSettings, Invoice, InvoiceInput, InvoiceKind, InvoiceSummary, Issuer, Mentions,
    PaymentInput,
};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

/// A draft to create.
#[derive(Clone, Debug)]
pub struct NewInvoice {
    /// Invoice or credit note.
    pub kind: InvoiceKind,
    /// Issuer (its series numbers the document).
    pub issuer: Issuer,
    /// The booking it comes from.
    pub booking: Option<BookingId>,
    /// The invoice a credit note corrects.
    pub corrects: Option<InvoiceId>,
    /// The draft's date.
    pub date: NaiveDate,
    /// Content.
    pub input: InvoiceInput,
    /// Mentions.
    pub mentions: Mentions,
}

/// What issuing a document may meet besides storage errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueRefusal {
    /// Already issued (by someone else meanwhile).
    AlreadyIssued,
    /// A credit note for more than what its invoice still holds.
    CreditAboveInvoice {
        /// What may still be credited.
        creditable: crate::domain::money::Money,
    },
    /// A document without a line.
    Empty,
}

/// Invoices and their numbering. Every change of a draft requires its version; an issued document
/// is never changed or deleted (the storage refuses it too).
#[async_trait]
pub trait InvoiceStore: Send + Sync {
    /// The billing settings and their version (0 and the defaults when never saved).
    async fn billing_settings(
        &self,
        organisation: OrganisationId,
    ) -> PortResult<(BillingSettings, i64)>;
    /// Replaces the settings if their version is still `version`; answers the new version.
    async fn save_billing_settings(
        &self,
        organisation: OrganisationId,
        settings: &BillingSettings,
        version: i64,
    ) -> PortResult<i64>;
    /// Who issues documents for `booking` (its property's owner, or the manager), under `settings`.
    async fn issuer(
        &self,
        organisation: OrganisationId,
        booking: Option<BookingId>,
        settings: &BillingSettings,
    ) -> PortResult<Issuer>;
    /// Every invoice and credit note, newest first.
    async fn list(&self, organisation: OrganisationId) -> PortResult<Vec<InvoiceSummary>>;
    /// One document, with its payments and credit notes.
    async fn get(&self, organisation: OrganisationId, id: InvoiceId) -> PortResult<Invoice>;
    /// The newest invoice (not credit note) of `booking` or of any booking of its group.
    async fn of_booking(
        &self,
        organisation: OrganisationId,
        booking: BookingId,
    ) -> PortResult<Option<InvoiceId>>;
    /// Creates a draft.
    async fn create(
        &self,
        organisation: OrganisationId,
        draft: &NewInvoice,
        now: DateTime<Utc>,
    ) -> PortResult<InvoiceId>;
    /// Saves a draft from `version`; a draft made from a booking gives the booking its new total and
    /// advance (seed 004; in a group, the booking it was made from takes what the other members do
    /// not carry, so the group's total is the invoice's). Answers the new version.
    async fn save_draft(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        version: i64,
        input: &InvoiceInput,
    ) -> PortResult<i64>;
    /// Deletes a draft.
    async fn delete_draft(&self, organisation: OrganisationId, id: InvoiceId) -> PortResult<()>;
    /// Issues a draft at `version` on `today`: the issuer's next number, the issuer and mentions
    /// refreshed and frozen. Answers the number, or why not.
    async fn issue(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        version: i64,
        today: NaiveDate,
        issuer: &Issuer,
        mentions: &Mentions,
    ) -> PortResult<Result<String, IssueRefusal>>;
    /// Records a payment on an issued invoice; once fully paid, its bookings take `paid_status`
    /// when given. Refused (invalid `amount`) above what remains.
    async fn add_payment(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        payment: &PaymentInput,
        paid_status: Option<crate::domain::ids::StatusId>,
        now: DateTime<Utc>,
    ) -> PortResult<()>;
    /// Removes a payment recorded by mistake.
    async fn delete_payment(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        payment: PaymentId,
    ) -> PortResult<()>;
}
