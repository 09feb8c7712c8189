//! An email as the compose dialog shows it: recipients, subject and message pre-filled from a
//! template and editable before sending.

use crate::domain::field::{collect, required_text, FieldErrors};
use crate::domain::mail::template::{MAX_BODY, MAX_SUBJECT};
use crate::domain::mail::{OutgoingMessage, Recipients, TemplatePurpose};
use serde::{Deserialize, Serialize};

/// The compose form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailDraft {
    /// What it is for (the template it was filled from).
    pub purpose: Option<TemplatePurpose>,
    /// Addresses separated by commas.
    pub recipients: String,
    /// The subject line.
    pub subject: String,
    /// The text.
    pub body: String,
    /// Where the sender's copy goes, if the settings ask for one (shown, not edited).
    pub copy_to: Option<String>,
}

impl EmailDraft {
    /// Checks the draft: valid recipients, a subject on one line, a message.
    pub fn validate(&self) -> Result<OutgoingMessage, FieldErrors> {
        let mut errors = FieldErrors::new();
        let recipients = collect(
            &mut errors,
            "recipients",
            Recipients::parse(&self.recipients),
        );
        let subject = collect(
            &mut errors,
            "subject",
            required_text(&self.subject.replace(['\r', '\n'], " "), MAX_SUBJECT),
        );
        let body = collect(&mut errors, "body", required_text(&self.body, MAX_BODY));
        match (recipients, subject, body) {
            (Some(recipients), Some(subject), Some(body)) if errors.is_empty() => {
                Ok(OutgoingMessage {
                    purpose: self.purpose,
                    recipients,
                    subject,
                    body,
                    attachments: Vec::new(),
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::FieldError;

    #[test]
    fn each_bad_field_is_named() {
        let draft = EmailDraft {
            recipients: "marie@exemple.fr, paul".into(),
            subject: " ".into(),
            body: "Bonjour".into(),
            ..EmailDraft::default()
        };
        assert_eq!(
            draft.validate().err(),
            Some(vec![
                (
                    "recipients".to_string(),
                    FieldError::InvalidRecipient {
                        address: "paul".into()
                    }
                ),
                ("subject".to_string(), FieldError::Required),
            ])
        );
    }

    #[test]
    fn a_subject_typed_over_two_lines_is_sent_on_one() {
        let draft = EmailDraft {
            recipients: "marie@exemple.fr".into(),
            subject: "Votre\nséjour".into(),
            body: "Bonjour".into(),
            ..EmailDraft::default()
        };
        assert_eq!(
            draft.validate().map(|m| m.subject),
            Ok("Votre séjour".into())
        );
    }
}
