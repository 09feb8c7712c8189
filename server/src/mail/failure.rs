//! Turns lettre's errors into [`SendFailure`]s that keep the SMTP server's own words: its reply code
//! and text when it answered, what the network said when it did not.

use app::domain::mail::SendFailure;
use lettre::transport::smtp::Error;

/// SMTP replies that mean the login or password was refused.
const AUTHENTICATION_CODES: [u16; 3] = [530, 534, 535];

/// The server's reply code, if it answered.
fn code(error: &Error) -> Option<u16> {
    error
        .status()
        .and_then(|code| code.to_string().parse().ok())
}

/// The server's words: lettre writes "permanent error (550): 5.1.1 User unknown"; the part after
/// the code is what the server said.
fn server_words(error: &Error) -> String {
    let text = error.to_string();
    match text.split_once("): ") {
        Some((_, words)) => words.trim().to_string(),
        None => text,
    }
}

/// What the network or TLS layer said, with its causes.
fn detail(error: &Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The failure `error` describes.
pub fn classify(error: &Error) -> SendFailure {
    if let Some(code) = code(error) {
        let message = server_words(error);
        if AUTHENTICATION_CODES.contains(&code) {
            SendFailure::Authentication { message }
        } else if error.is_permanent() {
            SendFailure::Refused { code, message }
        } else {
            SendFailure::Deferred { code, message }
        }
    } else if error.is_tls() {
        SendFailure::Tls {
            detail: detail(error),
        }
    } else {
        // Refused connection, unknown name, timeout, connection closed: worth another try.
        SendFailure::Unreachable {
            detail: detail(error),
        }
    }
}
