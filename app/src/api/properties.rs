//! Property server functions: list, read, create, update, delete (SPEC C2). Reading needs a role that
//! may view properties; changing them needs one that may manage them.

use crate::domain::ids::PropertyId;
use crate::domain::property::{Property, PropertyForm, PropertyFormChoices, PropertySummary};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The organisation's properties.
#[server(endpoint = "list_properties", input = Json)]
pub async fn list_properties() -> Result<Vec<PropertySummary>, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .properties
                .list(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// One property, for its edit form.
#[server(endpoint = "get_property", input = Json)]
pub async fn get_property(id: PropertyId) -> Result<Property, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .properties
                .get(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// The owners and rate plans the property form offers.
#[server(endpoint = "property_choices", input = Json)]
pub async fn property_choices() -> Result<PropertyFormChoices, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .properties
                .choices(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Creates a property from its form; returns its id.
#[server(endpoint = "create_property", input = Json)]
pub async fn create_property(form: PropertyForm) -> Result<PropertyId, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let property = services()?
                .properties
                .create(user.organisation_id, &input, chrono::Utc::now())
                .await
                .map_err(from_port)?;
            Ok(property.id)
        }
        .await,
    )
}

/// Updates a property made from `version`; a conflict if someone saved in between.
#[server(endpoint = "update_property", input = Json)]
pub async fn update_property(
    id: PropertyId,
    version: i64,
    form: PropertyForm,
) -> Result<Property, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .properties
                .update(
                    user.organisation_id,
                    id,
                    version,
                    &input,
                    chrono::Utc::now(),
                )
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// How many bookings would be deleted with the property (asked before confirming).
#[server(endpoint = "property_booking_count", input = Json)]
pub async fn property_booking_count(id: PropertyId) -> Result<i64, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            services()?
                .properties
                .booking_count(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Deletes the property and its bookings, if it still has the number of bookings the person confirmed.
#[server(endpoint = "delete_property", input = Json)]
pub async fn delete_property(id: PropertyId, expected_bookings: i64) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            services()?
                .properties
                .delete(user.organisation_id, id, expected_bookings)
                .await
                .map_err(from_port)
        }
        .await,
    )
}
