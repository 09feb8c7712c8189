//! Guests kept as customers (SPEC C4): name, postal address, emails and phones. Several emails or
//! phones are written on one line separated by commas, as in the seed ("éventuellement plusieurs
//! adresses séparées d'une virgule").

use crate::domain::account::Email;
use crate::domain::field::{collect, optional_text, required_text, FieldError, FieldErrors};
use crate::domain::ids::CustomerId;
use serde::{Deserialize, Serialize};

/// The guest part of the booking form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerForm {
    /// The existing customer picked, or empty for a new one.
    pub id: String,
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Emails, comma separated.
    pub emails: String,
    /// Phones, comma separated.
    pub phones: String,
}

/// A validated guest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerInput {
    /// The existing customer, updated with these details; `None` creates one.
    pub id: Option<CustomerId>,
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Emails, normalised and comma separated.
    pub emails: String,
    /// Phones, comma separated.
    pub phones: String,
}

/// A customer as listed and offered by the booking form's search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// Id.
    pub id: CustomerId,
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Emails, comma separated.
    pub emails: String,
    /// Phones, comma separated.
    pub phones: String,
    /// How many bookings they have.
    pub bookings: i64,
}

impl CustomerSummary {
    /// The form filled with this customer, as picked in the booking form.
    pub fn to_form(&self) -> CustomerForm {
        CustomerForm {
            id: self.id.to_string(),
            name: self.name.clone(),
            address: self.address.clone(),
            emails: self.emails.clone(),
            phones: self.phones.clone(),
        }
    }
}

fn emails(raw: &str) -> Result<String, FieldError> {
    let parsed: Result<Vec<Email>, FieldError> = raw
        .split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(Email::parse)
        .collect();
    let joined = parsed?
        .iter()
        .map(|email| email.as_str().to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    optional_text(&joined, 500)
}

pub(crate) fn phones(raw: &str) -> Result<String, FieldError> {
    let parts: Vec<&str> = raw
        .split([',', ';'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let valid = parts.iter().all(|phone| {
        phone.chars().filter(char::is_ascii_digit).count() >= 6
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +().-/".contains(c))
    });
    if valid {
        optional_text(&parts.join(", "), 200)
    } else {
        Err(FieldError::InvalidPhone)
    }
}

impl CustomerForm {
    /// Whether nothing identifies a guest (a booking may have none, e.g. "Indisponible").
    pub fn is_blank(&self) -> bool {
        self.id.trim().is_empty()
            && [&self.name, &self.address, &self.emails, &self.phones]
                .iter()
                .all(|field| field.trim().is_empty())
    }

    /// Checks the guest; errors are named `customer_name`, `customer_emails`, …
    pub fn validate(&self) -> Result<Option<CustomerInput>, FieldErrors> {
        if self.is_blank() {
            return Ok(None);
        }
        let mut errors = FieldErrors::new();
        let id = collect(
            &mut errors,
            "customer_name",
            crate::domain::field::optional_id(&self.id),
        );
        let name = collect(&mut errors, "customer_name", required_text(&self.name, 200));
        let address = collect(
            &mut errors,
            "customer_address",
            optional_text(&self.address, 500),
        );
        let emails = collect(&mut errors, "customer_emails", emails(&self.emails));
        let phones = collect(&mut errors, "customer_phones", phones(&self.phones));
        match (id, name, address, emails, phones) {
            (Some(id), Some(name), Some(address), Some(emails), Some(phones))
                if errors.is_empty() =>
            {
                Ok(Some(CustomerInput {
                    id,
                    name,
                    address,
                    emails,
                    phones,
                }))
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_guest_is_no_guest() {
        assert_eq!(CustomerForm::default().validate(), Ok(None));
    }

    #[test]
    fn several_emails_are_separated_by_commas_as_in_the_seed() {
        let form = CustomerForm {
            name: "Marie Dupont".into(),
            emails: "Marie@Exemple.fr ; paul@exemple.fr".into(),
            phones: "06 12 34 56 78,+33 4 50 00 00 00".into(),
            ..CustomerForm::default()
        };
        let guest = form.validate().ok().flatten();
        assert_eq!(
            guest.as_ref().map(|g| g.emails.as_str()),
            Some("marie@exemple.fr, paul@exemple.fr")
        );
        assert_eq!(
            guest.map(|g| g.phones),
            Some("06 12 34 56 78, +33 4 50 00 00 00".to_owned())
        );
    }

    #[test]
    fn a_guest_needs_a_name_and_valid_contacts() {
        let form = CustomerForm {
            emails: "pas-une-adresse".into(),
            phones: "appelez-moi".into(),
            ..CustomerForm::default()
        };
        let errors = form.validate().err().unwrap_or_default();
        let names: Vec<&str> = errors.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["customer_name", "customer_emails", "customer_phones"]
        );
    }
}
