//! The `billing_settings` row: the settings as JSON and a version. Without a row, the defaults:
//! documents in the owner's name, titled "Facture", arrhes, the seed's three categories, and a paid
//! invoice moving its booking to the fifth status ("Payé" by default, seed 004).

use crate::db::{internal, on_db, Db};
use app::domain::ids::{OrganisationId, StatusId};
use app::domain::invoice::{default_categories, BillingSettings};
use app::ports::{PortError, PortResult};

/// The settings and their version.
pub async fn load(db: &Db, organisation: OrganisationId) -> PortResult<(BillingSettings, i64)> {
    let org = organisation.to_string();
    let row: Option<(String, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT settings, version FROM billing_settings WHERE organisation_id = $1")
        .bind(&org)
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    if let Some((json, version)) = row {
        let settings = serde_json::from_str(&json)
            .map_err(|e| internal(format!("stored billing settings: {e}")))?;
        return Ok((settings, version));
    }
    let (name, paid): (String, Option<String>) = on_db!(db, pool => sqlx::query_as(
        "SELECT o.name, (SELECT s.id FROM booking_statuses s WHERE s.organisation_id = o.id \
         ORDER BY s.position LIMIT 1 OFFSET 4) FROM organisations o WHERE o.id = $1")
        .bind(&org)
        .fetch_one(pool)
        .await)
    .map_err(internal)?;
    Ok((
        BillingSettings {
            manager_name: name,
            categories: default_categories(),
            paid_status: paid.and_then(|id| id.parse::<StatusId>().ok()),
            ..BillingSettings::default()
        },
        0,
    ))
}

/// Writes the settings if the stored version is still `version` (0: never saved); answers the new
/// version. The paid status must be one of the organisation's.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    settings: &BillingSettings,
    version: i64,
) -> PortResult<i64> {
    let org = organisation.to_string();
    if let Some(status) = settings.paid_status {
        let known: i64 = on_db!(db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM booking_statuses WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(status.to_string())
            .fetch_one(pool)
            .await)
        .map_err(internal)?;
        if known == 0 {
            return Err(PortError::Invalid(vec![(
                "paid_status".into(),
                app::domain::field::FieldError::UnknownChoice,
            )]));
        }
    }
    let json = serde_json::to_string(settings).map_err(internal)?;
    let changed = if version == 0 {
        on_db!(db, pool => sqlx::query(
            "INSERT INTO billing_settings (organisation_id, settings, version) VALUES ($1, $2, 1) \
             ON CONFLICT (organisation_id) DO NOTHING")
            .bind(&org)
            .bind(&json)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    } else {
        on_db!(db, pool => sqlx::query(
            "UPDATE billing_settings SET settings = $2, version = version + 1 \
             WHERE organisation_id = $1 AND version = $3")
            .bind(&org)
            .bind(&json)
            .bind(version)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    }
    .map_err(internal)?;
    if changed == 1 {
        Ok(version + 1)
    } else {
        Err(PortError::Conflict)
    }
}
