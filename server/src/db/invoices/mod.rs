//! Invoices in SQL (SPEC C7): the [`InvoiceStore`] port on SQLite and PostgreSQL. A change that
//! touches bookings (a draft's new total, a paid invoice's status) is announced to the planning.

mod document;
mod issue;
mod payments;
mod read;
mod settings;
mod write;

use crate::db::Db;
use crate::live::Live;
use app::domain::ids::{BookingId, InvoiceId, OrganisationId, PaymentId, StatusId};
use app::domain::invoice::{
    BillingSettings, Invoice, InvoiceInput, InvoiceSummary, Issuer, Mentions, PaymentInput,
};
use app::ports::{InvoiceStore, IssueRefusal, NewInvoice, PortResult};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

/// The SQL invoice store.
#[derive(Clone)]
pub struct SqlInvoices {
    db: Db,
    live: Live,
}

impl SqlInvoices {
    /// Invoices on `db`, announcing booking changes to `live`.
    pub fn new(db: Db, live: Live) -> Self {
        SqlInvoices { db, live }
    }
}

#[async_trait]
impl InvoiceStore for SqlInvoices {
    async fn billing_settings(
        &self,
        organisation: OrganisationId,
    ) -> PortResult<(BillingSettings, i64)> {
        settings::load(&self.db, organisation).await
    }

    async fn save_billing_settings(
        &self,
        organisation: OrganisationId,
        settings: &BillingSettings,
        version: i64,
    ) -> PortResult<i64> {
        settings::save(&self.db, organisation, settings, version).await
    }

    async fn issuer(
        &self,
        organisation: OrganisationId,
        booking: Option<BookingId>,
        settings: &BillingSettings,
    ) -> PortResult<Issuer> {
        read::issuer(&self.db, organisation, booking, settings).await
    }

    async fn list(&self, organisation: OrganisationId) -> PortResult<Vec<InvoiceSummary>> {
        read::list(&self.db, organisation).await
    }

    async fn get(&self, organisation: OrganisationId, id: InvoiceId) -> PortResult<Invoice> {
        read::get(&self.db, organisation, id).await
    }

    async fn of_booking(
        &self,
        organisation: OrganisationId,
        booking: BookingId,
    ) -> PortResult<Option<InvoiceId>> {
        read::of_booking(&self.db, organisation, booking).await
    }

    async fn create(
        &self,
        organisation: OrganisationId,
        draft: &NewInvoice,
        now: DateTime<Utc>,
    ) -> PortResult<InvoiceId> {
        write::create(&self.db, organisation, draft, now).await
    }

    async fn save_draft(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        version: i64,
        input: &InvoiceInput,
    ) -> PortResult<i64> {
        let (version, booking_changed) =
            write::save_draft(&self.db, organisation, id, version, input).await?;
        if booking_changed {
            self.live.bookings_changed(organisation).await;
        }
        Ok(version)
    }

    async fn delete_draft(&self, organisation: OrganisationId, id: InvoiceId) -> PortResult<()> {
        write::delete_draft(&self.db, organisation, id).await
    }

    async fn issue(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        version: i64,
        today: NaiveDate,
        issuer: &Issuer,
        mentions: &Mentions,
    ) -> PortResult<Result<String, IssueRefusal>> {
        issue::issue(&self.db, organisation, id, version, today, issuer, mentions).await
    }

    async fn add_payment(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        payment: &PaymentInput,
        paid_status: Option<StatusId>,
        now: DateTime<Utc>,
    ) -> PortResult<()> {
        if payments::add(&self.db, organisation, id, payment, paid_status, now).await? {
            self.live.bookings_changed(organisation).await;
        }
        Ok(())
    }

    async fn delete_payment(
        &self,
        organisation: OrganisationId,
        id: InvoiceId,
        payment: PaymentId,
    ) -> PortResult<()> {
        payments::delete(&self.db, organisation, id, payment).await
    }
}
