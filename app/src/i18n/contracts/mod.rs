//! Words of contracts: the contract's own wording (with default general conditions) and the
//! contract screens, in French and English.

pub mod en;
pub mod fr;

use crate::domain::contract::ContractWording;
use crate::i18n::Lang;

/// Every string of contracts, in one language.
#[allow(missing_docs)]
pub struct ContractTexts {
    /// How a contract is worded.
    pub wording: ContractWording,
    pub title: &'static str,
    pub default_general_conditions: &'static str,
    pub default_deposit_label: &'static str,
    pub contract_button: &'static str,
    pub page_title: &'static str,
    pub back_to_planning: &'static str,
    pub intro: &'static str,
    pub generated_on: fn(&str) -> String,
    pub lang_label: &'static str,
    pub manual_deposit_label: &'static str,
    pub manual_deposit_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub regenerate: &'static str,
    pub regenerate_confirm: &'static str,
    pub regenerate_button: &'static str,
    pub regenerated: &'static str,
    pub download: &'static str,
    pub print: &'static str,
    pub save_first: &'static str,
    pub block_label: fn(&str) -> String,
    pub message_label: &'static str,
    pub signatures_label: &'static str,
    pub changed_meanwhile: &'static str,
    pub settings_title: &'static str,
    pub settings_intro: &'static str,
    pub disclaimer: &'static str,
    pub arrhes_section: &'static str,
    pub arrhes_mode: &'static str,
    pub arrhes_manual: &'static str,
    pub arrhes_fixed: &'static str,
    pub arrhes_percent: &'static str,
    pub arrhes_value: &'static str,
    pub arrhes_hint: &'static str,
    pub lines_section: &'static str,
    pub nights_line: &'static str,
    pub persons_lines: &'static str,
    pub address_label: &'static str,
    pub address_property: &'static str,
    pub address_billing: &'static str,
    pub property_name: &'static str,
    pub balance_line: &'static str,
    pub balance_terms: &'static str,
    pub balance_terms_hint: &'static str,
    pub options_lines: &'static str,
    pub deposit_section: &'static str,
    pub deposit_mode: &'static str,
    pub deposit_hidden: &'static str,
    pub deposit_property: &'static str,
    pub deposit_percent: &'static str,
    pub deposit_fixed: &'static str,
    pub deposit_manual: &'static str,
    pub deposit_value: &'static str,
    pub deposit_label: &'static str,
    pub texts_section: &'static str,
    pub special_conditions: &'static str,
    pub special_conditions_hint: &'static str,
    pub annexes: &'static str,
    pub general_conditions: &'static str,
    pub annex_descriptions: &'static str,
    pub images_section: &'static str,
    pub logo: &'static str,
    pub signature: &'static str,
    pub image_hint: &'static str,
    pub image_none: &'static str,
    pub image_remove: &'static str,
    pub image_saved: &'static str,
    pub image_refused: &'static str,
    pub image_too_big: &'static str,
    pub logo_on_contracts: &'static str,
    pub logo_on_invoices: &'static str,
    pub sign_general_conditions: &'static str,
    pub settings_saved: &'static str,
    pub settings_link: &'static str,
}

/// The texts of a contract's language code ("fr", "en").
pub fn texts_of(lang: &str) -> &'static ContractTexts {
    match Lang::from_code(lang) {
        Lang::Fr => &fr::TEXTS,
        Lang::En => &en::TEXTS,
    }
}
