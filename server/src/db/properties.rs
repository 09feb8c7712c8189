//! [`PropertyStore`] on the database. Every statement filters by the caller's organisation, and owner
//! and rate-plan references are checked inside that organisation.

use super::money::StoredMoney;
use super::rows::{PropertyRow, PropertySummaryRow};
use super::{internal, on_db, Db};
use crate::live::Live;
use app::domain::field::FieldError;
use app::domain::ids::{OrganisationId, PropertyId};
use app::domain::property::{
    Choice, Pricing, Property, PropertyFormChoices, PropertyInput, PropertySummary,
};
use app::ports::{PortError, PortResult, PropertyStore};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Properties stored in [`Db`]; each change is announced to `live` (the public pages' cache).
pub struct SqlProperties {
    db: Db,
    live: Live,
}

impl SqlProperties {
    /// Properties in `db`, changes told to `live`.
    pub fn new(db: Db, live: Live) -> Self {
        SqlProperties { db, live }
    }

    /// Refuses owner or rate-plan ids that are not the organisation's.
    async fn check_references(
        &self,
        organisation: OrganisationId,
        input: &PropertyInput,
    ) -> PortResult<()> {
        let mut errors = Vec::new();
        if let Some(owner) = input.owner_id {
            if !self
                .exists("owners", organisation, &owner.to_string())
                .await?
            {
                errors.push(("owner_id".to_string(), FieldError::UnknownChoice));
            }
        }
        if let Pricing::RatePlan(plan) = input.pricing {
            if !self
                .exists("rate_plans", organisation, &plan.to_string())
                .await?
            {
                errors.push(("rate_plan_id".to_string(), FieldError::UnknownChoice));
            }
        }
        if let Some(tax) = input.tourist_tax {
            if !self
                .exists("tourist_taxes", organisation, &tax.to_string())
                .await?
            {
                errors.push(("tourist_tax_id".to_string(), FieldError::UnknownChoice));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(PortError::Invalid(errors))
        }
    }

    async fn exists(
        &self,
        table: &'static str,
        organisation: OrganisationId,
        id: &str,
    ) -> PortResult<bool> {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE organisation_id = $1 AND id = $2");
        let count: i64 = on_db!(&self.db, pool => sqlx::query_scalar(&sql)
            .bind(organisation.to_string())
            .bind(id)
            .fetch_one(pool)
            .await)
        .map_err(internal)?;
        Ok(count > 0)
    }

    async fn choice_list(
        &self,
        table: &'static str,
        organisation: OrganisationId,
    ) -> PortResult<Vec<Choice>> {
        let sql =
            format!("SELECT id, name FROM {table} WHERE organisation_id = $1 ORDER BY lower(name)");
        let rows: Vec<(String, String)> = on_db!(&self.db, pool => sqlx::query_as(&sql)
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|(id, label)| Choice { id, label })
            .collect())
    }
}

const PROPERTY_COLUMNS: &str = "id, version, name, address, capacity, owner_id, rate_plan_id, fixed_price, \
     tourist_tax_id, security_deposit, description, registration_number, classification, principal_residence, public_listing";

/// The pricing columns of `pricing`: (rate_plan_id, fixed_price).
fn pricing_columns(pricing: Pricing) -> (Option<String>, Option<StoredMoney>) {
    match pricing {
        Pricing::RatePlan(plan) => (Some(plan.to_string()), None),
        Pricing::Fixed(price) => (None, Some(StoredMoney(price))),
    }
}

#[async_trait]
impl PropertyStore for SqlProperties {
    async fn list(&self, organisation: OrganisationId) -> PortResult<Vec<PropertySummary>> {
        let rows: Vec<PropertySummaryRow> = on_db!(&self.db, pool => sqlx::query_as(
            "SELECT p.id, p.name, p.address, p.capacity, o.name AS owner_name, r.name AS rate_plan_name, \
                    p.fixed_price, p.public_listing, \
                    (SELECT COUNT(*) FROM bookings b WHERE b.organisation_id = p.organisation_id AND b.property_id = p.id) AS booking_count \
             FROM properties p \
             LEFT JOIN owners o ON o.organisation_id = p.organisation_id AND o.id = p.owner_id \
             LEFT JOIN rate_plans r ON r.organisation_id = p.organisation_id AND r.id = p.rate_plan_id \
             WHERE p.organisation_id = $1 \
             ORDER BY lower(p.name), p.id")
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        rows.into_iter()
            .map(PropertySummaryRow::into_summary)
            .collect()
    }

    async fn get(&self, organisation: OrganisationId, id: PropertyId) -> PortResult<Property> {
        let sql = format!(
            "SELECT {PROPERTY_COLUMNS} FROM properties WHERE organisation_id = $1 AND id = $2"
        );
        let row: Option<PropertyRow> = on_db!(&self.db, pool => sqlx::query_as(&sql)
            .bind(organisation.to_string())
            .bind(id.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        row.ok_or(PortError::NotFound)?.into_property()
    }

    async fn choices(&self, organisation: OrganisationId) -> PortResult<PropertyFormChoices> {
        Ok(PropertyFormChoices {
            owners: self.choice_list("owners", organisation).await?,
            rate_plans: self.choice_list("rate_plans", organisation).await?,
            tourist_taxes: self.choice_list("tourist_taxes", organisation).await?,
        })
    }

    async fn create(
        &self,
        organisation: OrganisationId,
        input: &PropertyInput,
        now: DateTime<Utc>,
    ) -> PortResult<Property> {
        self.check_references(organisation, input).await?;
        let id = PropertyId(Uuid::now_v7());
        let (rate_plan_id, fixed_price) = pricing_columns(input.pricing);
        let inserted = on_db!(&self.db, pool => sqlx::query(
            "INSERT INTO properties (id, organisation_id, name, address, capacity, owner_id, rate_plan_id, fixed_price, \
                 security_deposit, description, registration_number, classification, principal_residence, public_listing, \
                 version, created_at, updated_at, tourist_tax_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15, $16)")
            .bind(id.to_string())
            .bind(organisation.to_string())
            .bind(&input.name)
            .bind(&input.address)
            .bind(i64::from(input.capacity))
            .bind(input.owner_id.map(|o| o.to_string()))
            .bind(rate_plan_id)
            .bind(fixed_price)
            .bind(StoredMoney(input.security_deposit))
            .bind(&input.description)
            .bind(&input.registration_number)
            .bind(input.classification.code())
            .bind(input.principal_residence)
            .bind(input.public_listing)
            .bind(now)
            .bind(input.tourist_tax.map(|t| t.to_string()))
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(internal);
        self.live
            .after_catalogue_write(organisation, inserted)
            .await?;
        Ok(Property {
            id,
            version: 1,
            fields: input.clone(),
        })
    }

    async fn update(
        &self,
        organisation: OrganisationId,
        id: PropertyId,
        version: i64,
        input: &PropertyInput,
        now: DateTime<Utc>,
    ) -> PortResult<Property> {
        self.check_references(organisation, input).await?;
        let (rate_plan_id, fixed_price) = pricing_columns(input.pricing);
        let updated = on_db!(&self.db, pool => sqlx::query(
            "UPDATE properties SET name = $1, address = $2, capacity = $3, owner_id = $4, rate_plan_id = $5, \
                 fixed_price = $6, security_deposit = $7, description = $8, registration_number = $9, \
                 classification = $10, principal_residence = $11, public_listing = $12, \
                 version = version + 1, updated_at = $13, tourist_tax_id = $17 \
             WHERE organisation_id = $14 AND id = $15 AND version = $16")
            .bind(&input.name)
            .bind(&input.address)
            .bind(i64::from(input.capacity))
            .bind(input.owner_id.map(|o| o.to_string()))
            .bind(rate_plan_id)
            .bind(fixed_price)
            .bind(StoredMoney(input.security_deposit))
            .bind(&input.description)
            .bind(&input.registration_number)
            .bind(input.classification.code())
            .bind(input.principal_residence)
            .bind(input.public_listing)
            .bind(now)
            .bind(organisation.to_string())
            .bind(id.to_string())
            .bind(version)
            .bind(input.tourist_tax.map(|t| t.to_string()))
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(internal)?;
        if updated == 1 {
            self.live.catalogue_changed(organisation).await;
            return Ok(Property {
                id,
                version: version + 1,
                fields: input.clone(),
            });
        }
        // Nothing updated: either the property is not this organisation's, or its version moved on.
        self.get(organisation, id).await?;
        Err(PortError::Conflict)
    }

    async fn booking_count(&self, organisation: OrganisationId, id: PropertyId) -> PortResult<i64> {
        self.get(organisation, id).await?;
        on_db!(&self.db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE organisation_id = $1 AND property_id = $2")
            .bind(organisation.to_string())
            .bind(id.to_string())
            .fetch_one(pool)
            .await)
        .map_err(internal)
    }

    async fn delete(
        &self,
        organisation: OrganisationId,
        id: PropertyId,
        expected_bookings: i64,
    ) -> PortResult<()> {
        on_db!(&self.db, pool => {
            let mut tx = pool.begin().await.map_err(internal)?;
            let deleted = sqlx::query(
                "DELETE FROM properties WHERE organisation_id = $1 AND id = $2 \
                 AND (SELECT COUNT(*) FROM bookings WHERE organisation_id = $1 AND property_id = $2) = $3")
                .bind(organisation.to_string())
                .bind(id.to_string())
                .bind(expected_bookings)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
            tx.commit().await.map_err(internal)?;
            if deleted.rows_affected() == 1 {
                self.live.catalogue_changed(organisation).await;
                return Ok(());
            }
        });
        // Nothing deleted: unknown here (NotFound), or bookings changed since the person confirmed.
        self.get(organisation, id).await?;
        Err(PortError::Conflict)
    }
}
