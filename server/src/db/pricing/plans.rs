//! Rate plans (their seasons are changed in [`super::seasons`]). Every change to a plan or to one of
//! its seasons is made only if the plan is still at the version the person saw, and increments it, in
//! one transaction.

use crate::db::money::StoredMoney;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{ChargeOptionId, OrganisationId, PropertyId, RatePlanId, TouristTaxId};
use app::domain::money::Money;
use app::domain::percent::Percent;
use app::domain::pricing::{Charge, Rates, Season, Tariff};
use app::domain::rates::{RatePlan, RatePlanInput, RatePlanSummary, StoredSeason};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct PlanRow {
    version: i64,
    name: String,
    nightly_price: StoredMoney,
    weekly_price: Option<StoredMoney>,
    weekend_price: Option<StoredMoney>,
    guests_included: i64,
    extra_guest_fee: StoredMoney,
    minimum_stay: Option<i64>,
    tourist_tax_id: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SeasonRow {
    id: String,
    name: String,
    first_night: NaiveDate,
    last_night: NaiveDate,
    nightly_price: StoredMoney,
    weekly_price: Option<StoredMoney>,
    weekend_price: Option<StoredMoney>,
    minimum_stay: Option<i64>,
    no_discounts: bool,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: String,
    name: String,
    nightly_price: StoredMoney,
    seasons: i64,
    properties: i64,
}

fn money(stored: Option<StoredMoney>) -> Option<Money> {
    stored.map(|m| m.0)
}

pub(super) fn stored(amount: Option<Money>) -> Option<StoredMoney> {
    amount.map(StoredMoney)
}

fn nights(value: Option<i64>) -> Option<u16> {
    value.and_then(|n| u16::try_from(n).ok())
}

impl SeasonRow {
    fn into_season(self) -> PortResult<StoredSeason> {
        Ok(StoredSeason {
            id: parse_id(&self.id)?,
            season: Season {
                name: self.name.into(),
                first_night: self.first_night,
                last_night: self.last_night,
                rates: Rates {
                    nightly: self.nightly_price.0,
                    weekly: money(self.weekly_price),
                    weekend: money(self.weekend_price),
                },
                minimum_stay: nights(self.minimum_stay),
                no_discounts: self.no_discounts,
            },
        })
    }
}

/// The organisation's plans, by name.
pub async fn list(db: &Db, organisation: OrganisationId) -> PortResult<Vec<RatePlanSummary>> {
    let rows: Vec<SummaryRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT r.id, r.name, r.nightly_price, \
                (SELECT COUNT(*) FROM seasons s WHERE s.organisation_id = r.organisation_id AND s.rate_plan_id = r.id) AS seasons, \
                (SELECT COUNT(*) FROM properties p WHERE p.organisation_id = r.organisation_id AND p.rate_plan_id = r.id) AS properties \
         FROM rate_plans r WHERE r.organisation_id = $1 ORDER BY lower(r.name), r.id")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|row| {
            Ok(RatePlanSummary {
                id: parse_id(&row.id)?,
                name: row.name,
                nightly: row.nightly_price.0,
                seasons: row.seasons,
                properties: row.properties,
            })
        })
        .collect()
}

async fn plan_row(db: &Db, org: &str, plan: &str) -> PortResult<PlanRow> {
    let row: Option<PlanRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT version, name, nightly_price, weekly_price, weekend_price, guests_included, \
                extra_guest_fee, minimum_stay, tourist_tax_id \
         FROM rate_plans WHERE organisation_id = $1 AND id = $2")
        .bind(org)
        .bind(plan)
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    row.ok_or(PortError::NotFound)
}

async fn seasons_of(db: &Db, org: &str, plan: &str) -> PortResult<Vec<StoredSeason>> {
    let seasons: Vec<SeasonRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, name, first_night, last_night, nightly_price, weekly_price, weekend_price, \
                minimum_stay, no_discounts \
         FROM seasons WHERE organisation_id = $1 AND rate_plan_id = $2 ORDER BY first_night, id")
        .bind(org)
        .bind(plan)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    seasons.into_iter().map(SeasonRow::into_season).collect()
}

impl PlanRow {
    fn into_input(self, flat_fees: Vec<ChargeOptionId>) -> PortResult<RatePlanInput> {
        Ok(RatePlanInput {
            name: self.name,
            base: Rates {
                nightly: self.nightly_price.0,
                weekly: money(self.weekly_price),
                weekend: money(self.weekend_price),
            },
            guests_included: u16::try_from(self.guests_included).map_err(internal)?,
            extra_guest_fee: self.extra_guest_fee.0,
            minimum_stay: nights(self.minimum_stay),
            tourist_tax: self.tourist_tax_id.as_deref().map(parse_id).transpose()?,
            flat_fees,
        })
    }
}

/// One plan with its seasons, flat fees and properties.
pub async fn get(db: &Db, organisation: OrganisationId, id: RatePlanId) -> PortResult<RatePlan> {
    let org = organisation.to_string();
    let plan_id = id.to_string();
    let row = plan_row(db, &org, &plan_id).await?;
    let seasons = seasons_of(db, &org, &plan_id).await?;
    let fees: Vec<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT option_id FROM rate_plan_fees WHERE organisation_id = $1 AND rate_plan_id = $2 ORDER BY option_id")
        .bind(&org)
        .bind(&plan_id)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let properties: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, name FROM properties WHERE organisation_id = $1 AND rate_plan_id = $2 ORDER BY lower(name)")
        .bind(&org)
        .bind(&plan_id)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    Ok(RatePlan {
        id,
        version: row.version,
        input: row.into_input(
            fees.iter()
                .map(|id| parse_id(id))
                .collect::<PortResult<_>>()?,
        )?,
        seasons,
        properties: properties
            .into_iter()
            .map(|(id, name)| Ok((parse_id::<PropertyId>(&id)?, name)))
            .collect::<PortResult<_>>()?,
    })
}

/// Only what the engine needs of a plan (three queries, on the quote's hot path): its tariff, with
/// the flat fees read from the catalogue, and its tourist tax.
pub async fn tariff(
    db: &Db,
    organisation: OrganisationId,
    id: RatePlanId,
) -> PortResult<(Tariff, Option<TouristTaxId>)> {
    let org = organisation.to_string();
    let plan_id = id.to_string();
    let row = plan_row(db, &org, &plan_id).await?;
    let seasons = seasons_of(db, &org, &plan_id).await?;
    let fees: Vec<(String, StoredMoney, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT o.label, o.unit_price, o.vat_rate FROM rate_plan_fees f \
         JOIN charge_options o ON o.organisation_id = f.organisation_id AND o.id = f.option_id \
         WHERE f.organisation_id = $1 AND f.rate_plan_id = $2 ORDER BY lower(o.label), o.id")
        .bind(&org)
        .bind(&plan_id)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let input = row.into_input(Vec::new())?;
    Ok((
        Tariff {
            name: input.name.as_str().into(),
            base: input.base,
            guests_included: input.guests_included,
            extra_guest_fee: input.extra_guest_fee,
            minimum_stay: input.minimum_stay,
            seasons: seasons.into_iter().map(|s| s.season).collect(),
            flat_fees: fees
                .into_iter()
                .map(|(label, unit_price, vat_rate)| Charge {
                    label: label.into(),
                    unit_price: unit_price.0,
                    vat_rate: Percent::from_hundredths(vat_rate),
                })
                .collect(),
        },
        input.tourist_tax,
    ))
}

/// Replaces the plan's flat fees within an open transaction.
macro_rules! replace_fees {
    ($tx:expr, $org:expr, $plan:expr, $input:expr) => {{
        sqlx::query("DELETE FROM rate_plan_fees WHERE organisation_id = $1 AND rate_plan_id = $2")
            .bind($org)
            .bind($plan)
            .execute(&mut *$tx)
            .await?;
        for fee in &$input.flat_fees {
            sqlx::query(
                "INSERT INTO rate_plan_fees (organisation_id, rate_plan_id, option_id) VALUES ($1, $2, $3)",
            )
            .bind($org)
            .bind($plan)
            .bind(fee.to_string())
            .execute(&mut *$tx)
            .await?;
        }
    }};
}

/// Increments the plan's version, within an open transaction, if it is still `version`; evaluates
/// to the number of rows changed (0 or 1).
macro_rules! bump_version {
    ($tx:expr, $org:expr, $plan:expr, $version:expr) => {
        sqlx::query(
            "UPDATE rate_plans SET version = version + 1 \
             WHERE organisation_id = $1 AND id = $2 AND version = $3",
        )
        .bind($org)
        .bind($plan)
        .bind($version)
        .execute(&mut *$tx)
        .await?
        .rows_affected()
    };
}
pub(super) use bump_version;

/// Stores a new plan; returns its id.
pub async fn create(
    db: &Db,
    organisation: OrganisationId,
    input: &RatePlanInput,
    now: DateTime<Utc>,
) -> PortResult<RatePlanId> {
    let id = RatePlanId(Uuid::now_v7());
    let org = organisation.to_string();
    let plan = id.to_string();
    on_db!(db, pool => async {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO rate_plans (id, organisation_id, name, nightly_price, weekly_price, weekend_price, \
                 guests_included, extra_guest_fee, minimum_stay, tourist_tax_id, version, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11)")
            .bind(&plan)
            .bind(&org)
            .bind(&input.name)
            .bind(StoredMoney(input.base.nightly))
            .bind(stored(input.base.weekly))
            .bind(stored(input.base.weekend))
            .bind(i64::from(input.guests_included))
            .bind(StoredMoney(input.extra_guest_fee))
            .bind(input.minimum_stay.map(i64::from))
            .bind(input.tourist_tax.map(|t| t.to_string()))
            .bind(now)
            .execute(&mut *tx)
            .await?;
        replace_fees!(tx, &org, &plan, input);
        tx.commit().await
    }.await)
    .map_err(internal)?;
    Ok(id)
}

/// Replaces a plan's fields if it is still at `version`.
pub async fn update(
    db: &Db,
    organisation: OrganisationId,
    id: RatePlanId,
    version: i64,
    input: &RatePlanInput,
) -> PortResult<()> {
    let org = organisation.to_string();
    let plan = id.to_string();
    let updated = on_db!(db, pool => async {
        let mut tx = pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE rate_plans SET name = $1, nightly_price = $2, weekly_price = $3, weekend_price = $4, \
                 guests_included = $5, extra_guest_fee = $6, minimum_stay = $7, tourist_tax_id = $8, \
                 version = version + 1 \
             WHERE organisation_id = $9 AND id = $10 AND version = $11")
            .bind(&input.name)
            .bind(StoredMoney(input.base.nightly))
            .bind(stored(input.base.weekly))
            .bind(stored(input.base.weekend))
            .bind(i64::from(input.guests_included))
            .bind(StoredMoney(input.extra_guest_fee))
            .bind(input.minimum_stay.map(i64::from))
            .bind(input.tourist_tax.map(|t| t.to_string()))
            .bind(&org)
            .bind(&plan)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 1 {
            replace_fees!(tx, &org, &plan, input);
            tx.commit().await?;
        }
        Ok::<u64, sqlx::Error>(updated)
    }.await)
    .map_err(internal)?;
    conflict_unless_updated(db, organisation, id, updated).await
}

/// `Ok` when one row changed; otherwise `NotFound` if the plan is not the organisation's, else
/// `Conflict` (its version moved on).
pub(super) async fn conflict_unless_updated(
    db: &Db,
    organisation: OrganisationId,
    id: RatePlanId,
    updated: u64,
) -> PortResult<()> {
    if updated == 1 {
        return Ok(());
    }
    get(db, organisation, id).await?;
    Err(PortError::Conflict)
}

/// Deletes a plan no property uses.
pub async fn delete(db: &Db, organisation: OrganisationId, id: RatePlanId) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM rate_plans WHERE organisation_id = $1 AND id = $2 \
         AND NOT EXISTS (SELECT 1 FROM properties WHERE organisation_id = $1 AND rate_plan_id = $2)")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    conflict_unless_updated(db, organisation, id, deleted).await
}
