//! Seals secrets stored in the database (the SMTP passwords) with the server's key:
//! ChaCha20-Poly1305, a fresh random nonce per secret, stored as `nonce ‖ ciphertext`. A database
//! copy without the key reveals nothing, and a tampered value is refused rather than misread.

use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use std::path::Path;

/// Bytes of a nonce at the start of a sealed value.
const NONCE_LEN: usize = 12;

/// The server's key for secrets at rest.
#[derive(Clone)]
pub struct SecretBox {
    cipher: ChaCha20Poly1305,
}

/// Why a key could not be loaded or a value opened.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The configured key is not 32 bytes written in base64.
    #[error("the secret key must be 32 bytes written in base64 (e.g. `openssl rand -base64 32`)")]
    BadKey,
    /// The key file could not be read or created.
    #[error("secret key file {path}: {source}")]
    File {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The sealed value was not made with this key, or was altered.
    #[error("a sealed secret could not be opened with this server's key")]
    Unreadable,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(…)")
    }
}

impl SecretBox {
    /// A box from a key written in base64 (32 bytes).
    pub fn from_base64(key: &str) -> Result<SecretBox, SecretError> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(key.trim())
            .map_err(|_| SecretError::BadKey)?;
        if bytes.len() != 32 {
            return Err(SecretError::BadKey);
        }
        Ok(SecretBox {
            cipher: ChaCha20Poly1305::new(Key::from_slice(&bytes)),
        })
    }

    /// A box with a new random key (tests, and the first start without a key file).
    pub fn generate() -> (SecretBox, String) {
        let key = ChaCha20Poly1305::generate_key(&mut OsRng);
        let text = base64::engine::general_purpose::STANDARD.encode(key);
        (
            SecretBox {
                cipher: ChaCha20Poly1305::new(&key),
            },
            text,
        )
    }

    /// The key kept in `path`, created there (readable by its owner only) on the first start.
    pub fn from_file(path: &Path) -> Result<SecretBox, SecretError> {
        let file_error = |source| SecretError::File {
            path: path.display().to_string(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(text) => SecretBox::from_base64(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(file_error)?;
                }
                let (secret_box, text) = SecretBox::generate();
                write_private(path, &text).map_err(file_error)?;
                Ok(secret_box)
            }
            Err(e) => Err(file_error(e)),
        }
    }

    /// `secret` sealed: a random nonce then the ciphertext with its tag.
    pub fn seal(&self, secret: &str) -> Vec<u8> {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption into a Vec only fails on lengths beyond any password's.
        let ciphertext = self
            .cipher
            .encrypt(&nonce, secret.as_bytes())
            .unwrap_or_default();
        let mut sealed = nonce.to_vec();
        sealed.extend(ciphertext);
        sealed
    }

    /// The secret inside `sealed`.
    pub fn open(&self, sealed: &[u8]) -> Result<String, SecretError> {
        if sealed.len() < NONCE_LEN {
            return Err(SecretError::Unreadable);
        }
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        let plain = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .map_err(|_| SecretError::Unreadable)?;
        String::from_utf8(plain).map_err(|_| SecretError::Unreadable)
    }
}

/// Writes a new file only its owner can read.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_with_its_key_only() {
        let (mine, _) = SecretBox::generate();
        let (other, _) = SecretBox::generate();
        let sealed = mine.seal("mot de passe SMTP");
        assert!(!String::from_utf8_lossy(&sealed).contains("mot de passe"));
        assert_eq!(
            mine.open(&sealed).ok().as_deref(),
            Some("mot de passe SMTP")
        );
        assert!(other.open(&sealed).is_err());
        assert_ne!(mine.seal("x"), mine.seal("x"), "a fresh nonce each time");
    }

    #[test]
    fn a_tampered_value_is_refused() {
        let (key, _) = SecretBox::generate();
        let mut sealed = key.seal("secret");
        if let Some(last) = sealed.last_mut() {
            *last ^= 1;
        }
        assert!(key.open(&sealed).is_err());
        assert!(key.open(&[1, 2, 3]).is_err());
    }

    #[test]
    fn the_key_file_is_created_once_then_reused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("data/secret.key");
        let first = SecretBox::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let sealed = first.seal("secret");
        let again = SecretBox::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.open(&sealed).ok().as_deref(), Some("secret"));
        assert!(SecretBox::from_base64("trop court").is_err());
    }
}
