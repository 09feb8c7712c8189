//! Fetching a feed over HTTP: a conditional GET (`If-None-Match`, `If-Modified-Since`), a time limit,
//! a size limit, at most five redirects. Unless the server allows it (tests, a private network),
//! addresses of this machine's own networks are refused — at name resolution, so neither a redirect
//! nor a name that resolves to 127.0.0.1 reaches an internal service.

use app::domain::sync::SyncProblem;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::StatusCode;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// The largest feed accepted (a platform's year of events is well under 1 MB).
pub const MAX_FEED_BYTES: usize = 10 * 1024 * 1024;

/// What a fetch brought.
#[derive(Debug)]
pub enum Fetched {
    /// `304 Not Modified`.
    NotModified,
    /// A body, with the validators for the next conditional GET.
    Body {
        /// The bytes.
        bytes: Vec<u8>,
        /// `ETag`.
        etag: Option<String>,
        /// `Last-Modified`.
        last_modified: Option<String>,
    },
}

/// The HTTP client of the sync.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    allow_private: bool,
}

/// Refused: the name resolves to a private address.
#[derive(Debug, thiserror::Error)]
#[error("private address")]
struct PrivateAddress;

/// Whether `ip` belongs to this machine or a private network.
fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 100 && (64..128).contains(&v4.octets()[1])
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_private(IpAddr::V4(v4)))
        }
    }
}

/// A resolver that drops private addresses (and fails when none is left).
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0))
                .await?
                .filter(|address| !is_private(address.ip()))
                .collect();
            if found.is_empty() {
                return Err(Box::new(PrivateAddress) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addresses: Addrs = Box::new(found.into_iter());
            Ok(addresses)
        })
    }
}

impl Fetcher {
    /// A client giving each fetch `timeout`; `allow_private` lets feeds on private networks through.
    pub fn new(timeout: Duration, allow_private: bool) -> Fetcher {
        let mut builder = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!(
                "Saison/",
                env!("CARGO_PKG_VERSION"),
                " (calendar sync)"
            ));
        if allow_private {
            builder = builder.redirect(reqwest::redirect::Policy::limited(5));
        } else {
            builder = builder.dns_resolver(Arc::new(PublicOnly)).redirect(
                reqwest::redirect::Policy::custom(|attempt| {
                    let literal_private = attempt
                        .url()
                        .host_str()
                        .and_then(|host| host.trim_matches(['[', ']']).parse::<IpAddr>().ok())
                        .is_some_and(is_private);
                    if literal_private {
                        attempt.error(PrivateAddress)
                    } else if attempt.previous().len() >= 5 {
                        attempt.stop()
                    } else {
                        attempt.follow()
                    }
                }),
            );
        }
        let client = builder.build().unwrap_or_else(|error| {
            tracing::error!(%error, "calendar sync client; using reqwest's defaults");
            reqwest::Client::new()
        });
        Fetcher {
            client,
            allow_private,
        }
    }

    /// Fetches `url`, conditionally on the validators of the last read.
    pub async fn fetch(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, SyncProblem> {
        let parsed = reqwest::Url::parse(url).map_err(|_| SyncProblem::Unreachable)?;
        let literal = parsed
            .host_str()
            .and_then(|host| host.trim_matches(['[', ']']).parse::<IpAddr>().ok());
        if !self.allow_private && literal.is_some_and(is_private) {
            return Err(SyncProblem::PrivateAddress);
        }
        let mut request = self.client.get(parsed);
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(last_modified) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, last_modified);
        }
        let mut response = request.send().await.map_err(problem)?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(SyncProblem::HttpStatus(status.as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|length| length > MAX_FEED_BYTES as u64)
        {
            return Err(SyncProblem::TooLarge);
        }
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|value: &reqwest::header::HeaderValue| value.to_str().ok())
                .map(str::to_owned)
        };
        let (etag, last_modified) = (header(ETAG), header(LAST_MODIFIED));
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(problem)? {
            if bytes.len() + chunk.len() > MAX_FEED_BYTES {
                return Err(SyncProblem::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
        })
    }
}

/// The problem a request error stands for.
fn problem(error: reqwest::Error) -> SyncProblem {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(current) = source {
        if current.is::<PrivateAddress>() {
            return SyncProblem::PrivateAddress;
        }
        source = current.source();
    }
    if error.is_timeout() {
        SyncProblem::Timeout
    } else {
        SyncProblem::Unreachable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_networks_are_recognised() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "169.254.1.1",
            "::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "100.64.0.1",
            "0.0.0.0",
        ] {
            assert!(
                is_private(private.parse().unwrap_or_else(|e| panic!("{e}"))),
                "{private}"
            );
        }
        for public in ["93.184.216.34", "2606:4700::1111", "100.128.0.1"] {
            assert!(
                !is_private(public.parse().unwrap_or_else(|e| panic!("{e}"))),
                "{public}"
            );
        }
    }
}
