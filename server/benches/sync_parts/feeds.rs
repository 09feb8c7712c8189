//! The sync bench's feeds: a platform's calendar server on 127.0.0.1 and Airbnb-shaped calendars.

use super::*;

// ---------------------------------------------------------------------------------------------
// A platform's calendar server on 127.0.0.1.

/// What the server answers: a body, with an `ETag` (and 304 to a matching `If-None-Match`) or
/// without validators.
#[derive(Clone)]
pub(crate) struct Served {
    body: Bytes,
    etag: Option<String>,
}

#[derive(Clone)]
pub(crate) struct FeedServer {
    served: Arc<Mutex<Served>>,
    pub(crate) url: String,
}

pub(crate) async fn serve(
    State(served): State<Arc<Mutex<Served>>>,
    headers: HeaderMap,
) -> Response {
    let served = served
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let calendar = (header::CONTENT_TYPE, "text/calendar; charset=utf-8");
    match served.etag {
        Some(etag) => {
            let asked = headers
                .get(header::IF_NONE_MATCH)
                .and_then(|value| value.to_str().ok());
            if asked == Some(etag.as_str()) {
                (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response()
            } else {
                (
                    [(calendar.0, calendar.1.to_string()), (header::ETAG, etag)],
                    served.body,
                )
                    .into_response()
            }
        }
        None => ([calendar], served.body).into_response(),
    }
}

impl FeedServer {
    pub(crate) async fn start(body: &str, etag: Option<&str>) -> FeedServer {
        let served = Arc::new(Mutex::new(Served {
            body: Bytes::from(body.to_owned()),
            etag: etag.map(str::to_owned),
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("bind: {e}"));
        let address = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("address: {e}"));
        let router = axum::Router::new()
            .route("/calendar/ical/{file}", axum::routing::get(serve))
            .with_state(served.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        FeedServer {
            served,
            url: format!("http://{address}/calendar/ical/12345.ics?s=secret"),
        }
    }

    pub(crate) fn set(&self, body: &str, etag: Option<&str>) {
        *self
            .served
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Served {
            body: Bytes::from(body.to_owned()),
            etag: etag.map(str::to_owned),
        };
    }
}

// ---------------------------------------------------------------------------------------------
// Airbnb-shaped feeds.

/// Appends `line` folded at 75 octets (ASCII), ended by CRLF — as Airbnb writes them.
pub(crate) fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut width = 75;
    while rest.len() > width {
        let (head, tail) = rest.split_at(width);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        width = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

pub(crate) fn calendar_start() -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN",
        "CALSCALE:GREGORIAN",
        "VERSION:2.0",
    ] {
        push_folded(&mut out, line);
    }
    out
}

/// One Airbnb event: a reservation (link and phone digits in the description) or a block.
pub(crate) fn push_event(
    out: &mut String,
    uid: &str,
    arrival: NaiveDate,
    nights: i64,
    reservation: u64,
) {
    push_folded(out, "BEGIN:VEVENT");
    let departure = arrival + Days::days(nights);
    push_folded(
        out,
        &format!("DTEND;VALUE=DATE:{}", departure.format("%Y%m%d")),
    );
    push_folded(
        out,
        &format!("DTSTART;VALUE=DATE:{}", arrival.format("%Y%m%d")),
    );
    push_folded(out, &format!("UID:{uid}"));
    if reservation.is_multiple_of(8) {
        push_folded(out, "SUMMARY:Airbnb (Not available)");
    } else {
        push_folded(
            out,
            &format!(
                "DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/\
                 HM{:08X}\\nPhone Number (Last 4 Digits): {:04}",
                reservation & 0xFFFF_FFFF,
                reservation % 10_000
            ),
        );
        push_folded(out, "SUMMARY:Reserved");
    }
    push_folded(out, "END:VEVENT");
}

/// A feed of `events` all-day events from `first` on, back to back or a day or two apart, one in
/// eight a block; distinct UIDs in Airbnb's shape (a listing prefix, 32 hex digits); CRLF endings.
pub(crate) fn airbnb_feed(events: usize, first: NaiveDate) -> String {
    let mut rng = StdRng::seed_from_u64(7);
    let mut out = calendar_start();
    out.reserve(events * 300);
    let mut arrival = first;
    for index in 0..events {
        let nights = rng.gen_range(1..=7);
        let reservation: u64 = rng.gen();
        let prefix = if reservation.is_multiple_of(8) {
            "6fec1092d3fa"
        } else {
            "1418fb94e984"
        };
        // The index in the low bits: distinct whatever the random part.
        let suffix = (rng.gen::<u128>() & !0xFFFF_FFFF) | index as u128;
        let uid = format!("{prefix}-{suffix:032x}@airbnb.com");
        push_event(&mut out, &uid, arrival, nights, reservation);
        arrival += Days::days(nights + rng.gen_range(0..=2));
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

/// The feed of "sync now", round `round`: [`LIVE_BASE`] fixed events, then three events of this
/// round only (those of the round before are gone: cancelled).
pub(crate) fn live_feed(first: NaiveDate, round: usize) -> String {
    let base = airbnb_feed(LIVE_BASE, first);
    let mut out = base.trim_end_matches("END:VCALENDAR\r\n").to_owned();
    // After the base events (at most 9 days each).
    let later = first + Days::days(10 * LIVE_BASE as i64 + 30);
    for new in 0..3_u64 {
        let uid = format!("1418fb94e984-round{round:08}-{new}@airbnb.com");
        let arrival = later + Days::days(10 * new as i64);
        push_event(&mut out, &uid, arrival, 4, new + 1);
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}
