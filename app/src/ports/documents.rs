//! The documents port: PDF rendering of what [`crate::domain::invoice::print`] and
//! [`crate::domain::contract::print`] prepare.

use super::PortResult;
use crate::domain::contract::{ContractPrint, DocumentImage};
use crate::domain::invoice::InvoicePrint;
use async_trait::async_trait;

/// Renders documents as PDF. Rendering is pure CPU work: implementations keep it off the async
/// threads and never read anything but the values given.
#[async_trait]
pub trait DocumentRenderer: Send + Sync {
    /// An invoice, credit note, receipt or quittance as a PDF file, with the logo if given.
    async fn invoice_pdf(
        &self,
        print: &InvoicePrint,
        logo: Option<DocumentImage>,
    ) -> PortResult<Vec<u8>>;
    /// A contract as a PDF file, with the logo and the scanned signature if given.
    async fn contract_pdf(
        &self,
        print: &ContractPrint,
        logo: Option<DocumentImage>,
        signature: Option<DocumentImage>,
    ) -> PortResult<Vec<u8>>;
}
