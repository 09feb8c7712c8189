//! The providers port (SPEC C11): the manager's side (providers, the properties they serve, their
//! account and secret link) and the provider's side (their confidential planning, found by their
//! account or by their secret).

use super::PortResult;
use crate::domain::ids::{OrganisationId, ProviderId, UserId};
use crate::domain::provider::{Provider, ProviderInput, ProviderPlanning, ProvidersOverview};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

/// Providers of an organisation and their plannings.
#[async_trait]
pub trait ProviderStore: Send + Sync {
    /// The providers with what the form offers (properties, provider accounts).
    async fn overview(&self, organisation: OrganisationId) -> PortResult<ProvidersOverview>;
    /// Adds a provider with a new secret link. A property or an account that is not the
    /// organisation's (or an account whose role is not provider, or already linked) is refused
    /// ([`PortError::Invalid`](super::PortError::Invalid)).
    async fn create(
        &self,
        organisation: OrganisationId,
        input: &ProviderInput,
        now: DateTime<Utc>,
    ) -> PortResult<Provider>;
    /// Replaces a provider's fields and served properties if its version is still `version`.
    async fn update(
        &self,
        organisation: OrganisationId,
        id: ProviderId,
        version: i64,
        input: &ProviderInput,
    ) -> PortResult<Provider>;
    /// Deletes a provider (its link stops working) if its version is still `version`.
    async fn delete(
        &self,
        organisation: OrganisationId,
        id: ProviderId,
        version: i64,
    ) -> PortResult<()>;
    /// Gives the provider a new secret; the old one then finds nothing.
    async fn renew_link(
        &self,
        organisation: OrganisationId,
        id: ProviderId,
    ) -> PortResult<Provider>;
    /// The planning of the provider linked to `user`, from `from` for `days` days
    /// ([`PortError::NotFound`](super::PortError::NotFound) when no provider is linked); with the
    /// provider's secret, for the .ics link.
    async fn planning_of_user(
        &self,
        organisation: OrganisationId,
        user: UserId,
        from: NaiveDate,
        days: i64,
    ) -> PortResult<(ProviderPlanning, String)>;
    /// The planning behind a secret, from `from` for `days` days; `None` when no provider has it.
    async fn planning_by_token(
        &self,
        token: &str,
        from: NaiveDate,
        days: i64,
    ) -> PortResult<Option<ProviderPlanning>>;
}
