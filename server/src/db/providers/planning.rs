//! A provider's confidential planning from the database: the provider (by account or by secret),
//! the properties they serve, and the stays of those properties around the window — only the
//! columns a provider may see (dates, guest counts, the note for providers; never a price, a guest
//! or the private notes). Blocked nights ("Indisponible", a platform's "Not available") are not
//! stays and are left out, as the exported calendars define them.

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{OrganisationId, UserId};
use app::domain::pricing::Guests;
use app::domain::provider::tasks::LOOK_AHEAD_DAYS;
use app::domain::provider::{plan, ProviderPlanning, ServedStay};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Duration, NaiveDate, Utc};

#[derive(sqlx::FromRow)]
struct ProviderRow {
    id: String,
    organisation_id: String,
    name: String,
    organisation_name: String,
    token: String,
}

const PROVIDER: &str =
    "SELECT p.id, p.organisation_id, p.name, o.name AS organisation_name, p.token \
                        FROM providers p JOIN organisations o ON o.id = p.organisation_id";

#[derive(sqlx::FromRow)]
struct StayRow {
    id: String,
    property_id: String,
    property_name: String,
    arrival: NaiveDate,
    departure: NaiveDate,
    adults: i64,
    children: i64,
    others: i64,
    provider_notes: String,
    updated_at: DateTime<Utc>,
}

fn count(n: i64) -> u16 {
    u16::try_from(n.max(0)).unwrap_or(u16::MAX)
}

impl StayRow {
    fn into_stay(self) -> PortResult<ServedStay> {
        Ok(ServedStay {
            booking: parse_id(&self.id)?,
            property: parse_id(&self.property_id)?,
            property_name: self.property_name,
            arrival: self.arrival,
            departure: self.departure,
            guests: Guests {
                adults: count(self.adults),
                children: count(self.children),
                others: count(self.others),
            },
            notes: self.provider_notes,
            changed_at: self.updated_at,
        })
    }
}

/// The planning of the provider `row` over `[from, from + days)`.
async fn planning(
    db: &Db,
    row: ProviderRow,
    from: NaiveDate,
    days: i64,
) -> PortResult<ProviderPlanning> {
    let properties: Vec<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT pr.name FROM provider_properties pp \
         JOIN properties pr ON pr.organisation_id = pp.organisation_id AND pr.id = pp.property_id \
         WHERE pp.organisation_id = $1 AND pp.provider_id = $2 ORDER BY pr.name, pr.id")
        .bind(&row.organisation_id)
        .bind(&row.id)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let until = from + Duration::days(days.max(0) + LOOK_AHEAD_DAYS);
    let stays: Vec<StayRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT b.id, b.property_id, pr.name AS property_name, b.arrival, b.departure, b.adults, \
                b.children, b.others, b.provider_notes, b.updated_at \
         FROM provider_properties pp \
         JOIN bookings b ON b.organisation_id = pp.organisation_id AND b.property_id = pp.property_id \
         JOIN properties pr ON pr.organisation_id = b.organisation_id AND pr.id = b.property_id \
         WHERE pp.organisation_id = $1 AND pp.provider_id = $2 \
           AND b.departure >= $3 AND b.arrival < $4 \
           AND COALESCE(b.feed_fingerprint, '') NOT LIKE '%|Blocked|%' \
           AND NOT (b.feed_id IS NULL AND b.customer_id IS NULL AND b.price = 0) \
         ORDER BY b.arrival, b.id")
        .bind(&row.organisation_id)
        .bind(&row.id)
        .bind(from)
        .bind(until)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let stays = stays
        .into_iter()
        .map(StayRow::into_stay)
        .collect::<PortResult<Vec<_>>>()?;
    Ok(ProviderPlanning {
        provider_name: row.name,
        organisation_name: row.organisation_name,
        properties,
        from,
        days,
        tasks: plan(&stays, from, days),
    })
}

/// The planning of the provider linked to `user` in `organisation`, and their secret.
pub async fn of_user(
    db: &Db,
    organisation: OrganisationId,
    user: UserId,
    from: NaiveDate,
    days: i64,
) -> PortResult<(ProviderPlanning, String)> {
    let row: Option<ProviderRow> = on_db!(db, pool => sqlx::query_as(
        &format!("{PROVIDER} WHERE p.organisation_id = $1 AND p.user_id = $2"))
        .bind(organisation.to_string())
        .bind(user.to_string())
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    let row = row.ok_or(PortError::NotFound)?;
    let token = row.token.clone();
    Ok((planning(db, row, from, days).await?, token))
}

/// The planning behind the secret `token`, if a provider has it.
pub async fn by_token(
    db: &Db,
    token: &str,
    from: NaiveDate,
    days: i64,
) -> PortResult<Option<ProviderPlanning>> {
    let row: Option<ProviderRow> = on_db!(db, pool => sqlx::query_as(
        &format!("{PROVIDER} WHERE p.token = $1"))
        .bind(token)
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    match row {
        None => Ok(None),
        Some(row) => planning(db, row, from, days).await.map(Some),
    }
}
