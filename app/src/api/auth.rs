//! Session server functions: where the visitor stands, first-run setup, login, logout, password change.

use crate::domain::account::{LoginForm, PasswordChangeForm, SessionState, SetupForm};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;

/// What the shell should show: setup, login, or the app for this user.
#[server(endpoint = "session_state", input = Json)]
pub async fn get_session_state() -> Result<SessionState, AppError> {
    respond(
        async {
            if !services()?.accounts.is_set_up().await.map_err(from_port)? {
                return Ok(SessionState::NeedsSetup);
            }
            Ok(optional_user()
                .await?
                .map_or(SessionState::LoggedOut, SessionState::LoggedIn))
        }
        .await,
    )
}

/// Creates the first organisation and its admin, and logs the admin in. Closed once done.
#[server(endpoint = "setup", input = Json)]
pub async fn setup(form: SetupForm) -> Result<(), AppError> {
    respond(
        async {
            let organisation = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let user = services()?
                .accounts
                .set_up(organisation, chrono::Utc::now())
                .await
                .map_err(from_port)?;
            log_in(&session().await?, &user).await
        }
        .await,
    )
}

/// Logs in with email and password. Attempts are limited per client address and per email.
#[server(endpoint = "login", input = Json)]
pub async fn login(form: LoginForm) -> Result<(), AppError> {
    use crate::domain::account::Email;
    use crate::error::ErrorKind;
    respond(
        async {
            let t = request_texts();
            let services = services()?;
            let client = leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .await
                .map(|info| info.0.ip().to_string())
                .unwrap_or_else(|_| "unknown".into());
            let email_key = form.email.trim().to_lowercase();
            if !services.login_throttle.allow(&format!("ip:{client}"))
                || !services.login_throttle.allow(&format!("email:{email_key}"))
            {
                return Err(AppError::new(ErrorKind::Throttled, t.login_throttled));
            }
            let failed = || AppError::new(ErrorKind::Unauthenticated, t.login_failed);
            let email = Email::parse(&form.email).map_err(|_| failed())?;
            let user = services
                .accounts
                .authenticate(&email, &form.password)
                .await
                .map_err(from_port)?
                .ok_or_else(failed)?;
            log_in(&session().await?, &user).await
        }
        .await,
    )
}

/// Ends the session.
#[server(endpoint = "logout", input = Json)]
pub async fn logout() -> Result<(), AppError> {
    respond(async { session().await?.flush().await.map_err(internal) }.await)
}

/// Changes the logged-in user's password; other sessions of the user end.
#[server(endpoint = "change_password", input = Json)]
pub async fn change_password(form: PasswordChangeForm) -> Result<(), AppError> {
    respond(
        async {
            let user = current_user().await?;
            let new_password = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let epoch = services()?
                .accounts
                .change_password(&user, &form.current_password, &new_password)
                .await
                .map_err(from_port)?;
            let session = session().await?;
            session.cycle_id().await.map_err(internal)?;
            session.insert(SESSION_EPOCH, epoch).await.map_err(internal)
        }
        .await,
    )
}
