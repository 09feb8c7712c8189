//! Service providers' server functions (SPEC C11). The manager's side — the overview, providers
//! created, changed, deleted, their secret renewed — needs a role that may manage providers (admins
//! and managers); the provider's side — their own planning — needs the role provider and reads only
//! the provider linked to that account. The organisation always comes from the session.

use crate::domain::ids::ProviderId;
use crate::domain::provider::{Provider, ProviderForm, ProviderPlanning, ProvidersOverview};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The providers, the properties and the provider accounts the form offers.
#[server(endpoint = "providers", input = Json)]
pub async fn get_providers() -> Result<ProvidersOverview, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_providers).await?;
            services()?
                .providers
                .overview(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Adds a provider (with a new secret link).
#[server(endpoint = "create_provider", input = Json)]
pub async fn create_provider(form: ProviderForm) -> Result<Provider, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_providers).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .providers
                .create(user.organisation_id, &input, chrono::Utc::now())
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Changes the provider `id` edited from `version`.
#[server(endpoint = "update_provider", input = Json)]
pub async fn update_provider(
    id: ProviderId,
    version: i64,
    form: ProviderForm,
) -> Result<Provider, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_providers).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .providers
                .update(user.organisation_id, id, version, &input)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Deletes the provider `id` seen at `version` (its link then answers 404).
#[server(endpoint = "delete_provider", input = Json)]
pub async fn delete_provider(id: ProviderId, version: i64) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_providers).await?;
            services()?
                .providers
                .delete(user.organisation_id, id, version)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Gives the provider `id` a new secret link; the old page and .ics addresses answer 404.
#[server(endpoint = "renew_provider_link", input = Json)]
pub async fn renew_provider_link(id: ProviderId) -> Result<Provider, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_providers).await?;
            services()?
                .providers
                .renew_link(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// The logged-in provider's own planning (today in France and the next days), with their secret
/// for the .ics address.
#[server(endpoint = "my_provider_planning", input = Json)]
pub async fn my_provider_planning() -> Result<(ProviderPlanning, String), AppError> {
    respond(
        async {
            let user = require(Role::is_provider).await?;
            let today = crate::domain::paris_time::in_paris(chrono::Utc::now()).date();
            services()?
                .providers
                .planning_of_user(
                    user.organisation_id,
                    user.id,
                    today,
                    crate::domain::provider::tasks::PLANNING_DAYS,
                )
                .await
                .map_err(from_port)
        }
        .await,
    )
}
