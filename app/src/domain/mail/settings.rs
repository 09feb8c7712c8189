//! The organisation's sending settings: which SMTP server, how to reach it, and who the messages come
//! from. The password is write-only: the form sends it only to change it, and the server never sends
//! it back (it keeps it encrypted).

use crate::domain::account::Email;
use crate::domain::field::{collect, optional_text, required_text, FieldError, FieldErrors};
use crate::domain::mail::Recipients;
use serde::{Deserialize, Serialize};

/// How the connection to the SMTP server is protected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (port 587), the usual choice.
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a server on this machine (127.0.0.1).
    None,
}

impl SmtpSecurity {
    /// Every choice, in the order the form offers them.
    pub const ALL: [SmtpSecurity; 3] = [
        SmtpSecurity::StartTls,
        SmtpSecurity::Tls,
        SmtpSecurity::None,
    ];

    /// The value a form field carries.
    pub fn code(self) -> &'static str {
        match self {
            SmtpSecurity::StartTls => "starttls",
            SmtpSecurity::Tls => "tls",
            SmtpSecurity::None => "none",
        }
    }

    /// The choice a form field carries.
    pub fn from_code(code: &str) -> Result<SmtpSecurity, FieldError> {
        SmtpSecurity::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or(FieldError::InvalidChoice)
    }

    /// The port servers usually listen on with this security.
    pub fn usual_port(self) -> u16 {
        match self {
            SmtpSecurity::StartTls => 587,
            SmtpSecurity::Tls => 465,
            SmtpSecurity::None => 25,
        }
    }
}

/// The settings form, as typed. Sent back by the server with `password` empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MailSettingsInput {
    /// Whether messages go out through an SMTP server; otherwise they stay in the outbox.
    pub smtp_enabled: bool,
    /// The server's name, e.g. `smtp.exemple.fr`.
    pub host: String,
    /// Its port; empty means the usual one for the security chosen.
    pub port: String,
    /// [`SmtpSecurity::code`].
    pub security: String,
    /// The login; empty when the server needs none.
    pub user: String,
    /// A new password; empty keeps the stored one.
    pub password: String,
    /// Whether a password is stored (from the server; ignored on save).
    pub password_stored: bool,
    /// The name recipients see.
    pub sender_name: String,
    /// The address messages come from.
    pub sender_address: String,
    /// Where answers go, if not to the sender.
    pub reply_to: String,
    /// Whether the sender gets a copy of every message (seed 004: "vous en copie").
    pub copy_to_sender: bool,
    /// The managers who receive the reports (seed 002 "Liste des Managers"), comma separated.
    #[serde(default)]
    pub report_recipients: String,
    /// The stored version the form was opened with.
    pub version: i64,
}

/// Where and how to send.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SmtpServer {
    /// The server's name or address.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// The connection's protection.
    pub security: SmtpSecurity,
    /// The login, if any.
    pub user: Option<String>,
}

/// Valid sending settings (the password apart).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    /// The SMTP server, or `None` to keep messages in the outbox.
    pub smtp: Option<SmtpServer>,
    /// The name recipients see.
    pub sender_name: String,
    /// The address messages come from (required to send).
    pub sender_address: Option<Email>,
    /// Where answers go.
    pub reply_to: Option<Email>,
    /// Whether the sender gets a copy.
    pub copy_to_sender: bool,
    /// The managers who receive the reports.
    #[serde(default)]
    pub report_recipients: Vec<Email>,
}

impl Default for MailSettings {
    /// The embedded default: no server, messages stay in the outbox.
    fn default() -> Self {
        MailSettings {
            smtp: None,
            sender_name: String::new(),
            sender_address: None,
            reply_to: None,
            copy_to_sender: true,
            report_recipients: Vec::new(),
        }
    }
}

/// Checks a server name: letters, digits, dots and dashes, not starting or ending with a dot.
fn host(raw: &str) -> Result<String, FieldError> {
    let host = required_text(raw, 253)?.to_lowercase();
    let valid = host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-']);
    if valid {
        Ok(host)
    } else {
        Err(FieldError::InvalidHost)
    }
}

fn optional_email(raw: &str) -> Result<Option<Email>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        Email::parse(raw).map(Some)
    }
}

impl MailSettingsInput {
    /// Checks every field; each refused field is named.
    pub fn validate(&self) -> Result<MailSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let sender_name = collect(
            &mut errors,
            "sender_name",
            optional_text(&self.sender_name, 100),
        );
        let sender_address = collect(
            &mut errors,
            "sender_address",
            if self.smtp_enabled {
                Email::parse(&self.sender_address).map(Some)
            } else {
                optional_email(&self.sender_address)
            },
        );
        let reply_to = collect(&mut errors, "reply_to", optional_email(&self.reply_to));
        let report_recipients = collect(
            &mut errors,
            "report_recipients",
            if self.report_recipients.trim().is_empty() {
                Ok(Vec::new())
            } else {
                Recipients::parse(&self.report_recipients).map(|r| r.addresses().to_vec())
            },
        );
        let smtp = if self.smtp_enabled {
            let security = collect(
                &mut errors,
                "security",
                SmtpSecurity::from_code(&self.security),
            );
            let host = collect(&mut errors, "host", host(&self.host));
            let port = if self.port.trim().is_empty() {
                security.map(SmtpSecurity::usual_port)
            } else {
                collect(
                    &mut errors,
                    "port",
                    crate::domain::field::whole_number(&self.port, 1, 65_535)
                        .map(|p| u16::try_from(p).unwrap_or(u16::MAX)),
                )
            };
            let user = collect(&mut errors, "user", optional_text(&self.user, 200));
            match (host, port, security, user) {
                (Some(host), Some(port), Some(security), Some(user)) => Some(SmtpServer {
                    host,
                    port,
                    security,
                    user: Some(user).filter(|u| !u.is_empty()),
                }),
                _ => None,
            }
        } else {
            None
        };
        if self.password.chars().count() > 500 {
            errors.push(("password".into(), FieldError::TooLong { max: 500 }));
        }
        match (sender_name, sender_address, reply_to, report_recipients) {
            (Some(sender_name), Some(sender_address), Some(reply_to), Some(report_recipients))
                if errors.is_empty() =>
            {
                Ok(MailSettings {
                    smtp,
                    sender_name,
                    sender_address,
                    reply_to,
                    copy_to_sender: self.copy_to_sender,
                    report_recipients,
                })
            }
            _ => Err(errors),
        }
    }
}

impl MailSettings {
    /// The form showing these settings (the password is never part of it).
    pub fn to_input(&self, password_stored: bool, version: i64) -> MailSettingsInput {
        let smtp = self.smtp.as_ref();
        MailSettingsInput {
            smtp_enabled: smtp.is_some(),
            host: smtp.map(|s| s.host.clone()).unwrap_or_default(),
            port: smtp.map(|s| s.port.to_string()).unwrap_or_default(),
            security: smtp.map(|s| s.security).unwrap_or_default().code().into(),
            user: smtp.and_then(|s| s.user.clone()).unwrap_or_default(),
            password: String::new(),
            password_stored,
            sender_name: self.sender_name.clone(),
            sender_address: self
                .sender_address
                .as_ref()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            reply_to: self
                .reply_to
                .as_ref()
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            copy_to_sender: self.copy_to_sender,
            report_recipients: self
                .report_recipients
                .iter()
                .map(Email::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> MailSettingsInput {
        MailSettingsInput {
            smtp_enabled: true,
            host: " SMTP.Exemple.fr ".into(),
            security: "starttls".into(),
            user: "gites@exemple.fr".into(),
            password: "secret".into(),
            sender_name: "Gîtes du Lac".into(),
            sender_address: "gites@exemple.fr".into(),
            copy_to_sender: true,
            report_recipients: "Paul@Exemple.fr, anne@exemple.fr".into(),
            ..MailSettingsInput::default()
        }
    }

    #[test]
    fn the_port_defaults_to_the_usual_one_for_the_security() {
        let settings = form().validate().ok().and_then(|s| s.smtp);
        assert_eq!(settings.as_ref().map(|s| s.port), Some(587));
        assert_eq!(settings.map(|s| s.host), Some("smtp.exemple.fr".into()));
        let tls = MailSettingsInput {
            security: "tls".into(),
            ..form()
        };
        assert_eq!(
            tls.validate().ok().and_then(|s| s.smtp).map(|s| s.port),
            Some(465)
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = MailSettingsInput {
            host: "smtp exemple".into(),
            port: "70000".into(),
            sender_address: "gites".into(),
            reply_to: "x@".into(),
            report_recipients: "anne@exemple.fr, paul".into(),
            ..form()
        };
        let names: Vec<String> = bad
            .validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                "sender_address",
                "reply_to",
                "report_recipients",
                "host",
                "port"
            ]
        );
    }

    #[test]
    fn without_a_server_nothing_but_the_sender_is_checked() {
        let kept = MailSettingsInput {
            smtp_enabled: false,
            host: String::new(),
            sender_address: String::new(),
            ..form()
        };
        assert_eq!(kept.validate().map(|s| s.smtp), Ok(None));
    }

    #[test]
    fn the_form_round_trips_without_the_password() {
        let settings = form().validate().unwrap_or_default();
        let back = settings.to_input(true, 3);
        assert_eq!(back.password, "");
        assert!(back.password_stored);
        assert_eq!(back.report_recipients, "paul@exemple.fr, anne@exemple.fr");
        assert_eq!(back.validate(), Ok(settings));
    }
}
