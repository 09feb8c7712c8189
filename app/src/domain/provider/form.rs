//! The provider form as typed, and its validation into a [`ProviderInput`]: a name, a kind, an
//! optional email and phone (the booking form's rules), an optional account, the properties served.

use super::ProviderKind;
use crate::domain::account::Email;
use crate::domain::booking::customer::phones;
use crate::domain::field::{
    collect, optional_id, optional_text, required_text, FieldError, FieldErrors,
};
use crate::domain::ids::{PropertyId, UserId};
use serde::{Deserialize, Serialize};

/// Longest provider name, in characters.
pub const MAX_NAME: usize = 200;
/// Longest note for providers on a booking, in characters.
pub const MAX_PROVIDER_NOTES: usize = 2_000;

/// The form as typed: nothing typed is lost on error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderForm {
    /// Name.
    pub name: String,
    /// Kind code ([`ProviderKind::code`]).
    pub kind: String,
    /// Email (optional).
    pub email: String,
    /// Phone(s) (optional, several separated by commas).
    pub phone: String,
    /// User account id, empty for none.
    pub user: String,
    /// Ids of the properties served.
    pub properties: Vec<String>,
}

/// A validated provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderInput {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ProviderKind,
    /// Email, lower case, or empty.
    pub email: String,
    /// Phones, or empty.
    pub phone: String,
    /// The account they log in with.
    pub user: Option<UserId>,
    /// The properties served, without repeats.
    pub properties: Vec<PropertyId>,
}

impl ProviderForm {
    /// A blank form for a cleaning provider.
    pub fn blank() -> Self {
        ProviderForm {
            kind: ProviderKind::Cleaning.code().into(),
            ..ProviderForm::default()
        }
    }

    /// Checks every field at once.
    pub fn validate(&self) -> Result<ProviderInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(&mut errors, "name", required_text(&self.name, MAX_NAME));
        let kind = collect(
            &mut errors,
            "kind",
            ProviderKind::from_code(&self.kind).ok_or(FieldError::InvalidChoice),
        );
        let email = collect(
            &mut errors,
            "email",
            if self.email.trim().is_empty() {
                Ok(String::new())
            } else {
                Email::parse(&self.email).map(|e| e.as_str().to_string())
            },
        );
        let phone = collect(&mut errors, "phone", phones(&self.phone));
        let user = collect(&mut errors, "user", optional_id::<UserId>(&self.user));
        let mut properties = Vec::new();
        for raw in &self.properties {
            match raw.trim().parse::<PropertyId>() {
                Ok(id) if !properties.contains(&id) => properties.push(id),
                Ok(_) => {}
                Err(_) => {
                    errors.push(("properties".into(), FieldError::UnknownChoice));
                    break;
                }
            }
        }
        match (name, kind, email, phone, user) {
            (Some(name), Some(kind), Some(email), Some(phone), Some(user)) if errors.is_empty() => {
                Ok(ProviderInput {
                    name,
                    kind,
                    email,
                    phone,
                    user,
                    properties,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Checks the note for providers typed on a booking.
pub fn provider_notes(raw: &str) -> Result<String, FieldError> {
    optional_text(raw, MAX_PROVIDER_NOTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn a_name_is_enough_and_properties_are_kept_once() {
        let chalet = Uuid::from_u128(7).to_string();
        let form = ProviderForm {
            name: "  Ménage Express ".into(),
            properties: vec![chalet.clone(), chalet],
            ..ProviderForm::blank()
        };
        let input = form.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(input.name, "Ménage Express");
        assert_eq!(input.kind, ProviderKind::Cleaning);
        assert_eq!(input.properties, vec![PropertyId(Uuid::from_u128(7))]);
        assert_eq!(input.user, None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let form = ProviderForm {
            name: " ".into(),
            kind: "plombier".into(),
            email: "pas-un-email".into(),
            phone: "appelez-moi".into(),
            user: "x".into(),
            properties: vec!["y".into()],
        };
        let errors = form.validate().err().unwrap_or_default();
        let names: Vec<&str> = errors.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["name", "kind", "email", "phone", "user", "properties"]
        );
    }

    #[test]
    fn notes_for_providers_have_a_limit() {
        assert_eq!(
            provider_notes(" Clés sous le pot "),
            Ok("Clés sous le pot".into())
        );
        assert_eq!(
            provider_notes(&"x".repeat(MAX_PROVIDER_NOTES + 1)),
            Err(FieldError::TooLong {
                max: MAX_PROVIDER_NOTES
            })
        );
    }
}
