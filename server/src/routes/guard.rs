//! The session check of download routes: the logged-in user reloaded from the database (a stale
//! session is logged out), their role checked, and errors answered as plain text in their language.

use app::api::guard::{internal, lang_of, SESSION_EPOCH, SESSION_USER};
use app::domain::account::CurrentUser;
use app::domain::ids::UserId;
use app::domain::role::Role;
use app::error::{AppError, ErrorKind};
use app::i18n::{texts, Texts};
use app::ports::Services;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// An error answer: the status of its kind and its message as UTF-8 text.
pub fn error_response(error: &AppError) -> Response {
    let status =
        StatusCode::from_u16(error.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        error.message.clone(),
    )
        .into_response()
}

/// The texts of the request's language (the `saison_lang` cookie).
pub fn request_texts(headers: &HeaderMap) -> &'static Texts {
    texts(lang_of(headers))
}

/// The logged-in user if their role passes `allowed`; else the 401 or 403 answer.
pub async fn require(
    session: &Session,
    services: &Services,
    headers: &HeaderMap,
    allowed: fn(Role) -> bool,
) -> Result<CurrentUser, Response> {
    let t = request_texts(headers);
    let fail = |error: AppError| error_response(&error);
    let user: Option<UserId> = session
        .get(SESSION_USER)
        .await
        .map_err(|e| fail(internal(e)))?;
    let epoch: Option<i64> = session
        .get(SESSION_EPOCH)
        .await
        .map_err(|e| fail(internal(e)))?;
    let current = match (user, epoch) {
        (Some(user), Some(epoch)) => services
            .accounts
            .session_user(user, epoch)
            .await
            .map_err(|e| fail(internal(e)))?,
        _ => None,
    };
    let user = current.ok_or_else(|| {
        fail(AppError::new(
            ErrorKind::Unauthenticated,
            t.err_unauthenticated,
        ))
    })?;
    if allowed(user.role) {
        Ok(user)
    } else {
        Err(fail(AppError::new(ErrorKind::Forbidden, t.err_forbidden)))
    }
}
