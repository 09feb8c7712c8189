//! A platform's calendar server on 127.0.0.1 for the sync tests: it serves whatever the test sets —
//! a feed body (with an `ETag`, answering 304 to a matching `If-None-Match`), an error status, an
//! HTML page, or nothing for a while (a timeout) — and counts the requests.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers.
#[derive(Clone, Debug)]
pub enum Answer {
    /// 200 with this calendar (and an `ETag` of its content).
    Calendar(String),
    /// 200 with this calendar and no validators (platforms that send none).
    CalendarWithoutValidators(String),
    /// This status, with an HTML page.
    Status(u16),
    /// 200 with an HTML error page.
    Html,
    /// Waits this long, then answers an empty calendar.
    Slow(Duration),
}

#[derive(Default)]
struct Shared {
    answer: Option<Answer>,
    requests: usize,
    conditional: usize,
}

/// The running server.
#[derive(Clone)]
pub struct FeedServer {
    shared: Arc<Mutex<Shared>>,
    /// The feed's address.
    pub url: String,
}

fn etag_of(body: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    format!("\"{:x}\"", hasher.finish())
}

async fn serve(State(shared): State<Arc<Mutex<Shared>>>, headers: HeaderMap) -> Response {
    let answer = {
        let mut shared = shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        shared.requests += 1;
        if headers.contains_key(header::IF_NONE_MATCH) {
            shared.conditional += 1;
        }
        shared.answer.clone()
    };
    match answer {
        Some(Answer::Calendar(body)) => {
            let etag = etag_of(&body);
            let matches = headers
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                == Some(etag.as_str());
            if matches {
                return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
            }
            (
                [
                    (
                        header::CONTENT_TYPE,
                        "text/calendar; charset=utf-8".to_string(),
                    ),
                    (header::ETAG, etag),
                ],
                body,
            )
                .into_response()
        }
        Some(Answer::CalendarWithoutValidators(body)) => {
            ([(header::CONTENT_TYPE, "text/calendar")], body).into_response()
        }
        Some(Answer::Status(code)) => (
            StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body>Erreur</body></html>",
        )
            .into_response(),
        Some(Answer::Html) => (
            [(header::CONTENT_TYPE, "text/html")],
            include_str!("../data/ical/not-a-calendar.html"),
        )
            .into_response(),
        Some(Answer::Slow(wait)) => {
            tokio::time::sleep(wait).await;
            "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

impl FeedServer {
    /// Starts a server answering `answer`.
    pub async fn start(answer: Answer) -> FeedServer {
        let shared = Arc::new(Mutex::new(Shared {
            answer: Some(answer),
            ..Shared::default()
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let address = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("address: {e}"));
        let router = Router::new()
            .route("/calendar/ical/{file}", get(serve))
            .with_state(shared.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        FeedServer {
            shared,
            url: format!("http://{address}/calendar/ical/12345.ics?s=secret"),
        }
    }

    /// Answers `answer` from now on.
    pub fn set(&self, answer: Answer) {
        self.shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .answer = Some(answer);
    }

    /// Requests received so far, and how many of them were conditional.
    pub fn requests(&self) -> (usize, usize) {
        let shared = self
            .shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        (shared.requests, shared.conditional)
    }
}

/// A fixture of `server/tests/data/ical/`.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/data/ical/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
