//! Saving and deleting bookings. A save checks that the property, the status and the picked guest are
//! the organisation's, creates or updates the guest, and writes the booking with the quote it was
//! sold at — all in one transaction, and for an update only if the booking is still at the version
//! the person edited. A grouped booking writes every member in that same transaction, each checked
//! against its own version; a group left with a single property is dissolved.

use super::rows::{BookingRow, GroupWrite, SharedValues};
use crate::db::{conflict_or_missing, internal, on_db, BeginWrite, Db};
use app::domain::booking::{BookingInput, BookingQuotes, CustomerInput, SavedBooking};
use app::domain::field::{FieldError, FieldErrors};
use app::domain::ids::{BookingGroupId, BookingId, CustomerId, OrganisationId};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Why a save stopped inside its transaction.
enum Refused {
    Fields(FieldErrors),
    Conflict,
    /// A night asked for is taken (a save that had to find the nights free).
    Taken,
}

/// Whether a save may overlap other bookings (the owner's planning: overbooking is allowed) or must
/// find every night free (a guest's request from the public pages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlap {
    /// Saved whatever else is booked.
    Allowed,
    /// Refused ([`PortError::Conflict`]) when a booking whose status takes nights shares one.
    Refused,
}

/// Whether the property `$property` has a booking of a status that takes nights sharing a night
/// with `[$arrival, $departure)`, inside an open write transaction. The no-op update first takes
/// the property's row lock on PostgreSQL, so two such saves of one property run one after the
/// other and the second sees the first's booking (SQLite's writers are already serialised).
macro_rules! nights_taken {
    ($tx:expr, $org:expr, $property:expr, $arrival:expr, $departure:expr) => {{
        sqlx::query(
            "UPDATE properties SET version = version WHERE organisation_id = $1 AND id = $2",
        )
        .bind($org)
        .bind($property)
        .execute(&mut *$tx)
        .await?;
        sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM bookings b JOIN booking_statuses s \
               ON s.organisation_id = b.organisation_id AND s.id = b.status_id \
             WHERE b.organisation_id = $1 AND b.property_id = $2 AND b.arrival < $4 \
               AND b.departure > $3 AND s.blocks_export",
        )
        .bind($org)
        .bind($property)
        .bind($arrival)
        .bind($departure)
        .fetch_one(&mut *$tx)
        .await?
            > 0
    }};
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

/// Inserts (`$version` = None) or updates one booking row from its [`BookingRow`] and the
/// [`SharedValues`] of its group; evaluates to the number of rows written (0: version moved on).
macro_rules! write_row {
    ($tx:expr, $org:expr, $id:expr, $version:expr, $shared:expr, $row:expr, $group:expr, $now:expr) => {{
        let sql = if $version.is_none() {
            "INSERT INTO bookings (property_id, customer_id, status_id, arrival, departure, adults, children, \
                 others, price, notes, manual_discount, forfait, deposit, tax_by_platform, options, origin, \
                 contract_message, forced, quote, organisation_id, id, version, created_at, updated_at, group_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
                 $20, $21, 1, $22, $22, $23)"
        } else {
            "UPDATE bookings SET property_id = $1, customer_id = $2, status_id = $3, arrival = $4, \
                 departure = $5, adults = $6, children = $7, others = $8, price = $9, notes = $10, \
                 manual_discount = $11, forfait = $12, deposit = $13, tax_by_platform = $14, options = $15, \
                 origin = $16, contract_message = $17, forced = $18, quote = $19, group_id = $23, \
                 version = version + 1, updated_at = $22 \
             WHERE organisation_id = $20 AND id = $21 AND version = $24"
        };
        let (shared, row): (&SharedValues, &BookingRow) = ($shared, $row);
        let query = sqlx::query(sql)
            .bind(&row.property)
            .bind(&shared.customer)
            .bind(&shared.status)
            .bind(shared.arrival)
            .bind(shared.departure)
            .bind(row.adults)
            .bind(row.children)
            .bind(row.others)
            .bind(row.price)
            .bind(&shared.notes)
            .bind(shared.manual_discount)
            .bind(row.forfait)
            .bind(row.deposit)
            .bind(shared.tax_by_platform)
            .bind(&row.options)
            .bind(&shared.origin)
            .bind(&shared.contract_message)
            .bind(row.forced)
            .bind(&row.quote)
            .bind($org)
            .bind($id.to_string())
            .bind($now)
            .bind($group.map(|group: BookingGroupId| group.to_string()));
        let query = match $version {
            Some(version) => query.bind(version),
            None => query,
        };
        query.execute(&mut *$tx).await?.rows_affected()
    }};
}

/// One column of the organisation's booking `$id` inside an open transaction (`None`: no such booking).
macro_rules! column_of {
    ($tx:expr, $column:literal, $org:expr, $id:expr) => {
        sqlx::query_scalar(concat!(
            "SELECT ",
            $column,
            " FROM bookings WHERE organisation_id = $1 AND id = $2"
        ))
        .bind($org)
        .bind($id.to_string())
        .fetch_optional(&mut *$tx)
        .await?
    };
}

/// Takes one booking out of `$group` if it is the only one left there.
macro_rules! dissolve_if_alone {
    ($tx:expr, $org:expr, $group:expr) => {
        sqlx::query(
            "UPDATE bookings SET group_id = NULL, version = version + 1 \
             WHERE organisation_id = $1 AND group_id = $2 \
               AND (SELECT COUNT(*) FROM bookings WHERE organisation_id = $1 AND group_id = $2) = 1",
        )
        .bind($org)
        .bind($group)
        .execute(&mut *$tx)
        .await?
    };
}

fn guest_id(customer: &CustomerInput) -> CustomerId {
    customer.id.unwrap_or(CustomerId(Uuid::now_v7()))
}

/// Creates (`existing` = None) or updates a booking and the other properties of its group; with
/// [`Overlap::Refused`], only if every night of every property is free.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    existing: Option<(BookingId, i64)>,
    booking: &BookingInput,
    quotes: &BookingQuotes,
    overlap: Overlap,
    now: DateTime<Utc>,
) -> PortResult<SavedBooking> {
    let org = organisation.to_string();
    let id = existing.map_or(BookingId(Uuid::now_v7()), |(id, _)| id);
    let guest = booking.customer.as_ref().map(|c| (guest_id(c), c));
    let shared = SharedValues::of(booking, guest.as_ref().map(|(id, _)| *id));
    let plan = GroupWrite::of(booking, quotes)?;
    let outcome: Result<(i64, Vec<(BookingId, i64)>), Refused> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let mut errors = FieldErrors::new();
        if !owned!(tx, "properties", &org, &plan.main.property) {
            errors.push(("property".into(), FieldError::UnknownChoice));
        }
        for (_, member) in &plan.members {
            if !owned!(tx, "properties", &org, &member.property) {
                errors.push(("group".into(), FieldError::UnknownChoice));
                break;
            }
        }
        if !owned!(tx, "booking_statuses", &org, &shared.status) {
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
        if overlap == Overlap::Refused {
            let properties = std::iter::once(&plan.main).chain(plan.members.iter().map(|(_, m)| m));
            for row in properties {
                if nights_taken!(tx, &org, &row.property, shared.arrival, shared.departure) {
                    return Ok(Err(Refused::Taken));
                }
            }
        }
        // The group as stored now: every member must be one the form knew of.
        let current_group: Option<String> = match existing {
            None => None,
            Some(_) => column_of!(tx, "group_id", &org, id).flatten(),
        };
        let mut touched_groups: Vec<String> = current_group.iter().cloned().collect();
        if let Some(group) = &current_group {
            let members: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM bookings WHERE organisation_id = $1 AND group_id = $2 AND id <> $3")
                .bind(&org)
                .bind(group)
                .bind(id.to_string())
                .fetch_all(&mut *tx)
                .await?;
            if members.iter().any(|member| !plan.known.contains(member)) {
                return Ok(Err(Refused::Conflict));
            }
        }
        let group: Option<BookingGroupId> = plan.grouped.then(|| {
            current_group
                .as_deref()
                .and_then(|g| g.parse().ok())
                .unwrap_or(BookingGroupId(Uuid::now_v7()))
        });
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
            query.execute(&mut *tx).await?;
        }
        let main_version = existing.map(|(_, version)| version);
        if write_row!(tx, &org, id, main_version, &shared, &plan.main, group, now) == 0 {
            return Ok(Err(Refused::Conflict));
        }
        let mut written = vec![id];
        for (stored, member) in &plan.members {
            let member_id = stored.map_or(BookingId(Uuid::now_v7()), |(member, _)| member);
            if let Some((member, _)) = stored {
                // A booking joining from another group leaves that group behind.
                let previous: Option<String> = column_of!(tx, "group_id", &org, member).flatten();
                touched_groups.extend(previous);
            }
            let version = stored.map(|(_, version)| version);
            if write_row!(tx, &org, member_id, version, &shared, member, group, now) == 0 {
                return Ok(Err(Refused::Conflict));
            }
            written.push(member_id);
        }
        for (leaving, version) in &plan.leaving {
            let left = sqlx::query(
                "UPDATE bookings SET group_id = NULL, version = version + 1 \
                 WHERE organisation_id = $1 AND id = $2 AND version = $3")
                .bind(&org)
                .bind(leaving.to_string())
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if left == 0 {
                return Ok(Err(Refused::Conflict));
            }
        }
        for touched in &touched_groups {
            dissolve_if_alone!(tx, &org, touched);
        }
        let customer = guest.as_ref().map(|(id, _)| id.to_string()).unwrap_or_default();
        for booking in &written {
            sqlx::query(super::REFRESH_GUEST_NAMES)
                .bind(&org)
                .bind(booking.to_string())
                .bind(&customer)
                .execute(&mut *tx)
                .await?;
        }
        // The note for providers (SPEC C11), shared by every member like the notes; written on its
        // own so the row writer above stays as it is.
        for member in &written {
            sqlx::query(
                "UPDATE bookings SET provider_notes = $3 WHERE organisation_id = $1 AND id = $2")
                .bind(&org)
                .bind(member.to_string())
                .bind(&booking.provider_notes)
                .execute(&mut *tx)
                .await?;
        }
        // The versions now, of the booking saved and of every other booking this save may have changed.
        let mut others = Vec::new();
        let involved = plan.known.iter().filter_map(|known| known.parse::<BookingId>().ok());
        for other in written.iter().skip(1).copied().chain(involved) {
            if others.iter().any(|(seen, _)| *seen == other) {
                continue;
            }
            let version: Option<i64> = column_of!(tx, "version", &org, other);
            others.extend(version.map(|version| (other, version)));
        }
        let version: i64 = column_of!(tx, "version", &org, id).ok_or(sqlx::Error::RowNotFound)?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok((version, others)))
    }.await)
    .map_err(internal)?;
    match outcome {
        Ok((version, group)) => Ok(SavedBooking {
            id,
            version,
            price: quotes.total(),
            group,
        }),
        Err(Refused::Fields(errors)) => Err(PortError::Invalid(errors)),
        Err(Refused::Conflict) => {
            Err(conflict_or_missing(db, "bookings", organisation, &id.to_string()).await)
        }
        Err(Refused::Taken) => Err(PortError::Conflict),
    }
}

/// Deletes the bookings if each is still at its version, all or none; the rest of their groups stays
/// grouped, unless a single property is left.
pub async fn delete(
    db: &Db,
    organisation: OrganisationId,
    bookings: &[(BookingId, i64)],
) -> PortResult<()> {
    let org = organisation.to_string();
    let missed: Option<BookingId> = on_db!(db, pool => async {
        let mut tx = pool.begin_write().await?;
        let mut groups: Vec<String> = Vec::new();
        for (id, version) in bookings {
            let group: Option<String> = column_of!(tx, "group_id", &org, id).flatten();
            groups.extend(group);
            let deleted = sqlx::query(
                "DELETE FROM bookings WHERE organisation_id = $1 AND id = $2 AND version = $3")
                .bind(&org)
                .bind(id.to_string())
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if deleted == 0 {
                // Dropping the transaction rolls back what was deleted before.
                return Ok(Some(*id));
            }
        }
        for group in &groups {
            dissolve_if_alone!(tx, &org, group);
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(None)
    }.await)
    .map_err(internal)?;
    match missed {
        None => Ok(()),
        Some(id) => Err(conflict_or_missing(db, "bookings", organisation, &id.to_string()).await),
    }
}
