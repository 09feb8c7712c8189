//! Editing a draft, deleting it, and issuing it (its number, frozen for good).

use crate::domain::ids::InvoiceId;
use crate::domain::invoice::InvoiceForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Saves the draft `id` edited from `version`; answers it as saved.
#[server(endpoint = "save_invoice", input = Json)]
pub async fn save_invoice(
    id: InvoiceId,
    version: i64,
    form: InvoiceForm,
) -> Result<super::InvoiceView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            services()?
                .invoices
                .save_draft(user.organisation_id, id, version, &input)
                .await
                .map_err(super::changed)?;
            super::view(user.organisation_id, id).await
        }
        .await,
    )
}

/// Deletes the draft `id` (an issued invoice is kept: correct it with a credit note).
#[server(endpoint = "delete_invoice", input = Json)]
pub async fn delete_invoice(id: InvoiceId) -> Result<(), AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .invoices
                .delete_draft(user.organisation_id, id)
                .await
                .map_err(|e| match e {
                    crate::ports::PortError::Conflict => AppError::new(
                        crate::error::ErrorKind::Conflict,
                        request_texts().invoices.issued_is_kept,
                    ),
                    other => from_port(other),
                })
        }
        .await,
    )
}

/// Issues the draft `id` at `version`: the issuer's next number, today's date, the issuer and
/// mentions of the settings frozen with it. Answers it as issued.
#[server(endpoint = "issue_invoice", input = Json)]
pub async fn issue_invoice(id: InvoiceId, version: i64) -> Result<super::InvoiceView, AppError> {
    respond(
        async {
            use crate::ports::IssueRefusal;
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let services = services()?;
            let t = request_texts();
            let draft = services.invoices.get(org, id).await.map_err(from_port)?;
            let (settings, _) = services
                .invoices
                .billing_settings(org)
                .await
                .map_err(from_port)?;
            // A credit note keeps the issuer of the invoice it corrects (same series).
            let issuer = if draft.corrects.is_some() {
                draft.issuer.clone()
            } else {
                services
                    .invoices
                    .issuer(org, draft.booking, &settings)
                    .await
                    .map_err(from_port)?
            };
            let outcome = services
                .invoices
                .issue(
                    org,
                    id,
                    version,
                    super::today(),
                    &issuer,
                    &settings.mentions,
                )
                .await
                .map_err(super::changed)?;
            match outcome {
                Ok(_) => super::view(org, id).await,
                Err(IssueRefusal::AlreadyIssued) => Err(AppError::new(
                    crate::error::ErrorKind::Conflict,
                    t.invoices.changed_meanwhile,
                )),
                Err(IssueRefusal::Empty) => Err(AppError::new(
                    crate::error::ErrorKind::Conflict,
                    t.invoices.empty_invoice,
                )),
                Err(IssueRefusal::CreditAboveInvoice { creditable }) => Err(AppError::new(
                    crate::error::ErrorKind::Conflict,
                    (t.invoices.credit_above_invoice)(&t.money(creditable)),
                )),
            }
        }
        .await,
    )
}
