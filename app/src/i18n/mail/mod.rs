//! Words of email: the sending settings, the test email, the outbox, the templates (with their
//! defaults) and the compose dialog, in French and English.

pub mod en;
pub mod fr;

use crate::domain::mail::{
    MessageStatus, Placeholder, SendFailure, SmtpSecurity, Template, TemplatePurpose,
};
use chrono::NaiveDateTime;

/// Every string of email screens, in one language.
#[allow(missing_docs)]
pub struct MailTexts {
    pub nav_outbox: &'static str,
    /// Read after the count of failed messages beside "Envois" (for screen readers).
    pub failed_suffix: fn(i64) -> String,
    pub settings_title: &'static str,
    pub settings_intro: &'static str,
    pub settings_link: &'static str,
    pub templates_link: &'static str,
    pub outbox_link: &'static str,
    pub admin_only: &'static str,
    pub smtp_enabled: &'static str,
    pub smtp_enabled_hint: &'static str,
    pub server_title: &'static str,
    pub host: &'static str,
    pub host_hint: &'static str,
    pub port: &'static str,
    pub port_hint: &'static str,
    pub security: &'static str,
    pub security_name: fn(SmtpSecurity) -> &'static str,
    pub user: &'static str,
    pub user_hint: &'static str,
    pub password: &'static str,
    pub password_stored_hint: &'static str,
    pub password_new_hint: &'static str,
    pub sender_title: &'static str,
    pub sender_name: &'static str,
    pub sender_address: &'static str,
    pub reply_to: &'static str,
    pub reply_to_hint: &'static str,
    pub copy_to_sender: &'static str,
    pub copy_to_sender_hint: &'static str,
    pub report_recipients: &'static str,
    pub report_recipients_hint: &'static str,
    pub settings_saved: &'static str,
    pub test_title: &'static str,
    pub test_intro: &'static str,
    pub test_to: &'static str,
    pub test_send: &'static str,
    pub test_subject: &'static str,
    pub test_body: fn(&str) -> String,
    /// The outcome of an attempt the user waited for.
    pub outcome: fn(MessageStatus, Option<&SendFailure>, Option<NaiveDateTime>) -> String,
    pub failure: fn(&SendFailure) -> String,
    pub outbox_title: &'static str,
    pub outbox_intro: &'static str,
    pub outbox_empty: &'static str,
    pub outbox_count: fn(i64, i64) -> String,
    pub col_written: &'static str,
    pub col_to: &'static str,
    pub col_subject: &'static str,
    pub col_status: &'static str,
    pub status_name: fn(MessageStatus) -> &'static str,
    pub attempts: fn(i64) -> String,
    pub next_attempt: fn(NaiveDateTime) -> String,
    pub sent_at: fn(NaiveDateTime) -> String,
    pub written_at: fn(NaiveDateTime) -> String,
    pub copy_label: &'static str,
    pub attachments_label: &'static str,
    pub size: fn(i64) -> String,
    pub show_message: &'static str,
    pub retry: &'static str,
    pub cancel_message: &'static str,
    pub refresh: &'static str,
    pub message_conflict: &'static str,
    pub templates_title: &'static str,
    pub templates_intro: &'static str,
    pub purpose_name: fn(TemplatePurpose) -> &'static str,
    pub template_language: &'static str,
    pub subject: &'static str,
    pub body: &'static str,
    pub placeholders_title: &'static str,
    pub placeholders_hint: &'static str,
    pub placeholder_label: fn(Placeholder) -> &'static str,
    pub preview_title: &'static str,
    pub default_badge: &'static str,
    pub customised_badge: &'static str,
    pub template_saved: &'static str,
    pub reset_template: &'static str,
    pub template_reset: &'static str,
    /// The example values of the preview.
    pub sample: fn(Placeholder) -> String,
    /// The template used until the organisation writes its own.
    pub default_template: fn(TemplatePurpose) -> Template,
    pub compose_title: &'static str,
    pub compose_open: &'static str,
    pub compose_template: &'static str,
    pub recipients: &'static str,
    pub recipients_hint: &'static str,
    pub copy_note: fn(&str) -> String,
    pub no_copy_note: &'static str,
    pub send: &'static str,
    pub close: &'static str,
    pub no_guest_email: &'static str,
}

/// `Template` from two string slices.
fn template(subject: &str, body: &str) -> Template {
    Template {
        subject: subject.to_string(),
        body: body.to_string(),
    }
}
