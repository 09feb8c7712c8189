//! Words of the providers' side (SPEC C11), in French and English: the manager's "Prestataires"
//! screen, the note for providers on the booking form, and the provider's confidential planning (the
//! page, the secret-link page and the .ics feed's summaries).

pub mod en;
pub mod fr;

use crate::domain::pricing::Guests;
use crate::domain::provider::{ProviderKind, Turnover};
use chrono::NaiveDate;

/// Every string of the providers' side, in one language.
#[allow(missing_docs)]
pub struct ProviderTexts {
    pub nav: &'static str,
    pub nav_my_planning: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    pub col_name: &'static str,
    pub col_kind: &'static str,
    pub col_properties: &'static str,
    pub col_contact: &'static str,
    pub col_account: &'static str,
    pub col_actions: &'static str,
    pub kind_name: fn(ProviderKind) -> &'static str,
    pub no_properties: &'static str,
    pub no_account: &'static str,
    pub add_title: &'static str,
    pub edit_title: fn(&str) -> String,
    pub field_name: &'static str,
    pub field_kind: &'static str,
    pub field_email: &'static str,
    pub field_phone: &'static str,
    pub field_account: &'static str,
    pub account_hint: &'static str,
    pub field_properties: &'static str,
    pub properties_hint: &'static str,
    pub no_property_yet: &'static str,
    pub add_button: &'static str,
    pub save_button: &'static str,
    pub created: &'static str,
    pub saved: &'static str,
    pub edit: fn(&str) -> String,
    pub delete: fn(&str) -> String,
    pub delete_question: fn(&str) -> String,
    pub delete_confirm: &'static str,
    pub deleted: &'static str,
    pub links: fn(&str) -> String,
    pub links_button: &'static str,
    pub page_link: &'static str,
    pub ics_link: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub renew: fn(&str) -> String,
    pub renew_question: &'static str,
    pub renew_confirm: &'static str,
    pub renewed: &'static str,
    pub booking_note: &'static str,
    pub booking_note_hint: &'static str,
    pub planning_page_title: &'static str,
    pub planning_title: fn(&str) -> String,
    pub planning_for: fn(&str) -> String,
    pub period: fn(NaiveDate, NaiveDate) -> String,
    pub served: fn(&[String]) -> String,
    pub nothing: &'static str,
    pub no_property: &'static str,
    pub not_linked: &'static str,
    pub date: fn(NaiveDate) -> String,
    pub arrival: &'static str,
    pub departure: &'static str,
    pub stay_until: fn(NaiveDate) -> String,
    pub turnover: fn(Turnover) -> String,
    pub guests: fn(Guests) -> String,
    pub next_guests: fn(Guests) -> String,
    pub note: &'static str,
    pub subscribe: &'static str,
    pub subscribe_link: &'static str,
    pub link_not_found: &'static str,
    pub too_many_requests: &'static str,
    pub unavailable: &'static str,
    pub ics_name: fn(&str) -> String,
}

/// "2 adultes, 1 enfant" style counts: the parts that are not zero, joined; `none` when all are.
pub(crate) fn counts(parts: &[(u16, &str, &str)], none: &str) -> String {
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    if said.is_empty() {
        none.to_string()
    } else {
        said.join(", ")
    }
}
