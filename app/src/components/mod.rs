//! Reusable pieces of interface: form fields with their messages, notices, the language switch.

pub mod field;
pub mod language;
pub mod notice;
pub mod quote_breakdown;
