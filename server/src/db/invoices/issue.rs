//! Issuing: the next number of the issuer's series for the year, taken in the same transaction that
//! freezes the document, so a failed or concurrent issue never leaves a gap or a duplicate. On
//! SQLite the transaction holds the write lock from its start (`BEGIN IMMEDIATE`); on PostgreSQL the
//! counter row's lock (`INSERT … ON CONFLICT DO UPDATE`) queues issuers of one series, and the
//! conditional update (`number IS NULL`, version) lets only one issue of a draft through.

use crate::db::invoices::document::StoredDocument;
use crate::db::money::StoredMoney;
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::ids::{InvoiceId, OrganisationId};
use app::domain::invoice::{format_number, InvoiceKind, Issuer, Mentions};
use app::domain::money::Money;
use app::ports::{IssueRefusal, PortResult};
use chrono::{Datelike, NaiveDate};

/// How the transaction ended.
enum Outcome {
    Issued(String),
    Refused(IssueRefusal),
    Stale,
}

/// Kind, number, version, document and corrected invoice of the row being issued.
type DraftRow = (String, Option<String>, i64, String, Option<String>);

fn protocol(error: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Protocol(error.to_string())
}

/// Issues the draft `id` at `version` on `today`.
pub async fn issue(
    db: &Db,
    organisation: OrganisationId,
    id: InvoiceId,
    version: i64,
    today: NaiveDate,
    issuer: &Issuer,
    mentions: &Mentions,
) -> PortResult<Result<String, IssueRefusal>> {
    let org = organisation.to_string();
    let outcome: Outcome = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let row: Option<DraftRow> = sqlx::query_as(
            "SELECT kind, number, version, document, corrects_id FROM invoices \
             WHERE organisation_id = $1 AND id = $2")
            .bind(&org)
            .bind(id.to_string())
            .fetch_optional(&mut *tx)
            .await?;
        let Some((kind, number, stored_version, stored, corrects)) = row else {
            return Ok(Outcome::Stale);
        };
        if number.is_some() {
            return Ok(Outcome::Refused(IssueRefusal::AlreadyIssued));
        }
        if stored_version != version {
            return Ok(Outcome::Stale);
        }
        let mut document = StoredDocument::parse(&stored).map_err(protocol)?;
        if document.lines.is_empty() {
            return Ok(Outcome::Refused(IssueRefusal::Empty));
        }
        if let (Some(InvoiceKind::CreditNote), Some(corrected)) = (InvoiceKind::from_code(&kind), corrects) {
            let (invoice_total,): (StoredMoney,) = sqlx::query_as(
                "SELECT total FROM invoices WHERE organisation_id = $1 AND id = $2")
                .bind(&org)
                .bind(&corrected)
                .fetch_one(&mut *tx)
                .await?;
            let credited: Vec<StoredMoney> = sqlx::query_scalar(
                "SELECT total FROM invoices WHERE organisation_id = $1 AND corrects_id = $2 \
                 AND number IS NOT NULL")
                .bind(&org)
                .bind(&corrected)
                .fetch_all(&mut *tx)
                .await?;
            let creditable = invoice_total.0 - credited.into_iter().map(|m| m.0).sum::<Money>();
            if document.total() > creditable {
                return Ok(Outcome::Refused(IssueRefusal::CreditAboveInvoice { creditable }));
            }
        }
        document.issuer = issuer.clone();
        document.mentions = mentions.clone();
        let year = today.year();
        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO invoice_series (organisation_id, series, year, last_number) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (organisation_id, series, year) \
             DO UPDATE SET last_number = invoice_series.last_number + 1 RETURNING last_number")
            .bind(&org)
            .bind(issuer.key.series())
            .bind(year)
            .fetch_one(&mut *tx)
            .await?;
        let number = format_number(year, sequence);
        let updated = sqlx::query(
            "UPDATE invoices SET number = $3, series = $4, invoice_date = $5, document = $6, \
             version = version + 1 WHERE organisation_id = $1 AND id = $2 AND version = $7 \
             AND number IS NULL")
            .bind(&org)
            .bind(id.to_string())
            .bind(&number)
            .bind(issuer.key.series())
            .bind(today)
            .bind(document.to_json().map_err(protocol)?)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if updated != 1 {
            // Issued or changed meanwhile: the rollback gives the number back.
            return Ok(Outcome::Stale);
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Outcome::Issued(number))
    }.await)
    .map_err(internal)?;
    match outcome {
        Outcome::Issued(number) => Ok(Ok(number)),
        Outcome::Refused(refusal) => Ok(Err(refusal)),
        Outcome::Stale => {
            Err(conflict_or_missing(db, "invoices", organisation, &id.to_string()).await)
        }
    }
}
