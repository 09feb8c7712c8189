//! Booking status server functions (SPEC C3, Paramètres › Statuts des réservations): list, add (up to
//! [`MAX_STATUSES`](crate::domain::booking::stored::MAX_STATUSES)), rename and recolour, reorder,
//! delete a status no booking and no calendar feed uses. Reading needs a role that may view bookings; changing needs one
//! that may manage them (admin, manager).

use crate::domain::booking::{StatusForm, StatusSetting};
use crate::domain::ids::StatusId;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The refusal of a change to the statuses, in the user's language (409).
#[cfg(feature = "ssr")]
fn refused(refusal: crate::domain::booking::StatusRefusal) -> AppError {
    use crate::domain::booking::StatusRefusal;
    let t = request_texts().customers;
    let message = match refusal {
        StatusRefusal::TooMany => (t.status_limit)(crate::domain::booking::stored::MAX_STATUSES),
        StatusRefusal::InUse(uses) => (t.status_in_use)(uses),
        StatusRefusal::CannotMove => t.cannot_move.to_string(),
    };
    AppError::new(crate::error::ErrorKind::Conflict, message)
}

/// The organisation's statuses in order, with their versions and how many bookings use each.
#[server(endpoint = "list_statuses", input = Json)]
pub async fn list_statuses() -> Result<Vec<StatusSetting>, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .statuses
                .list(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Adds a status at the end of the list.
#[server(endpoint = "create_status", input = Json)]
pub async fn create_status(form: StatusForm) -> Result<StatusSetting, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .statuses
                .create(user.organisation_id, &input)
                .await
                .map_err(from_port)?
                .map_err(refused)
        }
        .await,
    )
}

/// Renames and recolours the status `id` edited from `version`.
#[server(endpoint = "update_status", input = Json)]
pub async fn update_status(
    id: StatusId,
    version: i64,
    form: StatusForm,
) -> Result<StatusSetting, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .statuses
                .update(user.organisation_id, id, version, &input)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Moves the status `id` one place up (`up`) or down in the legend.
#[server(endpoint = "move_status", input = Json)]
pub async fn move_status(id: StatusId, up: bool) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .statuses
                .move_status(user.organisation_id, id, up)
                .await
                .map_err(from_port)?
                .map_err(refused)
        }
        .await,
    )
}

/// Deletes the status `id`, still at `version`, if no booking uses it (else a 409 saying how many do).
#[server(endpoint = "delete_status", input = Json)]
pub async fn delete_status(id: StatusId, version: i64) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .statuses
                .delete(user.organisation_id, id, version)
                .await
                .map_err(from_port)?
                .map_err(refused)
        }
        .await,
    )
}
