//! Contracts in SQL (SPEC C6): the settings row (JSON and a version), the organisation's images, and
//! each booking's contract (blocks as JSON) with optimistic versions.

use crate::db::{internal, on_db, settings_row, Db};
use app::domain::contract::{Contract, ContractBlock, ContractSettings, DocumentImage};
use app::domain::ids::{BookingId, OrganisationId};
use app::ports::{ContractStore, ImageKind, PortError, PortResult};
use async_trait::async_trait;

/// The SQL contract store.
#[derive(Clone)]
pub struct SqlContracts {
    db: Db,
}

impl SqlContracts {
    /// Contracts on `db`.
    pub fn new(db: Db) -> Self {
        SqlContracts { db }
    }
}

/// A stored contract row.
#[derive(sqlx::FromRow)]
struct ContractRow {
    booking_id: String,
    lang: String,
    manual_deposit: String,
    blocks: String,
    version: i64,
    generated_at: String,
}

#[async_trait]
impl ContractStore for SqlContracts {
    async fn settings(
        &self,
        organisation: OrganisationId,
    ) -> PortResult<Option<(ContractSettings, i64)>> {
        settings_row::load(&self.db, "contract_settings", organisation)
            .await?
            .map(|(json, version)| {
                serde_json::from_str(&json)
                    .map(|settings| (settings, version))
                    .map_err(|e| internal(format!("stored contract settings: {e}")))
            })
            .transpose()
    }

    async fn save_settings(
        &self,
        organisation: OrganisationId,
        settings: &ContractSettings,
        version: i64,
    ) -> PortResult<i64> {
        let json = serde_json::to_string(settings).map_err(internal)?;
        settings_row::save(&self.db, "contract_settings", organisation, &json, version).await
    }

    async fn image(
        &self,
        organisation: OrganisationId,
        kind: ImageKind,
    ) -> PortResult<Option<DocumentImage>> {
        let row: Option<(String, Vec<u8>)> = on_db!(&self.db, pool => sqlx::query_as(
            "SELECT format, bytes FROM organisation_images WHERE organisation_id = $1 AND kind = $2")
            .bind(organisation.to_string())
            .bind(kind.code())
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        Ok(row.map(|(format, bytes)| DocumentImage { format, bytes }))
    }

    async fn save_image(
        &self,
        organisation: OrganisationId,
        kind: ImageKind,
        image: Option<&DocumentImage>,
    ) -> PortResult<()> {
        let org = organisation.to_string();
        match image {
            Some(image) => on_db!(&self.db, pool => sqlx::query(
                "INSERT INTO organisation_images (organisation_id, kind, format, bytes) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (organisation_id, kind) DO UPDATE SET format = $3, bytes = $4")
                .bind(&org)
                .bind(kind.code())
                .bind(&image.format)
                .bind(&image.bytes)
                .execute(pool)
                .await
                .map(|_| ())),
            None => on_db!(&self.db, pool => sqlx::query(
                "DELETE FROM organisation_images WHERE organisation_id = $1 AND kind = $2")
                .bind(&org)
                .bind(kind.code())
                .execute(pool)
                .await
                .map(|_| ())),
        }
        .map_err(internal)
    }

    async fn contract_of(
        &self,
        organisation: OrganisationId,
        booking: BookingId,
    ) -> PortResult<Option<Contract>> {
        let row: Option<ContractRow> = on_db!(&self.db, pool => sqlx::query_as(
            "SELECT c.booking_id, c.lang, c.manual_deposit, c.blocks, c.version, c.generated_at \
             FROM contracts c WHERE c.organisation_id = $1 AND (c.booking_id = $2 OR c.booking_id IN \
             (SELECT m.id FROM bookings m JOIN bookings b ON b.organisation_id = m.organisation_id \
              AND b.group_id = m.group_id WHERE b.organisation_id = $1 AND b.id = $2)) \
             ORDER BY c.generated_at DESC LIMIT 1")
            .bind(organisation.to_string())
            .bind(booking.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        row.map(|row| {
            let blocks: Vec<ContractBlock> = serde_json::from_str(&row.blocks)
                .map_err(|e| internal(format!("stored contract: {e}")))?;
            Ok(Contract {
                booking: crate::db::rows::parse_id(&row.booking_id)?,
                version: row.version,
                lang: row.lang,
                manual_deposit: row.manual_deposit,
                blocks,
                generated_at: row.generated_at,
            })
        })
        .transpose()
    }

    async fn save_contract(
        &self,
        organisation: OrganisationId,
        contract: &Contract,
    ) -> PortResult<i64> {
        let blocks = serde_json::to_string(&contract.blocks).map_err(internal)?;
        let org = organisation.to_string();
        let changed = if contract.version == 0 {
            on_db!(&self.db, pool => sqlx::query(
                "INSERT INTO contracts (organisation_id, booking_id, lang, manual_deposit, blocks, version, generated_at) \
                 VALUES ($1, $2, $3, $4, $5, 1, $6) ON CONFLICT (organisation_id, booking_id) DO NOTHING")
                .bind(&org)
                .bind(contract.booking.to_string())
                .bind(&contract.lang)
                .bind(&contract.manual_deposit)
                .bind(&blocks)
                .bind(&contract.generated_at)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()))
        } else {
            on_db!(&self.db, pool => sqlx::query(
                "UPDATE contracts SET lang = $3, manual_deposit = $4, blocks = $5, generated_at = $6, \
                 version = version + 1 WHERE organisation_id = $1 AND booking_id = $2 AND version = $7")
                .bind(&org)
                .bind(contract.booking.to_string())
                .bind(&contract.lang)
                .bind(&contract.manual_deposit)
                .bind(&blocks)
                .bind(&contract.generated_at)
                .bind(contract.version)
                .execute(pool)
                .await
                .map(|done| done.rows_affected()))
        }
        .map_err(internal)?;
        if changed == 1 {
            Ok(contract.version + 1)
        } else {
            Err(PortError::Conflict)
        }
    }
}
