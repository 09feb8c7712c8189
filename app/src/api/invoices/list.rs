//! The invoice table (seed 004 "Le tableau des factures").

use crate::domain::invoice::InvoiceSummary;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Every invoice and credit note of the organisation, newest first (filtered and sorted in the
/// browser).
#[server(endpoint = "invoices", input = Json)]
pub async fn invoices() -> Result<Vec<InvoiceSummary>, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .invoices
                .list(user.organisation_id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// One invoice, opened for the editor.
#[server(endpoint = "invoice", input = Json)]
pub async fn invoice(id: crate::domain::ids::InvoiceId) -> Result<super::InvoiceView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            super::view(user.organisation_id, id).await
        }
        .await,
    )
}
