//! The exported calendars (`GET /ical/{token}.ics`): every taken night of a property (or of the whole
//! organisation) as all-day events, `DTEND` the departure day (exclusive), UIDs stable on our own
//! domain, no personal data — "Réservé" or "Indisponible". Rendered from the database at each
//! request; the body's hash is the `ETag`, and `Last-Modified` is when that hash last changed.
//!
//! Lines are written by hand: few properties, all known; text values (a property's name) are escaped
//! (RFC 5545 §3.3.11) and every line is folded at 75 octets without splitting a character.

use crate::db::sync::exports::{self, ExportedRow};
use crate::db::Db;
use app::domain::paris_time::in_paris;
use app::domain::sync::Platform;
use app::ports::PortResult;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// Days of past stays still published (platforms only need the future; a little past helps
/// calendars that show last week).
const PAST_DAYS: i64 = 30;

/// An exported calendar, ready to serve.
#[derive(Debug)]
pub struct Exported {
    /// The iCalendar text.
    pub body: String,
    /// The quoted `ETag`.
    pub etag: String,
    /// When the content last changed.
    pub last_modified: DateTime<Utc>,
}

/// Exports calendars from the database.
#[derive(Clone, Debug)]
pub struct Exporter {
    db: Db,
    uid_domain: String,
}

impl Exporter {
    /// An exporter on `db` whose UIDs end in `@uid_domain`.
    pub fn new(db: Db, uid_domain: String) -> Exporter {
        Exporter { db, uid_domain }
    }

    /// The domain that ends the UIDs of exported events.
    pub fn uid_domain(&self) -> &str {
        &self.uid_domain
    }

    /// The calendar behind `token`, without the stays imported from feeds of `excluded`; `None` when
    /// no link has this secret.
    pub async fn export(
        &self,
        token: &str,
        excluded: Option<Platform>,
    ) -> PortResult<Option<Exported>> {
        let Some(link) = exports::by_token(&self.db, token).await? else {
            return Ok(None);
        };
        let now = Utc::now();
        let from = in_paris(now).date() - Duration::days(PAST_DAYS);
        let rows = exports::exported(&self.db, &link, from).await?;
        let with_property = link.property_id.is_none();
        let full = render(&rows, with_property, &self.uid_domain);
        // `Last-Modified` follows the full content (what any variant is drawn from), so asking
        // with and without `exclure` does not make it flip.
        let full_etag = etag_of(&full);
        let last_modified = if link.etag.as_deref() == Some(full_etag.as_str()) {
            link.changed_at
        } else {
            exports::record_change(&self.db, &link, &full_etag, now).await?;
            now
        };
        let (body, etag) = match excluded {
            None => (full, full_etag),
            Some(platform) => {
                let kept: Vec<ExportedRow> = rows
                    .into_iter()
                    .filter(|row| row.feed_platform.as_deref() != Some(platform.code()))
                    .collect();
                let body = render(&kept, with_property, &self.uid_domain);
                let etag = etag_of(&body);
                (body, etag)
            }
        };
        Ok(Some(Exported {
            etag,
            body,
            last_modified,
        }))
    }
}

/// A strong `ETag` for `body`: the first 16 bytes of its SHA-256, quoted.
pub(crate) fn etag_of(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let hex: String = digest
        .iter()
        .take(16)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("\"{hex}\"")
}

/// The calendar of `rows`; `with_property` names the property in each summary (organisation feed).
/// Written straight into one buffer (one reused line, dates without chrono's format parser): a
/// calendar of 1,000 events is about 200 KB.
pub fn render(rows: &[ExportedRow], with_property: bool, uid_domain: &str) -> String {
    let mut out = String::with_capacity(256 + rows.len() * 220);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Saison//Calendrier des réservations//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    let mut line = String::with_capacity(160);
    // The organisation feed names each row's property: escaped once per run of the same name.
    let mut named: Option<(&str, String)> = None;
    for row in rows {
        push_line(&mut out, "BEGIN:VEVENT");
        line.clear();
        line.push_str("UID:");
        line.push_str(&row.id);
        line.push('@');
        line.push_str(uid_domain);
        push_line(&mut out, &line);
        line.clear();
        line.push_str("DTSTAMP:");
        push_stamp(&mut line, row.updated_at);
        push_line(&mut out, &line);
        line.clear();
        line.push_str("DTSTART;VALUE=DATE:");
        push_date(&mut line, row.arrival);
        push_line(&mut out, &line);
        line.clear();
        line.push_str("DTEND;VALUE=DATE:");
        push_date(&mut line, row.departure);
        push_line(&mut out, &line);
        line.clear();
        line.push_str("SUMMARY:");
        line.push_str(if row.unavailable {
            "Indisponible"
        } else {
            "Réservé"
        });
        if with_property {
            if named
                .as_ref()
                .is_none_or(|(name, _)| *name != row.property_name)
            {
                named = Some((&row.property_name, escape(&row.property_name)));
            }
            if let Some((_, escaped)) = &named {
                line.push_str(" – ");
                line.push_str(escaped);
            }
        }
        push_line(&mut out, &line);
        push_line(&mut out, "TRANSP:OPAQUE");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// A UTC timestamp as iCalendar writes it (`20270310T120000Z`).
pub(crate) fn stamp(at: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(16);
    push_stamp(&mut out, at);
    out
}

/// Appends `date` as `YYYYMMDD` (chrono's `%Y%m%d`).
fn push_date(out: &mut String, date: NaiveDate) {
    if (0..=9999).contains(&date.year()) {
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "{:04}{:02}{:02}",
            date.year(),
            date.month(),
            date.day()
        );
    } else {
        let _ = write!(out, "{}", date.format("%Y%m%d"));
    }
}

/// Appends `at` as a UTC date-time, `YYYYMMDDTHHMMSSZ`.
fn push_stamp(out: &mut String, at: DateTime<Utc>) {
    push_date(out, at.date_naive());
    let time = at.time();
    let _ = write!(
        out,
        "T{:02}{:02}{:02}Z",
        time.hour(),
        time.minute(),
        time.second()
    );
}

/// Escapes a TEXT value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (continuations start with a space), ended by CRLF.
pub(crate) fn push_line(out: &mut String, line: &str) {
    if line.len() <= 75 {
        out.push_str(line);
        out.push_str("\r\n");
        return;
    }
    let mut width = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, unavailable: bool) -> ExportedRow {
        ExportedRow {
            id: "0190a0a0-0000-7000-8000-000000000001".into(),
            property_name: name.into(),
            arrival: NaiveDate::from_ymd_opt(2027, 3, 10).unwrap_or_default(),
            departure: NaiveDate::from_ymd_opt(2027, 3, 15).unwrap_or_default(),
            unavailable,
            updated_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
            feed_platform: None,
        }
    }

    #[test]
    fn all_day_events_end_on_the_departure_day() {
        let text = render(&[row("Le Chalet", false)], false, "saison.example.fr");
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270315\r\n"));
        assert!(text.contains("\r\nUID:0190a0a0-0000-7000-8000-000000000001@saison.example.fr\r\n"));
        assert!(text.contains("\r\nSUMMARY:Réservé\r\n"));
        assert!(!text.contains("Chalet"), "a property feed names nobody");
    }

    #[test]
    fn names_are_escaped_and_long_lines_folded() {
        let name =
            "Gîte; « les Pins », vue mer\\ et montagne — le plus long nom de logement de la côte";
        let text = render(&[row(name, true)], true, "x");
        assert!(text.contains("SUMMARY:Indisponible – Gîte\\; « les Pins »\\, vue mer\\\\"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("le plus long nom de logement de la côte\r\n"));
    }
}
