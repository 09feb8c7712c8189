//! PDF documents rendered in process with typst: [`TypstDocuments`] implements the app's
//! [`DocumentRenderer`]. The standard library, the bundled fonts and the templates are built once per
//! process; each document is one small [`world::DocumentWorld`] whose template reads the values
//! prepared by [`app::domain::invoice::print`] from `/data.json` — user text reaches typst as data,
//! never as markup.

mod world;

use app::domain::invoice::InvoicePrint;
use app::ports::{DocumentRenderer, PortError, PortResult};
use async_trait::async_trait;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};
use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst::foundations::Bytes;
use typst::syntax::Source;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use world::{file_id, DocumentWorld, DATA_PATH, MAIN_PATH};

/// The invoice template (also used for credit notes, receipts and quittances).
const INVOICE_TEMPLATE: &str = include_str!("templates/invoice.typ");

/// How many `comemo::evict` rounds a memoised result survives unused: the template's parse and
/// layout stay cached between documents, the previous documents' results go.
const CACHE_AGE: usize = 2;

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The values could not be written as JSON.
    #[error("document data: {0}")]
    Data(#[from] serde_json::Error),
    /// The template could not be compiled with these values (messages of typst's diagnostics).
    #[error("typst compilation: {0}")]
    Compile(String),
    /// The laid-out document could not be written as PDF.
    #[error("PDF export: {0}")]
    Pdf(String),
    /// The renderer could not be built (a fixed virtual path refused: never expected).
    #[error("renderer unavailable: {0}")]
    Setup(String),
}

/// What every document shares: the standard library, the fonts and their book, the templates.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    data_id: typst::syntax::FileId,
    invoice: Source,
}

/// The typst renderer: a cheap handle (clone it freely) on the library, fonts and templates.
#[derive(Clone)]
pub struct TypstDocuments {
    /// What the documents share, or why it could not be built (every render then fails with
    /// [`RenderError::Setup`], so a server still starts and says why its PDFs fail).
    shared: Result<Arc<Shared>, Arc<str>>,
}

/// The process-wide renderer (built on first use).
static SHARED: LazyLock<TypstDocuments> = LazyLock::new(TypstDocuments::new);

impl TypstDocuments {
    /// Builds a renderer: typst's standard library, the fonts bundled with typst (Libertinus Serif,
    /// New Computer Modern, DejaVu Sans Mono) and the templates. Prefer [`TypstDocuments::shared`].
    pub fn new() -> Self {
        let shared = Shared::new().map(Arc::new).map_err(|error| {
            tracing::error!(%error, "the PDF renderer could not be built");
            Arc::from(error)
        });
        Self { shared }
    }

    /// The renderer shared by the whole process, so fonts and library are loaded once however many
    /// servers (tests) the process builds.
    pub fn shared() -> Self {
        SHARED.clone()
    }

    /// Renders an invoice as PDF, on the calling thread (CPU-bound: a few milliseconds in release).
    pub fn render_invoice(&self, print: &InvoicePrint) -> Result<Vec<u8>, RenderError> {
        self.render_invoice_json(serde_json::to_vec(print)?)
    }

    /// Renders an invoice from its values already serialised as JSON.
    fn render_invoice_json(&self, data: Vec<u8>) -> Result<Vec<u8>, RenderError> {
        let shared = self.parts()?;
        render(shared, &shared.invoice, data)
    }

    fn parts(&self) -> Result<&Shared, RenderError> {
        match &self.shared {
            Ok(shared) => Ok(shared),
            Err(error) => Err(RenderError::Setup(error.to_string())),
        }
    }
}

impl Default for TypstDocuments {
    fn default() -> Self {
        Self::new()
    }
}

impl Shared {
    fn new() -> Result<Self, String> {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let refused = |path: &str| format!("virtual path {path} refused");
        let main_id = file_id(MAIN_PATH).ok_or_else(|| refused(MAIN_PATH))?;
        let data_id = file_id(DATA_PATH).ok_or_else(|| refused(DATA_PATH))?;
        Ok(Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            data_id,
            invoice: Source::new(main_id, INVOICE_TEMPLATE.to_owned()),
        })
    }
}

/// Compiles `template` with `data` as `/data.json` and exports the PDF.
fn render(shared: &Shared, template: &Source, data: Vec<u8>) -> Result<Vec<u8>, RenderError> {
    let world = DocumentWorld::new(shared, template, data);
    let compiled = typst::compile(&world).output;
    // The output type is inferred from `typst_pdf::pdf`'s argument: a paged document.
    let pdf = compiled
        .map_err(|errors| RenderError::Compile(messages(&errors)))
        .and_then(|document| {
            typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
                .map_err(|errors| RenderError::Pdf(messages(&errors)))
        });
    // Without eviction typst's memoisation keeps every document's results (memory grows by
    // hundreds of megabytes over a thousand documents).
    comemo::evict(CACHE_AGE);
    pdf
}

/// Typst's diagnostics as one line: messages and hints.
fn messages(errors: &EcoVec<SourceDiagnostic>) -> String {
    let mut text = String::new();
    for (i, error) in errors.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(&error.message);
        for hint in &error.hints {
            let _ = write!(text, " (hint: {})", hint.v);
        }
    }
    text
}

#[async_trait]
impl DocumentRenderer for TypstDocuments {
    async fn invoice_pdf(&self, print: &InvoicePrint) -> PortResult<Vec<u8>> {
        let title = &print.title;
        let data = serde_json::to_vec(print).map_err(RenderError::from);
        let renderer = self.clone();
        let rendered = tokio::task::spawn_blocking(move || {
            data.and_then(|data| renderer.render_invoice_json(data))
        })
        .await;
        match rendered {
            Ok(Ok(pdf)) => Ok(pdf),
            Ok(Err(error)) => {
                tracing::error!(document = %title, %error, "invoice PDF rendering failed");
                Err(PortError::Internal(format!("invoice PDF: {error}")))
            }
            Err(error) => {
                tracing::error!(document = %title, %error, "invoice PDF rendering panicked");
                Err(PortError::Internal(format!("invoice PDF: {error}")))
            }
        }
    }
}
