//! Email's tables: the organisation's sending settings, its edited templates, and the outbox. The
//! SMTP work itself lives in `crate::mail`; these functions only read and write rows, always
//! filtered by the organisation (the worker's claims are filtered by the message's own).

pub mod outbox;
pub mod settings;
pub mod templates;
