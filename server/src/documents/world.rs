//! The [`World`] of one document: the template as the main source, the document's values as
//! `/data.json`, and the process-wide library and fonts. Nothing is read from disk or the network,
//! and the file paths are fixed (typst interns every path for the life of the process).

use super::Shared;
use std::path::PathBuf;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// Path of the template, the document's main source.
pub(super) const MAIN_PATH: &str = "/main.typ";
/// Path of the document's values, read by the template with `json("/data.json")`.
pub(super) const DATA_PATH: &str = "/data.json";
/// Path of the logo, when one is given.
pub(super) const LOGO_PATH: &str = "/logo";
/// Path of the scanned signature, when one is given.
pub(super) const SIGNATURE_PATH: &str = "/signature";

/// The file id of a fixed path of the project (`None` only if the path is malformed).
pub(super) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One document being compiled: a template, its data and its images.
pub(super) struct DocumentWorld<'a> {
    shared: &'a Shared,
    main: &'a Source,
    data: Bytes,
    logo: Option<Bytes>,
    signature: Option<Bytes>,
}

impl<'a> DocumentWorld<'a> {
    /// The world compiling `main` with `data` as `/data.json` (and no image).
    pub(super) fn new(shared: &'a Shared, main: &'a Source, data: Vec<u8>) -> Self {
        Self {
            shared,
            main,
            data: Bytes::new(data),
            logo: None,
            signature: None,
        }
    }

    /// Serves `logo` as `/logo` and `signature` as `/signature`.
    pub(super) fn with_images(mut self, logo: Option<Vec<u8>>, signature: Option<Vec<u8>>) -> Self {
        self.logo = logo.map(Bytes::new);
        self.signature = signature.map(Bytes::new);
        self
    }

    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.shared.data_id {
            Err(FileError::NotSource)
        } else {
            Err(Self::not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else if id == self.shared.data_id {
            Ok(self.data.clone())
        } else if let (true, Some(logo)) = (id == self.shared.logo_id, &self.logo) {
            Ok(logo.clone())
        } else if let (true, Some(signature)) = (id == self.shared.signature_id, &self.signature) {
            Ok(signature.clone())
        } else {
            Err(Self::not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// No clock: a template printing "today" would make documents change with the day they are
    /// rendered; every date comes from the data.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
