//! The contracts port: contract settings, the organisation's logo and signature, and each booking's
//! contract.

use super::PortResult;
use crate::domain::contract::{Contract, ContractSettings, DocumentImage};
use crate::domain::ids::{BookingId, OrganisationId};
use async_trait::async_trait;

/// Which image of the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ImageKind {
    /// The logo (contracts and invoices).
    Logo,
    /// The scanned signature (contracts).
    Signature,
}

impl ImageKind {
    /// Stable code used in storage.
    pub fn code(self) -> &'static str {
        match self {
            ImageKind::Logo => "logo",
            ImageKind::Signature => "signature",
        }
    }
}

/// Contracts and what they are made with. Every change requires the version it was made from.
#[async_trait]
pub trait ContractStore: Send + Sync {
    /// The stored settings and their version (`None` when never saved).
    async fn settings(
        &self,
        organisation: OrganisationId,
    ) -> PortResult<Option<(ContractSettings, i64)>>;
    /// Replaces the settings if their version is still `version` (0: never saved); answers the new one.
    async fn save_settings(
        &self,
        organisation: OrganisationId,
        settings: &ContractSettings,
        version: i64,
    ) -> PortResult<i64>;
    /// The organisation's image of `kind`, if any.
    async fn image(
        &self,
        organisation: OrganisationId,
        kind: ImageKind,
    ) -> PortResult<Option<DocumentImage>>;
    /// Stores (or removes, with `None`) the image of `kind`.
    async fn save_image(
        &self,
        organisation: OrganisationId,
        kind: ImageKind,
        image: Option<&DocumentImage>,
    ) -> PortResult<()>;
    /// The contract of `booking` or of a booking of its group, if one was written.
    async fn contract_of(
        &self,
        organisation: OrganisationId,
        booking: BookingId,
    ) -> PortResult<Option<Contract>>;
    /// Writes `contract` if the stored one is still at `contract.version` (0: none stored); answers
    /// the new version.
    async fn save_contract(
        &self,
        organisation: OrganisationId,
        contract: &Contract,
    ) -> PortResult<i64>;
}
