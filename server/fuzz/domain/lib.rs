//! `app::domain` for the fuzz target: the real files of app/src/domain, nothing else (see Cargo.toml).

#[path = "../../../app/src/domain/mod.rs"]
pub mod domain;
