//! HTTP routes outside Leptos (downloads): each checks the session and the role exactly as a server
//! function does (`app::api::guard`), answers errors as a short sentence in the user's language with
//! the right status, and never takes the organisation from the request.

pub mod customer_export;
mod customer_xlsx;
mod guard;
pub mod invoice_pdf;
