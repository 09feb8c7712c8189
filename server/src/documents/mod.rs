//! PDF documents rendered in process with typst: [`TypstDocuments`] implements the app's
//! [`DocumentRenderer`]. The standard library, the bundled fonts and the templates are built once per
//! process; each document is one small [`world::DocumentWorld`] whose template reads the values
//! prepared by [`app::domain::invoice::print`] from `/data.json` — user text reaches typst as data,
//! never as markup.

mod world;

use app::domain::contract::{ContractPrint, DocumentImage};
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
use world::{file_id, DocumentWorld, DATA_PATH, LOGO_PATH, MAIN_PATH, SIGNATURE_PATH};

/// The invoice template (also used for credit notes, receipts and quittances).
const INVOICE_TEMPLATE: &str = include_str!("templates/invoice.typ");
/// The contract template.
const CONTRACT_TEMPLATE: &str = include_str!("templates/contract.typ");
/// The contract template's own path (each template is a distinct main file).
const CONTRACT_PATH: &str = "/contract.typ";

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
    logo_id: typst::syntax::FileId,
    signature_id: typst::syntax::FileId,
    invoice: Source,
    contract: Source,
}

/// The images of a document, given beside its values.
#[derive(Clone, Debug, Default)]
pub struct Images {
    /// The logo, served as `/logo`.
    pub logo: Option<DocumentImage>,
    /// The scanned signature, served as `/signature`.
    pub signature: Option<DocumentImage>,
}

impl Images {
    /// `value` (a document's values as JSON) with the images' formats added as `logo_format` and
    /// `signature_format`, which the templates read to place them.
    fn describe(&self, mut value: serde_json::Value) -> serde_json::Value {
        if let Some(fields) = value.as_object_mut() {
            for (key, image) in [
                ("logo_format", &self.logo),
                ("signature_format", &self.signature),
            ] {
                if let Some(image) = image {
                    fields.insert(key.into(), serde_json::Value::String(image.format.clone()));
                }
            }
        }
        value
    }
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
        self.render_invoice_with(print, &Images::default())
    }

    /// Renders an invoice with its logo.
    pub fn render_invoice_with(
        &self,
        print: &InvoicePrint,
        images: &Images,
    ) -> Result<Vec<u8>, RenderError> {
        let shared = self.parts()?;
        render(
            shared,
            &shared.invoice,
            serde_json::to_value(print)?,
            images,
        )
    }

    /// Renders a contract with its logo and signature.
    pub fn render_contract(
        &self,
        print: &ContractPrint,
        images: &Images,
    ) -> Result<Vec<u8>, RenderError> {
        let shared = self.parts()?;
        render(
            shared,
            &shared.contract,
            serde_json::to_value(print)?,
            images,
        )
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
        let logo_id = file_id(LOGO_PATH).ok_or_else(|| refused(LOGO_PATH))?;
        let signature_id = file_id(SIGNATURE_PATH).ok_or_else(|| refused(SIGNATURE_PATH))?;
        let contract_id = file_id(CONTRACT_PATH).ok_or_else(|| refused(CONTRACT_PATH))?;
        Ok(Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            data_id,
            logo_id,
            signature_id,
            invoice: Source::new(main_id, INVOICE_TEMPLATE.to_owned()),
            contract: Source::new(contract_id, CONTRACT_TEMPLATE.to_owned()),
        })
    }
}

/// Compiles `template` with `data` as `/data.json` (and the images) and exports the PDF.
fn render(
    shared: &Shared,
    template: &Source,
    data: serde_json::Value,
    images: &Images,
) -> Result<Vec<u8>, RenderError> {
    let data = serde_json::to_vec(&images.describe(data))?;
    let world = DocumentWorld::new(shared, template, data).with_images(
        images.logo.as_ref().map(|i| i.bytes.clone()),
        images.signature.as_ref().map(|i| i.bytes.clone()),
    );
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

impl TypstDocuments {
    /// Renders off the async threads with `job`, logging a failure with the document's `title`.
    async fn in_background(
        &self,
        title: &str,
        job: impl FnOnce(&TypstDocuments) -> Result<Vec<u8>, RenderError> + Send + 'static,
    ) -> PortResult<Vec<u8>> {
        let renderer = self.clone();
        match tokio::task::spawn_blocking(move || job(&renderer)).await {
            Ok(Ok(pdf)) => Ok(pdf),
            Ok(Err(error)) => {
                tracing::error!(document = %title, %error, "PDF rendering failed");
                Err(PortError::Internal(format!("PDF: {error}")))
            }
            Err(error) => {
                tracing::error!(document = %title, %error, "PDF rendering panicked");
                Err(PortError::Internal(format!("PDF: {error}")))
            }
        }
    }
}

#[async_trait]
impl DocumentRenderer for TypstDocuments {
    async fn invoice_pdf(
        &self,
        print: &InvoicePrint,
        logo: Option<DocumentImage>,
    ) -> PortResult<Vec<u8>> {
        let print = print.clone();
        let images = Images {
            logo,
            signature: None,
        };
        self.in_background(&print.title.clone(), move |r| {
            r.render_invoice_with(&print, &images)
        })
        .await
    }

    async fn contract_pdf(
        &self,
        print: &ContractPrint,
        logo: Option<DocumentImage>,
        signature: Option<DocumentImage>,
    ) -> PortResult<Vec<u8>> {
        let print = print.clone();
        let images = Images { logo, signature };
        self.in_background(&print.title.clone(), move |r| {
            r.render_contract(&print, &images)
        })
        .await
    }
}
