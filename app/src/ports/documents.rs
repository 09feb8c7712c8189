//! The documents port: PDF rendering of what [`crate::domain::invoice::print`] prepares.

use super::PortResult;
use crate::domain::invoice::InvoicePrint;
use async_trait::async_trait;

/// Renders documents as PDF. Rendering is pure CPU work: implementations keep it off the async
/// threads and never read anything but the values given.
#[async_trait]
pub trait DocumentRenderer: Send + Sync {
    /// An invoice, credit note, receipt or quittance as a PDF file.
    async fn invoice_pdf(&self, print: &InvoicePrint) -> PortResult<Vec<u8>>;
}
