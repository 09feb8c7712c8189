//! The site's listed homes with everything the engine needs to price them, the calendar of one, and
//! the search over all.

use super::cache::Found;
use super::PublicDesk;
use crate::db::public::homes::{self, Home};
use crate::db::public::sites::Site;
use crate::live::Generation;
use app::domain::ids::PropertyId;
use app::domain::pricing::{PricedProperty, PricingSettings};
use app::domain::public::availability::{self, minimum_nights, CalendarMonth};
use app::domain::public::search::{self, Offer, Search};
use app::ports::PortResult;
use chrono::{Months, NaiveDate};
use std::sync::Arc;

/// The listed homes, priced.
#[derive(Clone, Debug)]
pub struct Catalogue {
    /// The homes, by name.
    pub homes: Vec<Home>,
    /// `priced[i]`: home `i`'s tariff, capacity and taxes.
    pub priced: Vec<PricedProperty>,
    /// The organisation's pricing settings.
    pub settings: PricingSettings,
}

impl Catalogue {
    /// The position of `id` among the homes.
    pub fn index_of(&self, id: PropertyId) -> Option<usize> {
        self.homes.iter().position(|home| home.id == id)
    }
}

impl PublicDesk {
    /// The site's listed homes with their current rates.
    pub async fn catalogue(&self, site: &Site) -> PortResult<Catalogue> {
        let pricing = &self.services.pricing;
        let (listed, priced_homes, (settings, _)) = tokio::try_join!(
            homes::listed(&self.db, site.organisation),
            pricing.listed_priced(site.organisation),
            pricing.settings(site.organisation),
        )?;
        // Both lists are the listed homes by name; a home listed between the two reads is left out.
        let mut homes = Vec::with_capacity(priced_homes.len());
        let mut priced = Vec::with_capacity(priced_homes.len());
        for (id, home) in priced_homes {
            if let Some(found) = listed.iter().find(|h| h.id == id) {
                homes.push(found.clone());
                priced.push(home);
            }
        }
        Ok(Catalogue {
            homes,
            priced,
            settings,
        })
    }

    /// The site's catalogue, from the cache unless something changed since it was read.
    pub async fn cached_catalogue(&self, site: &Site) -> PortResult<Arc<Catalogue>> {
        let generation = self.poller.live.generation(site.organisation);
        self.catalogue_at(site, generation).await
    }

    /// The catalogue cached at `generation`, or read and kept.
    async fn catalogue_at(
        &self,
        site: &Site,
        generation: Generation,
    ) -> PortResult<Arc<Catalogue>> {
        match self.cache.catalogue(site.organisation, generation) {
            Some(catalogue) => Ok(catalogue),
            None => {
                let read = Arc::new(self.catalogue(site).await?);
                Ok(self
                    .cache
                    .keep_catalogue(site.organisation, generation, read))
            }
        }
    }

    /// [`PublicDesk::search`] over the cached catalogue, from the cache when the same search was
    /// answered since the organisation's data last changed.
    pub async fn cached_search(&self, site: &Site, wanted: &Search) -> PortResult<Found> {
        let organisation = site.organisation;
        // Taken before anything is read: a change during the reads outdates what they give.
        let generation = self.poller.live.generation(organisation);
        if let Some(found) = self.cache.found(organisation, generation, wanted) {
            return Ok(found);
        }
        let catalogue = self.catalogue_at(site, generation).await?;
        let offers = Arc::new(self.search(site, &catalogue, wanted).await?);
        let found = (catalogue, offers);
        self.cache
            .keep_offers(organisation, generation, *wanted, &found);
        Ok(found)
    }

    /// The current generation of `site`'s data (see [`crate::live::Generation`]).
    pub fn generation(&self, site: &Site) -> Generation {
        self.poller.live.generation(site.organisation)
    }

    /// The search page rendered for `key` at `generation`, if cached.
    pub fn cached_page(&self, site: &Site, generation: Generation, key: &str) -> Option<Arc<str>> {
        self.cache.page(site.organisation, generation, key)
    }

    /// Keeps the search page rendered for `key` from data read after `generation` was taken.
    pub fn keep_page(&self, site: &Site, generation: Generation, key: String, html: &str) {
        self.cache
            .keep_page(site.organisation, generation, key, Arc::from(html));
    }

    /// `months` months of home `index`'s calendar from the month of `first`, seen on `today`.
    pub async fn calendar(
        &self,
        site: &Site,
        catalogue: &Catalogue,
        index: usize,
        first: NaiveDate,
        months: u32,
        today: NaiveDate,
    ) -> PortResult<Vec<CalendarMonth>> {
        let home = &catalogue.homes[index];
        let from = first.checked_sub_months(Months::new(1)).unwrap_or(first);
        let to = first
            .checked_add_months(Months::new(months + 1))
            .unwrap_or(first);
        let taken = homes::taken(&self.db, site.organisation, from, to, Some(home.id)).await?;
        let stays = taken.get(&home.id).map_or(&[][..], Vec::as_slice);
        let tariff = &catalogue.priced[index].tariff;
        Ok(availability::months(first, months, stays, today, |day| {
            minimum_nights(tariff, &catalogue.settings, day)
        }))
    }

    /// The homes free for `wanted` whose rules accept it, cheapest first.
    pub async fn search(
        &self,
        site: &Site,
        catalogue: &Catalogue,
        wanted: &Search,
    ) -> PortResult<Vec<Offer>> {
        let taken = homes::taken(
            &self.db,
            site.organisation,
            wanted.stay.arrival(),
            wanted.stay.departure(),
            None,
        )
        .await?;
        let by_index: Vec<Vec<_>> = catalogue
            .homes
            .iter()
            .map(|home| taken.get(&home.id).cloned().unwrap_or_default())
            .collect();
        Ok(search::offers(
            &catalogue.priced,
            &by_index,
            &catalogue.settings,
            wanted,
        ))
    }
}
