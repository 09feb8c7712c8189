//! One customer: their details and bookings for their page, and saving their edited details from the
//! version the person opened.

use crate::db::money::StoredMoney;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, BeginWrite, Db};
use app::domain::booking::{BookingStatus, CustomerForm, CustomerInput};
use app::domain::customers::{CustomerBooking, CustomerDetails};
use app::domain::ids::{CustomerId, OrganisationId};
use app::domain::stay::Stay;
use app::ports::{PortError, PortResult};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct CustomerRow {
    name: String,
    address: String,
    email: String,
    phone: String,
    version: i64,
}

#[derive(sqlx::FromRow)]
struct BookingRow {
    id: String,
    property_id: String,
    property_name: String,
    arrival: NaiveDate,
    departure: NaiveDate,
    status_id: String,
    status_name: String,
    status_color: String,
    price: StoredMoney,
}

impl BookingRow {
    fn into_booking(self) -> PortResult<CustomerBooking> {
        Ok(CustomerBooking {
            id: parse_id(&self.id)?,
            property_id: parse_id(&self.property_id)?,
            property_name: self.property_name,
            stay: Stay::new(self.arrival, self.departure).map_err(internal)?,
            status: BookingStatus {
                id: parse_id(&self.status_id)?,
                name: self.status_name,
                color: self.status_color,
            },
            price: self.price.0,
        })
    }
}

/// The customer `id` with their bookings, latest arrival first.
pub async fn get(
    db: &Db,
    organisation: OrganisationId,
    id: CustomerId,
) -> PortResult<CustomerDetails> {
    let org = organisation.to_string();
    let customer = id.to_string();
    let (row, bookings): (Option<CustomerRow>, Vec<BookingRow>) = on_db!(db, pool => async {
        let row = sqlx::query_as(
            "SELECT name, address, email, phone, version FROM customers WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(&customer)
            .fetch_optional(pool)
            .await?;
        let bookings = sqlx::query_as(
            "SELECT b.id, b.property_id, p.name AS property_name, b.arrival, b.departure, \
                 s.id AS status_id, s.name AS status_name, s.color AS status_color, b.price \
             FROM bookings b \
             JOIN properties p ON p.organisation_id = b.organisation_id AND p.id = b.property_id \
             JOIN booking_statuses s ON s.organisation_id = b.organisation_id AND s.id = b.status_id \
             WHERE b.organisation_id = $1 AND b.customer_id = $2 \
             ORDER BY b.arrival DESC, b.id")
            .bind(&org)
            .bind(&customer)
            .fetch_all(pool)
            .await?;
        Ok::<_, sqlx::Error>((row, bookings))
    }.await)
    .map_err(internal)?;
    let row = row.ok_or(PortError::NotFound)?;
    Ok(CustomerDetails {
        id,
        version: row.version,
        form: CustomerForm {
            id: id.to_string(),
            name: row.name,
            address: row.address,
            emails: row.email,
            phones: row.phone,
        },
        bookings: bookings
            .into_iter()
            .map(BookingRow::into_booking)
            .collect::<PortResult<_>>()?,
    })
}

/// Saves the customer's details if they are still at `version`; returns the new version.
pub async fn update(
    db: &Db,
    organisation: OrganisationId,
    id: CustomerId,
    version: i64,
    input: &CustomerInput,
) -> PortResult<i64> {
    let org = organisation.to_string();
    let customer = id.to_string();
    // The guest's name is copied onto their bookings for the planning: both change together.
    let updated = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE customers SET name = $4, address = $5, email = $6, phone = $7, version = version + 1 \
             WHERE organisation_id = $1 AND id = $2 AND version = $3")
            .bind(&org)
            .bind(&customer)
            .bind(version)
            .bind(&input.name)
            .bind(&input.address)
            .bind(&input.emails)
            .bind(&input.phones)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated == 1 {
            sqlx::query(crate::db::bookings::REFRESH_GUEST_NAMES)
                .bind(&org)
                .bind("")
                .bind(&customer)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(updated)
    }.await)
    .map_err(internal)?;
    if updated == 1 {
        return Ok(version + 1);
    }
    Err(crate::db::conflict_or_missing(db, "customers", organisation, &customer).await)
}
