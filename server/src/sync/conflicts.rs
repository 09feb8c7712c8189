//! Overlaps of imported stays with other bookings: after a poll added or moved stays, those that now
//! overlap a booking not from the same feed are recorded in the feed's history and emailed to the
//! managers — once per stay and dates (`bookings.conflict_notified`), not at every poll. The planning
//! marks every overlap in red by itself. Blocks are not stays: they raise no conflict.

use super::engine::Poller;
use crate::db::sync::feeds::FeedRow;
use crate::db::sync::history::{self, NewEntry};
use crate::db::sync::imported::TouchedStay;
use crate::db::{internal, on_db};
use app::domain::mail::OutgoingMessage;
use app::domain::stay::Stay;
use app::domain::sync::conflict::{conflict_message, overlapping, ConflictNotice};
use app::domain::sync::view::ChangeKind;
use app::ports::PortResult;
use chrono::{DateTime, NaiveDate, Utc};

/// Reports the overlaps of the stays `feed` added or moved at `now` (`touched`, handed over by the
/// poll's transaction). One query (the property's other bookings) and the overlaps found in memory:
/// a first import of 10,000 stays is checked in milliseconds.
pub async fn report_conflicts(
    poller: &Poller,
    feed: &FeedRow,
    touched: &[TouchedStay],
    now: DateTime<Utc>,
) -> PortResult<()> {
    let db = &poller.db;
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
    let others = others
        .into_iter()
        .map(|(arrival, departure)| Stay::new(arrival, departure).map_err(internal))
        .collect::<PortResult<Vec<_>>>()?;
    let stays: Vec<Stay> = touched.iter().map(|stay| stay.stay).collect();
    let overlaps = overlapping(&stays, &others);
    if !overlaps.contains(&true) {
        return Ok(());
    }
    let property: String = on_db!(db, pool => sqlx::query_scalar(
        "SELECT name FROM properties WHERE organisation_id = $1 AND id = $2")
        .bind(&feed.organisation_id)
        .bind(&feed.property_id)
        .fetch_one(pool)
        .await)
    .map_err(internal)?;
    let rows = touched
        .iter()
        .zip(overlaps)
        .filter_map(|(stay, overlaps)| overlaps.then_some(stay));
    let mut notices = Vec::new();
    let mut entries = Vec::new();
    for touched in rows {
        let stay = touched.stay;
        let mark = format!("{}/{}", stay.arrival(), stay.departure());
        if touched.notified.as_deref() == Some(mark.as_str()) {
            continue;
        }
        on_db!(db, pool => sqlx::query(
            "UPDATE bookings SET conflict_notified = $3 WHERE organisation_id = $1 AND id = $2")
            .bind(&feed.organisation_id)
            .bind(&touched.id)
            .bind(&mark)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(internal)?;
        entries.push(NewEntry {
            kind: ChangeKind::Conflict,
            uid: None,
            stay: Some(stay),
            previous: None,
            summary: touched.summary.clone(),
            detail: String::new(),
        });
        notices.push(ConflictNotice {
            property: property.clone(),
            platform: feed.platform(),
            stay,
            summary: touched.summary.clone(),
        });
    }
    if notices.is_empty() {
        return Ok(());
    }
    let (organisation, feed_id) = crate::db::sync::feeds::ids(feed)?;
    history::append(db, organisation, feed_id, &entries, now).await?;
    let Some(recipients) = crate::mail::recipients::managers(&poller.db, organisation).await?
    else {
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
