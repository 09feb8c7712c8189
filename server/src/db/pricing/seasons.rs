//! The seasons of a rate plan: added, replaced or deleted only while the plan is still at the version
//! the person saw, bumping it in the same transaction (see [`super::plans`]).

use super::plans::{bump_version, conflict_unless_updated, stored};
use crate::db::money::StoredMoney;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{OrganisationId, RatePlanId, SeasonId};
use app::domain::pricing::Season;
use app::ports::{PortError, PortResult};
use uuid::Uuid;

/// Adds or replaces a season of a plan still at `version`.
pub async fn save_season(
    db: &Db,
    organisation: OrganisationId,
    plan: RatePlanId,
    version: i64,
    season_id: Option<SeasonId>,
    season: &Season,
) -> PortResult<()> {
    let org = organisation.to_string();
    let plan_text = plan.to_string();
    let (id, is_new) = match season_id {
        Some(id) => (id, false),
        None => (SeasonId(Uuid::now_v7()), true),
    };
    let sql = if is_new {
        "INSERT INTO seasons (name, first_night, last_night, nightly_price, weekly_price, weekend_price, \
             minimum_stay, no_discounts, organisation_id, rate_plan_id, id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    } else {
        "UPDATE seasons SET name = $1, first_night = $2, last_night = $3, nightly_price = $4, \
             weekly_price = $5, weekend_price = $6, minimum_stay = $7, no_discounts = $8 \
         WHERE organisation_id = $9 AND rate_plan_id = $10 AND id = $11"
    };
    let outcome = on_db!(db, pool => async {
        let mut tx = pool.begin().await?;
        let bumped = bump_version!(tx, &org, &plan_text, version);
        if bumped != 1 {
            return Ok::<_, sqlx::Error>((bumped, 0));
        }
        let saved = sqlx::query(sql)
            .bind(season.name.as_ref())
            .bind(season.first_night)
            .bind(season.last_night)
            .bind(StoredMoney(season.rates.nightly))
            .bind(stored(season.rates.weekly))
            .bind(stored(season.rates.weekend))
            .bind(season.minimum_stay.map(i64::from))
            .bind(season.no_discounts)
            .bind(&org)
            .bind(&plan_text)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if saved == 1 {
            tx.commit().await?;
        }
        Ok((bumped, saved))
    }.await)
    .map_err(internal)?;
    season_outcome(db, organisation, plan, outcome).await
}

/// Deletes a season of a plan still at `version`.
pub async fn delete_season(
    db: &Db,
    organisation: OrganisationId,
    plan: RatePlanId,
    version: i64,
    season_id: SeasonId,
) -> PortResult<()> {
    let org = organisation.to_string();
    let plan_text = plan.to_string();
    let outcome = on_db!(db, pool => async {
        let mut tx = pool.begin().await?;
        let bumped = bump_version!(tx, &org, &plan_text, version);
        if bumped != 1 {
            return Ok::<_, sqlx::Error>((bumped, 0));
        }
        let deleted = sqlx::query(
            "DELETE FROM seasons WHERE organisation_id = $1 AND rate_plan_id = $2 AND id = $3")
            .bind(&org)
            .bind(&plan_text)
            .bind(season_id.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 1 {
            tx.commit().await?;
        }
        Ok((bumped, deleted))
    }.await)
    .map_err(internal)?;
    season_outcome(db, organisation, plan, outcome).await
}

/// Turns (plan rows bumped, season rows changed) into the port's answer.
async fn season_outcome(
    db: &Db,
    organisation: OrganisationId,
    plan: RatePlanId,
    (bumped, changed): (u64, u64),
) -> PortResult<()> {
    if bumped != 1 {
        return conflict_unless_updated(db, organisation, plan, bumped).await;
    }
    if changed != 1 {
        return Err(PortError::NotFound);
    }
    Ok(())
}
