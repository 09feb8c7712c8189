//! User management server functions (admins only).

use crate::domain::account::{NewUserForm, UserSummary};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;

/// A user just created, with the temporary password shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedUser {
    /// The user.
    pub user: UserSummary,
    /// Their temporary password (never stored in clear, never shown again).
    pub temporary_password: String,
}

/// The organisation's users.
#[server(endpoint = "list_users", input = Json)]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    use crate::domain::role::Role;
    respond(
        async {
            let admin = require(Role::can_manage_users).await?;
            services()?
                .accounts
                .list_users(admin.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Adds a user to the admin's organisation with a temporary password.
#[server(endpoint = "add_user", input = Json)]
pub async fn add_user(form: NewUserForm) -> Result<CreatedUser, AppError> {
    use crate::domain::role::Role;
    respond(
        async {
            let admin = require(Role::can_manage_users).await?;
            let user = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let (user, temporary_password) = services()?
                .accounts
                .add_user(admin.organisation_id, user, chrono::Utc::now())
                .await
                .map_err(from_port)?;
            Ok(CreatedUser {
                user,
                temporary_password,
            })
        }
        .await,
    )
}
