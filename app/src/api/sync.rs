//! Calendar sync server functions (SPEC C9, the "Synchronisation" page): the overview, feeds added,
//! changed and removed, "synchroniser maintenant" per feed and for all, the guard's confirmation, a
//! feed's history, export links (created, renewed) and the statuses exported calendars show. Reading
//! needs a role that may view bookings; every change needs one that may manage them.

use crate::domain::ids::{FeedId, PropertyId, StatusId};
use crate::domain::sync::view::{ChangeEntry, ExportLink, SyncOutcome, SyncOverview};
use crate::domain::sync::FeedForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Every feed with its health, the export links (secrets: admins and managers only), the choices of
/// the forms.
#[server(endpoint = "sync_overview", input = Json)]
pub async fn get_sync_overview() -> Result<SyncOverview, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .sync
                .overview(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// How many feeds failed at their last poll or wait for a confirmation (0 for roles that cannot
/// manage them, and when logged out): the count the navigation shows beside "Synchronisation".
#[server(endpoint = "sync_alerts", input = Json)]
pub async fn sync_alerts() -> Result<i64, AppError> {
    respond(
        async {
            // Asked on every page, logged in or not: never an error status for the page.
            let Some(user) = optional_user().await? else {
                return Ok(0);
            };
            if !user.role.can_manage_bookings() {
                return Ok(0);
            }
            let overview = services()?
                .sync
                .overview(user.organisation_id)
                .await
                .map_err(from_port)?;
            let alerts = overview
                .feeds
                .iter()
                .filter(|feed| feed.problem.is_some() || feed.held_cancellations > 0)
                .count();
            Ok(i64::try_from(alerts).unwrap_or(i64::MAX))
        }
        .await,
    )
}

/// Adds a feed to a property; its first poll runs at once and its outcome is answered.
#[server(endpoint = "add_feed", input = Json)]
pub async fn add_feed(form: FeedForm) -> Result<(FeedId, SyncOutcome), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let sync = services()?.sync;
            let id = sync
                .add_feed(user.organisation_id, &input, chrono::Utc::now())
                .await
                .map_err(from_port)?;
            let outcome = sync
                .sync_now(user.organisation_id, id)
                .await
                .map_err(from_port)?;
            Ok((id, outcome))
        }
        .await,
    )
}

/// Changes the feed `id` edited from `version`.
#[server(endpoint = "update_feed", input = Json)]
pub async fn update_feed(id: FeedId, version: i64, form: FeedForm) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .sync
                .update_feed(user.organisation_id, id, version, &input)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Removes a feed and the bookings it imported that carry no document; answers how many went.
#[server(endpoint = "delete_feed", input = Json)]
pub async fn delete_feed(id: FeedId) -> Result<i64, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .sync
                .delete_feed(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Polls a feed now.
#[server(endpoint = "sync_feed_now", input = Json)]
pub async fn sync_feed_now(id: FeedId) -> Result<SyncOutcome, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .sync
                .sync_now(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Polls every feed of the organisation now, one after the other; answers each outcome.
#[server(endpoint = "sync_all_now", input = Json)]
pub async fn sync_all_now() -> Result<Vec<(FeedId, SyncOutcome)>, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let sync = services()?.sync;
            let overview = sync
                .overview(user.organisation_id)
                .await
                .map_err(from_port)?;
            let mut outcomes = Vec::new();
            for feed in overview.feeds {
                let outcome = sync
                    .sync_now(user.organisation_id, feed.id)
                    .await
                    .map_err(from_port)?;
                outcomes.push((feed.id, outcome));
            }
            Ok(outcomes)
        }
        .await,
    )
}

/// Confirms the cancellations held back for the feed `id`, and polls it.
#[server(endpoint = "confirm_feed_cancellations", input = Json)]
pub async fn confirm_feed_cancellations(id: FeedId) -> Result<SyncOutcome, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .sync
                .confirm_held(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// The newest 100 entries of a feed's history.
#[server(endpoint = "feed_history", input = Json)]
pub async fn feed_history(id: FeedId) -> Result<Vec<ChangeEntry>, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .sync
                .history(user.organisation_id, id, 100)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// The export link of a property (none: of the organisation), created when missing; `renew`
/// replaces its secret (the old address then answers 404).
#[server(endpoint = "export_link", input = Json)]
pub async fn get_export_link(
    property: Option<PropertyId>,
    renew: bool,
) -> Result<ExportLink, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .sync
                .export_link(user.organisation_id, property, renew, chrono::Utc::now())
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Chooses which statuses the exported calendars show as taken.
#[server(endpoint = "set_exported_statuses", input = Json)]
pub async fn set_exported_statuses(statuses: Vec<StatusId>) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .sync
                .set_exported_statuses(user.organisation_id, &statuses)
                .await
                .map_err(from_port)
        }
        .await,
    )
}
