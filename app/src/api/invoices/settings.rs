//! "Paramètres › Facturation": who issues, the title, arrhes or acompte, the legal mentions, the
//! categories, the paid status.

use crate::domain::booking::BookingStatus;
use crate::domain::invoice::BillingForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The settings as a form, with the statuses a paid invoice may move its booking to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingView {
    /// The settings.
    pub form: BillingForm,
    /// The organisation's statuses.
    pub statuses: Vec<BookingStatus>,
}

/// The billing settings.
#[server(endpoint = "billing_settings", input = Json)]
pub async fn billing_settings() -> Result<BillingView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let services = services()?;
            let (settings, version) = services
                .invoices
                .billing_settings(user.organisation_id)
                .await
                .map_err(from_port)?;
            let statuses = services
                .bookings
                .statuses(user.organisation_id)
                .await
                .map_err(from_port)?;
            Ok(BillingView {
                form: settings.to_form(version),
                statuses,
            })
        }
        .await,
    )
}

/// Saves the settings edited from `form.version`; answers them with their new version.
#[server(endpoint = "save_billing_settings", input = Json)]
pub async fn save_billing_settings(form: BillingForm) -> Result<BillingForm, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let settings = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let version = services()?
                .invoices
                .save_billing_settings(user.organisation_id, &settings, form.version)
                .await
                .map_err(|e| match e {
                    crate::ports::PortError::Invalid(fields) => {
                        AppError::invalid(request_texts(), &fields)
                    }
                    other => super::changed(other),
                })?;
            Ok(settings.to_form(version))
        }
        .await,
    )
}
