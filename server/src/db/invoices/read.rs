//! Reading invoices: the table, one document with its payments and credit notes, the invoice of a
//! booking, and who issues a booking's documents.

use crate::db::invoices::document::StoredDocument;
use crate::db::money::StoredMoney;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{BookingId, InvoiceId, OrganisationId};
use app::domain::invoice::{
    BillingSettings, Invoice, InvoiceKind, InvoiceSummary, Issuer, IssuerKey, IssuerMode, Payment,
    PaymentMode,
};
use app::ports::{PortError, PortResult};
use chrono::NaiveDate;

#[derive(sqlx::FromRow)]
struct InvoiceRow {
    id: String,
    kind: String,
    number: Option<String>,
    invoice_date: NaiveDate,
    booking_id: Option<String>,
    corrects_id: Option<String>,
    customer_name: String,
    total: StoredMoney,
    remaining: StoredMoney,
    paid_on: Option<NaiveDate>,
    document: String,
    version: i64,
}

const COLUMNS: &str = "id, kind, number, invoice_date, booking_id, corrects_id, customer_name, \
                       total, remaining, paid_on, document, version";

fn kind(code: &str) -> PortResult<InvoiceKind> {
    InvoiceKind::from_code(code).ok_or_else(|| internal(format!("invoice kind {code}")))
}

/// Every document of the organisation, newest first.
pub async fn list(db: &Db, organisation: OrganisationId) -> PortResult<Vec<InvoiceSummary>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM invoices WHERE organisation_id = $1 \
         ORDER BY invoice_date DESC, created_at DESC"
    );
    let rows: Vec<InvoiceRow> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|row| {
            let document = StoredDocument::parse(&row.document)?;
            Ok(InvoiceSummary {
                id: parse_id(&row.id)?,
                kind: kind(&row.kind)?,
                number: row.number,
                date: row.invoice_date,
                customer_name: row.customer_name,
                issuer_name: document.issuer.name,
                subject: document.subject,
                total: row.total.0,
                remaining: row.remaining.0,
                paid_on: row.paid_on,
            })
        })
        .collect()
}

/// One document.
pub async fn get(db: &Db, organisation: OrganisationId, id: InvoiceId) -> PortResult<Invoice> {
    let org = organisation.to_string();
    let sql = format!("SELECT {COLUMNS} FROM invoices WHERE organisation_id = $1 AND id = $2");
    let row: Option<InvoiceRow> = on_db!(db, pool => sqlx::query_as(&sql)
        .bind(&org)
        .bind(id.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    let row = row.ok_or(PortError::NotFound)?;
    let payments: Vec<(String, NaiveDate, StoredMoney, String)> =
        on_db!(db, pool => sqlx::query_as(
        "SELECT id, paid_on, amount, mode FROM invoice_payments \
         WHERE organisation_id = $1 AND invoice_id = $2 ORDER BY paid_on, created_at")
        .bind(&org)
        .bind(id.to_string())
        .fetch_all(pool)
        .await)
        .map_err(internal)?;
    let credit_notes: Vec<(String, Option<String>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, number FROM invoices WHERE organisation_id = $1 AND corrects_id = $2 \
         ORDER BY created_at")
        .bind(&org)
        .bind(id.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let corrects = match &row.corrects_id {
        Some(corrected) => {
            let number: Option<Option<String>> = on_db!(db, pool => sqlx::query_scalar(
                "SELECT number FROM invoices WHERE organisation_id = $1 AND id = $2")
                .bind(&org)
                .bind(corrected)
                .fetch_optional(pool)
                .await)
            .map_err(internal)?;
            Some((parse_id(corrected)?, number.flatten().unwrap_or_default()))
        }
        None => None,
    };
    let document = StoredDocument::parse(&row.document)?;
    Ok(Invoice {
        id,
        version: row.version,
        kind: kind(&row.kind)?,
        number: row.number,
        date: row.invoice_date,
        title: document.title,
        wording: document.wording,
        issuer: document.issuer,
        customer_name: row.customer_name,
        customer_address: document.customer_address,
        subject: document.subject,
        booking: row.booking_id.as_deref().map(parse_id).transpose()?,
        corrects,
        credit_notes: credit_notes
            .into_iter()
            .map(|(id, number)| Ok((parse_id(&id)?, number)))
            .collect::<PortResult<_>>()?,
        vat_enabled: document.vat_enabled,
        lines: document.lines,
        advance: document.advance,
        payments: payments
            .into_iter()
            .map(|(id, date, amount, mode)| {
                Ok(Payment {
                    id: parse_id(&id)?,
                    date,
                    amount: amount.0,
                    mode: PaymentMode::from_code(&mode).unwrap_or(PaymentMode::Other),
                })
            })
            .collect::<PortResult<_>>()?,
        mentions: document.mentions,
        lang: document.lang,
    })
}

/// The newest invoice of `booking` or of a booking of its group.
pub async fn of_booking(
    db: &Db,
    organisation: OrganisationId,
    booking: BookingId,
) -> PortResult<Option<InvoiceId>> {
    let id: Option<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT i.id FROM invoices i WHERE i.organisation_id = $1 AND i.kind = 'invoice' \
         AND (i.booking_id = $2 OR i.booking_id IN (SELECT m.id FROM bookings m \
              JOIN bookings b ON b.organisation_id = m.organisation_id AND b.group_id = m.group_id \
              WHERE b.organisation_id = $1 AND b.id = $2)) \
         ORDER BY i.created_at DESC LIMIT 1")
        .bind(organisation.to_string())
        .bind(booking.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    id.as_deref().map(parse_id).transpose()
}

/// The property's owner when documents are issued in the owner's name and the property has one;
/// the manager otherwise.
pub async fn issuer(
    db: &Db,
    organisation: OrganisationId,
    booking: Option<BookingId>,
    settings: &BillingSettings,
) -> PortResult<Issuer> {
    let manager = Issuer {
        key: IssuerKey::Manager,
        name: settings.manager_name.clone(),
        address: settings.manager_address.clone(),
    };
    let (Some(booking), IssuerMode::Owner) = (booking, settings.issuer_mode) else {
        return Ok(manager);
    };
    let owner: Option<(Option<String>, Option<String>, Option<String>)> =
        on_db!(db, pool => sqlx::query_as(
        "SELECT o.id, o.name, o.address FROM bookings b \
         JOIN properties p ON p.organisation_id = b.organisation_id AND p.id = b.property_id \
         LEFT JOIN owners o ON o.organisation_id = p.organisation_id AND o.id = p.owner_id \
         WHERE b.organisation_id = $1 AND b.id = $2")
        .bind(organisation.to_string())
        .bind(booking.to_string())
        .fetch_optional(pool)
        .await)
        .map_err(internal)?;
    match owner {
        Some((Some(id), Some(name), address)) => Ok(Issuer {
            key: IssuerKey::Owner(parse_id(&id)?),
            name,
            address: address.unwrap_or_default(),
        }),
        _ => Ok(manager),
    }
}
