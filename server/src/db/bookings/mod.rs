//! [`BookingStore`] on the database: the planning's data ([`planning`]), one booking for its form
//! ([`read`]), saves and deletes with their guest in one transaction ([`write`]), and the customer
//! search ([`customers`]). Every statement filters by the caller's organisation.

pub(crate) mod customers;
mod planning;
mod read;
mod write;

use super::Db;
use app::domain::booking::{
    Booking, BookingInput, BookingStatus, CustomerSummary, PlanningData, PlanningWindow,
    SavedBooking,
};
use app::domain::ids::{BookingId, OrganisationId};
use app::domain::pricing::Quote;
use app::ports::{BookingStore, PortResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Bookings stored in [`Db`].
pub struct SqlBookings {
    db: Db,
}

impl SqlBookings {
    /// Bookings in `db`.
    pub fn new(db: Db) -> Self {
        SqlBookings { db }
    }
}

#[async_trait]
impl BookingStore for SqlBookings {
    async fn planning(
        &self,
        organisation: OrganisationId,
        window: PlanningWindow,
    ) -> PortResult<PlanningData> {
        planning::load(&self.db, organisation, window).await
    }

    async fn get(&self, organisation: OrganisationId, id: BookingId) -> PortResult<Booking> {
        read::get(&self.db, organisation, id).await
    }

    async fn create(
        &self,
        organisation: OrganisationId,
        booking: &BookingInput,
        quote: &Quote,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking> {
        write::save(&self.db, organisation, None, booking, quote, now).await
    }

    async fn update(
        &self,
        organisation: OrganisationId,
        id: BookingId,
        version: i64,
        booking: &BookingInput,
        quote: &Quote,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking> {
        write::save(
            &self.db,
            organisation,
            Some((id, version)),
            booking,
            quote,
            now,
        )
        .await
    }

    async fn delete(
        &self,
        organisation: OrganisationId,
        id: BookingId,
        version: i64,
    ) -> PortResult<()> {
        write::delete(&self.db, organisation, id, version).await
    }

    async fn statuses(&self, organisation: OrganisationId) -> PortResult<Vec<BookingStatus>> {
        planning::statuses(&self.db, organisation).await
    }

    async fn customers(
        &self,
        organisation: OrganisationId,
        search: &str,
        limit: i64,
    ) -> PortResult<Vec<CustomerSummary>> {
        customers::search(&self.db, organisation, search, limit).await
    }
}
