//! Email: the organisation's sending settings, recipient lists, templates with placeholders, and the
//! outbox's view of a message. Validation and rendering only: SMTP, encryption and storage belong to
//! the server. The same template rules run in the browser (live preview) and on the server (save).

pub mod draft;
pub mod outbox;
pub mod purpose;
pub mod recipients;
pub mod settings;
pub mod template;

pub use draft::EmailDraft;
pub use outbox::{
    Attachment, AttachmentInfo, MessageStatus, OutboxMessage, OutboxPage, OutgoingMessage,
    SendFailure,
};
pub use purpose::{Placeholder, TemplatePurpose};
pub use recipients::Recipients;
pub use settings::{MailSettings, MailSettingsInput, SmtpSecurity};
pub use template::{StoredTemplate, Template, TemplateSetting};
