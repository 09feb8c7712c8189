//! Server functions whose arguments cannot even be read (a repeated or malformed URL parameter, a body
//! that is not the expected JSON) are the caller's fault: Leptos answers them 500, this layer turns
//! them into the 400 their [`ErrorKind::BadRequest`] body already says.

use app::error::{AppError, ErrorKind};
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Error bodies are a few hundred bytes; anything larger is not one of ours.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Rewrites the status of "bad request" errors that Leptos sent as 500.
pub async fn bad_requests_are_400(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if serde_json::from_slice::<AppError>(&bytes).is_ok_and(|e| e.kind == ErrorKind::BadRequest) {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}
