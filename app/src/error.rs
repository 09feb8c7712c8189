//! The one error type that crosses the wire: every server function returns `Result<_, AppError>`.
//! It carries a kind (which decides the HTTP status), a message already written in the user's
//! language, and, for refused forms, one message per field.

use crate::domain::field::FieldErrors;
use crate::i18n::Texts;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What went wrong, in terms of what the user can do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// Not logged in, or the session ended.
    Unauthenticated,
    /// Logged in, but the role does not allow it.
    Forbidden,
    /// The item does not exist in the caller's organisation.
    NotFound,
    /// Someone else changed the item first (optimistic version), or the action is no longer possible.
    Conflict,
    /// Some fields were refused; see [`AppError::fields`].
    Invalid,
    /// Parameters of a URL (not a form) were refused; see [`AppError::fields`].
    BadRequest,
    /// Too many attempts; wait.
    Throttled,
    /// The request did not come from Saison's own pages.
    CrossSite,
    /// A bug or an unavailable database; nothing was changed.
    Internal,
    /// The request never reached the server, or its answer was unreadable.
    Network,
}

impl ErrorKind {
    /// The HTTP status of this kind.
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden | ErrorKind::CrossSite => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::Invalid => 422,
            ErrorKind::BadRequest => 400,
            ErrorKind::Throttled => 429,
            ErrorKind::Internal => 500,
            ErrorKind::Network => 503,
        }
    }
}

/// The message for one refused field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    /// The form field's name.
    pub field: String,
    /// What is wrong, in the user's language.
    pub message: String,
}

/// A request-facing error: kind, message in the user's language, per-field messages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The sentence shown to the user.
    pub message: String,
    /// One message per refused field (only for [`ErrorKind::Invalid`]).
    pub fields: Vec<FieldMessage>,
}

impl AppError {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> AppError {
        AppError {
            kind,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// A refused form: a summary and one translated message per field.
    pub fn invalid(texts: &Texts, errors: &FieldErrors) -> AppError {
        let fields = errors
            .iter()
            .map(|(field, error)| FieldMessage {
                field: field.clone(),
                message: (texts.field_error)(error),
            })
            .collect();
        AppError {
            kind: ErrorKind::Invalid,
            message: texts.form_has_errors.into(),
            fields,
        }
    }

    /// Refused URL parameters: one translated message per parameter, all of them in the summary.
    pub fn bad_request(texts: &Texts, errors: &FieldErrors) -> AppError {
        let invalid = AppError::invalid(texts, errors);
        let summary: Vec<String> = invalid
            .fields
            .iter()
            .map(|f| format!("{} : {}", f.field, f.message))
            .collect();
        AppError {
            kind: ErrorKind::BadRequest,
            message: format!("{} {}", texts.bad_parameters, summary.join(" ")),
            fields: invalid.fields,
        }
    }

    /// A stay the owner's rules refuse: the reasons, as the summary and next to the "force" box.
    pub fn refused_stay(texts: &Texts, reasons: &[String]) -> AppError {
        let message = (texts.bookings.stay_refused)(reasons);
        AppError {
            kind: ErrorKind::Invalid,
            message: message.clone(),
            fields: vec![FieldMessage {
                field: "force".into(),
                message,
            }],
        }
    }

    /// The message for `field`, if it was refused.
    pub fn field(&self, field: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.message.clone())
    }

    /// The message to show, in the interface's language for errors the server could not word.
    pub fn display(&self, texts: &Texts) -> String {
        match self.kind {
            ErrorKind::Network => texts.err_network.to_string(),
            _ => self.message.clone(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let kind = match value {
            ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::Response(_)
            | ServerFnErrorErr::Deserialization(_) => ErrorKind::Network,
            // The server could not read the arguments: a malformed URL or body from the caller.
            ServerFnErrorErr::Args(_) => {
                let texts = crate::i18n::texts(crate::i18n::Lang::Fr);
                return AppError::new(
                    ErrorKind::BadRequest,
                    format!("{} ({value})", texts.bad_parameters),
                );
            }
            _ => ErrorKind::Internal,
        };
        AppError::new(kind, value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::field::FieldError;
    use crate::i18n::{texts, Lang};

    #[test]
    fn statuses_follow_http() {
        assert_eq!(ErrorKind::Invalid.status(), 422);
        assert_eq!(ErrorKind::Conflict.status(), 409);
        assert_eq!(ErrorKind::Unauthenticated.status(), 401);
    }

    #[test]
    fn a_refused_form_names_each_field_in_french() {
        let error = AppError::invalid(
            texts(Lang::Fr),
            &vec![("name".into(), FieldError::Required)],
        );
        assert_eq!(error.kind, ErrorKind::Invalid);
        assert_eq!(
            error.field("name").as_deref(),
            Some("Ce champ est obligatoire.")
        );
        assert_eq!(error.field("capacity"), None);
    }
}
