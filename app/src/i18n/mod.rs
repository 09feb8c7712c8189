//! User-facing words in French (default, complete) and English. Every string is a field of
//! [`Texts`], so a language that misses one does not compile. Pick the table with [`texts`].
//!
//! The language is chosen by the `saison_lang` cookie; the server renders `<html lang>` from it and the
//! browser reads it back from there, so both sides always agree.

pub mod bookings;
pub mod contracts;
pub mod customers;
mod en;
mod fr;
pub mod invoices;
pub mod mail;
pub mod providers;
pub mod public;
pub mod rates;
pub mod sync;

pub use crate::domain::lang::{Lang, LANG_COOKIE};

use crate::domain::field::FieldError;
use crate::domain::role::Role;

/// A French count with its noun: 0 and 1 take the singular ("0 nuit", "1 nuit", "3 nuits").
pub(crate) fn count_fr(count: i64, one: &str, many: &str) -> String {
    if count > 1 {
        format!("{count} {many}")
    } else {
        format!("{count} {one}")
    }
}

/// An English count with its noun: only 1 takes the singular ("0 nights", "1 night").
pub(crate) fn count_en(count: i64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

/// `{a}, {b}`: placeholder names written as they are typed in a template.
fn braced(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every string of the interface, in one language. Field names say where each string is used.
#[allow(missing_docs)]
pub struct Texts {
    /// The language these texts are in.
    pub lang: Lang,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_planning: &'static str,
    pub nav_bookings: &'static str,
    pub nav_properties: &'static str,
    pub nav_invoices: &'static str,
    pub nav_reports: &'static str,
    pub nav_settings: &'static str,
    pub nav_account: &'static str,
    pub logout: &'static str,
    pub switch_language: &'static str,
    pub switch_language_label: &'static str,
    pub loading: &'static str,
    pub not_built_title: &'static str,
    pub not_built_body: fn(&str) -> String,
    pub page_not_found: &'static str,
    pub back_home: &'static str,
    pub form_has_errors: &'static str,
    pub bad_parameters: &'static str,
    pub field_tourist_tax: &'static str,
    /// The words of the planning and the booking form.
    pub bookings: &'static bookings::BookingsTexts,
    /// The words of the rate screens and quotes.
    pub rates: &'static rates::RatesTexts,
    /// The words of the customers screen, its export and the status settings.
    pub customers: &'static customers::CustomersTexts,
    /// The words of email: settings, templates, outbox, compose.
    pub mail: &'static mail::MailTexts,
    /// The words of invoices and their documents.
    pub invoices: &'static invoices::InvoiceTexts,
    /// The words of contracts.
    pub contracts: &'static contracts::ContractTexts,
    /// The words of the calendar sync page.
    pub sync: &'static sync::SyncTexts,
    /// The words of the public pages (calendar, search, booking request).
    pub public: &'static public::PublicTexts,
    /// The providers' side (SPEC C11).
    pub providers: &'static providers::ProviderTexts,
    pub save: &'static str,
    pub cancel: &'static str,
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub organisation_name: &'static str,
    pub admin_name: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub password_confirmation: &'static str,
    pub password_hint: &'static str,
    pub setup_submit: &'static str,
    pub setup_done: &'static str,
    pub login_title: &'static str,
    pub login_submit: &'static str,
    pub login_failed: &'static str,
    pub login_throttled: &'static str,
    pub properties_title: &'static str,
    pub property_add: &'static str,
    pub properties_empty: &'static str,
    pub col_name: &'static str,
    pub col_owner: &'static str,
    pub col_capacity: &'static str,
    pub col_price: &'static str,
    pub col_bookings: &'static str,
    pub col_public: &'static str,
    pub col_actions: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub per_night: &'static str,
    pub fixed_price_label: &'static str,
    pub guests: fn(u16) -> String,
    pub edit: &'static str,
    pub delete: &'static str,
    pub property_new_title: &'static str,
    pub property_edit_title: &'static str,
    pub field_name: &'static str,
    pub field_address: &'static str,
    pub field_capacity: &'static str,
    pub field_owner: &'static str,
    pub no_owner: &'static str,
    pub field_pricing: &'static str,
    pub pricing_plan: &'static str,
    pub pricing_fixed: &'static str,
    pub field_rate_plan: &'static str,
    pub choose_rate_plan: &'static str,
    pub field_fixed_price: &'static str,
    pub field_security_deposit: &'static str,
    pub field_description: &'static str,
    pub description_hint: &'static str,
    pub field_registration_number: &'static str,
    pub registration_hint: &'static str,
    pub field_classification: &'static str,
    pub unclassified: &'static str,
    pub stars: fn(u8) -> String,
    pub field_principal_residence: &'static str,
    pub principal_residence_hint: &'static str,
    pub field_public_listing: &'static str,
    pub property_saved: &'static str,
    pub property_created: &'static str,
    pub property_deleted: &'static str,
    pub delete_question: fn(&str, i64) -> String,
    pub delete_confirm: &'static str,
    pub settings_title: &'static str,
    pub users_title: &'static str,
    pub user_add_title: &'static str,
    pub user_name: &'static str,
    pub user_role: &'static str,
    pub user_add_submit: &'static str,
    pub temporary_password: fn(&str, &str) -> String,
    pub users_admin_only: &'static str,
    pub organisation_title: &'static str,
    pub language_title: &'static str,
    pub account_title: &'static str,
    pub change_password_title: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub change_password_submit: &'static str,
    pub password_changed: &'static str,
    pub must_change_password: &'static str,
    pub signed_in_as: fn(&str, &str) -> String,
    pub err_unauthenticated: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_conflict: &'static str,
    pub err_internal: &'static str,
    pub err_cross_site: &'static str,
    pub err_network: &'static str,
    /// The name of a role.
    pub role_name: fn(Role) -> &'static str,
    /// The sentence shown next to a refused field.
    pub field_error: fn(&FieldError) -> String,
}

impl Texts {
    /// An amount written in this language ("1 234,50 €" / "€1,234.50").
    pub fn money(&self, amount: crate::domain::money::Money) -> String {
        match self.lang {
            Lang::Fr => amount.format_fr(),
            Lang::En => amount.format_en(),
        }
    }
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &fr::TEXTS,
        Lang::En => &en::TEXTS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_is_the_default_and_english_is_chosen_by_cookie() {
        assert_eq!(Lang::from_cookie_header(""), Lang::Fr);
        assert_eq!(Lang::from_cookie_header("a=b; saison_lang=en"), Lang::En);
        assert_eq!(Lang::from_cookie_header("saison_lang=de"), Lang::Fr);
    }

    #[test]
    fn field_errors_read_as_sentences() {
        let fr = texts(Lang::Fr);
        assert_eq!(
            (fr.field_error)(&FieldError::Required),
            "Ce champ est obligatoire."
        );
        assert_eq!(
            (fr.field_error)(&FieldError::OutOfRange { min: 1, max: 50 }),
            "Indiquez un nombre entre 1 et 50."
        );
        let en = texts(Lang::En);
        assert_eq!(
            (en.field_error)(&FieldError::Required),
            "This field is required."
        );
    }

    #[test]
    fn the_delete_question_says_how_many_bookings_go() {
        let fr = texts(Lang::Fr);
        assert_eq!(
            (fr.delete_question)("Gîte", 0),
            "Supprimer « Gîte » ? Il n'a aucune réservation."
        );
        assert_eq!(
            (fr.delete_question)("Gîte", 1),
            "Supprimer « Gîte » ? Sa réservation sera supprimée aussi."
        );
        assert_eq!(
            (fr.delete_question)("Gîte", 12),
            "Supprimer « Gîte » ? Ses 12 réservations seront supprimées aussi."
        );
    }
}
