//! Seasonal rental contracts (SPEC C6, seed 004 "Contrats de location saisonnière"): the settings,
//! the contract written from a booking as editable text blocks, and what its PDF prints.

pub mod facts;
pub mod generate;
pub mod print;
pub mod settings;

pub use facts::{ContractFacts, ContractWording, HomeFacts, OptionFacts, Party};
pub use generate::{amounts, generate, ContractAmounts};
pub use print::{ContractPrint, DocumentImage, PrintBlock};
pub use settings::{
    AddressChoice, ArrhesMode, ContractSettings, ContractSettingsForm, DepositMode,
};

use crate::domain::ids::BookingId;
use serde::{Deserialize, Serialize};

/// Longest block of a contract, in characters.
pub const MAX_BLOCK: usize = 30_000;

/// One editable block of a contract: a heading (empty for a continuation) and its text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractBlock {
    /// What it is ("parties", "home", "stay", "conditions", "message", "special", "signatures",
    /// "annexes", "general", "description").
    pub key: String,
    /// Heading.
    pub heading: String,
    /// Text (line breaks kept).
    pub text: String,
}

/// A booking's contract as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contract {
    /// The booking it belongs to (the first of a group).
    pub booking: BookingId,
    /// Optimistic version.
    pub version: i64,
    /// Language ("fr", "en").
    pub lang: String,
    /// The security deposit typed on this screen (manual mode), as typed.
    pub manual_deposit: String,
    /// The blocks, as generated then edited.
    pub blocks: Vec<ContractBlock>,
    /// When it was generated (UTC, RFC 3339).
    pub generated_at: String,
}

/// Checks the edited blocks: each text at most [`MAX_BLOCK`] characters; refused ones are named
/// `blocks.<index>`.
pub fn validate_blocks(blocks: &[ContractBlock]) -> Result<(), crate::domain::field::FieldErrors> {
    let errors: crate::domain::field::FieldErrors = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.text.chars().count() > MAX_BLOCK)
        .map(|(i, _)| {
            (
                format!("blocks.{i}"),
                crate::domain::field::FieldError::TooLong { max: MAX_BLOCK },
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
