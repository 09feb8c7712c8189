//! The rates' port (SPEC C5): plans and seasons, the pricing settings, options and tourist taxes,
//! and what the engine needs to price a property.

use super::PortResult;
use crate::domain::ids::{
    ChargeOptionId, OrganisationId, PropertyId, RatePlanId, SeasonId, TouristTaxId,
};
use crate::domain::pricing::{Charge, PricedProperty, PricingSettings, Season, TouristTax};
use crate::domain::rates::{
    ChargeOption, RatePlan, RatePlanInput, RatePlanSummary, StoredTouristTax,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Rate plans, seasons, pricing settings and the catalogue (options, tourist taxes).
#[async_trait]
pub trait PricingStore: Send + Sync {
    /// The organisation's rate plans, by name.
    async fn list_plans(&self, organisation: OrganisationId) -> PortResult<Vec<RatePlanSummary>>;
    /// One plan with its seasons and the properties it prices.
    async fn get_plan(&self, organisation: OrganisationId, id: RatePlanId) -> PortResult<RatePlan>;
    /// Stores a new plan.
    async fn create_plan(
        &self,
        organisation: OrganisationId,
        input: &RatePlanInput,
        now: DateTime<Utc>,
    ) -> PortResult<RatePlan>;
    /// Replaces a plan's fields if its version is still `version`.
    async fn update_plan(
        &self,
        organisation: OrganisationId,
        id: RatePlanId,
        version: i64,
        input: &RatePlanInput,
    ) -> PortResult<RatePlan>;
    /// Deletes a plan no property uses ([`PortError::Conflict`] otherwise) and its seasons.
    async fn delete_plan(&self, organisation: OrganisationId, id: RatePlanId) -> PortResult<()>;
    /// Adds (`season_id` = `None`) or replaces a season of a plan still at `version`.
    async fn save_season(
        &self,
        organisation: OrganisationId,
        plan: RatePlanId,
        version: i64,
        season_id: Option<SeasonId>,
        season: &Season,
    ) -> PortResult<RatePlan>;
    /// Deletes a season of a plan still at `version`.
    async fn delete_season(
        &self,
        organisation: OrganisationId,
        plan: RatePlanId,
        version: i64,
        season_id: SeasonId,
    ) -> PortResult<RatePlan>;
    /// The organisation's pricing settings and their version (defaults, version 0, if never saved).
    async fn settings(&self, organisation: OrganisationId) -> PortResult<(PricingSettings, i64)>;
    /// Saves the settings if their version is still `version`; returns the new version.
    async fn save_settings(
        &self,
        organisation: OrganisationId,
        version: i64,
        settings: &PricingSettings,
    ) -> PortResult<i64>;
    /// The predefined options, by label.
    async fn list_options(&self, organisation: OrganisationId) -> PortResult<Vec<ChargeOption>>;
    /// Adds (`id` = `None`) or replaces (at `version`) an option.
    async fn save_option(
        &self,
        organisation: OrganisationId,
        id: Option<(ChargeOptionId, i64)>,
        charge: &Charge,
    ) -> PortResult<ChargeOption>;
    /// Deletes an option (and removes it from the plans charging it).
    async fn delete_option(
        &self,
        organisation: OrganisationId,
        id: ChargeOptionId,
    ) -> PortResult<()>;
    /// The tourist taxes, by name.
    async fn list_taxes(&self, organisation: OrganisationId) -> PortResult<Vec<StoredTouristTax>>;
    /// Adds (`id` = `None`) or replaces (at `version`) a tourist tax.
    async fn save_tax(
        &self,
        organisation: OrganisationId,
        id: Option<(TouristTaxId, i64)>,
        tax: &TouristTax,
    ) -> PortResult<StoredTouristTax>;
    /// Deletes a tourist tax no plan or property uses ([`PortError::Conflict`] otherwise).
    async fn delete_tax(&self, organisation: OrganisationId, id: TouristTaxId) -> PortResult<()>;
    /// Everything the engine needs about one property.
    async fn priced_property(
        &self,
        organisation: OrganisationId,
        id: PropertyId,
    ) -> PortResult<PricedProperty>;
    /// The same for every property listed publicly, by name (the public search); a plan or a tax
    /// several properties share is read once.
    async fn listed_priced(
        &self,
        organisation: OrganisationId,
    ) -> PortResult<Vec<(PropertyId, PricedProperty)>>;
}
