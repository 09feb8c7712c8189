//! A feed as its form types it (platform, address, the statuses its stays and blocks get, how often it
//! is polled), checked on both sides; and why a poll failed, as stored and worded on the sync page.

use super::platform::Platform;
use crate::domain::field::{collect, whole_number, FieldError, FieldErrors};
use crate::domain::ids::{PropertyId, StatusId};
use serde::{Deserialize, Serialize};

/// Longest feed address, in characters.
pub const FEED_URL_MAX: usize = 2000;
/// Polling interval bounds and default, in minutes.
pub const INTERVAL_MINUTES: (i64, i64, i64) = (5, 1440, 15);

/// A feed as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedForm {
    /// The property it fills.
    pub property: String,
    /// A [`Platform`] code.
    pub platform: String,
    /// The feed's address, as the platform gives it.
    pub url: String,
    /// The status its stays get.
    pub status: String,
    /// The status its blocks get.
    pub block_status: String,
    /// Minutes between polls.
    pub interval_minutes: String,
}

/// A checked feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedInput {
    /// The property it fills.
    pub property: PropertyId,
    /// Where it comes from.
    pub platform: Platform,
    /// Its address (`webcal://` read as `https://`).
    pub url: String,
    /// The status its stays get.
    pub status: StatusId,
    /// The status its blocks get.
    pub block_status: StatusId,
    /// Minutes between polls.
    pub interval_minutes: i64,
}

/// Checks a feed's address: `http(s)://host…`, no spaces; `webcal://` is `https://`.
pub fn feed_url(raw: &str) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    if text.chars().count() > FEED_URL_MAX {
        return Err(FieldError::TooLong { max: FEED_URL_MAX });
    }
    let text = match text.get(..9) {
        Some(scheme) if scheme.eq_ignore_ascii_case("webcal://") => {
            format!("https://{}", &text[9..])
        }
        _ => text.to_owned(),
    };
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        text.get(..scheme.len())
            .filter(|start| start.eq_ignore_ascii_case(scheme))
            .map(|_| &text[scheme.len()..])
    });
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(host) if !host.is_empty() && !text.chars().any(char::is_whitespace) => Ok(text),
        _ => Err(FieldError::InvalidFeedUrl),
    }
}

fn required_choice<T: std::str::FromStr>(raw: &str) -> Result<T, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::Required);
    }
    raw.trim().parse().map_err(|_| FieldError::UnknownChoice)
}

impl FeedForm {
    /// A blank form for `property`, polled every 15 minutes.
    pub fn new(property: PropertyId) -> FeedForm {
        FeedForm {
            property: property.to_string(),
            platform: Platform::Airbnb.code().into(),
            interval_minutes: INTERVAL_MINUTES.2.to_string(),
            ..FeedForm::default()
        }
    }

    /// Checks every field; errors are named after the fields.
    pub fn validate(&self) -> Result<FeedInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let property = collect(&mut errors, "property", required_choice(&self.property));
        let platform = collect(
            &mut errors,
            "platform",
            Platform::from_code(&self.platform).ok_or(FieldError::InvalidChoice),
        );
        let url = collect(&mut errors, "url", feed_url(&self.url));
        let status = collect(&mut errors, "status", required_choice(&self.status));
        let block_status = collect(
            &mut errors,
            "block_status",
            required_choice(&self.block_status),
        );
        let (min, max, _) = INTERVAL_MINUTES;
        let interval_minutes = collect(
            &mut errors,
            "interval_minutes",
            whole_number(&self.interval_minutes, min, max),
        );
        match (
            property,
            platform,
            url,
            status,
            block_status,
            interval_minutes,
        ) {
            (
                Some(property),
                Some(platform),
                Some(url),
                Some(status),
                Some(block_status),
                Some(interval_minutes),
            ) if errors.is_empty() => Ok(FeedInput {
                property,
                platform,
                url,
                status,
                block_status,
                interval_minutes,
            }),
            _ => Err(errors),
        }
    }
}

/// Why a poll changed nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SyncProblem {
    /// No answer: unknown name, refused connection, TLS failure.
    Unreachable,
    /// No complete answer in time.
    Timeout,
    /// The platform answered with an error status.
    HttpStatus(u16),
    /// The answer is not a calendar (an HTML page, an empty body).
    NotACalendar,
    /// The answer is larger than any real feed.
    TooLarge,
    /// The address leads to this server's own network (refused for safety).
    PrivateAddress,
}

impl SyncProblem {
    /// The code stored with the feed.
    pub fn code(self) -> String {
        match self {
            SyncProblem::Unreachable => "unreachable".into(),
            SyncProblem::Timeout => "timeout".into(),
            SyncProblem::HttpStatus(status) => format!("http:{status}"),
            SyncProblem::NotACalendar => "not_calendar".into(),
            SyncProblem::TooLarge => "too_large".into(),
            SyncProblem::PrivateAddress => "private_address".into(),
        }
    }

    /// The problem of a stored code (an unknown code reads as unreachable).
    pub fn from_code(code: &str) -> SyncProblem {
        match code {
            "timeout" => SyncProblem::Timeout,
            "not_calendar" => SyncProblem::NotACalendar,
            "too_large" => SyncProblem::TooLarge,
            "private_address" => SyncProblem::PrivateAddress,
            other => other
                .strip_prefix("http:")
                .and_then(|status| status.parse().ok())
                .map_or(SyncProblem::Unreachable, SyncProblem::HttpStatus),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_addresses_are_web_addresses() {
        assert_eq!(
            feed_url(" https://www.airbnb.fr/calendar/ical/123.ics?s=abc "),
            Ok("https://www.airbnb.fr/calendar/ical/123.ics?s=abc".into())
        );
        assert_eq!(
            feed_url("webcal://example.com/cal.ics"),
            Ok("https://example.com/cal.ics".into())
        );
        assert_eq!(feed_url(""), Err(FieldError::Required));
        assert_eq!(feed_url("ftp://x/y"), Err(FieldError::InvalidFeedUrl));
        assert_eq!(feed_url("https://"), Err(FieldError::InvalidFeedUrl));
        assert_eq!(feed_url("https://a b/c"), Err(FieldError::InvalidFeedUrl));
        assert_eq!(feed_url("airbnb.com/cal"), Err(FieldError::InvalidFeedUrl));
    }

    #[test]
    fn problems_read_back_from_their_codes() {
        for problem in [
            SyncProblem::Unreachable,
            SyncProblem::Timeout,
            SyncProblem::HttpStatus(503),
            SyncProblem::NotACalendar,
            SyncProblem::TooLarge,
            SyncProblem::PrivateAddress,
        ] {
            assert_eq!(SyncProblem::from_code(&problem.code()), problem);
        }
    }

    #[test]
    fn a_form_names_each_refused_field() {
        let form = FeedForm {
            interval_minutes: "2".into(),
            ..FeedForm::default()
        };
        let errors = form.validate().err().unwrap_or_default();
        let names: Vec<&str> = errors.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "property",
                "platform",
                "url",
                "status",
                "block_status",
                "interval_minutes"
            ]
        );
    }
}
