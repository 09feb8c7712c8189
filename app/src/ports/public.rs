//! The public site's port: its settings page reads, saves and renews it (the pages guests see are
//! served by the server's own routes).

use super::PortResult;
use crate::domain::ids::OrganisationId;
use crate::domain::public::{PublicSite, PublicSiteSettings};
use async_trait::async_trait;

/// The organisation's public site (SPEC C10).
#[async_trait]
pub trait PublicSiteStore: Send + Sync {
    /// The site, created with a new key and default settings on first use.
    async fn site(&self, organisation: OrganisationId) -> PortResult<PublicSite>;
    /// Saves the settings if they are still at `version`; answers the new version.
    async fn save(
        &self,
        organisation: OrganisationId,
        settings: &PublicSiteSettings,
        version: i64,
    ) -> PortResult<i64>;
    /// Gives the site a new key: the old addresses answer 404 from then on.
    async fn renew(&self, organisation: OrganisationId) -> PortResult<PublicSite>;
}
