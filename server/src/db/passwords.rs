//! Password hashing with argon2 (on the blocking pool: a hash takes tens of milliseconds) and
//! temporary passwords for new users.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::Rng;

/// Hashes `password` into a PHC string.
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("argon2: {e}"))
    })
    .await?
}

/// A hash of a random password, verified against when the email is unknown so that the time taken
/// does not reveal which emails have accounts.
const DECOY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2Fpc29uLWRlY295LXNhbHQ$4Yl5bqbyD9lKPqmcP8Udo3ngxVDmRD3dq2C3dX3Y0mk";

/// Whether `password` matches `stored` (or, when `stored` is None, spends the same time and says no).
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let hash_text = stored.unwrap_or_else(|| DECOY_HASH.to_string());
        let parsed =
            PasswordHash::new(&hash_text).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await?
}

/// A temporary password: 14 characters without look-alikes (no 0/O, 1/l/I).
pub fn temporary() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    (0..14)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() -> anyhow::Result<()> {
        let stored = hash("correct horse battery".into()).await?;
        assert!(verify("correct horse battery".into(), Some(stored.clone())).await?);
        assert!(!verify("wrong horse battery".into(), Some(stored)).await?);
        Ok(())
    }

    #[tokio::test]
    async fn unknown_accounts_never_match() -> anyhow::Result<()> {
        assert!(!verify("anything".into(), None).await?);
        Ok(())
    }

    #[test]
    fn temporary_passwords_are_long_and_varied() {
        let a = temporary();
        assert_eq!(a.chars().count(), 14);
        assert_ne!(a, temporary());
    }
}
