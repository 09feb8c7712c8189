//! `GET /api/events`: the Server-Sent Events stream of the logged-in user's organisation. Each
//! change sends one `bookings` event (no data beyond its name: the planning reloads its window
//! through the usual, role-checked server function). A comment every 15 s keeps proxies from closing
//! an idle stream. Logged out or stale session: 401; another site's page: 403.

use crate::live::Change;
use crate::security::is_cross_site;
use crate::startup::AppState;
use app::api::guard::{SESSION_EPOCH, SESSION_USER};
use app::domain::ids::UserId;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tower_sessions::Session;

fn event(change: Change) -> Event {
    match change {
        Change::Bookings => Event::default().event("bookings").data("changed"),
    }
}

/// The stream of the session's organisation.
pub async fn stream(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: Session,
) -> Response {
    if is_cross_site(&headers) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let user: Option<UserId> = session.get(SESSION_USER).await.ok().flatten();
    let epoch: Option<i64> = session.get(SESSION_EPOCH).await.ok().flatten();
    let (Some(user), Some(epoch)) = (user, epoch) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let user = match state.services.accounts.session_user(user, epoch).await {
        Ok(Some(user)) => user,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => {
            tracing::error!(%error, "events: cannot read the session's user");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let changes = state.live.subscribe(user.organisation_id);
    let events = futures_util::stream::unfold(changes, |mut changes| async move {
        let change = match changes.recv().await {
            Ok(change) => change,
            // Too slow to read: some changes were dropped, so reload anyway.
            Err(RecvError::Lagged(_)) => Change::Bookings,
            Err(RecvError::Closed) => return None,
        };
        Some((Ok::<_, Infallible>(event(change)), changes))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}
