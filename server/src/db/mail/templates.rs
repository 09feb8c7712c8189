//! The organisation's own templates (`mail_templates`), one per purpose and language. A purpose
//! without a row uses the default template of the code.

use crate::db::{internal, on_db, Db};
use app::domain::ids::OrganisationId;
use app::domain::mail::{StoredTemplate, Template, TemplatePurpose};
use app::i18n::Lang;
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};

/// The organisation's templates in `lang`.
pub async fn list(
    db: &Db,
    organisation: OrganisationId,
    lang: Lang,
) -> PortResult<Vec<(TemplatePurpose, StoredTemplate)>> {
    let rows: Vec<(String, String, String, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT purpose, subject, body, version FROM mail_templates \
         WHERE organisation_id = $1 AND lang = $2")
        .bind(organisation.to_string())
        .bind(lang.code())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    Ok(rows
        .into_iter()
        // A purpose this version of Saison no longer has is skipped, not an error.
        .filter_map(|(purpose, subject, body, version)| {
            TemplatePurpose::from_code(&purpose).map(|purpose| {
                (
                    purpose,
                    StoredTemplate {
                        template: Template { subject, body },
                        version,
                    },
                )
            })
        })
        .collect())
}

/// Stores a template if the stored one is still at `version` (0: the default was in use).
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    purpose: TemplatePurpose,
    lang: Lang,
    template: &Template,
    version: i64,
    now: DateTime<Utc>,
) -> PortResult<StoredTemplate> {
    let org = organisation.to_string();
    let changed = if version == 0 {
        on_db!(db, pool => sqlx::query(
            "INSERT INTO mail_templates (organisation_id, purpose, lang, subject, body, version, updated_at) \
             VALUES ($1, $2, $3, $4, $5, 1, $6) ON CONFLICT (organisation_id, purpose, lang) DO NOTHING")
            .bind(&org)
            .bind(purpose.code())
            .bind(lang.code())
            .bind(&template.subject)
            .bind(&template.body)
            .bind(now)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    } else {
        on_db!(db, pool => sqlx::query(
            "UPDATE mail_templates SET subject = $4, body = $5, version = version + 1, updated_at = $6 \
             WHERE organisation_id = $1 AND purpose = $2 AND lang = $3 AND version = $7")
            .bind(&org)
            .bind(purpose.code())
            .bind(lang.code())
            .bind(&template.subject)
            .bind(&template.body)
            .bind(now)
            .bind(version)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    }
    .map_err(internal)?;
    if changed == 1 {
        Ok(StoredTemplate {
            template: template.clone(),
            version: version + 1,
        })
    } else {
        Err(PortError::Conflict)
    }
}

/// Deletes the organisation's template (back to the default) if it is still at `version`.
pub async fn reset(
    db: &Db,
    organisation: OrganisationId,
    purpose: TemplatePurpose,
    lang: Lang,
    version: i64,
) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM mail_templates WHERE organisation_id = $1 AND purpose = $2 AND lang = $3 AND version = $4")
        .bind(organisation.to_string())
        .bind(purpose.code())
        .bind(lang.code())
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if deleted == 1 {
        Ok(())
    } else {
        Err(PortError::Conflict)
    }
}
