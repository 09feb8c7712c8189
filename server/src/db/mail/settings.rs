//! The `mail_settings` row of an organisation: the settings as JSON, the sealed password, a version.
//! No row means the embedded default (no SMTP server: messages stay in the outbox).

use crate::db::{internal, on_db, Db};
use app::domain::ids::OrganisationId;
use app::domain::mail::MailSettings;
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};

/// The stored settings of an organisation.
#[derive(Clone, Debug, Default)]
pub struct StoredSettings {
    /// The settings.
    pub settings: MailSettings,
    /// The SMTP password sealed with the server's key, if one is stored.
    pub sealed_password: Option<Vec<u8>>,
    /// The version (0 when nothing was ever saved).
    pub version: i64,
}

/// The organisation's settings, or the default when it never saved any.
pub async fn load(db: &Db, organisation: OrganisationId) -> PortResult<StoredSettings> {
    let row: Option<(String, Option<Vec<u8>>, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT settings, sealed_password, version FROM mail_settings WHERE organisation_id = $1")
        .bind(organisation.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    match row {
        None => Ok(StoredSettings::default()),
        Some((json, sealed_password, version)) => Ok(StoredSettings {
            settings: serde_json::from_str(&json)
                .map_err(|e| PortError::Internal(format!("stored mail settings: {e}")))?,
            sealed_password,
            version,
        }),
    }
}

/// Writes the settings if the stored version is still `version` (0: none stored yet). Returns the
/// new version.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    settings: &MailSettings,
    sealed_password: Option<&[u8]>,
    version: i64,
    now: DateTime<Utc>,
) -> PortResult<i64> {
    let json = serde_json::to_string(settings).map_err(internal)?;
    let org = organisation.to_string();
    let changed = if version == 0 {
        // ON CONFLICT DO NOTHING: a concurrent first save makes this one a conflict, not an error.
        on_db!(db, pool => sqlx::query(
            "INSERT INTO mail_settings (organisation_id, settings, sealed_password, version, updated_at) \
             VALUES ($1, $2, $3, 1, $4) ON CONFLICT (organisation_id) DO NOTHING")
            .bind(&org)
            .bind(&json)
            .bind(sealed_password)
            .bind(now)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    } else {
        on_db!(db, pool => sqlx::query(
            "UPDATE mail_settings SET settings = $2, sealed_password = $3, version = version + 1, \
             updated_at = $4 WHERE organisation_id = $1 AND version = $5")
            .bind(&org)
            .bind(&json)
            .bind(sealed_password)
            .bind(now)
            .bind(version)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    }
    .map_err(internal)?;
    if changed == 1 {
        Ok(version + 1)
    } else if version == 0 {
        Err(PortError::Conflict)
    } else {
        Err(conflict_or_missing_settings(db, organisation).await)
    }
}

/// A stale save: the row exists with another version (conflict), or was never stored.
async fn conflict_or_missing_settings(db: &Db, organisation: OrganisationId) -> PortError {
    match load(db, organisation).await {
        Ok(stored) if stored.version == 0 => PortError::NotFound,
        Ok(_) => PortError::Conflict,
        Err(e) => e,
    }
}
