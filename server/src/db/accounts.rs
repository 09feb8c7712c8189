//! [`AccountStore`] on the database: organisations, users, passwords.

use super::rows::{UserRow, UserSummaryRow};
use super::{internal, on_db, passwords, Db};
use app::domain::account::{CurrentUser, Email, NewOrganisation, NewUser, UserSummary};
use app::domain::field::FieldError;
use app::domain::ids::{OrganisationId, UserId};
use app::domain::role::Role;
use app::ports::{AccountStore, PortError, PortResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Accounts stored in [`Db`].
pub struct SqlAccounts {
    db: Db,
}

impl SqlAccounts {
    /// Accounts in `db`.
    pub fn new(db: Db) -> Self {
        SqlAccounts { db }
    }
}

const USER_SELECT: &str =
    "SELECT u.id, u.organisation_id, o.name AS organisation_name, u.name, u.email, u.role, \
     u.password_hash, u.must_change_password, u.session_epoch \
     FROM users u JOIN organisations o ON o.id = u.organisation_id";

/// The default booking statuses of a new organisation (seed 004): name and colour.
pub const DEFAULT_STATUSES: [(&str, &str); 7] = [
    ("Indisponible", "#6b7280"),
    ("Option", "#f59e0b"),
    ("Contrat envoyé", "#8b5cf6"),
    ("Arrhes payées", "#0ea5e9"),
    ("Payé", "#16a34a"),
    ("AirBnb", "#e11d48"),
    ("Booking.com", "#1d4ed8"),
];

fn email_taken(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}

/// Inserts an organisation, its default statuses and its admin in one transaction, optionally
/// claiming the one-time first-run setup. Returns the admin.
async fn insert_organisation(
    db: &Db,
    organisation: NewOrganisation,
    now: DateTime<Utc>,
    claim_setup: bool,
) -> PortResult<CurrentUser> {
    let password_hash = passwords::hash(organisation.password.clone())
        .await
        .map_err(internal)?;
    let organisation_id = OrganisationId(Uuid::now_v7());
    let user_id = UserId(Uuid::now_v7());
    on_db!(db, pool => {
        let mut tx = pool.begin().await.map_err(internal)?;
        if claim_setup {
            let claimed = sqlx::query("INSERT INTO installation (id, set_up_at) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
            if claimed.rows_affected() == 0 {
                return Err(PortError::AlreadySetUp);
            }
        }
        sqlx::query("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)")
            .bind(organisation_id.to_string())
            .bind(&organisation.organisation_name)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(internal)?;
        for (position, (name, color)) in DEFAULT_STATUSES.iter().enumerate() {
            sqlx::query("INSERT INTO booking_statuses (id, organisation_id, position, name, color) VALUES ($1, $2, $3, $4, $5)")
                .bind(Uuid::now_v7().to_string())
                .bind(organisation_id.to_string())
                .bind(i64::try_from(position).unwrap_or_default())
                .bind(*name)
                .bind(*color)
                .execute(&mut *tx)
                .await
                .map_err(internal)?;
        }
        let inserted = sqlx::query(
            "INSERT INTO users (id, organisation_id, name, email, role, password_hash, must_change_password, session_epoch, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, FALSE, 0, $7)",
        )
        .bind(user_id.to_string())
        .bind(organisation_id.to_string())
        .bind(&organisation.admin_name)
        .bind(organisation.email.as_str())
        .bind(Role::Admin.code())
        .bind(&password_hash)
        .bind(now)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(e) if email_taken(&e) => return Err(PortError::Invalid(vec![("email".into(), FieldError::EmailTaken)])),
            other => other.map_err(internal)?,
        };
        tx.commit().await.map_err(internal)?;
        Ok::<(), PortError>(())
    })?;
    Ok(CurrentUser {
        id: user_id,
        organisation_id,
        organisation_name: organisation.organisation_name,
        name: organisation.admin_name,
        email: organisation.email.as_str().to_string(),
        role: Role::Admin,
        must_change_password: false,
        session_epoch: 0,
    })
}

#[async_trait]
impl AccountStore for SqlAccounts {
    async fn is_set_up(&self) -> PortResult<bool> {
        let count: i64 = on_db!(&self.db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(pool).await)
            .map_err(internal)?;
        Ok(count > 0)
    }

    async fn set_up(
        &self,
        organisation: NewOrganisation,
        now: DateTime<Utc>,
    ) -> PortResult<CurrentUser> {
        if self.is_set_up().await? {
            return Err(PortError::AlreadySetUp);
        }
        insert_organisation(&self.db, organisation, now, true).await
    }

    async fn create_organisation(
        &self,
        organisation: NewOrganisation,
        now: DateTime<Utc>,
    ) -> PortResult<CurrentUser> {
        insert_organisation(&self.db, organisation, now, false).await
    }

    async fn authenticate(&self, email: &Email, password: &str) -> PortResult<Option<CurrentUser>> {
        let sql = format!("{USER_SELECT} WHERE u.email = $1");
        let row: Option<UserRow> = on_db!(&self.db, pool => sqlx::query_as(&sql).bind(email.as_str()).fetch_optional(pool).await)
            .map_err(internal)?;
        let stored = row.as_ref().map(|r| r.password_hash.clone());
        if passwords::verify(password.to_string(), stored)
            .await
            .map_err(internal)?
        {
            row.map(UserRow::into_current_user).transpose()
        } else {
            Ok(None)
        }
    }

    async fn session_user(
        &self,
        user: UserId,
        session_epoch: i64,
    ) -> PortResult<Option<CurrentUser>> {
        let sql = format!("{USER_SELECT} WHERE u.id = $1 AND u.session_epoch = $2");
        let row: Option<UserRow> = on_db!(&self.db, pool => sqlx::query_as(&sql)
            .bind(user.to_string())
            .bind(session_epoch)
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        row.map(UserRow::into_current_user).transpose()
    }

    async fn change_password(
        &self,
        user: &CurrentUser,
        current: &str,
        new: &str,
    ) -> PortResult<i64> {
        let stored: Option<String> = on_db!(&self.db, pool => sqlx::query_scalar(
            "SELECT password_hash FROM users WHERE id = $1 AND organisation_id = $2")
            .bind(user.id.to_string())
            .bind(user.organisation_id.to_string())
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        let Some(stored) = stored else {
            return Err(PortError::NotFound);
        };
        if !passwords::verify(current.to_string(), Some(stored.clone()))
            .await
            .map_err(internal)?
        {
            return Err(PortError::Invalid(vec![(
                "current_password".into(),
                FieldError::WrongPassword,
            )]));
        }
        let new_hash = passwords::hash(new.to_string()).await.map_err(internal)?;
        let epoch: Option<i64> = on_db!(&self.db, pool => sqlx::query_scalar(
            "UPDATE users SET password_hash = $1, must_change_password = FALSE, session_epoch = session_epoch + 1 \
             WHERE id = $2 AND organisation_id = $3 AND password_hash = $4 RETURNING session_epoch")
            .bind(&new_hash)
            .bind(user.id.to_string())
            .bind(user.organisation_id.to_string())
            .bind(&stored)
            .fetch_optional(pool)
            .await)
        .map_err(internal)?;
        epoch.ok_or(PortError::Conflict)
    }

    async fn list_users(&self, organisation: OrganisationId) -> PortResult<Vec<UserSummary>> {
        let rows: Vec<UserSummaryRow> = on_db!(&self.db, pool => sqlx::query_as(
            "SELECT id, name, email, role FROM users WHERE organisation_id = $1 ORDER BY lower(name), email")
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
        rows.into_iter().map(UserSummaryRow::into_summary).collect()
    }

    async fn add_user(
        &self,
        organisation: OrganisationId,
        user: NewUser,
        now: DateTime<Utc>,
    ) -> PortResult<(UserSummary, String)> {
        let temporary = passwords::temporary();
        let hash = passwords::hash(temporary.clone()).await.map_err(internal)?;
        let id = UserId(Uuid::now_v7());
        let inserted = on_db!(&self.db, pool => sqlx::query(
            "INSERT INTO users (id, organisation_id, name, email, role, password_hash, must_change_password, session_epoch, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, TRUE, 0, $7)")
            .bind(id.to_string())
            .bind(organisation.to_string())
            .bind(&user.name)
            .bind(user.email.as_str())
            .bind(user.role.code())
            .bind(&hash)
            .bind(now)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()));
        match inserted {
            Err(e) if email_taken(&e) => Err(PortError::Invalid(vec![(
                "email".into(),
                FieldError::EmailTaken,
            )])),
            Err(e) => Err(internal(e)),
            Ok(_) => Ok((
                UserSummary {
                    id,
                    name: user.name,
                    email: user.email.as_str().to_string(),
                    role: user.role,
                },
                temporary,
            )),
        }
    }
}
