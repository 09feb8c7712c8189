//! Contract server functions (SPEC C6): the contract settings, a booking's contract (written the
//! first time it is opened, then edited, regenerated on demand), and sending it by email with its PDF.
//! Admins and managers only.

pub mod email;
#[cfg(feature = "ssr")]
pub mod facts;
pub mod open;
pub mod settings;

/// The settings in use: the stored ones, or the defaults in the user's language.
#[cfg(feature = "ssr")]
async fn settings_in_use(
    organisation: crate::domain::ids::OrganisationId,
) -> Result<(crate::domain::contract::ContractSettings, i64), crate::error::AppError> {
    use crate::api::guard::{from_port, request_texts, services};
    let stored = services()?
        .contracts
        .settings(organisation)
        .await
        .map_err(from_port)?;
    Ok(stored.unwrap_or_else(|| {
        let t = request_texts().contracts;
        (
            crate::domain::contract::ContractSettings::defaults(
                t.default_general_conditions,
                t.default_deposit_label,
            ),
            0,
        )
    }))
}

/// A 409 with the sentence shown when a contract changed meanwhile.
#[cfg(feature = "ssr")]
fn changed(error: crate::ports::PortError) -> crate::error::AppError {
    use crate::api::guard::{from_port, request_texts};
    match error {
        crate::ports::PortError::Conflict => crate::error::AppError::new(
            crate::error::ErrorKind::Conflict,
            request_texts().contracts.changed_meanwhile,
        ),
        other => from_port(other),
    }
}
