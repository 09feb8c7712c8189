//! `POST /parametres/images/{logo|signature}` (a multipart form with one file, `image`) and
//! `POST /parametres/images/{kind}/retirer`: the organisation's logo and scanned signature for its
//! documents. A plain HTML form, so it answers with a redirect back to the contract settings,
//! `?image=saved`, `refused` (not PNG, JPEG or SVG) or `too_big` (over 1 MB). Admins and managers.

use super::guard::{error_response, request_texts, require};
use crate::startup::AppState;
use app::api::guard::from_port;
use app::domain::contract::DocumentImage;
use app::domain::role::Role;
use app::error::{AppError, ErrorKind};
use app::ports::ImageKind;
use axum::extract::{Multipart, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

/// Largest image accepted, in bytes.
pub const MAX_IMAGE: usize = 1024 * 1024;

fn kind(code: &str) -> Option<ImageKind> {
    match code {
        "logo" => Some(ImageKind::Logo),
        "signature" => Some(ImageKind::Signature),
        _ => None,
    }
}

fn back(outcome: &str) -> Response {
    Redirect::to(&format!("/parametres/contrat?image={outcome}#images")).into_response()
}

/// Stores the image sent.
pub async fn upload_image(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(code): Path<String>,
    mut form: Multipart,
) -> Response {
    let t = request_texts(&headers);
    let user = match require(
        &session,
        &state.services,
        &headers,
        Role::can_manage_bookings,
    )
    .await
    {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Some(kind) = kind(&code) else {
        return error_response(&AppError::new(ErrorKind::NotFound, t.page_not_found));
    };
    let mut bytes = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("image") => match field.bytes().await {
                Ok(data) => bytes = Some(data),
                Err(_) => return back("too_big"),
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back("refused"),
        }
    }
    let Some(bytes) = bytes else {
        return back("refused");
    };
    if bytes.len() > MAX_IMAGE {
        return back("too_big");
    }
    let Some(image) = DocumentImage::sniff(bytes.to_vec()) else {
        return back("refused");
    };
    match state
        .services
        .contracts
        .save_image(user.organisation_id, kind, Some(&image))
        .await
    {
        Ok(()) => back("saved"),
        Err(error) => error_response(&from_port(error)),
    }
}

/// Removes the image.
pub async fn remove_image(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Response {
    let t = request_texts(&headers);
    let user = match require(
        &session,
        &state.services,
        &headers,
        Role::can_manage_bookings,
    )
    .await
    {
        Ok(user) => user,
        Err(response) => return response,
    };
    let Some(kind) = kind(&code) else {
        return error_response(&AppError::new(ErrorKind::NotFound, t.page_not_found));
    };
    match state
        .services
        .contracts
        .save_image(user.organisation_id, kind, None)
        .await
    {
        Ok(()) => back("saved"),
        Err(error) => error_response(&from_port(error)),
    }
}
