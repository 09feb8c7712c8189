//! Saving and deleting bookings. A save checks that the property, the status and the picked guest are
//! the organisation's, creates or updates the guest, and writes the booking with the quote it was
//! sold at — all in one transaction, and for an update only if the booking is still at the version
//! the person edited.

use crate::db::money::StoredMoney;
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::booking::{BookingInput, CustomerInput, SavedBooking};
use app::domain::field::{FieldError, FieldErrors};
use app::domain::ids::{BookingId, CustomerId, OrganisationId};
use app::domain::pricing::Quote;
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Why a save stopped inside its transaction.
enum Refused {
    Fields(FieldErrors),
    Conflict,
}

/// Counts the organisation's rows of `table` with `id` inside an open transaction.
macro_rules! owned {
    ($tx:expr, $table:literal, $org:expr, $id:expr) => {
        sqlx::query_scalar::<_, i64>(concat!(
            "SELECT COUNT(*) FROM ",
            $table,
            " WHERE organisation_id = $1 AND id = $2"
        ))
        .bind($org)
        .bind($id)
        .fetch_one(&mut *$tx)
        .await?
            > 0
    };
}

fn json<T: serde::Serialize>(value: &T) -> PortResult<String> {
    serde_json::to_string(value).map_err(internal)
}

fn guest_id(customer: &CustomerInput) -> CustomerId {
    customer.id.unwrap_or(CustomerId(Uuid::now_v7()))
}

/// Creates (`existing` = None) or updates a booking.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    existing: Option<(BookingId, i64)>,
    booking: &BookingInput,
    quote: &Quote,
    now: DateTime<Utc>,
) -> PortResult<SavedBooking> {
    let org = organisation.to_string();
    let id = existing.map_or(BookingId(Uuid::now_v7()), |(id, _)| id);
    let options = json(&booking.options)?;
    let sold = json(quote)?;
    let guest = booking.customer.as_ref().map(|c| (guest_id(c), c));
    let forced = booking.force && !quote.is_accepted();
    // Binds the booking's own columns, `$1` to `$19` of both the insert and the update.
    macro_rules! bind_columns {
        ($query:expr) => {
            $query
                .bind(booking.property.to_string())
                .bind(guest.as_ref().map(|(id, _)| id.to_string()))
                .bind(booking.status.to_string())
                .bind(booking.request.stay.arrival())
                .bind(booking.request.stay.departure())
                .bind(i64::from(booking.request.guests.adults))
                .bind(i64::from(booking.request.guests.children))
                .bind(i64::from(booking.request.guests.others))
                .bind(StoredMoney(quote.totals.total))
                .bind(&booking.notes)
                .bind(booking.request.manual_discount.hundredths())
                .bind(booking.request.forfait.map(StoredMoney))
                .bind(StoredMoney(booking.deposit))
                .bind(booking.request.tax_collected_by_platform)
                .bind(&options)
                .bind(booking.origin.code())
                .bind(&booking.contract_message)
                .bind(forced)
                .bind(&sold)
        };
    }
    let outcome: Result<i64, Refused> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let mut errors = FieldErrors::new();
        if !owned!(tx, "properties", &org, booking.property.to_string()) {
            errors.push(("property".into(), FieldError::UnknownChoice));
        }
        if !owned!(tx, "booking_statuses", &org, booking.status.to_string()) {
            errors.push(("status".into(), FieldError::UnknownChoice));
        }
        if let Some(picked) = booking.customer.as_ref().and_then(|c| c.id) {
            if !owned!(tx, "customers", &org, picked.to_string()) {
                errors.push(("customer_name".into(), FieldError::UnknownChoice));
            }
        }
        if !errors.is_empty() {
            return Ok(Err(Refused::Fields(errors)));
        }
        if let Some((guest_id, customer)) = &guest {
            let query = if customer.id.is_some() {
                sqlx::query(
                    "UPDATE customers SET name = $3, address = $4, email = $5, phone = $6, version = version + 1 \
                     WHERE organisation_id = $1 AND id = $2")
            } else {
                sqlx::query(
                    "INSERT INTO customers (organisation_id, id, name, address, email, phone, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)")
            };
            let query = query
                .bind(&org)
                .bind(guest_id.to_string())
                .bind(&customer.name)
                .bind(&customer.address)
                .bind(&customer.emails)
                .bind(&customer.phones);
            let query = if customer.id.is_some() { query } else { query.bind(now) };
            query
                .execute(&mut *tx)
                .await?;
        }
        let version = match existing {
            None => {
                let query = sqlx::query(
                    "INSERT INTO bookings (property_id, customer_id, status_id, arrival, departure, adults, children, \
                         others, price, notes, manual_discount, forfait, deposit, tax_by_platform, options, origin, \
                         contract_message, forced, quote, organisation_id, id, version, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
                         $20, $21, 1, $22, $22)");
                bind_columns!(query)
                    .bind(&org)
                    .bind(id.to_string())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                1
            }
            Some((_, version)) => {
                let query = sqlx::query(
                    "UPDATE bookings SET property_id = $1, customer_id = $2, status_id = $3, arrival = $4, \
                         departure = $5, adults = $6, children = $7, others = $8, price = $9, notes = $10, \
                         manual_discount = $11, forfait = $12, deposit = $13, tax_by_platform = $14, options = $15, \
                         origin = $16, contract_message = $17, forced = $18, quote = $19, \
                         version = version + 1, updated_at = $22 \
                     WHERE organisation_id = $20 AND id = $21 AND version = $23");
                let updated = bind_columns!(query)
                    .bind(&org)
                    .bind(id.to_string())
                    .bind(now)
                    .bind(version)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if updated == 0 {
                    return Ok(Err(Refused::Conflict));
                }
                version + 1
            }
        };
        sqlx::query(super::REFRESH_GUEST_NAMES)
            .bind(&org)
            .bind(id.to_string())
            .bind(guest.as_ref().map(|(id, _)| id.to_string()).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok(version))
    }.await)
    .map_err(internal)?;
    match outcome {
        Ok(version) => Ok(SavedBooking {
            id,
            version,
            price: quote.totals.total,
        }),
        Err(Refused::Fields(errors)) => Err(PortError::Invalid(errors)),
        Err(Refused::Conflict) => {
            Err(conflict_or_missing(db, "bookings", organisation, &id.to_string()).await)
        }
    }
}

/// Deletes the booking if it is still at `version`.
pub async fn delete(
    db: &Db,
    organisation: OrganisationId,
    id: BookingId,
    version: i64,
) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM bookings WHERE organisation_id = $1 AND id = $2 AND version = $3")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .bind(version)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if deleted == 1 {
        Ok(())
    } else {
        Err(conflict_or_missing(db, "bookings", organisation, &id.to_string()).await)
    }
}
