//! A settings row of an organisation kept as JSON with a version (billing, contracts): read it, and
//! replace it only from the version it was read at (0: never saved, first save inserts).

use crate::db::{internal, on_db, Db};
use app::domain::ids::OrganisationId;
use app::ports::{PortError, PortResult};

/// The JSON and version stored in `table` for `organisation`, if saved. `table` is one of ours,
/// never user input.
pub async fn load(
    db: &Db,
    table: &'static str,
    organisation: OrganisationId,
) -> PortResult<Option<(String, i64)>> {
    let sql = format!("SELECT settings, version FROM {table} WHERE organisation_id = $1");
    on_db!(db, pool => sqlx::query_as(&sql)
        .bind(organisation.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)
}

/// Writes `json` in `table` if the stored version is still `version`; answers the new version, or a
/// conflict (a concurrent first save included).
pub async fn save(
    db: &Db,
    table: &'static str,
    organisation: OrganisationId,
    json: &str,
    version: i64,
) -> PortResult<i64> {
    let org = organisation.to_string();
    let changed = if version == 0 {
        let sql = format!(
            "INSERT INTO {table} (organisation_id, settings, version) VALUES ($1, $2, 1) \
             ON CONFLICT (organisation_id) DO NOTHING"
        );
        on_db!(db, pool => sqlx::query(&sql)
            .bind(&org)
            .bind(json)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    } else {
        let sql = format!(
            "UPDATE {table} SET settings = $2, version = version + 1 \
             WHERE organisation_id = $1 AND version = $3"
        );
        on_db!(db, pool => sqlx::query(&sql)
            .bind(&org)
            .bind(json)
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
