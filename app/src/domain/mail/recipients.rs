//! Recipient lists as people type them: several addresses separated by commas (or semicolons, as
//! some mail programs write them), each one checked.

use crate::domain::account::Email;
use crate::domain::field::FieldError;
use serde::{Deserialize, Serialize};

/// Most recipients one message may have.
pub const MAX_RECIPIENTS: usize = 20;

/// One or more valid, distinct addresses, in the order typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipients(Vec<Email>);

impl Recipients {
    /// Parses `"a@x.fr, b@y.fr"`. Empty items between separators are ignored; a repeated address is
    /// kept once; one invalid address refuses the whole list (the form says which).
    pub fn parse(raw: &str) -> Result<Recipients, FieldError> {
        let mut addresses: Vec<Email> = Vec::new();
        for item in raw
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let email = Email::parse(item).map_err(|_| FieldError::InvalidRecipient {
                address: item.to_string(),
            })?;
            if !addresses.contains(&email) {
                addresses.push(email);
            }
        }
        if addresses.is_empty() {
            return Err(FieldError::Required);
        }
        if addresses.len() > MAX_RECIPIENTS {
            return Err(FieldError::TooManyRecipients {
                max: MAX_RECIPIENTS,
            });
        }
        Ok(Recipients(addresses))
    }

    /// The addresses.
    pub fn addresses(&self) -> &[Email] {
        &self.0
    }

    /// The list written back as people read it: `a@x.fr, b@y.fr`.
    pub fn joined(&self) -> String {
        self.0
            .iter()
            .map(Email::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_addresses_separated_by_commas() {
        // Seed 004: "éventuellement plusieurs adresses séparées d'une virgule".
        let list = Recipients::parse("Anne@Exemple.fr, paul@exemple.fr ;; anne@exemple.fr,")
            .map(|r| r.joined());
        assert_eq!(list, Ok("anne@exemple.fr, paul@exemple.fr".into()));
    }

    #[test]
    fn one_bad_address_is_named() {
        assert_eq!(
            Recipients::parse("anne@exemple.fr, paul.exemple.fr"),
            Err(FieldError::InvalidRecipient {
                address: "paul.exemple.fr".into()
            })
        );
    }

    #[test]
    fn an_empty_list_is_required() {
        assert_eq!(Recipients::parse(" , "), Err(FieldError::Required));
    }

    #[test]
    fn the_list_is_bounded() {
        let many = (0..=MAX_RECIPIENTS)
            .map(|i| format!("a{i}@exemple.fr"))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            Recipients::parse(&many),
            Err(FieldError::TooManyRecipients {
                max: MAX_RECIPIENTS
            })
        );
    }
}
