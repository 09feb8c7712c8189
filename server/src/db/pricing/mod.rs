//! [`PricingStore`] on the database: rate plans and seasons ([`plans`]), the catalogue of options and
//! tourist taxes ([`catalogue`]), the organisation's settings ([`settings`]), and the assembly of a
//! property's [`PricedProperty`] for the engine. Every statement filters by the caller's organisation.

mod catalogue;
mod plans;
mod seasons;
mod settings;

use super::{internal, on_db, Db};
use crate::live::Live;
use app::domain::ids::{
    ChargeOptionId, OrganisationId, PropertyId, RatePlanId, SeasonId, TouristTaxId,
};
use app::domain::pricing::{Charge, PricedProperty, PricingSettings, Season, Tariff, TouristTax};
use app::domain::rates::{
    ChargeOption, RatePlan, RatePlanInput, RatePlanSummary, StoredTouristTax,
};
use app::ports::{PortError, PortResult, PricingStore};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::money::StoredMoney;

/// Rates stored in [`Db`]; each change is announced to `live` (the public pages' cache).
pub struct SqlPricing {
    db: Db,
    live: Live,
}

impl SqlPricing {
    /// Rates in `db`, changes told to `live`.
    pub fn new(db: Db, live: Live) -> Self {
        SqlPricing { db, live }
    }
}

/// The columns of a property the engine needs.
#[derive(sqlx::FromRow)]
struct PricedPropertyRow {
    id: String,
    name: String,
    capacity: i64,
    rate_plan_id: Option<String>,
    fixed_price: Option<StoredMoney>,
    tourist_tax_id: Option<String>,
}

#[async_trait]
impl PricingStore for SqlPricing {
    async fn list_plans(&self, organisation: OrganisationId) -> PortResult<Vec<RatePlanSummary>> {
        plans::list(&self.db, organisation).await
    }

    async fn get_plan(&self, organisation: OrganisationId, id: RatePlanId) -> PortResult<RatePlan> {
        plans::get(&self.db, organisation, id).await
    }

    async fn create_plan(
        &self,
        organisation: OrganisationId,
        input: &RatePlanInput,
        now: DateTime<Utc>,
    ) -> PortResult<RatePlan> {
        catalogue::check_plan_references(&self.db, organisation, input).await?;
        let created = plans::create(&self.db, organisation, input, now).await;
        let id = self
            .live
            .after_catalogue_write(organisation, created)
            .await?;
        plans::get(&self.db, organisation, id).await
    }

    async fn update_plan(
        &self,
        organisation: OrganisationId,
        id: RatePlanId,
        version: i64,
        input: &RatePlanInput,
    ) -> PortResult<RatePlan> {
        catalogue::check_plan_references(&self.db, organisation, input).await?;
        let updated = plans::update(&self.db, organisation, id, version, input).await;
        self.live
            .after_catalogue_write(organisation, updated)
            .await?;
        plans::get(&self.db, organisation, id).await
    }

    async fn delete_plan(&self, organisation: OrganisationId, id: RatePlanId) -> PortResult<()> {
        let deleted = plans::delete(&self.db, organisation, id).await;
        self.live.after_catalogue_write(organisation, deleted).await
    }

    async fn save_season(
        &self,
        organisation: OrganisationId,
        plan: RatePlanId,
        version: i64,
        season_id: Option<SeasonId>,
        season: &Season,
    ) -> PortResult<RatePlan> {
        let saved =
            seasons::save_season(&self.db, organisation, plan, version, season_id, season).await;
        self.live.after_catalogue_write(organisation, saved).await?;
        plans::get(&self.db, organisation, plan).await
    }

    async fn delete_season(
        &self,
        organisation: OrganisationId,
        plan: RatePlanId,
        version: i64,
        season_id: SeasonId,
    ) -> PortResult<RatePlan> {
        let deleted =
            seasons::delete_season(&self.db, organisation, plan, version, season_id).await;
        self.live
            .after_catalogue_write(organisation, deleted)
            .await?;
        plans::get(&self.db, organisation, plan).await
    }

    async fn settings(&self, organisation: OrganisationId) -> PortResult<(PricingSettings, i64)> {
        settings::get(&self.db, organisation).await
    }

    async fn save_settings(
        &self,
        organisation: OrganisationId,
        version: i64,
        settings: &PricingSettings,
    ) -> PortResult<i64> {
        let saved = settings::save(&self.db, organisation, version, settings).await;
        self.live.after_catalogue_write(organisation, saved).await
    }

    async fn list_options(&self, organisation: OrganisationId) -> PortResult<Vec<ChargeOption>> {
        catalogue::list_options(&self.db, organisation).await
    }

    async fn save_option(
        &self,
        organisation: OrganisationId,
        id: Option<(ChargeOptionId, i64)>,
        charge: &Charge,
    ) -> PortResult<ChargeOption> {
        let saved = catalogue::save_option(&self.db, organisation, id, charge).await;
        self.live.after_catalogue_write(organisation, saved).await
    }

    async fn delete_option(
        &self,
        organisation: OrganisationId,
        id: ChargeOptionId,
    ) -> PortResult<()> {
        let deleted = catalogue::delete_option(&self.db, organisation, id).await;
        self.live.after_catalogue_write(organisation, deleted).await
    }

    async fn list_taxes(&self, organisation: OrganisationId) -> PortResult<Vec<StoredTouristTax>> {
        catalogue::list_taxes(&self.db, organisation).await
    }

    async fn save_tax(
        &self,
        organisation: OrganisationId,
        id: Option<(TouristTaxId, i64)>,
        tax: &TouristTax,
    ) -> PortResult<StoredTouristTax> {
        let saved = catalogue::save_tax(&self.db, organisation, id, tax).await;
        self.live.after_catalogue_write(organisation, saved).await
    }

    async fn delete_tax(&self, organisation: OrganisationId, id: TouristTaxId) -> PortResult<()> {
        let deleted = catalogue::delete_tax(&self.db, organisation, id).await;
        self.live.after_catalogue_write(organisation, deleted).await
    }

    async fn priced_property(
        &self,
        organisation: OrganisationId,
        id: PropertyId,
    ) -> PortResult<PricedProperty> {
        let row: Option<PricedPropertyRow> = on_db!(&self.db, pool => sqlx::query_as(
            "SELECT id, name, capacity, rate_plan_id, fixed_price, tourist_tax_id FROM properties \
             WHERE organisation_id = $1 AND id = $2")
            .bind(organisation.to_string())
            .bind(id.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        let row = row.ok_or(PortError::NotFound)?;
        self.assemble(organisation, row, &mut Shared::default())
            .await
            .map(|(_, priced)| priced)
    }

    async fn listed_priced(
        &self,
        organisation: OrganisationId,
    ) -> PortResult<Vec<(PropertyId, PricedProperty)>> {
        let rows: Vec<PricedPropertyRow> = on_db!(&self.db, pool => sqlx::query_as(
            "SELECT id, name, capacity, rate_plan_id, fixed_price, tourist_tax_id FROM properties \
             WHERE organisation_id = $1 AND public_listing ORDER BY name, id")
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        let mut shared = Shared::default();
        let mut priced = Vec::with_capacity(rows.len());
        for row in rows {
            priced.push(self.assemble(organisation, row, &mut shared).await?);
        }
        Ok(priced)
    }
}

/// The plans and taxes read while assembling several properties, each read once.
#[derive(Default)]
struct Shared {
    tariffs: std::collections::HashMap<String, (Tariff, Option<TouristTaxId>)>,
    taxes: std::collections::HashMap<TouristTaxId, TouristTax>,
}

impl SqlPricing {
    /// The engine's view of the property in `row`, reading its plan and tax unless `shared` has them.
    async fn assemble(
        &self,
        organisation: OrganisationId,
        row: PricedPropertyRow,
        shared: &mut Shared,
    ) -> PortResult<(PropertyId, PricedProperty)> {
        let (tariff, plan_tax) = match (row.rate_plan_id, row.fixed_price) {
            (Some(plan), _) => match shared.tariffs.get(&plan) {
                Some(known) => known.clone(),
                None => {
                    let read = plans::tariff(&self.db, organisation, super::rows::parse_id(&plan)?)
                        .await?;
                    shared.tariffs.insert(plan, read.clone());
                    read
                }
            },
            (None, Some(price)) => (Tariff::fixed(price.0), None),
            (None, None) => return Err(PortError::Internal("property without pricing".into())),
        };
        let tax_id = match row.tourist_tax_id {
            Some(own) => Some(super::rows::parse_id(&own)?),
            None => plan_tax,
        };
        let tourist_taxes = match tax_id {
            Some(tax_id) => match shared.taxes.get(&tax_id) {
                Some(known) => vec![known.clone()],
                None => {
                    let tax = catalogue::tax(&self.db, organisation, tax_id).await?;
                    shared.taxes.insert(tax_id, tax.clone());
                    vec![tax]
                }
            },
            None => Vec::new(),
        };
        Ok((
            super::rows::parse_id(&row.id)?,
            PricedProperty {
                name: row.name,
                capacity: u16::try_from(row.capacity).map_err(internal)?,
                tariff,
                tourist_taxes,
            },
        ))
    }
}
