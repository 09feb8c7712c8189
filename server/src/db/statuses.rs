//! [`StatusStore`] on the database: the organisation's booking statuses as the settings edit them.
//! The limit of [`MAX_STATUSES`] is checked inside the transaction that adds, after locking the
//! organisation's row, so two people adding at once cannot pass it; a status is deleted only if no
//! booking and no calendar feed uses it (the foreign keys would refuse it anyway). Every statement
//! filters by the caller's organisation.

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, BeginWrite, Db};
use crate::live::Live;
use app::domain::booking::stored::MAX_STATUSES;
use app::domain::booking::{BookingStatus, StatusInput, StatusRefusal, StatusSetting, StatusUses};
use app::domain::ids::{OrganisationId, StatusId};
use app::ports::{PortError, PortResult, StatusStore};
use async_trait::async_trait;
use uuid::Uuid;

/// Statuses stored in [`Db`].
pub struct SqlStatuses {
    db: Db,
    live: Live,
}

impl SqlStatuses {
    /// Statuses in `db`; a change is announced on `live` (open plannings redraw their bars' colours
    /// and legend).
    pub fn new(db: Db, live: Live) -> Self {
        SqlStatuses { db, live }
    }
}

#[derive(sqlx::FromRow)]
struct StatusRow {
    id: String,
    name: String,
    color: String,
    version: i64,
    bookings: i64,
    feeds: i64,
}

/// What keeps a status `s` from being deleted: the bookings that have it (`bookings`), and the
/// calendar feeds that give it to their stays or blocks (`feeds`).
macro_rules! uses_of_status {
    () => {
        "CAST((SELECT COUNT(*) FROM bookings b WHERE b.organisation_id = s.organisation_id \
             AND b.status_id = s.id) AS BIGINT) AS bookings, \
         CAST((SELECT COUNT(*) FROM sync_feeds f WHERE f.organisation_id = s.organisation_id \
             AND (f.status_id = s.id OR f.block_status_id = s.id)) AS BIGINT) AS feeds"
    };
}

const SELECT: &str = concat!(
    "SELECT s.id, s.name, s.color, s.version, ",
    uses_of_status!(),
    " FROM booking_statuses s WHERE s.organisation_id = $1"
);

fn setting(row: StatusRow) -> PortResult<StatusSetting> {
    Ok(StatusSetting {
        status: BookingStatus {
            id: parse_id(&row.id)?,
            name: row.name,
            color: row.color,
        },
        version: row.version,
        uses: StatusUses {
            bookings: row.bookings,
            feeds: row.feeds,
        },
    })
}

/// Locks the organisation's row until the transaction ends (PostgreSQL; SQLite's `BEGIN IMMEDIATE`
/// already holds the write lock), so changes that count the statuses run one at a time.
const LOCK_ORGANISATION: &str = "UPDATE organisations SET name = name WHERE id = $1";

impl SqlStatuses {
    async fn one(&self, organisation: OrganisationId, id: StatusId) -> PortResult<StatusSetting> {
        let sql = format!("{SELECT} AND s.id = $2");
        let row: Option<StatusRow> = on_db!(&self.db, pool => sqlx::query_as(&sql)
            .bind(organisation.to_string())
            .bind(id.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        row.map_or(Err(PortError::NotFound), setting)
    }

    /// A change matched no row: [`PortError::NotFound`] if the status is gone, else a conflict.
    async fn conflict_or_missing(&self, organisation: OrganisationId, id: StatusId) -> PortError {
        match self.one(organisation, id).await {
            Ok(_) => PortError::Conflict,
            Err(error) => error,
        }
    }
}

#[async_trait]
impl StatusStore for SqlStatuses {
    async fn list(&self, organisation: OrganisationId) -> PortResult<Vec<StatusSetting>> {
        let sql = format!("{SELECT} ORDER BY s.position, s.id");
        let rows: Vec<StatusRow> = on_db!(&self.db, pool => sqlx::query_as(&sql)
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        rows.into_iter().map(setting).collect()
    }

    async fn create(
        &self,
        organisation: OrganisationId,
        input: &StatusInput,
    ) -> PortResult<Result<StatusSetting, StatusRefusal>> {
        let org = organisation.to_string();
        let id = StatusId(Uuid::now_v7());
        let limit = i64::try_from(MAX_STATUSES).map_err(internal)?;
        let added: bool = on_db!(&self.db, pool => async {
            let mut tx = pool.begin_write().await?;
            sqlx::query(LOCK_ORGANISATION).bind(&org).execute(&mut *tx).await?;
            let (count, next): (i64, i64) = sqlx::query_as(
                "SELECT COUNT(*), CAST(COALESCE(MAX(position), -1) + 1 AS BIGINT) \
                 FROM booking_statuses WHERE organisation_id = $1")
                .bind(&org)
                .fetch_one(&mut *tx)
                .await?;
            if count >= limit {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO booking_statuses (id, organisation_id, position, name, color, version) \
                 VALUES ($1, $2, $3, $4, $5, 1)")
                .bind(id.to_string())
                .bind(&org)
                .bind(next)
                .bind(&input.name)
                .bind(&input.color)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(true)
        }.await)
        .map_err(internal)?;
        if added {
            self.live.bookings_changed(organisation).await;
            self.one(organisation, id).await.map(Ok)
        } else {
            Ok(Err(StatusRefusal::TooMany))
        }
    }

    async fn update(
        &self,
        organisation: OrganisationId,
        id: StatusId,
        version: i64,
        input: &StatusInput,
    ) -> PortResult<StatusSetting> {
        let updated = on_db!(&self.db, pool => sqlx::query(
            "UPDATE booking_statuses SET name = $4, color = $5, version = version + 1 \
             WHERE organisation_id = $1 AND id = $2 AND version = $3")
            .bind(organisation.to_string())
            .bind(id.to_string())
            .bind(version)
            .bind(&input.name)
            .bind(&input.color)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(internal)?;
        if updated == 1 {
            self.live.bookings_changed(organisation).await;
            self.one(organisation, id).await
        } else {
            Err(self.conflict_or_missing(organisation, id).await)
        }
    }

    async fn move_status(
        &self,
        organisation: OrganisationId,
        id: StatusId,
        up: bool,
    ) -> PortResult<Result<(), StatusRefusal>> {
        let org = organisation.to_string();
        let target = id.to_string();
        // Renumbers every status (20 at most), so positions stay 0, 1, 2… whatever came before.
        let moved: Option<bool> = on_db!(&self.db, pool => async {
            let mut tx = pool.begin_write().await?;
            sqlx::query(LOCK_ORGANISATION).bind(&org).execute(&mut *tx).await?;
            let mut ids: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM booking_statuses WHERE organisation_id = $1 ORDER BY position, id")
                .bind(&org)
                .fetch_all(&mut *tx)
                .await?;
            let Some(index) = ids.iter().position(|candidate| *candidate == target) else {
                return Ok(None);
            };
            let other = if up { index.checked_sub(1) } else { Some(index + 1) };
            let Some(other) = other.filter(|other| *other < ids.len()) else {
                return Ok(Some(false));
            };
            ids.swap(index, other);
            for (position, status) in (0_i64..).zip(&ids) {
                sqlx::query("UPDATE booking_statuses SET position = $3 WHERE organisation_id = $1 AND id = $2")
                    .bind(&org)
                    .bind(status)
                    .bind(position)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Some(true))
        }.await)
        .map_err(internal)?;
        match moved {
            None => Err(PortError::NotFound),
            Some(true) => {
                self.live.bookings_changed(organisation).await;
                Ok(Ok(()))
            }
            Some(false) => Ok(Err(StatusRefusal::CannotMove)),
        }
    }

    async fn delete(
        &self,
        organisation: OrganisationId,
        id: StatusId,
        version: i64,
    ) -> PortResult<Result<(), StatusRefusal>> {
        let org = organisation.to_string();
        let status = id.to_string();
        let outcome: Result<u64, StatusUses> = on_db!(&self.db, pool => async {
            let mut tx = pool.begin_write().await?;
            let used: Option<(i64, i64)> = sqlx::query_as(
                concat!("SELECT ", uses_of_status!(), " FROM booking_statuses s \
                 WHERE s.organisation_id = $1 AND s.id = $2"))
                .bind(&org)
                .bind(&status)
                .fetch_optional(&mut *tx)
                .await?;
            let (bookings, feeds) = used.unwrap_or_default();
            let uses = StatusUses { bookings, feeds };
            if !uses.none() {
                return Ok(Err(uses));
            }
            let deleted = sqlx::query(
                "DELETE FROM booking_statuses WHERE organisation_id = $1 AND id = $2 AND version = $3")
                .bind(&org)
                .bind(&status)
                .bind(version)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok::<_, sqlx::Error>(Ok(deleted))
        }.await)
        .map_err(internal)?;
        match outcome {
            Ok(1) => {
                self.live.bookings_changed(organisation).await;
                Ok(Ok(()))
            }
            Ok(_) => Err(self.conflict_or_missing(organisation, id).await),
            Err(uses) => Ok(Err(StatusRefusal::InUse(uses))),
        }
    }
}
