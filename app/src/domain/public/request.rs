//! The booking request a guest sends from the public search: the stay, who they are and how to reach
//! them, a message, and the acceptance of the conditions. A hidden field that people never see
//! (`site_web`) catches robots: a request that fills it is dropped without a word.

use super::search::{Search, SearchForm};
use crate::domain::account::Email;
use crate::domain::field::{collect, optional_text, required_text, FieldError, FieldErrors};
use crate::domain::ids::PropertyId;
use chrono::NaiveDate;
use std::str::FromStr;

/// The name of the honeypot field: hidden from people, filled by robots.
pub const HONEYPOT: &str = "site_web";

/// The request as posted (form fields named as below).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestForm {
    /// `logement`: the property's id.
    pub property: String,
    /// The stay and guests (`arrivee`, `depart`, `adultes`, `enfants`).
    pub search: SearchForm,
    /// `nom`.
    pub name: String,
    /// `email`.
    pub email: String,
    /// `telephone`.
    pub phone: String,
    /// `message`.
    pub message: String,
    /// `conditions`: ticked when present.
    pub accepted: bool,
    /// The honeypot's value.
    pub honeypot: String,
}

/// A valid request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookingRequest {
    /// The property asked for.
    pub property: PropertyId,
    /// The stay and guests.
    pub search: Search,
    /// The guest's name.
    pub name: String,
    /// Their email.
    pub email: Email,
    /// Their phone.
    pub phone: String,
    /// Their message to the owner.
    pub message: String,
}

fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// A phone number: at least six digits, and only digits, spaces and `+ ( ) . - /`.
fn phone(raw: &str) -> Result<String, FieldError> {
    let text = required_text(raw, 40)?;
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits >= 6
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +().-/".contains(c))
    {
        Ok(text)
    } else {
        Err(FieldError::InvalidPhone)
    }
}

impl RequestForm {
    /// Reads the form from decoded pairs.
    pub fn from_pairs(pairs: &[(String, String)]) -> RequestForm {
        RequestForm {
            property: field(pairs, "logement"),
            search: SearchForm::from_pairs(pairs),
            name: field(pairs, "nom"),
            email: field(pairs, "email"),
            phone: field(pairs, "telephone"),
            message: field(pairs, "message"),
            accepted: pairs.iter().any(|(key, _)| key == "conditions"),
            honeypot: field(pairs, HONEYPOT),
        }
    }

    /// Whether a robot filled the hidden field.
    pub fn is_robot(&self) -> bool {
        !self.honeypot.trim().is_empty()
    }

    /// Checks every field seen on `today`; errors are named after the form's fields.
    pub fn validate(&self, today: NaiveDate) -> Result<BookingRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let property = collect(
            &mut errors,
            "logement",
            PropertyId::from_str(self.property.trim()).map_err(|_| FieldError::UnknownChoice),
        );
        let search = match self.search.validate(today) {
            Ok(search) => Some(search),
            Err(refused) => {
                errors.extend(refused);
                None
            }
        };
        let name = collect(&mut errors, "nom", required_text(&self.name, 200));
        let email = collect(&mut errors, "email", Email::parse(&self.email));
        let phone = collect(&mut errors, "telephone", phone(&self.phone));
        let message = collect(&mut errors, "message", optional_text(&self.message, 2000));
        if !self.accepted {
            errors.push(("conditions".into(), FieldError::Required));
        }
        match (property, search, name, email, phone, message) {
            (Some(property), Some(search), Some(name), Some(email), Some(phone), Some(message))
                if errors.is_empty() =>
            {
                Ok(BookingRequest {
                    property,
                    search,
                    name,
                    email,
                    phone,
                    message,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 6, 1).unwrap_or_default()
    }

    const PROPERTY: &str = "0192f6a0-0000-7000-8000-000000000001";

    #[test]
    fn a_complete_request_is_accepted() {
        let form = RequestForm::from_pairs(&pairs(&[
            ("logement", PROPERTY),
            ("arrivee", "2027-07-10"),
            ("depart", "2027-07-17"),
            ("adultes", "2"),
            ("nom", "  Marie Dupont "),
            ("email", "Marie@Example.fr"),
            ("telephone", "06 12 34 56 78"),
            ("message", "Arrivée vers 18 h."),
            ("conditions", "on"),
        ]));
        assert!(!form.is_robot());
        let request = form.validate(today()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(request.name, "Marie Dupont");
        assert_eq!(request.email.as_str(), "marie@example.fr");
        assert_eq!(request.search.stay.nights(), 7);
    }

    #[test]
    fn every_refused_field_is_named_and_robots_are_recognised() {
        let form = RequestForm::from_pairs(&pairs(&[
            ("logement", "../etc"),
            ("arrivee", "2027-07-10"),
            ("depart", "2027-07-17"),
            ("adultes", "2"),
            ("email", "pas une adresse"),
            ("telephone", "12"),
            (HONEYPOT, "http://spam.example"),
        ]));
        assert!(form.is_robot());
        let errors = form.validate(today()).err().unwrap_or_default();
        let names: Vec<&str> = errors.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["logement", "nom", "email", "telephone", "conditions"]
        );
    }
}
