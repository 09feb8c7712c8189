//! A booking's contract: written from the booking the first time it is opened (seed 004: « un
//! contrat de location est automatiquement généré »), edited block by block and saved with the
//! booking, regenerated on demand (edits discarded, after a confirmation in the browser).

use crate::domain::contract::{Contract, ContractBlock};
use crate::domain::ids::BookingId;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// A contract opened on its screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractView {
    /// The contract.
    pub contract: Contract,
    /// The booking it was opened from (the PDF and email are asked with it).
    pub booking: BookingId,
    /// The guest's name and the stay, for the page's heading.
    pub summary: String,
}

/// Writes a fresh contract of `booking` in `lang`, replacing the stored one at `version` (0: none).
#[cfg(feature = "ssr")]
async fn write(
    organisation: crate::domain::ids::OrganisationId,
    booking: BookingId,
    version: i64,
    lang: &str,
    manual_deposit: &str,
) -> Result<Contract, AppError> {
    use crate::domain::money::Money;
    let mut errors = Vec::new();
    let deposit = if manual_deposit.trim().is_empty() {
        Some(Money::ZERO)
    } else {
        crate::domain::field::collect(
            &mut errors,
            "manual_deposit",
            Money::parse_non_negative(manual_deposit),
        )
    };
    let deposit = deposit.ok_or_else(|| AppError::invalid(request_texts(), &errors))?;
    let facts = super::facts::facts_of(organisation, booking, deposit).await?;
    let (settings, _) = super::settings_in_use(organisation).await?;
    let t = crate::i18n::contracts::texts_of(lang);
    let mut contract = Contract {
        booking,
        version,
        lang: crate::i18n::Lang::from_code(lang).code().into(),
        manual_deposit: manual_deposit.trim().to_string(),
        blocks: crate::domain::contract::generate(&facts, &settings, &t.wording),
        generated_at: chrono::Utc::now().to_rfc3339(),
    };
    contract.version = services()?
        .contracts
        .save_contract(organisation, &contract)
        .await
        .map_err(super::changed)?;
    Ok(contract)
}

#[cfg(feature = "ssr")]
async fn view_of(
    organisation: crate::domain::ids::OrganisationId,
    booking: BookingId,
    contract: Contract,
) -> Result<ContractView, AppError> {
    let opened = services()?
        .bookings
        .get(organisation, booking)
        .await
        .map_err(from_port)?;
    let day = |raw: &str| {
        crate::domain::field::date(raw)
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default()
    };
    Ok(ContractView {
        summary: format!(
            "{} — {} · {} → {}",
            opened.form.customer.name,
            opened.property_name,
            day(&opened.form.stay.arrival),
            day(&opened.form.stay.departure)
        ),
        contract,
        booking,
    })
}

/// The contract of `booking` (or of its group): the stored one, or a new one written now.
#[server(endpoint = "booking_contract", input = Json)]
pub async fn booking_contract(booking: BookingId) -> Result<ContractView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let stored = services()?
                .contracts
                .contract_of(org, booking)
                .await
                .map_err(from_port)?;
            let contract = match stored {
                Some(contract) => contract,
                None => write(org, booking, 0, lang().code(), "").await?,
            };
            view_of(org, booking, contract).await
        }
        .await,
    )
}

/// Saves the edited blocks of the contract of `booking` from `version`.
#[server(endpoint = "save_contract", input = Json)]
pub async fn save_contract(
    booking: BookingId,
    version: i64,
    blocks: Vec<ContractBlock>,
) -> Result<ContractView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            crate::domain::contract::validate_blocks(&blocks)
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let contracts = services()?.contracts;
            let mut contract = contracts
                .contract_of(org, booking)
                .await
                .map_err(from_port)?
                .ok_or_else(|| from_port(crate::ports::PortError::NotFound))?;
            if contract.version != version {
                return Err(super::changed(crate::ports::PortError::Conflict));
            }
            contract.blocks = blocks;
            contract.version = contracts
                .save_contract(org, &contract)
                .await
                .map_err(super::changed)?;
            view_of(org, booking, contract).await
        }
        .await,
    )
}

/// Writes the contract of `booking` again from the booking as it is now, in `lang`, with the
/// security deposit typed on the screen (`manual_deposit`); edits are discarded.
#[server(endpoint = "regenerate_contract", input = Json)]
pub async fn regenerate_contract(
    booking: BookingId,
    version: i64,
    lang: String,
    manual_deposit: String,
) -> Result<ContractView, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let org = user.organisation_id;
            let stored = services()?
                .contracts
                .contract_of(org, booking)
                .await
                .map_err(from_port)?;
            // The stored contract keeps its booking (a group's contract may sit on another member).
            let owner = stored.as_ref().map_or(booking, |c| c.booking);
            let contract = write(org, owner, version, &lang, &manual_deposit).await?;
            view_of(org, booking, contract).await
        }
        .await,
    )
}
