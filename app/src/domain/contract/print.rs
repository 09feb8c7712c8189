//! What a contract's PDF prints: its blocks as edited, and whether the logo and the signature are
//! placed. Images travel beside the values (never inside the JSON).

use serde::{Deserialize, Serialize};

/// A block as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintBlock {
    /// Heading ("" for a continuation of the previous block).
    pub heading: String,
    /// Text (line breaks kept).
    pub text: String,
    /// The scanned signature is printed after this block.
    pub signature_after: bool,
}

/// A contract as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractPrint {
    /// Language ("fr", "en").
    pub lang: String,
    /// Title ("Contrat de location saisonnière").
    pub title: String,
    /// The logo is printed at the top (an image is given).
    pub logo: bool,
    /// The blocks.
    pub blocks: Vec<PrintBlock>,
    /// Footer (the lessor's name).
    pub footer: String,
}

/// An image given to the renderer: its format ("png", "jpg", "svg") and bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentImage {
    /// "png", "jpg" or "svg".
    pub format: String,
    /// The file.
    pub bytes: Vec<u8>,
}

impl DocumentImage {
    /// Recognises a PNG, JPEG or SVG file by its first bytes; `None` for anything else.
    pub fn sniff(bytes: Vec<u8>) -> Option<DocumentImage> {
        let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            "png"
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            "jpg"
        } else {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
            if head.contains("<svg") {
                "svg"
            } else {
                return None;
            }
        };
        Some(DocumentImage {
            format: format.into(),
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_by_their_bytes() {
        assert_eq!(
            DocumentImage::sniff(b"\x89PNG\r\n\x1a\nrest".to_vec()).map(|i| i.format),
            Some("png".into())
        );
        assert_eq!(
            DocumentImage::sniff(vec![0xFF, 0xD8, 0xFF, 0xE0]).map(|i| i.format),
            Some("jpg".into())
        );
        assert_eq!(
            DocumentImage::sniff(b"<?xml version=\"1.0\"?><svg xmlns=\"x\"/>".to_vec())
                .map(|i| i.format),
            Some("svg".into())
        );
        assert_eq!(DocumentImage::sniff(b"GIF89a".to_vec()), None);
    }
}
