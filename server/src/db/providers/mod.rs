//! [`ProviderStore`] on the database (SPEC C11): the providers of an organisation with the
//! properties they serve, their account and secret ([`read`], [`write`]), and their confidential
//! planning ([`planning`]). Every statement filters by the caller's organisation, except the lookup
//! of a secret, which finds the organisation it belongs to.

mod planning;
mod read;
mod write;

use super::Db;
use app::domain::ids::{OrganisationId, ProviderId, UserId};
use app::domain::provider::{Provider, ProviderInput, ProviderPlanning, ProvidersOverview};
use app::ports::{PortResult, ProviderStore};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

/// Providers stored in [`Db`].
pub struct SqlProviders {
    db: Db,
}

impl SqlProviders {
    /// Providers in `db`.
    pub fn new(db: Db) -> Self {
        SqlProviders { db }
    }
}

#[async_trait]
impl ProviderStore for SqlProviders {
    async fn overview(&self, organisation: OrganisationId) -> PortResult<ProvidersOverview> {
        read::overview(&self.db, organisation).await
    }

    async fn create(
        &self,
        organisation: OrganisationId,
        input: &ProviderInput,
        now: DateTime<Utc>,
    ) -> PortResult<Provider> {
        let id = write::save(&self.db, organisation, None, input, now).await?;
        read::one(&self.db, organisation, id).await
    }

    async fn update(
        &self,
        organisation: OrganisationId,
        id: ProviderId,
        version: i64,
        input: &ProviderInput,
    ) -> PortResult<Provider> {
        write::save(
            &self.db,
            organisation,
            Some((id, version)),
            input,
            Utc::now(),
        )
        .await?;
        read::one(&self.db, organisation, id).await
    }

    async fn delete(
        &self,
        organisation: OrganisationId,
        id: ProviderId,
        version: i64,
    ) -> PortResult<()> {
        write::delete(&self.db, organisation, id, version).await
    }

    async fn renew_link(
        &self,
        organisation: OrganisationId,
        id: ProviderId,
    ) -> PortResult<Provider> {
        write::renew(&self.db, organisation, id).await?;
        read::one(&self.db, organisation, id).await
    }

    async fn planning_of_user(
        &self,
        organisation: OrganisationId,
        user: UserId,
        from: NaiveDate,
        days: i64,
    ) -> PortResult<(ProviderPlanning, String)> {
        planning::of_user(&self.db, organisation, user, from, days).await
    }

    async fn planning_by_token(
        &self,
        token: &str,
        from: NaiveDate,
        days: i64,
    ) -> PortResult<Option<ProviderPlanning>> {
        planning::by_token(&self.db, token, from, days).await
    }
}
