//! Drafts: creating, saving (and passing the new total and advance back to the booking), deleting.

use crate::db::invoices::document::StoredDocument;
use crate::db::money::StoredMoney;
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::ids::{InvoiceId, OrganisationId};
use app::domain::invoice::{InvoiceInput, InvoiceKind};
use app::domain::money::Money;
use app::ports::{NewInvoice, PortResult};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Creates a draft.
pub async fn create(
    db: &Db,
    organisation: OrganisationId,
    draft: &NewInvoice,
    now: DateTime<Utc>,
) -> PortResult<InvoiceId> {
    let id = InvoiceId(Uuid::now_v7());
    let document = StoredDocument::of(&draft.input, &draft.issuer, &draft.mentions);
    let json = document.to_json()?;
    on_db!(db, pool => sqlx::query(
        "INSERT INTO invoices (id, organisation_id, kind, series, number, invoice_date, booking_id, \
         corrects_id, customer_name, total, remaining, paid_on, document, version, created_at) \
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, NULL, $11, 1, $12)")
        .bind(id.to_string())
        .bind(organisation.to_string())
        .bind(draft.kind.code())
        .bind(draft.issuer.key.series())
        .bind(draft.date)
        .bind(draft.booking.map(|b| b.to_string()))
        .bind(draft.corrects.map(|c| c.to_string()))
        .bind(&draft.input.customer_name)
        .bind(StoredMoney(document.total()))
        .bind(StoredMoney(document.remaining(draft.kind, Money::ZERO)))
        .bind(&json)
        .bind(now)
        .execute(pool)
        .await
        .map(|_| ()))
    .map_err(internal)?;
    Ok(id)
}

/// Saves a draft from `version`; a draft made from a booking passes its total and advance to the
/// booking (a grouped one's: what the other members do not carry). Answers the new version and
/// whether a booking changed.
pub async fn save_draft(
    db: &Db,
    organisation: OrganisationId,
    id: InvoiceId,
    version: i64,
    input: &InvoiceInput,
) -> PortResult<(i64, bool)> {
    let org = organisation.to_string();
    let outcome: Option<bool> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let row: Option<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT kind, document, booking_id FROM invoices WHERE organisation_id = $1 AND id = $2 \
             AND version = $3 AND number IS NULL")
            .bind(&org)
            .bind(id.to_string())
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?;
        let Some((kind, stored, booking)) = row else {
            return Ok(None);
        };
        let Ok(previous) = StoredDocument::parse(&stored) else {
            return Err(sqlx::Error::Protocol("stored invoice unreadable".into()));
        };
        let document = StoredDocument::of(input, &previous.issuer, &previous.mentions);
        let kind = InvoiceKind::from_code(&kind).unwrap_or_default();
        let paid = Money::ZERO;
        sqlx::query(
            "UPDATE invoices SET document = $3, customer_name = $4, total = $5, remaining = $6, \
             version = version + 1 WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(id.to_string())
            .bind(document.to_json().map_err(|e| sqlx::Error::Protocol(e.to_string()))?)
            .bind(&input.customer_name)
            .bind(StoredMoney(document.total()))
            .bind(StoredMoney(document.remaining(kind, paid)))
            .execute(&mut *tx)
            .await?;
        let mut booking_changed = false;
        if let (Some(booking), InvoiceKind::Invoice) = (booking, kind) {
            // A grouped booking keeps the other members' prices and arrhes: the booking the
            // invoice was made from takes the rest, so the group's total is the invoice's.
            let (others_price, others_deposit): (Option<StoredMoney>, Option<StoredMoney>) = sqlx::query_as(
                "SELECT SUM(m.price), SUM(m.deposit) FROM bookings m JOIN bookings b                  ON b.organisation_id = m.organisation_id AND b.group_id = m.group_id                  WHERE b.organisation_id = $1 AND b.id = $2 AND m.id <> $2")
                .bind(&org)
                .bind(&booking)
                .fetch_one(&mut *tx)
                .await?;
            let price = document.total() - others_price.map_or(Money::ZERO, |m| m.0);
            let deposit = document.advance - others_deposit.map_or(Money::ZERO, |m| m.0);
            if price >= Money::ZERO && deposit >= Money::ZERO {
                booking_changed = sqlx::query(
                    "UPDATE bookings SET price = $3, deposit = $4, version = version + 1, updated_at = $5                      WHERE organisation_id = $1 AND id = $2 AND (price <> $3 OR deposit <> $4)")
                    .bind(&org)
                    .bind(&booking)
                    .bind(StoredMoney(price))
                    .bind(StoredMoney(deposit))
                    .bind(Utc::now())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    > 0;
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Some(booking_changed))
    }.await)
    .map_err(internal)?;
    match outcome {
        Some(booking_changed) => Ok((version + 1, booking_changed)),
        None => Err(conflict_or_missing(db, "invoices", organisation, &id.to_string()).await),
    }
}

/// Deletes a draft; an issued document is a conflict (it is kept forever).
pub async fn delete_draft(db: &Db, organisation: OrganisationId, id: InvoiceId) -> PortResult<()> {
    let deleted = on_db!(db, pool => sqlx::query(
        "DELETE FROM invoices WHERE organisation_id = $1 AND id = $2 AND number IS NULL")
        .bind(organisation.to_string())
        .bind(id.to_string())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    if deleted == 1 {
        Ok(())
    } else {
        Err(conflict_or_missing(db, "invoices", organisation, &id.to_string()).await)
    }
}
