//! Roles of the people of an organisation and what each may do. Every server function asks these
//! questions before touching data.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What a user is in their organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including users and settings.
    Admin,
    /// Runs the rentals: properties, bookings, documents; not users.
    Manager,
    /// Owner of managed homes: their portal only.
    Owner,
    /// Service provider (cleaning, linen…): their confidential planning only.
    Provider,
}

impl Role {
    /// Every role, in the order offered in forms.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Manager, Role::Owner, Role::Provider];

    /// The stable code stored in the database and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Owner => "owner",
            Role::Provider => "provider",
        }
    }

    /// May read the organisation's properties and bookings.
    pub fn can_view_properties(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// May create, edit and delete properties.
    pub fn can_manage_properties(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// May create, edit, move and delete bookings and their guests.
    pub fn can_manage_bookings(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// May add, edit and delete service providers, choose the properties they serve, write notes for
    /// them and hand out their secret links.
    pub fn can_manage_providers(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// Sees only their own confidential planning (SPEC C11): the screen they land on.
    pub fn is_provider(self) -> bool {
        self == Role::Provider
    }

    /// May change how the organisation sends email (SMTP server and password).
    pub fn can_configure_mail(self) -> bool {
        self == Role::Admin
    }

    /// May add users and change the organisation's settings.
    pub fn can_manage_users(self) -> bool {
        self == Role::Admin
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == code)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.code().parse(), Ok(role));
        }
        assert_eq!("root".parse::<Role>(), Err(()));
    }

    #[test]
    fn only_admins_and_managers_touch_properties() {
        assert!(Role::Admin.can_manage_properties());
        assert!(Role::Manager.can_manage_properties());
        assert!(!Role::Owner.can_manage_properties());
        assert!(!Role::Provider.can_manage_properties());
        assert!(!Role::Provider.can_view_properties());
    }

    #[test]
    fn providers_are_managed_by_admins_and_managers_only() {
        assert!(Role::Admin.can_manage_providers());
        assert!(Role::Manager.can_manage_providers());
        assert!(!Role::Owner.can_manage_providers());
        assert!(!Role::Provider.can_manage_providers());
        assert!(Role::Provider.is_provider());
        assert!(!Role::Manager.is_provider());
    }

    #[test]
    fn only_admins_manage_users() {
        assert!(Role::Admin.can_manage_users());
        assert!(!Role::Manager.can_manage_users());
    }
}
