//! Recording payments on an issued invoice, and removing one recorded by mistake.

use crate::domain::ids::{InvoiceId, PaymentId};
use crate::domain::invoice::PaymentForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Records a payment on `id`: the date alone pays what remains, the amount alone is dated today.
/// A fully paid invoice moves its booking to the paid status of the settings.
#[server(endpoint = "record_payment", input = Json)]
pub async fn record_payment(
    id: InvoiceId,
    form: PaymentForm,
) -> Result<super::InvoiceView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let t = request_texts();
            let invoice = services.invoices.get(org, id).await.map_err(from_port)?;
            if !invoice.is_issued() || invoice.kind != crate::domain::invoice::InvoiceKind::Invoice
            {
                return Err(AppError::new(
                    crate::error::ErrorKind::Conflict,
                    t.invoices.payment_needs_issued,
                ));
            }
            let payment = form
                .validate(invoice.settlement().remaining, super::today())
                .map_err(|fields| {
                    let fields: Vec<(String, _)> = fields
                        .into_iter()
                        .map(|(f, e)| (f.to_string(), e))
                        .collect();
                    AppError::invalid(t, &fields)
                })?;
            let (settings, _) = services
                .invoices
                .billing_settings(org)
                .await
                .map_err(from_port)?;
            services
                .invoices
                .add_payment(org, id, &payment, settings.paid_status, chrono::Utc::now())
                .await
                .map_err(|e| match e {
                    crate::ports::PortError::Invalid(fields) => AppError::invalid(t, &fields),
                    other => super::changed(other),
                })?;
            super::view(org, id).await
        }
        .await,
    )
}

/// Removes the payment `payment` of `id`.
#[server(endpoint = "delete_payment", input = Json)]
pub async fn delete_payment(
    id: InvoiceId,
    payment: PaymentId,
) -> Result<super::InvoiceView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .invoices
                .delete_payment(user.organisation_id, id, payment)
                .await
                .map_err(from_port)?;
            super::view(user.organisation_id, id).await
        }
        .await,
    )
}
