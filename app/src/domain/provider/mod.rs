//! Service providers (SPEC C11): who they are (cleaning, linen, maintenance…), which properties they
//! serve, the account they may log in with, and their confidential planning ([`tasks`]). Pure: the
//! forms are checked here on both sides; ids, secrets and dates come in from the caller.

pub mod form;
pub mod tasks;

pub use form::{ProviderForm, ProviderInput, MAX_PROVIDER_NOTES};
pub use tasks::{plan, ProviderPlanning, ServedStay, Task, TaskKind, Turnover};

use crate::domain::ids::{PropertyId, ProviderId, UserId};
use serde::{Deserialize, Serialize};

/// What a provider does for the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// Ménage.
    Cleaning,
    /// Linge.
    Linen,
    /// Maintenance, repairs, garden, pool.
    Maintenance,
    /// Anything else.
    Other,
}

impl ProviderKind {
    /// Every kind, in the order offered in the form.
    pub const ALL: [ProviderKind; 4] = [
        ProviderKind::Cleaning,
        ProviderKind::Linen,
        ProviderKind::Maintenance,
        ProviderKind::Other,
    ];

    /// The stable code stored in the database and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            ProviderKind::Cleaning => "cleaning",
            ProviderKind::Linen => "linen",
            ProviderKind::Maintenance => "maintenance",
            ProviderKind::Other => "other",
        }
    }

    /// The kind of a stored or typed code.
    pub fn from_code(code: &str) -> Option<ProviderKind> {
        ProviderKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code.trim())
    }
}

/// A provider as the manager's screen shows and edits it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provider {
    /// Id.
    pub id: ProviderId,
    /// Optimistic version: a save made from an older one is refused.
    pub version: i64,
    /// Name (a person or a company).
    pub name: String,
    /// What they do.
    pub kind: ProviderKind,
    /// Email, may be empty.
    pub email: String,
    /// Phone(s), may be empty.
    pub phone: String,
    /// The user account (role provider) they log in with, if any.
    pub user: Option<UserId>,
    /// The properties they serve.
    pub properties: Vec<PropertyId>,
    /// The secret of their planning link and .ics feed (43 URL-safe characters).
    pub token: String,
}

impl Provider {
    /// The form showing this provider as stored.
    pub fn to_form(&self) -> ProviderForm {
        ProviderForm {
            name: self.name.clone(),
            kind: self.kind.code().into(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            user: self.user.map(|u| u.to_string()).unwrap_or_default(),
            properties: self.properties.iter().map(ToString::to_string).collect(),
        }
    }
}

/// A choice offered by the provider form: an id and what the person reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// The id, as text.
    pub id: String,
    /// The label.
    pub label: String,
}

/// Everything the "Prestataires" screen shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvidersOverview {
    /// The providers, by name.
    pub providers: Vec<Provider>,
    /// The organisation's properties, by name.
    pub properties: Vec<Choice>,
    /// The organisation's user accounts with the role provider ("name (email)").
    pub accounts: Vec<Choice>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in ProviderKind::ALL {
            assert_eq!(ProviderKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ProviderKind::from_code("plumber"), None);
    }
}
