//! Payments: recorded on issued invoices only, never above what remains (checked again inside the
//! transaction, so two people recording at once cannot overpay); the invoice's `remaining` and
//! `paid_on` columns follow, and a fully paid invoice moves its bookings to the paid status.

use crate::db::invoices::document::StoredDocument;
use crate::db::money::StoredMoney;
use crate::db::{internal, on_db, BeginWrite, Db};
use app::domain::field::FieldError;
use app::domain::ids::{InvoiceId, OrganisationId, PaymentId, StatusId};
use app::domain::invoice::{InvoiceKind, PaymentInput};
use app::domain::money::Money;
use app::ports::{PortError, PortResult};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// How the transaction ended.
enum Outcome {
    /// Recorded; whether bookings changed status.
    Done(bool),
    /// Not an issued invoice of the organisation.
    Missing,
    /// Not an issued invoice.
    NotIssued,
    /// More than what remains.
    AboveRemaining(Money),
}

fn protocol(error: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Protocol(error.to_string())
}

/// The document, the booking and what was paid, read inside a transaction.
macro_rules! read_state {
    ($tx:expr, $org:expr, $id:expr) => {{
        let row: Option<(String, Option<String>, String, Option<String>)> = sqlx::query_as(
            "SELECT kind, number, document, booking_id FROM invoices \
             WHERE organisation_id = $1 AND id = $2")
            .bind($org)
            .bind($id)
            .fetch_optional(&mut *$tx)
            .await?;
        let payments: Vec<(NaiveDate, StoredMoney)> = sqlx::query_as(
            "SELECT paid_on, amount FROM invoice_payments WHERE organisation_id = $1 AND invoice_id = $2")
            .bind($org)
            .bind($id)
            .fetch_all(&mut *$tx)
            .await?;
        (row, payments)
    }};
}

/// Writes the invoice's `remaining` and `paid_on` after its payments changed; answers whether it is
/// now fully paid.
macro_rules! settle {
    ($tx:expr, $org:expr, $id:expr, $document:expr, $payments:expr) => {{
        let paid: Money = $payments.iter().map(|(_, amount)| amount.0).sum();
        let remaining = $document.remaining(InvoiceKind::Invoice, paid);
        let fully_paid = remaining <= Money::ZERO && !$payments.is_empty();
        let paid_on = if fully_paid {
            $payments.iter().map(|(day, _)| *day).max()
        } else {
            None
        };
        sqlx::query(
            "UPDATE invoices SET remaining = $3, paid_on = $4, version = version + 1 \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind($org)
        .bind($id)
        .bind(StoredMoney(remaining))
        .bind(paid_on)
        .execute(&mut *$tx)
        .await?;
        fully_paid
    }};
}

/// Records `payment` on the issued invoice `id`; answers whether bookings changed status.
pub async fn add(
    db: &Db,
    organisation: OrganisationId,
    id: InvoiceId,
    payment: &PaymentInput,
    paid_status: Option<StatusId>,
    now: DateTime<Utc>,
) -> PortResult<bool> {
    let org = organisation.to_string();
    let invoice = id.to_string();
    let outcome: Outcome = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let (row, mut payments) = read_state!(tx, &org, &invoice);
        let Some((kind, number, stored, booking)) = row else {
            return Ok(Outcome::Missing);
        };
        if number.is_none() || kind != InvoiceKind::Invoice.code() {
            return Ok(Outcome::NotIssued);
        }
        let document = StoredDocument::parse(&stored).map_err(protocol)?;
        let paid: Money = payments.iter().map(|(_, amount)| amount.0).sum();
        let remaining = document.remaining(InvoiceKind::Invoice, paid);
        if payment.amount > remaining {
            return Ok(Outcome::AboveRemaining(remaining));
        }
        sqlx::query(
            "INSERT INTO invoice_payments (id, organisation_id, invoice_id, paid_on, amount, mode, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(PaymentId(Uuid::now_v7()).to_string())
            .bind(&org)
            .bind(&invoice)
            .bind(payment.date)
            .bind(StoredMoney(payment.amount))
            .bind(payment.mode.code())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        payments.push((payment.date, StoredMoney(payment.amount)));
        let fully_paid = settle!(tx, &org, &invoice, document, payments);
        let mut moved = false;
        if let (true, Some(status), Some(booking)) = (fully_paid, paid_status, booking) {
            moved = sqlx::query(
                "UPDATE bookings SET status_id = $3, version = version + 1, updated_at = $4 \
                 WHERE organisation_id = $1 AND status_id <> $3 AND (id = $2 OR group_id IN \
                 (SELECT group_id FROM bookings WHERE organisation_id = $1 AND id = $2))")
                .bind(&org)
                .bind(&booking)
                .bind(status.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                > 0;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Outcome::Done(moved))
    }.await)
    .map_err(internal)?;
    match outcome {
        Outcome::Done(moved) => Ok(moved),
        Outcome::Missing => Err(PortError::NotFound),
        Outcome::NotIssued => Err(PortError::Conflict),
        Outcome::AboveRemaining(remaining) => Err(PortError::Invalid(vec![(
            "amount".into(),
            FieldError::AboveRemaining { remaining },
        )])),
    }
}

/// Removes the payment `payment` of invoice `id`.
pub async fn delete(
    db: &Db,
    organisation: OrganisationId,
    id: InvoiceId,
    payment: PaymentId,
) -> PortResult<()> {
    let org = organisation.to_string();
    let invoice = id.to_string();
    let found: bool = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let deleted = sqlx::query(
            "DELETE FROM invoice_payments WHERE organisation_id = $1 AND invoice_id = $2 AND id = $3")
            .bind(&org)
            .bind(&invoice)
            .bind(payment.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Ok(false);
        }
        let (row, payments) = read_state!(tx, &org, &invoice);
        let Some((_, _, stored, _)) = row else {
            return Ok(false);
        };
        let document = StoredDocument::parse(&stored).map_err(protocol)?;
        settle!(tx, &org, &invoice, document, payments);
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    }.await)
    .map_err(internal)?;
    if found {
        Ok(())
    } else {
        Err(PortError::NotFound)
    }
}
