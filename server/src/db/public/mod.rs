//! Storage of the public side (SPEC C10): the organisation's public site (its secret key and
//! settings) and what the public pages read — the listed homes and the nights taken. Nothing read
//! here carries a guest's identity: the public pages must never show another booking's details.

pub mod homes;
pub mod sites;

use crate::db::Db;
use app::domain::ids::OrganisationId;
use app::domain::public::{PublicSite, PublicSiteSettings};
use app::ports::{PortResult, PublicSiteStore};
use async_trait::async_trait;

/// The public site's settings in the database.
pub struct SqlPublicSites {
    db: Db,
}

impl SqlPublicSites {
    /// The store over `db`.
    pub fn new(db: Db) -> SqlPublicSites {
        SqlPublicSites { db }
    }
}

fn stored(site: sites::Site) -> PublicSite {
    PublicSite {
        token: site.token,
        settings: site.settings,
        version: site.version,
    }
}

#[async_trait]
impl PublicSiteStore for SqlPublicSites {
    async fn site(&self, organisation: OrganisationId) -> PortResult<PublicSite> {
        sites::of(&self.db, organisation).await.map(stored)
    }

    async fn save(
        &self,
        organisation: OrganisationId,
        settings: &PublicSiteSettings,
        version: i64,
    ) -> PortResult<i64> {
        sites::save(&self.db, organisation, settings, version).await
    }

    async fn renew(&self, organisation: OrganisationId) -> PortResult<PublicSite> {
        sites::renew(&self.db, organisation).await.map(stored)
    }
}
