//! The contract screens (SPEC C6): a booking's contract (blocks edited, regenerated, printed, sent)
//! and the "Contrat" button of the booking form. The settings page lives under `pages::settings`.

pub mod button;
pub mod editor;
