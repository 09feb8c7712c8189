//! The outbox as people see it: every message written, where it stands, and why a send failed.

use crate::domain::ids::MessageId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a message stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessageStatus {
    /// No SMTP server is configured: the message is kept here, not sent.
    Held,
    /// Waiting for its (next) attempt.
    Pending,
    /// An attempt is under way.
    Sending,
    /// The SMTP server accepted it.
    Sent,
    /// The server refused it for good, or every attempt failed: the reason says why.
    Failed,
    /// A user cancelled it before it left.
    Cancelled,
}

impl MessageStatus {
    /// The value stored.
    pub fn code(self) -> &'static str {
        match self {
            MessageStatus::Held => "held",
            MessageStatus::Pending => "pending",
            MessageStatus::Sending => "sending",
            MessageStatus::Sent => "sent",
            MessageStatus::Failed => "failed",
            MessageStatus::Cancelled => "cancelled",
        }
    }

    /// The status stored as `code`.
    pub fn from_code(code: &str) -> Option<MessageStatus> {
        [
            MessageStatus::Held,
            MessageStatus::Pending,
            MessageStatus::Sending,
            MessageStatus::Sent,
            MessageStatus::Failed,
            MessageStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Whether a user may ask for another attempt now.
    pub fn can_retry(self) -> bool {
        matches!(
            self,
            MessageStatus::Held | MessageStatus::Pending | MessageStatus::Failed
        )
    }

    /// Whether a user may cancel it (it has not left and is not leaving).
    pub fn can_cancel(self) -> bool {
        matches!(
            self,
            MessageStatus::Held | MessageStatus::Pending | MessageStatus::Failed
        )
    }
}

/// Why an attempt failed, as precisely as the SMTP server said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SendFailure {
    /// The server refused for good (5xx): retrying would not help.
    Refused {
        /// The SMTP reply code, e.g. 550.
        code: u16,
        /// The server's own words.
        message: String,
    },
    /// The server refused for now (4xx): retried later.
    Deferred {
        /// The SMTP reply code, e.g. 451.
        code: u16,
        /// The server's own words.
        message: String,
    },
    /// The login or password was refused.
    Authentication {
        /// The server's own words.
        message: String,
    },
    /// The server could not be reached (refused connection, unknown name, timeout): retried later.
    Unreachable {
        /// What the network said.
        detail: String,
    },
    /// The encrypted connection could not be set up (certificate, protocol).
    Tls {
        /// What failed.
        detail: String,
    },
    /// The message itself could not be built (an address the server side rejects, …).
    Invalid {
        /// What was wrong.
        detail: String,
    },
    /// The organisation has no sender address: set one in the settings.
    NoSender,
    /// The stored SMTP password cannot be read with this server's key (the key changed): type it
    /// again in the settings.
    PasswordUnreadable,
}

impl SendFailure {
    /// Whether another attempt later may succeed.
    pub fn is_temporary(&self) -> bool {
        matches!(
            self,
            SendFailure::Deferred { .. } | SendFailure::Unreachable { .. }
        )
    }
}

/// One attachment's name and size, as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    /// The file name the recipient sees.
    pub name: String,
    /// Its size in bytes.
    pub size: i64,
}

/// A file sent with a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file name the recipient sees, e.g. `Facture 2027-0012.pdf`.
    pub name: String,
    /// Its MIME type, e.g. `application/pdf`.
    pub content_type: String,
    /// Its bytes.
    pub content: Vec<u8>,
}

/// A message to write to the outbox. The sender, reply-to and copy come from the organisation's
/// settings at the time it is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMessage {
    /// What it is for, when it comes from a template.
    pub purpose: Option<crate::domain::mail::TemplatePurpose>,
    /// Who receives it.
    pub recipients: crate::domain::mail::Recipients,
    /// The subject line.
    pub subject: String,
    /// The text.
    pub body: String,
    /// Files sent with it.
    pub attachments: Vec<Attachment>,
}

/// A message of the outbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// Its id.
    pub id: MessageId,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// Where it stands.
    pub status: MessageStatus,
    /// The recipients, comma separated.
    pub recipients: String,
    /// The copy's address, if the sender gets one.
    pub copy_to: Option<String>,
    /// The subject.
    pub subject: String,
    /// The text.
    pub body: String,
    /// The attachments.
    pub attachments: Vec<AttachmentInfo>,
    /// Attempts made so far.
    pub attempts: i64,
    /// When the next automatic attempt is due (pending messages).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When the server accepted it.
    pub sent_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed.
    pub last_failure: Option<SendFailure>,
    /// Its version, for retry and cancel.
    pub version: i64,
}

/// A page of the outbox, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxPage {
    /// The messages of the page.
    pub messages: Vec<OutboxMessage>,
    /// Messages in the outbox in all.
    pub total: i64,
    /// Messages that failed for good and wait for a decision.
    pub failed: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_temporary_failures_are_retried() {
        let deferred = SendFailure::Deferred {
            code: 451,
            message: "4.3.0 Try again later".into(),
        };
        let refused = SendFailure::Refused {
            code: 550,
            message: "5.1.1 User unknown".into(),
        };
        assert!(deferred.is_temporary());
        assert!(!refused.is_temporary());
        assert!(SendFailure::Unreachable {
            detail: "refused".into()
        }
        .is_temporary());
    }

    #[test]
    fn a_message_on_its_way_cannot_be_cancelled() {
        assert!(!MessageStatus::Sending.can_cancel());
        assert!(!MessageStatus::Sent.can_cancel());
        assert!(MessageStatus::Failed.can_retry());
        for status in ["held", "pending", "sending", "sent", "failed", "cancelled"] {
            assert_eq!(
                MessageStatus::from_code(status).map(|s| s.code()),
                Some(status)
            );
        }
    }
}
