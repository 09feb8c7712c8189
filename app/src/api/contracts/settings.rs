//! "Paramètres › Contrat": the contract settings, and whether a logo and a signature are stored.

use crate::domain::contract::ContractSettingsForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// The settings as a form, with the images stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractSettingsView {
    /// The settings.
    pub form: ContractSettingsForm,
    /// The logo's format and size in bytes, if one is stored.
    pub logo: Option<(String, usize)>,
    /// The signature's format and size in bytes, if one is stored.
    pub signature: Option<(String, usize)>,
}

/// The contract settings.
#[server(endpoint = "contract_settings", input = Json)]
pub async fn contract_settings() -> Result<ContractSettingsView, AppError> {
    respond(
        async {
            use crate::ports::ImageKind;
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let (settings, version) = super::settings_in_use(org).await?;
            let contracts = services()?.contracts;
            let describe = |image: Option<crate::domain::contract::DocumentImage>| {
                image.map(|i| (i.format, i.bytes.len()))
            };
            Ok(ContractSettingsView {
                form: settings.to_form(version),
                logo: describe(
                    contracts
                        .image(org, ImageKind::Logo)
                        .await
                        .map_err(from_port)?,
                ),
                signature: describe(
                    contracts
                        .image(org, ImageKind::Signature)
                        .await
                        .map_err(from_port)?,
                ),
            })
        }
        .await,
    )
}

/// Saves the settings edited from `form.version`.
#[server(endpoint = "save_contract_settings", input = Json)]
pub async fn save_contract_settings(
    form: ContractSettingsForm,
) -> Result<ContractSettingsForm, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let settings = form
                .validate()
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let version = services()?
                .contracts
                .save_settings(user.organisation_id, &settings, form.version)
                .await
                .map_err(super::changed)?;
            Ok(settings.to_form(version))
        }
        .await,
    )
}
