//! [`CalendarSync`] on the database: the feeds' settings, "synchroniser maintenant", the guard's
//! confirmation, the history, the export links. The background polls are [`super::scheduler`]'s.

use super::engine::Poller;
use crate::db::sync::{exports, feeds, history};
use crate::db::{internal, on_db};
use app::domain::booking::BookingStatus;
use app::domain::ids::{FeedId, OrganisationId, PropertyId, StatusId};
use app::domain::listing::Choice;
use app::domain::sync::view::{ChangeEntry, ExportLink, SyncOutcome, SyncOverview};
use app::domain::sync::FeedInput;
use app::ports::{CalendarSync, PortResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// The calendar sync of one server.
#[derive(Clone)]
pub struct SqlCalendarSync {
    poller: Poller,
}

impl SqlCalendarSync {
    /// The sync on `poller`.
    pub fn new(poller: Poller) -> SqlCalendarSync {
        SqlCalendarSync { poller }
    }
}

#[async_trait]
impl CalendarSync for SqlCalendarSync {
    async fn overview(&self, organisation: OrganisationId) -> PortResult<SyncOverview> {
        let db = &self.poller.db;
        let org = organisation.to_string();
        let properties: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(
            "SELECT id, name FROM properties WHERE organisation_id = $1 ORDER BY lower(name), id")
            .bind(&org)
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        let statuses: Vec<(String, String, String)> = on_db!(db, pool => sqlx::query_as(
            "SELECT id, name, color FROM booking_statuses WHERE organisation_id = $1 ORDER BY position")
            .bind(&org)
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        let feeds = feeds::list(db, organisation)
            .await?
            .iter()
            .map(feeds::FeedRow::health)
            .collect::<PortResult<Vec<_>>>()?;
        Ok(SyncOverview {
            properties: properties
                .into_iter()
                .map(|(id, label)| Choice { id, label })
                .collect(),
            statuses: statuses
                .into_iter()
                .map(|(id, name, color)| {
                    Ok(BookingStatus {
                        id: crate::db::rows::parse_id(&id)?,
                        name,
                        color,
                    })
                })
                .collect::<PortResult<Vec<_>>>()?,
            feeds,
            links: exports::links(db, organisation).await?,
            exported_statuses: exports::exported_statuses(db, organisation).await?,
        })
    }

    async fn add_feed(
        &self,
        organisation: OrganisationId,
        input: &FeedInput,
        now: DateTime<Utc>,
    ) -> PortResult<FeedId> {
        feeds::insert(&self.poller.db, organisation, input, now).await
    }

    async fn update_feed(
        &self,
        organisation: OrganisationId,
        id: FeedId,
        version: i64,
        input: &FeedInput,
    ) -> PortResult<()> {
        feeds::update(&self.poller.db, organisation, id, version, input).await
    }

    async fn delete_feed(&self, organisation: OrganisationId, id: FeedId) -> PortResult<i64> {
        let deleted = feeds::delete(&self.poller.db, organisation, id).await?;
        if deleted > 0 {
            self.poller.live.bookings_changed(organisation).await;
        }
        Ok(deleted)
    }

    async fn sync_now(&self, organisation: OrganisationId, id: FeedId) -> PortResult<SyncOutcome> {
        self.poller.poll(organisation, id).await
    }

    async fn confirm_held(
        &self,
        organisation: OrganisationId,
        id: FeedId,
    ) -> PortResult<SyncOutcome> {
        feeds::release_held(&self.poller.db, organisation, id).await?;
        self.poller.poll(organisation, id).await
    }

    async fn history(
        &self,
        organisation: OrganisationId,
        id: FeedId,
        limit: i64,
    ) -> PortResult<Vec<ChangeEntry>> {
        feeds::load(&self.poller.db, organisation, id).await?;
        history::list(&self.poller.db, organisation, id, limit).await
    }

    async fn export_link(
        &self,
        organisation: OrganisationId,
        property: Option<PropertyId>,
        renew: bool,
        now: DateTime<Utc>,
    ) -> PortResult<ExportLink> {
        exports::link(&self.poller.db, organisation, property, renew, now).await
    }

    async fn set_exported_statuses(
        &self,
        organisation: OrganisationId,
        statuses: &[StatusId],
    ) -> PortResult<()> {
        exports::set_exported_statuses(&self.poller.db, organisation, statuses).await
    }
}
