//! The answer carrying a PDF document: its type, never cached, and its file name for a download
//! (`attachment`) or for the browser's viewer (`inline`, asked with `?imprimer`).

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// `pdf` named `name`; `query` decides inline or attachment.
pub fn pdf_response(name: &str, pdf: Vec<u8>, query: Option<&str>) -> Response {
    let inline = query.is_some_and(|q| q.split('&').any(|p| p == "imprimer"));
    let disposition = format!(
        "{}; filename=\"{}\"; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        name.replace(
            |c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '.',
            "_"
        ),
        utf8_percent(name)
    );
    let mut response = pdf.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// RFC 5987 encoding of a file name.
fn utf8_percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
