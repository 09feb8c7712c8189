//! [`CustomerStore`] on the database: the customer list with its search ([`list`]), one customer with
//! their bookings and their edits ([`details`]), and the customer-list export ([`export`]). Every
//! statement filters by the caller's organisation.

mod details;
mod export;
mod list;

use super::Db;
use app::domain::booking::CustomerInput;
use app::domain::customers::{CustomerDetails, CustomerPage, ExportFilter, ExportRow};
use app::domain::ids::{CustomerId, OrganisationId};
use app::ports::{CustomerStore, PortResult};
use async_trait::async_trait;

/// Customers stored in [`Db`].
pub struct SqlCustomers {
    db: Db,
}

impl SqlCustomers {
    /// Customers in `db`.
    pub fn new(db: Db) -> Self {
        SqlCustomers { db }
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
        details::update(&self.db, organisation, id, version, input).await
    }

    async fn export(
        &self,
        organisation: OrganisationId,
        filter: &ExportFilter,
    ) -> PortResult<Vec<ExportRow>> {
        export::rows(&self.db, organisation, filter).await
    }
}
