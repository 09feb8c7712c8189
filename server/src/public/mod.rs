//! The public side's service (SPEC C10): what the pages guests see need — the site behind a key,
//! its listed homes priced by the shared engine, a home's calendar, the search, and the booking
//! request, which re-reads the home's platform feeds, checks and writes the booking in one
//! transaction (two guests never get the same nights), and emails the guest and the managers.
//!
//! It never returns another booking's details: availability is dates only.

pub mod cache;
pub mod catalogue;
pub mod request;

use crate::db::public::homes::Home;
use crate::db::public::sites::{self, Site};
use crate::db::Db;
use crate::sync::engine::Poller;
use app::ports::{PortResult, Services};
use cache::PublicCache;
use std::sync::Arc;

pub use catalogue::Catalogue;
pub use request::{Booked, RequestRefusal};

/// The public side's entry point, shared by its routes.
#[derive(Clone)]
pub struct PublicDesk {
    pub(crate) db: Db,
    pub(crate) services: Services,
    pub(crate) poller: Poller,
    cache: PublicCache,
}

impl PublicDesk {
    /// The desk over `db`, pricing with `services` and re-reading feeds with `poller`.
    pub fn new(db: Db, services: Services, poller: Poller) -> PublicDesk {
        PublicDesk {
            db,
            services,
            poller,
            cache: PublicCache::default(),
        }
    }

    /// The enabled site whose key is `token`.
    pub async fn site(&self, token: &str) -> PortResult<Option<Site>> {
        Ok(sites::by_token(&self.db, token)
            .await?
            .filter(|site| site.settings.enabled))
    }

    /// One listed home of the site, with the (cached) catalogue.
    pub async fn home(&self, site: &Site, id: &str) -> PortResult<Option<(Home, Arc<Catalogue>)>> {
        let catalogue = self.cached_catalogue(site).await?;
        let home = catalogue
            .homes
            .iter()
            .find(|home| home.id.to_string() == id.trim())
            .cloned();
        Ok(home.map(|home| (home, catalogue)))
    }
}
