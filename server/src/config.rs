//! Typed settings, read in this order (later wins): built-in defaults, an optional TOML file
//! (`saison.toml` in the working directory, or the path in `SAISON_CONFIG`), then environment variables
//! (`DATABASE_URL` and `SAISON_*`). Every setting is documented in the README.

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

/// Saison's settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `sqlite://path` (created if missing) or `postgres://user:password@host/db`.
    pub database_url: String,
    /// Address to listen on. Defaults to Leptos' site address (127.0.0.1:3000).
    pub address: Option<SocketAddr>,
    /// The public URL people use, e.g. `https://saison.example.fr`. When it starts with `https`,
    /// session cookies are marked Secure.
    pub public_url: Option<String>,
    /// Load the demo organisation at start when the database has no organisation yet.
    pub demo: bool,
    /// Login attempts allowed per minute, per client address and per email address.
    pub login_attempts_per_minute: u32,
    /// Days of inactivity after which a session ends.
    pub session_days: i64,
    /// Database connections kept open.
    pub max_connections: u32,
    /// The key that seals secrets stored in the database (SMTP passwords): 32 bytes in base64. When
    /// absent, the key in `secret_key_file` is used (created on the first start). Every server
    /// sharing one database needs the same key.
    pub secret_key: Option<String>,
    /// Where the key is kept when `secret_key` is not set.
    pub secret_key_file: String,
    /// Seconds before the first retry of a message that failed for now; each further retry waits
    /// four times longer (1 min, 4 min, 16 min, about 1 h, 4 h).
    pub mail_retry_seconds: u64,
    /// Attempts before a message that keeps failing for now is marked failed.
    pub mail_attempts: u32,
    /// Seconds an SMTP server has to answer each step before the attempt counts as failed for now.
    pub smtp_timeout_seconds: u64,
    /// Seconds a platform has to send its whole calendar feed before the poll counts as failed.
    pub sync_timeout_seconds: u64,
    /// Let calendar feeds be fetched from this machine's own and private networks (tests, an
    /// intranet). Off by default: a feed address cannot reach internal services.
    pub sync_allow_private_hosts: bool,
    /// Requests per minute and client address on the public endpoints (exported calendars, public
    /// calendar and search pages).
    pub public_requests_per_minute: u32,
    /// Booking requests per minute and client address on the public booking pages.
    pub public_bookings_per_minute: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/saison.db".into(),
            address: None,
            public_url: None,
            demo: false,
            login_attempts_per_minute: 10,
            session_days: 14,
            max_connections: 8,
            secret_key: None,
            secret_key_file: "data/secret.key".into(),
            mail_retry_seconds: 60,
            mail_attempts: 6,
            smtp_timeout_seconds: 30,
            sync_timeout_seconds: 20,
            sync_allow_private_hosts: false,
            public_requests_per_minute: 120,
            public_bookings_per_minute: 10,
        }
    }
}

/// The names of the settings, as file keys and (upper-cased, prefixed `SAISON_`) environment variables.
const SETTING_NAMES: [&str; 15] = [
    "address",
    "public_url",
    "demo",
    "login_attempts_per_minute",
    "session_days",
    "max_connections",
    "secret_key",
    "secret_key_file",
    "mail_retry_seconds",
    "mail_attempts",
    "smtp_timeout_seconds",
    "sync_timeout_seconds",
    "sync_allow_private_hosts",
    "public_requests_per_minute",
    "public_bookings_per_minute",
];

/// The settings could not be read.
#[derive(Debug, thiserror::Error)]
#[error("invalid settings: {0}")]
pub struct SettingsError(#[from] Box<figment::Error>);

impl Settings {
    /// Reads the settings from defaults, the optional file and the environment.
    pub fn load() -> Result<Settings, SettingsError> {
        let file = std::env::var("SAISON_CONFIG").unwrap_or_else(|_| "saison.toml".into());
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(file))
            .merge(Env::raw().only(&["DATABASE_URL"]))
            // Only the settings' own names: scripts use other SAISON_* variables (SAISON_BIN…).
            .merge(Env::prefixed("SAISON_").only(&SETTING_NAMES))
            .extract()
            .map_err(|e| SettingsError(Box::new(e)))
    }

    /// The domain that ends the UIDs of exported events: the public URL's host, else `saison.local`.
    pub fn uid_domain(&self) -> String {
        self.public_url
            .as_deref()
            .and_then(|url| url.split_once("://"))
            .map(|(_, rest)| rest.split(['/', ':', '?']).next().unwrap_or_default())
            .filter(|host| !host.is_empty())
            .unwrap_or("saison.local")
            .to_owned()
    }

    /// Whether cookies must carry the Secure flag (served over https).
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"))
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment::Jail's closures return figment's own (large) error
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_embedded_sqlite_database() {
        let settings = Settings::default();
        assert_eq!(settings.database_url, "sqlite://data/saison.db");
        assert!(!settings.secure_cookies());
    }

    #[test]
    fn the_file_and_the_environment_override_the_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("saison.toml", "demo = true\nsession_days = 3")?;
            jail.set_env("DATABASE_URL", "postgres://u:p@127.0.0.1/saison");
            jail.set_env("SAISON_SESSION_DAYS", "7");
            jail.set_env("SAISON_ADDRESS", "127.0.0.1:3100");
            jail.set_env("SAISON_BIN", "target/release/server");
            let settings = Settings::load().map_err(|e| e.to_string())?;
            assert!(settings.demo);
            assert_eq!(settings.session_days, 7);
            assert_eq!(settings.database_url, "postgres://u:p@127.0.0.1/saison");
            assert_eq!(settings.address.map(|a| a.port()), Some(3100));
            Ok(())
        });
    }

    #[test]
    fn a_misspelt_file_key_is_refused() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("saison.toml", "databse_url = \"sqlite://x.db\"")?;
            assert!(Settings::load().is_err());
            Ok(())
        });
    }

    #[test]
    fn https_public_urls_make_cookies_secure() {
        let settings = Settings {
            public_url: Some("https://saison.example.fr".into()),
            ..Settings::default()
        };
        assert!(settings.secure_cookies());
        assert_eq!(settings.uid_domain(), "saison.example.fr");
        assert_eq!(Settings::default().uid_domain(), "saison.local");
    }
}
