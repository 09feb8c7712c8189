//! [`CustomerStore`] on the database: the customer list with its search ([`list`]), one customer with
//! their bookings and their edits ([`details`]), and the customer-list export ([`export`]). Every
//! statement filters by the caller's organisation.

mod details;
mod export;
mod list;

use super::Db;
use crate::live::Live;
use app::domain::booking::CustomerInput;
use app::domain::customers::{CustomerDetails, CustomerPage, ExportFilter, ExportRow};
use app::domain::ids::{CustomerId, OrganisationId};
use app::ports::{CustomerStore, PortResult};
use async_trait::async_trait;

/// Customers stored in [`Db`].
pub struct SqlCustomers {
    db: Db,
    live: Live,
}

impl SqlCustomers {
    /// Customers in `db`; a renamed guest is announced on `live` (the planning shows guests' names).
    pub fn new(db: Db, live: Live) -> Self {
        SqlCustomers { db, live }
    }
}

#[async_trait]
impl CustomerStore for SqlCustomers {
    async fn list(
        &self,
        organisation: OrganisationId,
        search: &str,
        page: i64,
    ) -> PortResult<CustomerPage> {
        list::page(&self.db, organisation, search, page).await
    }

    async fn get(
        &self,
        organisation: OrganisationId,
        id: CustomerId,
    ) -> PortResult<CustomerDetails> {
        details::get(&self.db, organisation, id).await
    }

    async fn update(
        &self,
        organisation: OrganisationId,
        id: CustomerId,
        version: i64,
        input: &CustomerInput,
    ) -> PortResult<i64> {
        let updated = details::update(&self.db, organisation, id, version, input).await;
        if updated.is_ok() {
            self.live.bookings_changed(organisation).await;
        }
        updated
    }

    async fn export(
        &self,
        organisation: OrganisationId,
        filter: &ExportFilter,
    ) -> PortResult<Vec<ExportRow>> {
        export::rows(&self.db, organisation, filter).await
    }
}
