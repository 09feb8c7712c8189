//! Real SMTP servers on 127.0.0.1 for the mail tests: a catcher that keeps what it receives (or
//! refuses with a chosen reply), a port with nobody listening, and a server that accepts the
//! connection but never answers (a send stuck in the middle).

use app::domain::account::Email;
use app::domain::mail::settings::SmtpServer;
use app::domain::mail::{MailSettings, SmtpSecurity};
use mailin_embedded::{Handler, Response, Server, SslConfig};
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

/// One message as the SMTP server received it.
#[derive(Clone, Debug)]
pub struct Received {
    /// The envelope's sender.
    pub from: String,
    /// The envelope's recipients (blind copies included).
    pub to: Vec<String>,
    /// The message as sent (headers and body).
    pub data: Vec<u8>,
}

#[derive(Clone)]
struct Catch {
    received: Arc<Mutex<Vec<Received>>>,
    refusal: Option<(u16, String)>,
    current: Option<Received>,
}

impl Handler for Catch {
    fn rcpt(&mut self, _to: &str) -> Response {
        match &self.refusal {
            Some((code, message)) => Response::custom(*code, message.clone()),
            None => mailin_embedded::response::OK,
        }
    }

    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.current = Some(Received {
            from: from.to_string(),
            to: to.to_vec(),
            data: Vec::new(),
        });
        mailin_embedded::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(current) = &mut self.current {
            current.data.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if let Some(done) = self.current.take() {
            self.received
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(done);
        }
        mailin_embedded::response::OK
    }
}

/// An SMTP server on 127.0.0.1 that keeps every message it accepts.
pub struct SmtpCatcher {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpCatcher {
    /// A catcher that accepts everything, on a free port.
    pub fn start() -> SmtpCatcher {
        SmtpCatcher::serve(free_listener(), None)
    }

    /// A catcher that answers every recipient with `code message` (e.g. 550 for "no such user").
    pub fn refusing(code: u16, message: &str) -> SmtpCatcher {
        SmtpCatcher::serve(free_listener(), Some((code, message.to_string())))
    }

    /// A catcher on `port` (which nobody else must be using).
    pub fn on_port(port: u16) -> SmtpCatcher {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("bind SMTP port {port}: {e}"));
        SmtpCatcher::serve(listener, None)
    }

    fn serve(listener: TcpListener, refusal: Option<(u16, String)>) -> SmtpCatcher {
        let port = listener
            .local_addr()
            .unwrap_or_else(|e| panic!("{e}"))
            .port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let handler = Catch {
            received: received.clone(),
            refusal,
            current: None,
        };
        let mut server = Server::new(handler);
        // Saison keeps up to 4 connections open per organisation; each holds one server thread.
        server
            .with_name("smtp.test")
            .with_num_threads(8)
            .with_tcp_listener(listener);
        if let Err(e) = server.with_ssl(SslConfig::None) {
            panic!("SMTP test server: {e}");
        }
        // The server runs until the test process ends.
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        SmtpCatcher { port, received }
    }

    /// What was received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Waits (up to `seconds`) until `count` messages have arrived, then returns them.
    pub async fn wait_for(&self, count: usize, seconds: u64) -> Vec<Received> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while self.received().len() < count && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        self.received()
    }
}

fn free_listener() -> TcpListener {
    TcpListener::bind((IpAddr::from([127, 0, 0, 1]), 0)).unwrap_or_else(|e| panic!("bind: {e}"))
}

/// A port nobody listens on (for now): connections to it are refused.
pub fn closed_port() -> u16 {
    let listener = free_listener();
    listener
        .local_addr()
        .unwrap_or_else(|e| panic!("{e}"))
        .port()
}

/// A server that accepts connections and never says a word: an attempt against it hangs until the
/// client's timeout. Returns its port and a counter of accepted connections.
pub fn silent_server() -> (u16, Arc<std::sync::atomic::AtomicUsize>, TcpListener) {
    let listener = free_listener();
    let port = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("{e}"))
        .port();
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = accepted.clone();
    let clone = listener.try_clone().unwrap_or_else(|e| panic!("{e}"));
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in clone.incoming().flatten() {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            held.push(stream);
        }
    });
    (port, accepted, listener)
}

/// Sending settings for an SMTP server on 127.0.0.1:`port` without encryption or login, from
/// "Gîtes du Lac" <gites@lac.fr>, with or without the sender's copy.
pub fn loopback_settings(port: u16, copy_to_sender: bool) -> MailSettings {
    MailSettings {
        smtp: Some(SmtpServer {
            host: "127.0.0.1".into(),
            port,
            security: SmtpSecurity::None,
            user: None,
        }),
        sender_name: "Gîtes du Lac".into(),
        sender_address: Email::parse("gites@lac.fr").ok(),
        reply_to: None,
        copy_to_sender,
        report_recipients: Vec::new(),
    }
}
