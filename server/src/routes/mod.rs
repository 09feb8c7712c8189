//! HTTP routes outside Leptos (downloads, image uploads): each checks the session and the role
//! exactly as a server function does (`app::api::guard`), answers errors as a short sentence in the
//! user's language with the right status, and never takes the organisation from the request.

pub mod contract_pdf;
pub mod customer_export;
mod customer_xlsx;
mod guard;
pub mod ical_export;
pub mod images;
pub mod invoice_pdf;
mod pdf;
mod provider_ics;
pub mod provider_link;
pub mod public;
