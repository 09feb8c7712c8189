//! The ports: what the server must provide for the application to work (server side only).
//!
//! Server functions and SSR rendering reach the database, password hashing and rate limits only
//! through these traits. The `server` crate implements them and injects one [`Services`] bundle as
//! Leptos context. Every method that reads or writes data takes the caller's organisation, which the
//! api layer takes from the session — never from the request.

use crate::domain::account::{CurrentUser, Email, NewOrganisation, NewUser, UserSummary};
use crate::domain::booking::{CustomerInput, StatusInput, StatusRefusal, StatusSetting};
use crate::domain::customers::{CustomerDetails, CustomerPage, ExportFilter, ExportRow};
use crate::domain::field::FieldErrors;
use crate::domain::ids::{CustomerId, OrganisationId, PropertyId, StatusId, UserId};
use crate::domain::property::{Property, PropertyFormChoices, PropertyInput, PropertySummary};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::sync::Arc;

mod bookings;
mod contracts;
mod documents;
mod invoices;
mod mail;
mod pricing;
mod providers;
mod public;
mod sync;
pub use bookings::BookingStore;
pub use contracts::{ContractStore, ImageKind};
pub use documents::DocumentRenderer;
pub use invoices::{InvoiceStore, IssueRefusal, NewInvoice};
pub use mail::Mailer;
pub use pricing::PricingStore;
pub use providers::ProviderStore;
pub use public::PublicSiteStore;
pub use sync::CalendarSync;

/// Why a port call failed.
#[derive(Debug, thiserror::Error)]
pub enum PortError {
    /// Nothing with this id in the caller's organisation.
    #[error("not found")]
    NotFound,
    /// The stored version differs from the one the change was made from.
    #[error("conflict")]
    Conflict,
    /// Refused fields, detected with the stored data (e.g. email taken, unknown owner).
    #[error("invalid fields: {0:?}")]
    Invalid(FieldErrors),
    /// Saison already has an organisation: the first-run setup is closed.
    #[error("already set up")]
    AlreadySetUp,
    /// The storage failed.
    #[error("internal: {0}")]
    Internal(String),
}

/// The result of a port call.
pub type PortResult<T> = Result<T, PortError>;

/// Organisations, users, passwords.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Whether at least one organisation exists.
    async fn is_set_up(&self) -> PortResult<bool>;
    /// Creates the first organisation and its admin; [`PortError::AlreadySetUp`] if one exists.
    async fn set_up(
        &self,
        organisation: NewOrganisation,
        now: DateTime<Utc>,
    ) -> PortResult<CurrentUser>;
    /// Creates one more organisation with its admin (installation-level operation: demo, CLI, tests).
    async fn create_organisation(
        &self,
        organisation: NewOrganisation,
        now: DateTime<Utc>,
    ) -> PortResult<CurrentUser>;
    /// The user with these credentials, if they match.
    async fn authenticate(&self, email: &Email, password: &str) -> PortResult<Option<CurrentUser>>;
    /// The user of a session, if it still exists and its session epoch still matches.
    async fn session_user(
        &self,
        user: UserId,
        session_epoch: i64,
    ) -> PortResult<Option<CurrentUser>>;
    /// Changes the user's password after checking the current one; returns the new session epoch
    /// (which ends every other session of the user).
    async fn change_password(
        &self,
        user: &CurrentUser,
        current: &str,
        new: &str,
    ) -> PortResult<i64>;
    /// The organisation's users.
    async fn list_users(&self, organisation: OrganisationId) -> PortResult<Vec<UserSummary>>;
    /// Adds a user with a generated temporary password, returned once.
    async fn add_user(
        &self,
        organisation: OrganisationId,
        user: NewUser,
        now: DateTime<Utc>,
    ) -> PortResult<(UserSummary, String)>;
}

/// Properties (logements).
#[async_trait]
pub trait PropertyStore: Send + Sync {
    /// The organisation's properties, by name.
    async fn list(&self, organisation: OrganisationId) -> PortResult<Vec<PropertySummary>>;
    /// One property.
    async fn get(&self, organisation: OrganisationId, id: PropertyId) -> PortResult<Property>;
    /// The owners and rate plans a property can refer to.
    async fn choices(&self, organisation: OrganisationId) -> PortResult<PropertyFormChoices>;
    /// Stores a new property.
    async fn create(
        &self,
        organisation: OrganisationId,
        input: &PropertyInput,
        now: DateTime<Utc>,
    ) -> PortResult<Property>;
    /// Replaces a property's fields if its version is still `version`.
    async fn update(
        &self,
        organisation: OrganisationId,
        id: PropertyId,
        version: i64,
        input: &PropertyInput,
        now: DateTime<Utc>,
    ) -> PortResult<Property>;
    /// How many bookings would go with the property.
    async fn booking_count(&self, organisation: OrganisationId, id: PropertyId) -> PortResult<i64>;
    /// Deletes the property and its bookings if it still has `expected_bookings` bookings
    /// ([`PortError::Conflict`] otherwise, so the person confirms what is really deleted).
    async fn delete(
        &self,
        organisation: OrganisationId,
        id: PropertyId,
        expected_bookings: i64,
    ) -> PortResult<()>;
}

/// The organisation's booking statuses, as the settings edit them (at most
/// [`MAX_STATUSES`](crate::domain::booking::stored::MAX_STATUSES)). A refused change answers
/// `Ok(Err(StatusRefusal))`: the limit, or a status still in use and by how many bookings.
#[async_trait]
pub trait StatusStore: Send + Sync {
    /// The statuses in order, with their versions and how many bookings use each.
    async fn list(&self, organisation: OrganisationId) -> PortResult<Vec<StatusSetting>>;
    /// Adds a status at the end, unless the organisation already has the most allowed.
    async fn create(
        &self,
        organisation: OrganisationId,
        input: &StatusInput,
    ) -> PortResult<Result<StatusSetting, StatusRefusal>>;
    /// Renames and recolours a status still at `version`.
    async fn update(
        &self,
        organisation: OrganisationId,
        id: StatusId,
        version: i64,
        input: &StatusInput,
    ) -> PortResult<StatusSetting>;
    /// Swaps a status with the one before it (`up`) or after it.
    async fn move_status(
        &self,
        organisation: OrganisationId,
        id: StatusId,
        up: bool,
    ) -> PortResult<Result<(), StatusRefusal>>;
    /// Deletes a status still at `version` that no booking uses.
    async fn delete(
        &self,
        organisation: OrganisationId,
        id: StatusId,
        version: i64,
    ) -> PortResult<Result<(), StatusRefusal>>;
}

/// The customers screen: the list with its search, one customer with their bookings, their edits,
/// and the customer-list export.
#[async_trait]
pub trait CustomerStore: Send + Sync {
    /// Page `page` (from 0) of the customers whose name, email or phone contains `search`, by name.
    async fn list(
        &self,
        organisation: OrganisationId,
        search: &str,
        page: i64,
    ) -> PortResult<CustomerPage>;
    /// One customer with their bookings.
    async fn get(
        &self,
        organisation: OrganisationId,
        id: CustomerId,
    ) -> PortResult<CustomerDetails>;
    /// Replaces a customer's details if they are still at `version`; returns the new version.
    async fn update(
        &self,
        organisation: OrganisationId,
        id: CustomerId,
        version: i64,
        input: &CustomerInput,
    ) -> PortResult<i64>;
    /// The guests the export lists, by name ([`PortError::Invalid`] naming `property` or `status`
    /// when the filter names one the organisation does not have).
    async fn export(
        &self,
        organisation: OrganisationId,
        filter: &ExportFilter,
    ) -> PortResult<Vec<ExportRow>>;
}

/// A rate limit: `allow` answers whether one more attempt under `key` is permitted now.
pub trait Throttle: Send + Sync {
    /// Records an attempt under `key`; false when the key has used its quota.
    fn allow(&self, key: &str) -> bool;
}

/// Everything the server provides, injected as Leptos context for server functions and rendering.
#[derive(Clone)]
pub struct Services {
    /// Accounts.
    pub accounts: Arc<dyn AccountStore>,
    /// Properties.
    pub properties: Arc<dyn PropertyStore>,
    /// Rates.
    pub pricing: Arc<dyn PricingStore>,
    /// Bookings and the planning.
    pub bookings: Arc<dyn BookingStore>,
    /// The booking statuses' settings.
    pub statuses: Arc<dyn StatusStore>,
    /// The customers screen and export.
    pub customers: Arc<dyn CustomerStore>,
    /// Login attempts per client address and per email.
    pub login_throttle: Arc<dyn Throttle>,
    /// Email: settings, templates, the outbox and its sending.
    pub mail: Arc<dyn Mailer>,
    /// Invoices, credit notes, payments, billing settings.
    pub invoices: Arc<dyn InvoiceStore>,
    /// Contracts, their settings and images.
    pub contracts: Arc<dyn ContractStore>,
    /// PDF documents (invoices, contracts).
    pub documents: Arc<dyn DocumentRenderer>,
    /// Calendar sync with the platforms: imported feeds, export links.
    pub sync: Arc<dyn CalendarSync>,
    /// The public site's settings (the pages guests see are the server's own routes).
    pub public_site: Arc<dyn PublicSiteStore>,
    /// Service providers and their confidential plannings (SPEC C11).
    pub providers: Arc<dyn ProviderStore>,
}
