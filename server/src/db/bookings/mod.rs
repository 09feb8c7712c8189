//! [`BookingStore`] on the database: the planning's data ([`planning`]), one booking for its form
//! ([`read`]), saves and deletes with their guest in one transaction ([`write`]), and the customer
//! search ([`customers`]). Every statement filters by the caller's organisation.

pub(crate) mod customers;
mod planning;
mod read;
mod rows;
mod write;

use super::Db;
use crate::live::Live;
use app::domain::booking::{
    Booking, BookingInput, BookingQuotes, BookingStatus, CustomerSummary, PlanningData,
    PlanningWindow, SavedBooking,
};
use app::domain::ids::{BookingId, OrganisationId};
use app::ports::{BookingStore, PortResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Copies guests' names onto their bookings (the planning reads bars without a join): `$1` the
/// organisation, `$2` a booking id, `$3` a customer id — refreshes that booking and every booking of
/// that guest. Run in the transaction of every write of a booking or a customer.
pub(crate) const REFRESH_GUEST_NAMES: &str =
    "UPDATE bookings SET guest_name = COALESCE((SELECT c.name FROM customers c \
         WHERE c.organisation_id = bookings.organisation_id AND c.id = bookings.customer_id), '') \
     WHERE organisation_id = $1 AND (id = $2 OR customer_id = $3)";

/// Bookings stored in [`Db`]; every committed change is announced to open plannings.
pub struct SqlBookings {
    db: Db,
    live: Live,
}

impl SqlBookings {
    /// Bookings in `db`, announced on `live`.
    pub fn new(db: Db, live: Live) -> Self {
        SqlBookings { db, live }
    }

    /// Announces a change of `organisation`'s bookings once `result` says it was committed.
    async fn announced<T>(
        &self,
        organisation: OrganisationId,
        result: PortResult<T>,
    ) -> PortResult<T> {
        if result.is_ok() {
            self.live.bookings_changed(organisation).await;
        }
        result
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
        quotes: &BookingQuotes,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking> {
        self.create_new(organisation, booking, quotes, write::Overlap::Allowed, now)
            .await
    }

    async fn create_if_free(
        &self,
        organisation: OrganisationId,
        booking: &BookingInput,
        quotes: &BookingQuotes,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking> {
        self.create_new(organisation, booking, quotes, write::Overlap::Refused, now)
            .await
    }

    async fn update(
        &self,
        organisation: OrganisationId,
        id: BookingId,
        version: i64,
        booking: &BookingInput,
        quotes: &BookingQuotes,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking> {
        let saved = write::save(
            &self.db,
            organisation,
            Some((id, version)),
            booking,
            quotes,
            write::Overlap::Allowed,
            now,
        )
        .await;
        self.announced(organisation, saved).await
    }

    async fn delete(
        &self,
        organisation: OrganisationId,
        bookings: &[(BookingId, i64)],
    ) -> PortResult<()> {
        let deleted = write::delete(&self.db, organisation, bookings).await;
        self.announced(organisation, deleted).await
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

impl SqlBookings {
    /// Stores a new booking, overlapping others or not, and announces it.
    async fn create_new(
        &self,
        organisation: OrganisationId,
        booking: &BookingInput,
        quotes: &BookingQuotes,
        overlap: write::Overlap,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking> {
        let saved = write::save(&self.db, organisation, None, booking, quotes, overlap, now).await;
        self.announced(organisation, saved).await
    }
}
