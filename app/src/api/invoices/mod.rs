//! Invoice server functions (SPEC C7): the billing settings, the invoice table, drafts made from a
//! booking, blank or duplicated, editing and issuing them, credit notes, payments, and sending the
//! PDF by email. Admins and managers only.

pub mod create;
pub mod edit;
pub mod email;
pub mod list;
pub mod payments;
pub mod settings;

use crate::domain::invoice::Invoice;
use crate::domain::pricing::Charge;
use serde::{Deserialize, Serialize};

/// An invoice opened in the editor, with what the editor offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvoiceView {
    /// The invoice.
    pub invoice: Invoice,
    /// The categories of the settings (the lines' choices).
    pub categories: Vec<String>,
    /// The predefined options ("--Ajout rapide--").
    pub quick_add: Vec<Charge>,
    /// The title as printed now ("Facture", "Avoir", a quittance only once paid).
    pub printed_title: String,
}

/// The invoice `id` of the caller's organisation, opened for the editor.
#[cfg(feature = "ssr")]
async fn view(
    organisation: crate::domain::ids::OrganisationId,
    id: crate::domain::ids::InvoiceId,
) -> Result<InvoiceView, crate::error::AppError> {
    use crate::api::guard::{from_port, services};
    let services = services()?;
    let invoice = services
        .invoices
        .get(organisation, id)
        .await
        .map_err(from_port)?;
    let (settings, _) = services
        .invoices
        .billing_settings(organisation)
        .await
        .map_err(from_port)?;
    let quick_add = services
        .pricing
        .list_options(organisation)
        .await
        .map_err(from_port)?
        .into_iter()
        .map(|option| option.charge)
        .collect();
    Ok(InvoiceView {
        printed_title: crate::i18n::invoices::print::printed_title(&invoice).to_string(),
        invoice,
        categories: settings.categories,
        quick_add,
    })
}

/// Today on France's clock.
#[cfg(feature = "ssr")]
fn today() -> chrono::NaiveDate {
    crate::domain::paris_time::in_paris(chrono::Utc::now()).date()
}

/// A 409 with the sentence shown when a draft changed or was issued meanwhile.
#[cfg(feature = "ssr")]
fn changed(error: crate::ports::PortError) -> crate::error::AppError {
    use crate::api::guard::{from_port, request_texts};
    match error {
        crate::ports::PortError::Conflict => crate::error::AppError::new(
            crate::error::ErrorKind::Conflict,
            request_texts().invoices.changed_meanwhile,
        ),
        other => from_port(other),
    }
}
