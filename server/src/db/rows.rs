//! Row types read from the database and their conversion into the app's types. Ids are stored as
//! text; a stored id that does not parse is a storage fault, never a user error.

// Row fields mirror their columns one to one; the columns are documented in the migrations.
#![allow(missing_docs)]

use super::money::StoredMoney;
use app::domain::account::{CurrentUser, UserSummary};
use app::domain::property::{Classification, Pricing, Property, PropertyInput, PropertySummary};
use app::domain::role::Role;
use app::ports::{PortError, PortResult};
use std::str::FromStr;

/// Parses a stored id or reports a storage fault.
pub fn parse_id<T: FromStr>(text: &str) -> PortResult<T> {
    text.parse()
        .map_err(|_| PortError::Internal(format!("stored id {text:?} is not a UUID")))
}

fn parse_role(code: &str) -> PortResult<Role> {
    code.parse()
        .map_err(|()| PortError::Internal(format!("stored role {code:?} is unknown")))
}

/// A user joined with their organisation.
#[derive(sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub password_hash: String,
    pub must_change_password: bool,
    pub session_epoch: i64,
}

impl UserRow {
    /// The logged-in user this row describes.
    pub fn into_current_user(self) -> PortResult<CurrentUser> {
        Ok(CurrentUser {
            id: parse_id(&self.id)?,
            organisation_id: parse_id(&self.organisation_id)?,
            organisation_name: self.organisation_name,
            name: self.name,
            email: self.email,
            role: parse_role(&self.role)?,
            must_change_password: self.must_change_password,
            session_epoch: self.session_epoch,
        })
    }
}

/// A line of the user list.
#[derive(sqlx::FromRow)]
pub struct UserSummaryRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
}

impl UserSummaryRow {
    /// Converts to the app's type.
    pub fn into_summary(self) -> PortResult<UserSummary> {
        Ok(UserSummary {
            id: parse_id(&self.id)?,
            name: self.name,
            email: self.email,
            role: parse_role(&self.role)?,
        })
    }
}

/// A property row.
#[derive(sqlx::FromRow)]
pub struct PropertyRow {
    pub id: String,
    pub version: i64,
    pub name: String,
    pub address: String,
    pub capacity: i64,
    pub owner_id: Option<String>,
    pub rate_plan_id: Option<String>,
    pub fixed_price: Option<StoredMoney>,
    pub tourist_tax_id: Option<String>,
    pub security_deposit: StoredMoney,
    pub description: String,
    pub registration_number: Option<String>,
    pub classification: String,
    pub principal_residence: bool,
    pub public_listing: bool,
}

impl PropertyRow {
    /// Converts to the app's type.
    pub fn into_property(self) -> PortResult<Property> {
        let pricing = match (self.rate_plan_id, self.fixed_price) {
            (Some(plan), _) => Pricing::RatePlan(parse_id(&plan)?),
            (None, Some(price)) => Pricing::Fixed(price.0),
            (None, None) => return Err(PortError::Internal("property without pricing".into())),
        };
        Ok(Property {
            id: parse_id(&self.id)?,
            version: self.version,
            fields: PropertyInput {
                name: self.name,
                address: self.address,
                capacity: u16::try_from(self.capacity).map_err(super::internal)?,
                owner_id: self.owner_id.as_deref().map(parse_id).transpose()?,
                pricing,
                tourist_tax: self.tourist_tax_id.as_deref().map(parse_id).transpose()?,
                security_deposit: self.security_deposit.0,
                description: self.description,
                registration_number: self.registration_number,
                classification: Classification::parse(&self.classification).map_err(|_| {
                    PortError::Internal(format!("stored classification {:?}", self.classification))
                })?,
                principal_residence: self.principal_residence,
                public_listing: self.public_listing,
            },
        })
    }
}

/// A line of the property list.
#[derive(sqlx::FromRow)]
pub struct PropertySummaryRow {
    pub id: String,
    pub name: String,
    pub address: String,
    pub capacity: i64,
    pub owner_name: Option<String>,
    pub rate_plan_name: Option<String>,
    pub fixed_price: Option<StoredMoney>,
    pub public_listing: bool,
    pub booking_count: i64,
}

impl PropertySummaryRow {
    /// Converts to the app's type.
    pub fn into_summary(self) -> PortResult<PropertySummary> {
        Ok(PropertySummary {
            id: parse_id(&self.id)?,
            name: self.name,
            address: self.address,
            capacity: u16::try_from(self.capacity).map_err(super::internal)?,
            owner_name: self.owner_name,
            rate_plan_name: self.rate_plan_name,
            fixed_price: self.fixed_price.map(|p| p.0),
            public_listing: self.public_listing,
            booking_count: self.booking_count,
        })
    }
}
