//! Helpers every server function uses (server side only): the injected services, the request's
//! language, the session, the logged-in user and their role, and the mapping of port errors.

use crate::domain::account::CurrentUser;
use crate::domain::ids::UserId;
use crate::domain::role::Role;
use crate::error::{AppError, ErrorKind};
use crate::i18n::{texts, Lang, Texts};
use crate::ports::{PortError, Services};
use leptos::prelude::use_context;
use tower_sessions::Session;

/// Session key holding the logged-in user's id.
pub const SESSION_USER: &str = "user_id";
/// Session key holding the user's session epoch at login.
pub const SESSION_EPOCH: &str = "session_epoch";

/// The services injected by the server.
pub fn services() -> Result<Services, AppError> {
    use_context::<Services>().ok_or_else(|| internal("services missing from context"))
}

/// The language of the current request (the `saison_lang` cookie).
pub fn lang() -> Lang {
    use_context::<http::request::Parts>()
        .map(|parts| lang_of(&parts.headers))
        .unwrap_or_default()
}

/// The language chosen by the cookies of `headers` (HTTP/2 may split cookies over several headers).
pub fn lang_of(headers: &http::HeaderMap) -> Lang {
    let cookies: Vec<&str> = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    Lang::from_cookie_header(&cookies.join("; "))
}

/// The texts of the current request's language.
pub fn request_texts() -> &'static Texts {
    texts(lang())
}

/// Logs an unexpected failure and returns the generic error (details never reach the user).
pub fn internal(detail: impl std::fmt::Display) -> AppError {
    leptos::logging::error!("internal error: {detail}");
    AppError::new(ErrorKind::Internal, request_texts().err_internal)
}

/// Translates a port error for the user.
pub fn from_port(error: PortError) -> AppError {
    let t = request_texts();
    match error {
        PortError::NotFound => AppError::new(ErrorKind::NotFound, t.err_not_found),
        PortError::Conflict => AppError::new(ErrorKind::Conflict, t.err_conflict),
        PortError::Invalid(fields) => AppError::invalid(t, &fields),
        PortError::AlreadySetUp => AppError::new(ErrorKind::Conflict, t.setup_done),
        PortError::Internal(detail) => internal(detail),
    }
}

/// Sets the HTTP status of the response from the error, and passes the result on.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
            let status = http::StatusCode::from_u16(error.kind.status())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
            options.set_status(status);
        }
    }
    result
}

/// The request's session.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(internal)
}

/// The logged-in user, if any (None when logged out or the session is stale).
pub async fn optional_user() -> Result<Option<CurrentUser>, AppError> {
    let session = session().await?;
    let user: Option<UserId> = session.get(SESSION_USER).await.map_err(internal)?;
    let epoch: Option<i64> = session.get(SESSION_EPOCH).await.map_err(internal)?;
    let (Some(user), Some(epoch)) = (user, epoch) else {
        return Ok(None);
    };
    services()?
        .accounts
        .session_user(user, epoch)
        .await
        .map_err(from_port)
}

/// The logged-in user; [`ErrorKind::Unauthenticated`] otherwise.
pub async fn current_user() -> Result<CurrentUser, AppError> {
    optional_user().await?.ok_or_else(|| {
        AppError::new(
            ErrorKind::Unauthenticated,
            request_texts().err_unauthenticated,
        )
    })
}

/// The logged-in user if their role passes `allowed`; [`ErrorKind::Forbidden`] otherwise.
pub async fn require(allowed: fn(Role) -> bool) -> Result<CurrentUser, AppError> {
    let user = current_user().await?;
    if allowed(user.role) {
        Ok(user)
    } else {
        Err(AppError::new(
            ErrorKind::Forbidden,
            request_texts().err_forbidden,
        ))
    }
}

/// Records `user` as logged in on a fresh session id (no session fixation).
pub async fn log_in(session: &Session, user: &CurrentUser) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    session
        .insert(SESSION_USER, user.id)
        .await
        .map_err(internal)?;
    session
        .insert(SESSION_EPOCH, user.session_epoch)
        .await
        .map_err(internal)
}
