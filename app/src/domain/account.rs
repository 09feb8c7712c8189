//! Accounts: email addresses, passwords, and the forms that create an organisation, log in, change a
//! password and add a user. Validation only; hashing and storage belong to the server.

use crate::domain::field::{collect, required_text, FieldError, FieldErrors};
use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::role::Role;
use serde::{Deserialize, Serialize};

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (argon2 input is bounded to keep hashing cheap).
pub const MAX_PASSWORD_CHARS: usize = 200;

/// A syntactically valid email address, trimmed and lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Checks the shape `local@domain.tld` (no spaces, one `@`, a dot in the domain).
    pub fn parse(raw: &str) -> Result<Email, FieldError> {
        let text = raw.trim().to_lowercase();
        if text.is_empty() {
            return Err(FieldError::Required);
        }
        if text.chars().count() > 254 {
            return Err(FieldError::TooLong { max: 254 });
        }
        let (local, domain) = text.split_once('@').ok_or(FieldError::InvalidEmail)?;
        let valid = !local.is_empty()
            && !domain.contains('@')
            && !text.chars().any(char::is_whitespace)
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.');
        if valid {
            Ok(Email(text))
        } else {
            Err(FieldError::InvalidEmail)
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn new_password(raw: &str) -> Result<String, FieldError> {
    let count = raw.chars().count();
    if count == 0 {
        Err(FieldError::Required)
    } else if count < MIN_PASSWORD_CHARS {
        Err(FieldError::TooShort {
            min: MIN_PASSWORD_CHARS,
        })
    } else if count > MAX_PASSWORD_CHARS {
        Err(FieldError::TooLong {
            max: MAX_PASSWORD_CHARS,
        })
    } else {
        Ok(raw.to_string())
    }
}

fn confirmed(errors: &mut FieldErrors, password: &str, confirmation: &str) {
    if !password.is_empty() && password != confirmation {
        errors.push(("password_confirmation".into(), FieldError::PasswordsDiffer));
    }
}

/// The first-run form: the organisation and its first admin.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetupForm {
    /// Name of the organisation (business or family name).
    pub organisation_name: String,
    /// The admin's name.
    pub admin_name: String,
    /// The admin's email, used to log in.
    pub email: String,
    /// The admin's password.
    pub password: String,
    /// The same password again.
    pub password_confirmation: String,
}

/// A validated [`SetupForm`].
#[derive(Clone, Debug, PartialEq)]
pub struct NewOrganisation {
    /// Name of the organisation.
    pub organisation_name: String,
    /// The first admin's name.
    pub admin_name: String,
    /// The first admin's email.
    pub email: Email,
    /// The first admin's password, in clear, to be hashed by the server.
    pub password: String,
}

impl SetupForm {
    /// Checks every field; returns all refused fields at once.
    pub fn validate(&self) -> Result<NewOrganisation, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organisation_name = collect(
            &mut errors,
            "organisation_name",
            required_text(&self.organisation_name, 120),
        );
        let admin_name = collect(
            &mut errors,
            "admin_name",
            required_text(&self.admin_name, 120),
        );
        let email = collect(&mut errors, "email", Email::parse(&self.email));
        let password = collect(&mut errors, "password", new_password(&self.password));
        confirmed(&mut errors, &self.password, &self.password_confirmation);
        match (organisation_name, admin_name, email, password) {
            (Some(organisation_name), Some(admin_name), Some(email), Some(password))
                if errors.is_empty() =>
            {
                Ok(NewOrganisation {
                    organisation_name,
                    admin_name,
                    email,
                    password,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The login form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LoginForm {
    /// Email address.
    pub email: String,
    /// Password.
    pub password: String,
}

/// The password change form of the logged-in user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PasswordChangeForm {
    /// The password in use.
    pub current_password: String,
    /// The new password.
    pub password: String,
    /// The new password again.
    pub password_confirmation: String,
}

impl PasswordChangeForm {
    /// Checks the fields that can be checked without the stored hash; returns the new password.
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.current_password.is_empty() {
            errors.push(("current_password".into(), FieldError::Required));
        }
        let password = collect(&mut errors, "password", new_password(&self.password));
        if password.is_some() && self.password == self.current_password {
            errors.push(("password".into(), FieldError::PasswordUnchanged));
        }
        confirmed(&mut errors, &self.password, &self.password_confirmation);
        match password {
            Some(password) if errors.is_empty() => Ok(password),
            _ => Err(errors),
        }
    }
}

/// The form an admin fills to add a user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewUserForm {
    /// The person's name.
    pub name: String,
    /// Their email, used to log in.
    pub email: String,
    /// Role code (see [`Role::code`]).
    pub role: String,
}

/// A validated [`NewUserForm`].
#[derive(Clone, Debug, PartialEq)]
pub struct NewUser {
    /// The person's name.
    pub name: String,
    /// Their email.
    pub email: Email,
    /// Their role.
    pub role: Role,
}

impl NewUserForm {
    /// Checks every field.
    pub fn validate(&self) -> Result<NewUser, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = collect(&mut errors, "name", required_text(&self.name, 120));
        let email = collect(&mut errors, "email", Email::parse(&self.email));
        let role = collect(
            &mut errors,
            "role",
            self.role
                .parse::<Role>()
                .map_err(|()| FieldError::InvalidChoice),
        );
        match (name, email, role) {
            (Some(name), Some(email), Some(role)) => Ok(NewUser { name, email, role }),
            _ => Err(errors),
        }
    }
}

/// The logged-in user, as known from the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    /// The user.
    pub id: UserId,
    /// Their organisation: the only one whose data they can reach.
    pub organisation_id: OrganisationId,
    /// The organisation's name, shown in the shell.
    pub organisation_name: String,
    /// The user's name.
    pub name: String,
    /// The user's email.
    pub email: String,
    /// The user's role.
    pub role: Role,
    /// True while the password is a temporary one given by an admin.
    pub must_change_password: bool,
    /// Changes when the password changes, ending other sessions.
    pub session_epoch: i64,
}

/// One line of the user list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    /// The user.
    pub id: UserId,
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Role.
    pub role: Role,
}

/// Where the visitor stands: what the app shell should show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionState {
    /// No organisation exists yet: show the first-run setup.
    NeedsSetup,
    /// Not logged in.
    LoggedOut,
    /// Logged in.
    LoggedIn(CurrentUser),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse(" Marie@Gite.FR ").map(|e| e.0),
            Ok("marie@gite.fr".into())
        );
        assert_eq!(Email::parse("marie"), Err(FieldError::InvalidEmail));
        assert_eq!(Email::parse("marie@gite"), Err(FieldError::InvalidEmail));
        assert_eq!(
            Email::parse("ma rie@gite.fr"),
            Err(FieldError::InvalidEmail)
        );
        assert_eq!(Email::parse("a@b@c.fr"), Err(FieldError::InvalidEmail));
        assert_eq!(Email::parse(""), Err(FieldError::Required));
    }

    fn setup() -> SetupForm {
        SetupForm {
            organisation_name: "Gîtes du Lac".into(),
            admin_name: "Marie Martin".into(),
            email: "marie@gites-du-lac.fr".into(),
            password: "un mot de passe".into(),
            password_confirmation: "un mot de passe".into(),
        }
    }

    #[test]
    fn a_complete_setup_is_accepted() {
        assert!(setup().validate().is_ok());
    }

    #[test]
    fn setup_reports_every_bad_field() {
        let form = SetupForm {
            organisation_name: " ".into(),
            password: "court".into(),
            ..setup()
        };
        let errors = form.validate().err().unwrap_or_default();
        assert!(errors.contains(&("organisation_name".into(), FieldError::Required)));
        assert!(errors.contains(&("password".into(), FieldError::TooShort { min: 10 })));
        assert!(errors.contains(&("password_confirmation".into(), FieldError::PasswordsDiffer)));
    }

    #[test]
    fn a_new_password_must_differ_and_be_confirmed() {
        let form = PasswordChangeForm {
            current_password: "ancien mot de passe".into(),
            password: "ancien mot de passe".into(),
            password_confirmation: "autre chose".into(),
        };
        let errors = form.validate().err().unwrap_or_default();
        assert!(errors.contains(&("password".into(), FieldError::PasswordUnchanged)));
        assert!(errors.contains(&("password_confirmation".into(), FieldError::PasswordsDiffer)));
    }

    #[test]
    fn a_new_user_needs_a_known_role() {
        let form = NewUserForm {
            name: "Léa".into(),
            email: "lea@exemple.fr".into(),
            role: "root".into(),
        };
        assert_eq!(
            form.validate(),
            Err(vec![("role".into(), FieldError::InvalidChoice)])
        );
    }
}
