//! Saving, deleting and renewing providers. A save checks that every property served and the
//! account belong to the organisation (and that the account's role is provider and no other
//! provider uses it), then writes the provider and replaces its properties in one transaction — for
//! an update only from the version edited. Renewing replaces the secret: the old one finds nothing.

use crate::db::sync::exports::new_token;
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::field::{FieldError, FieldErrors};
use app::domain::ids::{OrganisationId, ProviderId};
use app::domain::provider::ProviderInput;
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Why a save stopped inside its transaction.
enum Refused {
    Fields(FieldErrors),
    Conflict,
}

/// Creates (`existing` = None) or updates a provider; returns its id.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    existing: Option<(ProviderId, i64)>,
    input: &ProviderInput,
    now: DateTime<Utc>,
) -> PortResult<ProviderId> {
    let org = organisation.to_string();
    let id = existing.map_or(ProviderId(Uuid::now_v7()), |(id, _)| id);
    let id_text = id.to_string();
    let user = input.user.map(|u| u.to_string());
    let outcome: Result<(), Refused> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let mut errors = FieldErrors::new();
        for property in &input.properties {
            let known: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM properties WHERE organisation_id = $1 AND id = $2")
                .bind(&org)
                .bind(property.to_string())
                .fetch_one(&mut *tx)
                .await?;
            if known == 0 {
                errors.push(("properties".into(), FieldError::UnknownChoice));
                break;
            }
        }
        if let Some(user) = &user {
            let role: Option<String> = sqlx::query_scalar(
                "SELECT role FROM users WHERE organisation_id = $1 AND id = $2")
                .bind(&org)
                .bind(user)
                .fetch_optional(&mut *tx)
                .await?;
            let linked: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM providers WHERE user_id = $1 AND id <> $2")
                .bind(user)
                .bind(&id_text)
                .fetch_one(&mut *tx)
                .await?;
            if role.as_deref() != Some("provider") {
                errors.push(("user".into(), FieldError::UnknownChoice));
            } else if linked > 0 {
                errors.push(("user".into(), FieldError::AccountLinked));
            }
        }
        if !errors.is_empty() {
            return Ok(Err(Refused::Fields(errors)));
        }
        let written = match existing {
            None => sqlx::query(
                "INSERT INTO providers (id, organisation_id, name, kind, email, phone, user_id, token, \
                     version, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)")
                .bind(&id_text)
                .bind(&org)
                .bind(&input.name)
                .bind(input.kind.code())
                .bind(&input.email)
                .bind(&input.phone)
                .bind(&user)
                .bind(new_token())
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected(),
            Some((_, version)) => sqlx::query(
                "UPDATE providers SET name = $3, kind = $4, email = $5, phone = $6, user_id = $7, \
                     version = version + 1 \
                 WHERE organisation_id = $1 AND id = $2 AND version = $8")
                .bind(&org)
                .bind(&id_text)
                .bind(&input.name)
                .bind(input.kind.code())
                .bind(&input.email)
                .bind(&input.phone)
                .bind(&user)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected(),
        };
        if written == 0 {
            return Ok(Err(Refused::Conflict));
        }
        sqlx::query("DELETE FROM provider_properties WHERE organisation_id = $1 AND provider_id = $2")
            .bind(&org)
            .bind(&id_text)
            .execute(&mut *tx)
            .await?;
        for property in &input.properties {
            sqlx::query(
                "INSERT INTO provider_properties (organisation_id, provider_id, property_id) \
                 VALUES ($1, $2, $3)")
                .bind(&org)
                .bind(&id_text)
                .bind(property.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok(()))
    }.await)
    .map_err(internal)?;
    match outcome {
        Ok(()) => Ok(id),
        Err(Refused::Fields(errors)) => Err(PortError::Invalid(errors)),
        Err(Refused::Conflict) => {
            Err(conflict_or_missing(db, "providers", organisation, &id_text).await)
        }
    }
}

/// Deletes a provider still at `version` (its served properties go with it).
pub async fn delete(
    db: &Db,
    organisation: OrganisationId,
    id: ProviderId,
    version: i64,
) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM providers WHERE organisation_id = $1 AND id = $2 AND version = $3")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if deleted == 0 {
        return Err(conflict_or_missing(db, "providers", organisation, &id.to_string()).await);
    }
    Ok(())
}

/// Gives a provider a new secret (whatever its version: the link is not part of the edited form).
pub async fn renew(db: &Db, organisation: OrganisationId, id: ProviderId) -> PortResult<()> {
    let renewed = on_db!(db, pool => sqlx::query(
        "UPDATE providers SET token = $3 WHERE organisation_id = $1 AND id = $2")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .bind(new_token())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if renewed == 0 {
        return Err(PortError::NotFound);
    }
    Ok(())
}
