//! Overlaps of imported stays with other bookings: after a poll added or moved stays, those that now
//! overlap a booking not from the same feed are recorded in the feed's history and emailed to the
//! managers — once per stay and dates (`bookings.conflict_notified`), not at every poll. The planning
//! marks every overlap in red by itself. Blocks are not stays: they raise no conflict.

use super::engine::Poller;
use crate::db::sync::feeds::FeedRow;
use crate::db::sync::history::{self, NewEntry};
use crate::db::{internal, on_db};
use app::domain::ids::OrganisationId;
use app::domain::mail::{OutgoingMessage, Recipients};
use app::domain::stay::Stay;
use app::domain::sync::conflict::{conflict_message, overlapping, ConflictNotice};
use app::domain::sync::view::ChangeKind;
use app::ports::PortResult;
use chrono::{DateTime, NaiveDate, Utc};

/// An imported stay the poll added or moved: id, arrival, departure, the dates last reported, its
/// summary.
type TouchedRow = (String, NaiveDate, NaiveDate, Option<String>, String);

/// Reports the overlaps of the stays `feed` added or moved at `now`. Two queries (the touched stays,
/// the property's other bookings) and the overlaps found in memory: a first import of 10,000 stays
/// is checked in milliseconds.
pub async fn report_conflicts(
    poller: &Poller,
    feed: &FeedRow,
    now: DateTime<Utc>,
) -> PortResult<()> {
    let db = &poller.db;
    let touched: Vec<TouchedRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, arrival, departure, conflict_notified, COALESCE(feed_summary, '') FROM bookings \
         WHERE organisation_id = $1 AND feed_id = $2 AND updated_at = $3 \
           AND feed_fingerprint NOT LIKE '%|Blocked|%'")
        .bind(&feed.organisation_id)
        .bind(&feed.id)
        .bind(now)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    if touched.is_empty() {
        return Ok(());
    }
    let others: Vec<(NaiveDate, NaiveDate)> = on_db!(db, pool => sqlx::query_as(
        "SELECT arrival, departure FROM bookings WHERE organisation_id = $1 AND property_id = $2 \
           AND (feed_id IS NULL OR feed_id <> $3)")
        .bind(&feed.organisation_id)
        .bind(&feed.property_id)
        .bind(&feed.id)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let to_stay = |(arrival, departure): (NaiveDate, NaiveDate)| {
        Stay::new(arrival, departure).map_err(internal)
    };
    let others = others
        .into_iter()
        .map(to_stay)
        .collect::<PortResult<Vec<_>>>()?;
    let stays = touched
        .iter()
        .map(|row| to_stay((row.1, row.2)))
        .collect::<PortResult<Vec<_>>>()?;
    let overlaps = overlapping(&stays, &others);
    let property: String = on_db!(db, pool => sqlx::query_scalar(
        "SELECT name FROM properties WHERE organisation_id = $1 AND id = $2")
        .bind(&feed.organisation_id)
        .bind(&feed.property_id)
        .fetch_one(pool)
        .await)
    .map_err(internal)?;
    let rows = touched
        .into_iter()
        .zip(overlaps)
        .filter(|(_, overlaps)| *overlaps)
        .map(|((id, arrival, departure, notified, summary), _)| {
            (id, arrival, departure, notified, property.clone(), summary)
        });
    let mut notices = Vec::new();
    let mut entries = Vec::new();
    for (id, arrival, departure, notified, property, summary) in rows {
        let mark = format!("{arrival}/{departure}");
        if notified.as_deref() == Some(mark.as_str()) {
            continue;
        }
        on_db!(db, pool => sqlx::query(
            "UPDATE bookings SET conflict_notified = $3 WHERE organisation_id = $1 AND id = $2")
            .bind(&feed.organisation_id)
            .bind(&id)
            .bind(&mark)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(internal)?;
        let stay = Stay::new(arrival, departure).map_err(internal)?;
        entries.push(NewEntry {
            kind: ChangeKind::Conflict,
            uid: None,
            stay: Some(stay),
            previous: None,
            summary: summary.clone(),
            detail: String::new(),
        });
        notices.push(ConflictNotice {
            property,
            platform: feed.platform(),
            stay,
            summary,
        });
    }
    if notices.is_empty() {
        return Ok(());
    }
    let (organisation, feed_id) = crate::db::sync::feeds::ids(feed)?;
    history::append(db, organisation, feed_id, &entries, now).await?;
    let Some(recipients) = managers(poller, organisation).await? else {
        tracing::warn!(%organisation, "a sync conflict, but nobody to email");
        return Ok(());
    };
    let (subject, body) = conflict_message(&notices);
    poller
        .mail
        .enqueue(
            organisation,
            OutgoingMessage {
                purpose: None,
                recipients,
                subject,
                body,
                attachments: Vec::new(),
            },
            now,
        )
        .await?;
    Ok(())
}

/// Who hears of conflicts: the report recipients of the email settings, else the administrators
/// and managers.
async fn managers(poller: &Poller, organisation: OrganisationId) -> PortResult<Option<Recipients>> {
    let settings = crate::db::mail::settings::load(&poller.db, organisation).await?;
    let mut addresses: Vec<String> = settings
        .settings
        .report_recipients
        .iter()
        .map(|email| email.as_str().to_owned())
        .collect();
    if addresses.is_empty() {
        addresses = on_db!(&poller.db, pool => sqlx::query_scalar(
            "SELECT email FROM users WHERE organisation_id = $1 AND role IN ('admin', 'manager') \
             ORDER BY created_at LIMIT 10")
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
    }
    Ok(Recipients::parse(&addresses.join(", ")).ok())
}
