//! One booking, read back into the form it was saved from, with the quote it was sold at and the
//! other members of its group.

use crate::db::money::StoredMoney;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::booking::{Booking, BookingForm, CustomerForm, GroupLine, OptionQuantity};
use app::domain::ids::{BookingId, ChargeOptionId, OrganisationId};
use app::domain::percent::Percent;
use app::domain::pricing::Quote;
use app::domain::rates::QuoteQuery;
use app::ports::{PortError, PortResult};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct BookingRow {
    version: i64,
    property_id: String,
    property_name: String,
    status_id: String,
    arrival: NaiveDate,
    departure: NaiveDate,
    adults: i64,
    children: i64,
    others: i64,
    price: StoredMoney,
    notes: String,
    manual_discount: i64,
    forfait: Option<StoredMoney>,
    deposit: StoredMoney,
    tax_by_platform: bool,
    options: String,
    origin: String,
    contract_message: String,
    forced: bool,
    quote: Option<String>,
    customer_id: Option<String>,
    customer_name: Option<String>,
    customer_address: Option<String>,
    customer_emails: Option<String>,
    customer_phones: Option<String>,
    group_id: Option<String>,
    provider_notes: String,
}

/// Another member of the booking's group.
#[derive(sqlx::FromRow)]
struct MemberRow {
    id: String,
    version: i64,
    property_id: String,
    adults: i64,
    children: i64,
    others: i64,
    options: String,
    forfait: Option<StoredMoney>,
    deposit: StoredMoney,
    price: StoredMoney,
}

fn stored_options(json: &str) -> PortResult<Vec<OptionQuantity>> {
    let options: Vec<(ChargeOptionId, u32)> = serde_json::from_str(json)
        .map_err(|e| PortError::Internal(format!("stored options: {e}")))?;
    Ok(options
        .into_iter()
        .map(|(option, quantity)| OptionQuantity {
            option: option.to_string(),
            quantity: quantity.to_string(),
        })
        .collect())
}

impl MemberRow {
    fn into_line(self) -> PortResult<GroupLine> {
        Ok(GroupLine {
            booking: Some(parse_id(&self.id)?),
            version: self.version,
            property: self.property_id,
            adults: self.adults.to_string(),
            children: self.children.to_string(),
            others: self.others.to_string(),
            options: stored_options(&self.options)?,
            forfait: self.forfait.map(|f| f.0.to_input()).unwrap_or_default(),
            deposit: amount_input(self.deposit),
            included: true,
        })
    }
}

fn amount_input(stored: StoredMoney) -> String {
    if stored.0.is_zero() {
        String::new()
    } else {
        stored.0.to_input()
    }
}

impl BookingRow {
    fn into_booking(self, id: BookingId, members: Vec<MemberRow>) -> PortResult<Booking> {
        let quote: Option<Quote> = self
            .quote
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| PortError::Internal(format!("stored quote: {e}")))?;
        let discount = Percent::from_hundredths(self.manual_discount);
        let form = BookingForm {
            stay: QuoteQuery {
                property: self.property_id,
                arrival: self.arrival.to_string(),
                departure: self.departure.to_string(),
                adults: self.adults.to_string(),
                children: self.children.to_string(),
                others: self.others.to_string(),
                discount: if discount.is_zero() {
                    String::new()
                } else {
                    discount.to_input()
                },
                forfait: self.forfait.map(|f| f.0.to_input()).unwrap_or_default(),
                platform: if self.tax_by_platform { "1" } else { "" }.into(),
                options: String::new(),
            },
            status: parse_id::<app::domain::ids::StatusId>(&self.status_id)?.to_string(),
            customer: CustomerForm {
                id: self.customer_id.unwrap_or_default(),
                name: self.customer_name.unwrap_or_default(),
                address: self.customer_address.unwrap_or_default(),
                emails: self.customer_emails.unwrap_or_default(),
                phones: self.customer_phones.unwrap_or_default(),
            },
            options: stored_options(&self.options)?,
            deposit: amount_input(self.deposit),
            origin: self.origin,
            notes: self.notes,
            contract_message: self.contract_message,
            force: self.forced,
            grouped: self.group_id.is_some() && !members.is_empty(),
            group: Vec::new(),
            provider_notes: self.provider_notes,
        };
        let group_price = members
            .iter()
            .fold(self.price.0, |sum, member| sum + member.price.0);
        let form = BookingForm {
            group: members
                .into_iter()
                .map(MemberRow::into_line)
                .collect::<PortResult<_>>()?,
            ..form
        };
        Ok(Booking {
            id,
            version: self.version,
            form,
            property_name: self.property_name,
            quote,
            price: self.price.0,
            group_price,
            forced: self.forced,
        })
    }
}

/// The booking `id` of the organisation.
pub async fn get(db: &Db, organisation: OrganisationId, id: BookingId) -> PortResult<Booking> {
    let row: Option<BookingRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT b.version, b.property_id, p.name AS property_name, b.status_id, b.arrival, b.departure, \
             b.adults, b.children, b.others, b.price, b.notes, b.manual_discount, b.forfait, b.deposit, \
             b.tax_by_platform, b.options, b.origin, b.contract_message, b.forced, b.quote, b.customer_id, \
             c.name AS customer_name, c.address AS customer_address, c.email AS customer_emails, \
             c.phone AS customer_phones, b.group_id, b.provider_notes \
         FROM bookings b \
         JOIN properties p ON p.organisation_id = b.organisation_id AND p.id = b.property_id \
         LEFT JOIN customers c ON c.organisation_id = b.organisation_id AND c.id = b.customer_id \
         WHERE b.organisation_id = $1 AND b.id = $2")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    let row = row.ok_or(PortError::NotFound)?;
    let members: Vec<MemberRow> = match &row.group_id {
        None => Vec::new(),
        Some(group) => on_db!(db, pool => sqlx::query_as(
            "SELECT b.id, b.version, b.property_id, b.adults, b.children, b.others, b.options, b.forfait, \
                 b.deposit, b.price \
             FROM bookings b \
             JOIN properties p ON p.organisation_id = b.organisation_id AND p.id = b.property_id \
             WHERE b.organisation_id = $1 AND b.group_id = $2 AND b.id <> $3 ORDER BY p.name, b.id")
            .bind(organisation.to_string())
            .bind(group)
            .bind(id.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?,
    };
    row.into_booking(id, members)
}
