//! The `billing_settings` row: the settings as JSON and a version. Without a row, the defaults:
//! documents in the owner's name, titled "Facture", arrhes, the seed's three categories, and a paid
//! invoice moving its booking to the fifth status ("Payé" by default, seed 004).

use crate::db::{internal, on_db, settings_row, Db};
use app::domain::ids::{OrganisationId, StatusId};
use app::domain::invoice::{default_categories, BillingSettings};
use app::ports::{PortError, PortResult};

/// The settings and their version.
pub async fn load(db: &Db, organisation: OrganisationId) -> PortResult<(BillingSettings, i64)> {
    let org = organisation.to_string();
    if let Some((json, version)) = settings_row::load(db, "billing_settings", organisation).await? {
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
    settings_row::save(db, "billing_settings", organisation, &json, version).await
}
