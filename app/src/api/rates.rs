//! Rate management server functions (SPEC C5): rate plans and seasons, pricing settings, the
//! catalogue of options and tourist taxes. Reading needs a role that may view properties; changing
//! needs one that may manage them.

use crate::domain::ids::{ChargeOptionId, RatePlanId, SeasonId, TouristTaxId};
use crate::domain::pricing::PricingSettings;
use crate::domain::rates::{
    ChargeOption, ChargeOptionForm, PricingSettingsForm, RatePlan, RatePlanForm, RatePlanSummary,
    SeasonForm, StoredTouristTax, TouristTaxForm,
};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The organisation's pricing settings and catalogue: what a plan page and a quote need besides
/// the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricingContext {
    /// Settings.
    pub settings: PricingSettings,
    /// Their version.
    pub settings_version: i64,
    /// Predefined options.
    pub options: Vec<ChargeOption>,
    /// Tourist taxes.
    pub taxes: Vec<StoredTouristTax>,
}

#[cfg(feature = "ssr")]
async fn context_of(
    organisation: crate::domain::ids::OrganisationId,
) -> Result<PricingContext, AppError> {
    let pricing = services()?.pricing;
    let (settings, settings_version) = pricing.settings(organisation).await.map_err(from_port)?;
    Ok(PricingContext {
        settings,
        settings_version,
        options: pricing
            .list_options(organisation)
            .await
            .map_err(from_port)?,
        taxes: pricing.list_taxes(organisation).await.map_err(from_port)?,
    })
}

/// The organisation's rate plans.
#[server(endpoint = "list_rate_plans", input = Json)]
pub async fn list_rate_plans() -> Result<Vec<RatePlanSummary>, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .pricing
                .list_plans(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// The pricing settings and catalogue.
#[server(endpoint = "get_pricing_context", input = Json)]
pub async fn get_pricing_context() -> Result<PricingContext, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            context_of(user.organisation_id).await
        }
        .await,
    )
}

/// One plan with its seasons, and the context to quote with it.
#[server(endpoint = "get_rate_plan", input = Json)]
pub async fn get_rate_plan(id: RatePlanId) -> Result<(RatePlan, PricingContext), AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            let plan = services()?
                .pricing
                .get_plan(user.organisation_id, id)
                .await
                .map_err(from_port)?;
            Ok((plan, context_of(user.organisation_id).await?))
        }
        .await,
    )
}

/// Creates a plan from its form; returns its id.
#[server(endpoint = "create_rate_plan", input = Json)]
pub async fn create_rate_plan(form: RatePlanForm) -> Result<RatePlanId, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let plan = services()?
                .pricing
                .create_plan(user.organisation_id, &input, chrono::Utc::now())
                .await
                .map_err(from_port)?;
            Ok(plan.id)
        }
        .await,
    )
}

/// Updates a plan's fields made from `version`.
#[server(endpoint = "update_rate_plan", input = Json)]
pub async fn update_rate_plan(
    id: RatePlanId,
    version: i64,
    form: RatePlanForm,
) -> Result<RatePlan, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .pricing
                .update_plan(user.organisation_id, id, version, &input)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Deletes a plan no property uses.
#[server(endpoint = "delete_rate_plan", input = Json)]
pub async fn delete_rate_plan(id: RatePlanId) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            services()?
                .pricing
                .delete_plan(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Adds (`season_id` = `None`) or replaces a season of a plan at `version`.
#[server(endpoint = "save_season", input = Json)]
pub async fn save_season(
    plan: RatePlanId,
    version: i64,
    season_id: Option<SeasonId>,
    form: SeasonForm,
) -> Result<RatePlan, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let season = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .pricing
                .save_season(user.organisation_id, plan, version, season_id, &season)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Deletes a season of a plan at `version`.
#[server(endpoint = "delete_season", input = Json)]
pub async fn delete_season(
    plan: RatePlanId,
    version: i64,
    season_id: SeasonId,
) -> Result<RatePlan, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            services()?
                .pricing
                .delete_season(user.organisation_id, plan, version, season_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Saves the pricing settings made from `version`; returns the new version.
#[server(endpoint = "save_pricing_settings", input = Json)]
pub async fn save_pricing_settings(
    version: i64,
    form: PricingSettingsForm,
) -> Result<i64, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let settings = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .pricing
                .save_settings(user.organisation_id, version, &settings)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Adds (`id` = `None`) or replaces (id and version) a predefined option.
#[server(endpoint = "save_charge_option", input = Json)]
pub async fn save_charge_option(
    id: Option<(ChargeOptionId, i64)>,
    form: ChargeOptionForm,
) -> Result<ChargeOption, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let charge = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .pricing
                .save_option(user.organisation_id, id, &charge)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Deletes a predefined option.
#[server(endpoint = "delete_charge_option", input = Json)]
pub async fn delete_charge_option(id: ChargeOptionId) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            services()?
                .pricing
                .delete_option(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Adds (`id` = `None`) or replaces (id and version) a tourist tax.
#[server(endpoint = "save_tourist_tax", input = Json)]
pub async fn save_tourist_tax(
    id: Option<(TouristTaxId, i64)>,
    form: TouristTaxForm,
) -> Result<StoredTouristTax, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let tax = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .pricing
                .save_tax(user.organisation_id, id, &tax)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Deletes a tourist tax no plan or property uses.
#[server(endpoint = "delete_tourist_tax", input = Json)]
pub async fn delete_tourist_tax(id: TouristTaxId) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            services()?
                .pricing
                .delete_tax(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}
