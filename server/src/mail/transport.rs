//! One pooled SMTP connection set per organisation, rebuilt when its settings change: lettre takes
//! ~42 ms per message when it opens a connection each time, far less on a kept one.

use app::domain::ids::OrganisationId;
use app::domain::mail::settings::SmtpServer;
use app::domain::mail::SmtpSecurity;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::Duration;

/// A pooled transport.
pub type Transport = AsyncSmtpTransport<Tokio1Executor>;

/// Connections kept per organisation.
pub const POOL_SIZE: u32 = 4;

/// The organisations' transports.
#[derive(Default)]
pub struct Transports {
    by_organisation: Mutex<HashMap<OrganisationId, (u64, Transport)>>,
}

/// A fingerprint of everything a transport is built from (the password is hashed, never kept).
fn fingerprint(server: &SmtpServer, password: Option<&str>, timeout: Duration) -> u64 {
    let mut hasher = DefaultHasher::new();
    (server, password, timeout).hash(&mut hasher);
    hasher.finish()
}

fn build(
    server: &SmtpServer,
    password: Option<&str>,
    timeout: Duration,
) -> Result<Transport, lettre::transport::smtp::Error> {
    let builder = match server.security {
        SmtpSecurity::StartTls => Transport::starttls_relay(&server.host)?,
        SmtpSecurity::Tls => Transport::relay(&server.host)?,
        SmtpSecurity::None => Transport::builder_dangerous(&server.host),
    };
    let mut builder = builder
        .port(server.port)
        .timeout(Some(timeout))
        .pool_config(PoolConfig::new().max_size(POOL_SIZE));
    if let Some(user) = &server.user {
        builder = builder.credentials(Credentials::new(
            user.clone(),
            password.unwrap_or_default().to_string(),
        ));
    }
    Ok(builder.build())
}

impl Transports {
    /// The organisation's transport for these settings, built if they changed.
    pub fn get(
        &self,
        organisation: OrganisationId,
        server: &SmtpServer,
        password: Option<&str>,
        timeout: Duration,
    ) -> Result<Transport, lettre::transport::smtp::Error> {
        let print = fingerprint(server, password, timeout);
        let mut cache = self
            .by_organisation
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((known, transport)) = cache.get(&organisation) {
            if *known == print {
                return Ok(transport.clone());
            }
        }
        let transport = build(server, password, timeout)?;
        cache.insert(organisation, (print, transport.clone()));
        Ok(transport)
    }
}
