//! The public pages' cache (SPEC C10): per organisation, its priced catalogue and the offers of the
//! searches guests asked since its data last changed. Guests of one site ask for the same few weeks
//! over and over; a search answered from here costs no query and no quote, and a new search over a
//! cached catalogue costs one query (the nights taken) and the quotes.
//!
//! The live hub counts every booking, property, rate and pricing-settings change, on every instance
//! ([`Generation`]). The catalogue is good while no catalogue change was heard of since it was read;
//! the searches while no change at all was; both for [`MAX_AGE`] at most, in case a change was
//! missed (another process writing the database). Booking requests never read the cache: they
//! re-read and re-check everything in their transaction, so a search a few milliseconds stale can
//! offer a home that the request then refuses, never book it twice.

use super::Catalogue;
use crate::live::Generation;
use app::domain::ids::OrganisationId;
use app::domain::public::search::{Offer, Search};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The longest an entry is kept, even when no change was heard of.
pub const MAX_AGE: Duration = Duration::from_secs(60);
/// Searches kept per organisation (all are forgotten when a new one would exceed it).
const MAX_SEARCHES: usize = 512;
/// Rendered search pages kept per organisation (about 50 KB each; all are forgotten when a new
/// one would exceed it).
const MAX_PAGES: usize = 32;
/// Organisations kept (the one filled longest ago is forgotten first).
const MAX_ORGANISATIONS: usize = 256;

/// A search's offers with the catalogue their indexes point into.
pub type Found = (Arc<Catalogue>, Arc<Vec<Offer>>);

/// One organisation's cached data.
struct Entry {
    /// The generation taken before the catalogue was read.
    read_at: Generation,
    filled: Instant,
    catalogue: Arc<Catalogue>,
    /// The generation the searches were answered and the pages rendered at (all of them).
    searches_at: Generation,
    searches: HashMap<Search, Arc<Vec<Offer>>>,
    pages: HashMap<String, Arc<str>>,
}

impl Entry {
    /// The answers kept at `generation`: those of another generation are forgotten first.
    fn answers_at(&mut self, generation: Generation) -> &mut Entry {
        if self.searches_at != generation {
            self.searches.clear();
            self.pages.clear();
            self.searches_at = generation;
        }
        self
    }
}

/// The cache, shared by the public routes of one instance.
#[derive(Clone, Default)]
pub struct PublicCache {
    entries: Arc<Mutex<HashMap<OrganisationId, Entry>>>,
}

impl PublicCache {
    /// The catalogue of `organisation` if no catalogue change was heard of between its read and
    /// `current` (the generation now).
    pub fn catalogue(
        &self,
        organisation: OrganisationId,
        current: Generation,
    ) -> Option<Arc<Catalogue>> {
        let mut entries = self.lock();
        good(&mut entries, organisation, current).map(|entry| entry.catalogue.clone())
    }

    /// The offers of `search` if they were answered at `current`, with their catalogue.
    pub fn found(
        &self,
        organisation: OrganisationId,
        current: Generation,
        search: &Search,
    ) -> Option<Found> {
        let mut entries = self.lock();
        let entry = good(&mut entries, organisation, current)?;
        if entry.searches_at != current {
            return None;
        }
        let offers = entry.searches.get(search)?.clone();
        Some((entry.catalogue.clone(), offers))
    }

    /// Keeps `catalogue`, read after `generation` was taken (so a change during the read makes it
    /// stale at once), and returns the catalogue to use: the one already kept by a concurrent read
    /// that is still good, if any, so that the searches cached with it stay.
    pub fn keep_catalogue(
        &self,
        organisation: OrganisationId,
        generation: Generation,
        catalogue: Arc<Catalogue>,
    ) -> Arc<Catalogue> {
        let mut entries = self.lock();
        if let Some(kept) = good(&mut entries, organisation, generation) {
            return kept.catalogue.clone();
        }
        if entries.len() >= MAX_ORGANISATIONS {
            let oldest = entries
                .iter()
                .min_by_key(|(_, entry)| entry.filled)
                .map(|(id, _)| *id);
            if let Some(oldest) = oldest {
                entries.remove(&oldest);
            }
        }
        entries.insert(
            organisation,
            Entry {
                read_at: generation,
                filled: Instant::now(),
                catalogue: catalogue.clone(),
                searches_at: generation,
                searches: HashMap::new(),
                pages: HashMap::new(),
            },
        );
        catalogue
    }

    /// Keeps the offers of `search`, computed from `catalogue` after `generation` was taken —
    /// only while that catalogue is still the one cached. Searches answered at another generation
    /// are forgotten.
    pub fn keep_offers(
        &self,
        organisation: OrganisationId,
        generation: Generation,
        search: Search,
        (catalogue, offers): &Found,
    ) {
        let mut entries = self.lock();
        let Some(entry) = good(&mut entries, organisation, generation) else {
            return;
        };
        if !Arc::ptr_eq(&entry.catalogue, catalogue) {
            return;
        }
        let entry = entry.answers_at(generation);
        if entry.searches.len() >= MAX_SEARCHES {
            entry.searches.clear();
        }
        entry.searches.insert(search, offers.clone());
    }

    /// The search page rendered for `key` (everything the page depends on besides the
    /// organisation's data) if it was rendered at `current`.
    pub fn page(
        &self,
        organisation: OrganisationId,
        current: Generation,
        key: &str,
    ) -> Option<Arc<str>> {
        let mut entries = self.lock();
        let entry = good(&mut entries, organisation, current)?;
        if entry.searches_at != current {
            return None;
        }
        entry.pages.get(key).cloned()
    }

    /// Keeps the page rendered for `key` from data read after `generation` was taken, while the
    /// catalogue is cached (a page is kept only beside the catalogue it was rendered from).
    pub fn keep_page(
        &self,
        organisation: OrganisationId,
        generation: Generation,
        key: String,
        html: Arc<str>,
    ) {
        let mut entries = self.lock();
        let Some(entry) = good(&mut entries, organisation, generation) else {
            return;
        };
        let entry = entry.answers_at(generation);
        if entry.pages.len() >= MAX_PAGES {
            entry.pages.clear();
        }
        entry.pages.insert(key, html);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<OrganisationId, Entry>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The entry of `organisation` if its catalogue is still good at `current`; a stale one is
/// dropped.
fn good(
    entries: &mut HashMap<OrganisationId, Entry>,
    organisation: OrganisationId,
    current: Generation,
) -> Option<&mut Entry> {
    let fresh = entries.get(&organisation).is_some_and(|entry| {
        entry.read_at.same_catalogue(current) && entry.filled.elapsed() < MAX_AGE
    });
    if !fresh {
        entries.remove(&organisation);
        return None;
    }
    entries.get_mut(&organisation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;
    use crate::live::{Change, Live};
    use app::domain::pricing::{Guests, PricingSettings};
    use app::domain::stay::Stay;
    use chrono::NaiveDate;
    use uuid::Uuid;

    async fn live() -> (Live, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}/cache.db", dir.path().display());
        let db = Db::connect(&url, 1)
            .await
            .unwrap_or_else(|e| panic!("{e:#}"));
        (Live::new(&db), dir)
    }

    fn catalogue() -> Arc<Catalogue> {
        Arc::new(Catalogue {
            homes: Vec::new(),
            priced: Vec::new(),
            settings: PricingSettings::default(),
        })
    }

    fn july(arrival: u32, departure: u32) -> Search {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default();
        Search {
            stay: Stay::new(day(arrival), day(departure)).unwrap_or_else(|e| panic!("{e}")),
            guests: Guests {
                adults: 2,
                ..Guests::default()
            },
        }
    }

    #[tokio::test]
    async fn a_search_is_answered_until_its_organisation_changes() {
        let (live, _dir) = live().await;
        let cache = PublicCache::default();
        let (mine, other) = (
            OrganisationId(Uuid::now_v7()),
            OrganisationId(Uuid::now_v7()),
        );
        let before = live.generation(mine);
        let kept = cache.keep_catalogue(mine, before, catalogue());
        cache.keep_offers(
            mine,
            before,
            july(12, 15),
            &(kept.clone(), Arc::new(Vec::new())),
        );
        assert!(cache.found(mine, before, &july(12, 15)).is_some());
        assert!(
            cache.found(mine, before, &july(12, 16)).is_none(),
            "another search"
        );

        live.announce_here(other, Change::Bookings);
        assert_eq!(
            live.generation(mine),
            before,
            "another organisation's change"
        );
        assert!(cache
            .found(mine, live.generation(mine), &july(12, 15))
            .is_some());

        live.announce_here(mine, Change::Bookings);
        let after = live.generation(mine);
        assert_ne!(after, before);
        assert!(
            cache.found(mine, after, &july(12, 15)).is_none(),
            "a booking changed"
        );
        let same = cache.catalogue(mine, after);
        assert!(
            same.is_some_and(|same| Arc::ptr_eq(&same, &kept)),
            "a booking change keeps the catalogue"
        );
        // The search answered again at the new generation is kept.
        cache.keep_offers(mine, after, july(12, 15), &(kept, Arc::new(Vec::new())));
        assert!(cache.found(mine, after, &july(12, 15)).is_some());

        live.catalogue_changed(mine).await;
        assert!(
            cache.catalogue(mine, live.generation(mine)).is_none(),
            "a rate changed"
        );
    }

    #[tokio::test]
    async fn a_rendered_page_is_answered_until_any_change() {
        let (live, _dir) = live().await;
        let cache = PublicCache::default();
        let mine = OrganisationId(Uuid::now_v7());
        let now = live.generation(mine);
        cache.keep_page(mine, now, "a".into(), Arc::from("<p>a</p>"));
        assert!(
            cache.page(mine, now, "a").is_none(),
            "no catalogue cached: not kept"
        );
        cache.keep_catalogue(mine, now, catalogue());
        cache.keep_page(mine, now, "a".into(), Arc::from("<p>a</p>"));
        assert_eq!(cache.page(mine, now, "a").as_deref(), Some("<p>a</p>"));
        assert!(cache.page(mine, now, "b").is_none());
        live.announce_here(mine, Change::Bookings);
        assert!(cache.page(mine, live.generation(mine), "a").is_none());
    }

    #[tokio::test]
    async fn offers_are_kept_only_with_the_catalogue_they_point_into() {
        let (live, _dir) = live().await;
        let cache = PublicCache::default();
        let mine = OrganisationId(Uuid::now_v7());
        let now = live.generation(mine);
        let first = cache.keep_catalogue(mine, now, catalogue());
        // A concurrent read of the same generation gets the catalogue already kept.
        let second = cache.keep_catalogue(mine, now, catalogue());
        assert!(Arc::ptr_eq(&first, &second));
        cache.keep_offers(mine, now, july(1, 8), &(catalogue(), Arc::new(Vec::new())));
        assert!(
            cache.found(mine, now, &july(1, 8)).is_none(),
            "offers of another catalogue"
        );
        // Offers read before a change are not answered after it.
        live.announce_here(mine, Change::Bookings);
        cache.keep_offers(mine, now, july(1, 8), &(first, Arc::new(Vec::new())));
        assert!(cache
            .found(mine, live.generation(mine), &july(1, 8))
            .is_none());
    }
}
