//! The bookings' port (SPEC C3–C4): the planning, a booking's form, and its writes.

use super::PortResult;
use crate::domain::booking::{
    Booking, BookingInput, BookingQuotes, BookingStatus, CustomerSummary, PlanningData,
    PlanningWindow, SavedBooking,
};
use crate::domain::ids::{BookingId, OrganisationId};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Bookings, their guests and the planning.
#[async_trait]
pub trait BookingStore: Send + Sync {
    /// The rows, bars, statuses and owners of the planning over `window`.
    async fn planning(
        &self,
        organisation: OrganisationId,
        window: PlanningWindow,
    ) -> PortResult<PlanningData>;
    /// One booking, for its edit form.
    async fn get(&self, organisation: OrganisationId, id: BookingId) -> PortResult<Booking>;
    /// Stores a new booking sold at `quotes` (its guest created or updated, and the other properties
    /// of its group stored, in the same transaction).
    async fn create(
        &self,
        organisation: OrganisationId,
        booking: &BookingInput,
        quotes: &BookingQuotes,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking>;
    /// Stores a new booking as [`BookingStore::create`] does, but only if none of its nights is
    /// taken by a booking whose status takes nights ([`PortError::Conflict`] otherwise) — checked
    /// in the writing transaction, so two guests can never get the same nights.
    async fn create_if_free(
        &self,
        organisation: OrganisationId,
        booking: &BookingInput,
        quotes: &BookingQuotes,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking>;
    /// Replaces a booking saved at `version` and the other members of its group
    /// ([`PortError::Conflict`] if any of them changed since, or if the group gained a member).
    async fn update(
        &self,
        organisation: OrganisationId,
        id: BookingId,
        version: i64,
        booking: &BookingInput,
        quotes: &BookingQuotes,
        now: DateTime<Utc>,
    ) -> PortResult<SavedBooking>;
    /// Deletes bookings each still at its version, all or none (a group left with one property is
    /// no group any more).
    async fn delete(
        &self,
        organisation: OrganisationId,
        bookings: &[(BookingId, i64)],
    ) -> PortResult<()>;
    /// The organisation's statuses, in order.
    async fn statuses(&self, organisation: OrganisationId) -> PortResult<Vec<BookingStatus>>;
    /// Customers whose name, email or phone contains `search` (all when empty), by name.
    async fn customers(
        &self,
        organisation: OrganisationId,
        search: &str,
        limit: i64,
    ) -> PortResult<Vec<CustomerSummary>>;
}
