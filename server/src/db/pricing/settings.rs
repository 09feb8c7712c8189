//! The organisation's pricing settings and duration discounts (one row, created on first save).

use crate::db::{internal, on_db, Db};
use app::domain::ids::OrganisationId;
use app::domain::percent::Percent;
use app::domain::pricing::{DurationDiscount, PricingSettings, VatSettings};
use app::domain::rates::default_settings;
use app::ports::{PortError, PortResult};

#[derive(sqlx::FromRow)]
struct SettingsRow {
    minimum_stay: i64,
    manual_discount_enabled: bool,
    vat_enabled: bool,
    vat_rate: i64,
    version: i64,
}

/// The settings and their version; the defaults at version 0 when never saved.
pub async fn get(db: &Db, organisation: OrganisationId) -> PortResult<(PricingSettings, i64)> {
    let org = organisation.to_string();
    let row: Option<SettingsRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT minimum_stay, manual_discount_enabled, vat_enabled, vat_rate, version \
         FROM pricing_settings WHERE organisation_id = $1")
        .bind(&org)
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    let Some(row) = row else {
        return Ok((default_settings(), 0));
    };
    let discounts: Vec<(i64, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT from_nights, percent FROM duration_discounts WHERE organisation_id = $1 ORDER BY from_nights")
        .bind(&org)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    Ok((
        PricingSettings {
            minimum_stay: u16::try_from(row.minimum_stay).map_err(internal)?,
            duration_discounts: discounts
                .into_iter()
                .map(|(from_nights, percent)| {
                    Ok(DurationDiscount {
                        from_nights: u16::try_from(from_nights).map_err(internal)?,
                        percent: Percent::from_hundredths(percent),
                    })
                })
                .collect::<PortResult<_>>()?,
            manual_discount_enabled: row.manual_discount_enabled,
            vat: VatSettings {
                enabled: row.vat_enabled,
                stay_rate: Percent::from_hundredths(row.vat_rate),
            },
        },
        row.version,
    ))
}

/// Saves the settings if still at `version` (0: never saved); returns the new version.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    version: i64,
    settings: &PricingSettings,
) -> PortResult<i64> {
    let org = organisation.to_string();
    let sql = if version == 0 {
        "INSERT INTO pricing_settings (minimum_stay, manual_discount_enabled, vat_enabled, vat_rate, \
             organisation_id, version) VALUES ($1, $2, $3, $4, $5, $6 + 1) \
         ON CONFLICT (organisation_id) DO NOTHING"
    } else {
        "UPDATE pricing_settings SET minimum_stay = $1, manual_discount_enabled = $2, vat_enabled = $3, \
             vat_rate = $4, version = version + 1 WHERE organisation_id = $5 AND version = $6"
    };
    let changed = on_db!(db, pool => async {
        let mut tx = pool.begin().await?;
        let changed = sqlx::query(sql)
            .bind(i64::from(settings.minimum_stay))
            .bind(settings.manual_discount_enabled)
            .bind(settings.vat.enabled)
            .bind(settings.vat.stay_rate.hundredths())
            .bind(&org)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 1 {
            sqlx::query("DELETE FROM duration_discounts WHERE organisation_id = $1")
                .bind(&org)
                .execute(&mut *tx)
                .await?;
            for discount in &settings.duration_discounts {
                sqlx::query(
                    "INSERT INTO duration_discounts (organisation_id, from_nights, percent) VALUES ($1, $2, $3)")
                    .bind(&org)
                    .bind(i64::from(discount.from_nights))
                    .bind(discount.percent.hundredths())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }
        Ok::<u64, sqlx::Error>(changed)
    }.await)
    .map_err(internal)?;
    if changed == 1 {
        Ok(version + 1)
    } else {
        Err(PortError::Conflict)
    }
}
