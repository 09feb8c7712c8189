//! Predefined options and tourist taxes, and the check that a plan only refers to the
//! organisation's own.

use crate::db::money::StoredMoney;
use crate::db::rows::parse_id;
use crate::db::{conflict_or_missing, internal, on_db, Db};
use app::domain::field::FieldError;
use app::domain::ids::{ChargeOptionId, OrganisationId, TouristTaxId};
use app::domain::percent::Percent;
use app::domain::pricing::{Charge, TaxMethod, TouristTax};
use app::domain::rates::catalogue::{DEPARTMENTAL, REGIONAL};
use app::domain::rates::{ChargeOption, RatePlanInput, StoredTouristTax};
use app::ports::{PortError, PortResult};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct OptionRow {
    id: String,
    version: i64,
    label: String,
    unit_price: StoredMoney,
    vat_rate: i64,
}

#[derive(sqlx::FromRow)]
struct TaxRow {
    id: String,
    version: i64,
    name: String,
    method: String,
    amount: StoredMoney,
    rate: i64,
    departmental_rate: i64,
    regional_rate: i64,
}

impl TaxRow {
    fn into_tax(self) -> PortResult<StoredTouristTax> {
        let method = match self.method.as_str() {
            "fixed" => TaxMethod::PerAdultNight(self.amount.0),
            "percentage" => TaxMethod::Percentage {
                rate: Percent::from_hundredths(self.rate),
                cap: self.amount.0,
            },
            other => return Err(PortError::Internal(format!("stored tax method {other:?}"))),
        };
        Ok(StoredTouristTax {
            id: parse_id(&self.id)?,
            version: self.version,
            tax: TouristTax {
                name: self.name.into(),
                method,
                surcharges: vec![
                    app::domain::pricing::Surcharge {
                        label: DEPARTMENTAL.into(),
                        rate: Percent::from_hundredths(self.departmental_rate),
                    },
                    app::domain::pricing::Surcharge {
                        label: REGIONAL.into(),
                        rate: Percent::from_hundredths(self.regional_rate),
                    },
                ],
            },
        })
    }
}

/// The options, by label.
pub async fn list_options(db: &Db, organisation: OrganisationId) -> PortResult<Vec<ChargeOption>> {
    let rows: Vec<OptionRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, version, label, unit_price, vat_rate FROM charge_options \
         WHERE organisation_id = $1 ORDER BY lower(label), id")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|row| {
            Ok(ChargeOption {
                id: parse_id(&row.id)?,
                version: row.version,
                charge: Charge {
                    label: row.label.into(),
                    unit_price: row.unit_price.0,
                    vat_rate: Percent::from_hundredths(row.vat_rate),
                },
            })
        })
        .collect()
}

/// Adds or replaces (at its version) an option.
pub async fn save_option(
    db: &Db,
    organisation: OrganisationId,
    id: Option<(ChargeOptionId, i64)>,
    charge: &Charge,
) -> PortResult<ChargeOption> {
    let (option_id, version, sql) = match id {
        None => (
            ChargeOptionId(Uuid::now_v7()),
            0,
            "INSERT INTO charge_options (label, unit_price, vat_rate, organisation_id, id, version) \
             VALUES ($1, $2, $3, $4, $5, $6 + 1)",
        ),
        Some((id, version)) => (
            id,
            version,
            "UPDATE charge_options SET label = $1, unit_price = $2, vat_rate = $3, version = version + 1 \
             WHERE organisation_id = $4 AND id = $5 AND version = $6",
        ),
    };
    let changed = on_db!(db, pool => sqlx::query(sql)
        .bind(charge.label.as_ref())
        .bind(StoredMoney(charge.unit_price))
        .bind(charge.vat_rate.hundredths())
        .bind(organisation.to_string())
        .bind(option_id.to_string())
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if changed != 1 {
        return Err(conflict_or_missing(
            db,
            "charge_options",
            organisation,
            &option_id.to_string(),
        )
        .await);
    }
    Ok(ChargeOption {
        id: option_id,
        version: version + 1,
        charge: charge.clone(),
    })
}

/// Deletes an option; plans charging it stop doing so.
pub async fn delete_option(
    db: &Db,
    organisation: OrganisationId,
    id: ChargeOptionId,
) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM charge_options WHERE organisation_id = $1 AND id = $2")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if deleted == 1 {
        Ok(())
    } else {
        Err(PortError::NotFound)
    }
}

/// The tourist taxes, by name.
pub async fn list_taxes(
    db: &Db,
    organisation: OrganisationId,
) -> PortResult<Vec<StoredTouristTax>> {
    let rows: Vec<TaxRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, version, name, method, amount, rate, departmental_rate, regional_rate \
         FROM tourist_taxes WHERE organisation_id = $1 ORDER BY lower(name), id")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter().map(TaxRow::into_tax).collect()
}

/// One tourist tax.
pub async fn tax(
    db: &Db,
    organisation: OrganisationId,
    id: TouristTaxId,
) -> PortResult<TouristTax> {
    let row: Option<TaxRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, version, name, method, amount, rate, departmental_rate, regional_rate \
         FROM tourist_taxes WHERE organisation_id = $1 AND id = $2")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    Ok(row.ok_or(PortError::NotFound)?.into_tax()?.tax)
}

fn surcharge(tax: &TouristTax, label: &str) -> i64 {
    tax.surcharges
        .iter()
        .find(|s| &*s.label == label)
        .map_or(0, |s| s.rate.hundredths())
}

/// Adds or replaces (at its version) a tourist tax.
pub async fn save_tax(
    db: &Db,
    organisation: OrganisationId,
    id: Option<(TouristTaxId, i64)>,
    tax: &TouristTax,
) -> PortResult<StoredTouristTax> {
    let (tax_id, version, sql) = match id {
        None => (
            TouristTaxId(Uuid::now_v7()),
            0,
            "INSERT INTO tourist_taxes (name, method, amount, rate, departmental_rate, regional_rate, \
                 organisation_id, id, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9 + 1)",
        ),
        Some((id, version)) => (
            id,
            version,
            "UPDATE tourist_taxes SET name = $1, method = $2, amount = $3, rate = $4, \
                 departmental_rate = $5, regional_rate = $6, version = version + 1 \
             WHERE organisation_id = $7 AND id = $8 AND version = $9",
        ),
    };
    let (method, amount, rate) = match &tax.method {
        TaxMethod::PerAdultNight(amount) => ("fixed", *amount, 0),
        TaxMethod::Percentage { rate, cap } => ("percentage", *cap, rate.hundredths()),
    };
    let changed = on_db!(db, pool => sqlx::query(sql)
        .bind(tax.name.as_ref())
        .bind(method)
        .bind(StoredMoney(amount))
        .bind(rate)
        .bind(surcharge(tax, DEPARTMENTAL))
        .bind(surcharge(tax, REGIONAL))
        .bind(organisation.to_string())
        .bind(tax_id.to_string())
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if changed != 1 {
        return Err(
            conflict_or_missing(db, "tourist_taxes", organisation, &tax_id.to_string()).await,
        );
    }
    Ok(StoredTouristTax {
        id: tax_id,
        version: version + 1,
        tax: tax.clone(),
    })
}

/// Deletes a tourist tax that no plan or property uses.
pub async fn delete_tax(db: &Db, organisation: OrganisationId, id: TouristTaxId) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM tourist_taxes WHERE organisation_id = $1 AND id = $2 \
         AND NOT EXISTS (SELECT 1 FROM rate_plans WHERE organisation_id = $1 AND tourist_tax_id = $2) \
         AND NOT EXISTS (SELECT 1 FROM properties WHERE organisation_id = $1 AND tourist_tax_id = $2)")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if deleted == 1 {
        return Ok(());
    }
    Err(conflict_or_missing(db, "tourist_taxes", organisation, &id.to_string()).await)
}

/// Refuses a tourist tax or flat fee that is not the organisation's.
pub async fn check_plan_references(
    db: &Db,
    organisation: OrganisationId,
    input: &RatePlanInput,
) -> PortResult<()> {
    let mut errors = Vec::new();
    if let Some(tax) = input.tourist_tax {
        if !list_taxes(db, organisation)
            .await?
            .iter()
            .any(|t| t.id == tax)
        {
            errors.push(("tourist_tax_id".to_string(), FieldError::UnknownChoice));
        }
    }
    if !input.flat_fees.is_empty() {
        let options = list_options(db, organisation).await?;
        if !input
            .flat_fees
            .iter()
            .all(|fee| options.iter().any(|o| o.id == *fee))
        {
            errors.push(("flat_fee_ids".to_string(), FieldError::UnknownChoice));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PortError::Invalid(errors))
    }
}
