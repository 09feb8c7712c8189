//! The calendar sync port (SPEC C9): feeds imported into properties, their polls and history, and the
//! secret links of the exported calendars.

use super::PortResult;
use crate::domain::ids::{FeedId, OrganisationId, PropertyId, StatusId};
use crate::domain::sync::settings::FeedInput;
use crate::domain::sync::view::{ChangeEntry, ExportLink, SyncOutcome, SyncOverview};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Feeds, polls and export links of an organisation.
#[async_trait]
pub trait CalendarSync: Send + Sync {
    /// Every feed with its health, the export links, and what the forms offer.
    async fn overview(&self, organisation: OrganisationId) -> PortResult<SyncOverview>;
    /// Adds a feed (first poll due at once).
    async fn add_feed(
        &self,
        organisation: OrganisationId,
        input: &FeedInput,
        now: DateTime<Utc>,
    ) -> PortResult<FeedId>;
    /// Changes a feed's settings if its version is still `version`.
    async fn update_feed(
        &self,
        organisation: OrganisationId,
        id: FeedId,
        version: i64,
        input: &FeedInput,
    ) -> PortResult<()>;
    /// Removes a feed and the bookings it imported (those with an invoice, a contract or a group
    /// stay, no longer tied to it); returns how many bookings went.
    async fn delete_feed(&self, organisation: OrganisationId, id: FeedId) -> PortResult<i64>;
    /// Polls a feed now and answers what it did.
    async fn sync_now(&self, organisation: OrganisationId, id: FeedId) -> PortResult<SyncOutcome>;
    /// Confirms the cancellations the guard held back, and polls the feed.
    async fn confirm_held(
        &self,
        organisation: OrganisationId,
        id: FeedId,
    ) -> PortResult<SyncOutcome>;
    /// A feed's history, newest first.
    async fn history(
        &self,
        organisation: OrganisationId,
        id: FeedId,
        limit: i64,
    ) -> PortResult<Vec<ChangeEntry>>;
    /// The export link of a property (`None`: of the organisation), created when missing; with
    /// `renew` a new secret replaces the old one, whose address then answers 404.
    async fn export_link(
        &self,
        organisation: OrganisationId,
        property: Option<PropertyId>,
        renew: bool,
        now: DateTime<Utc>,
    ) -> PortResult<ExportLink>;
    /// Chooses which statuses block the exported calendars.
    async fn set_exported_statuses(
        &self,
        organisation: OrganisationId,
        statuses: &[StatusId],
    ) -> PortResult<()>;
}
