//! The organisation's contract settings (seed 004 "Personnalisation des contrats"): how the arrhes
//! and the security deposit are computed, which lines the particular conditions print, the address
//! shown, and the texts (generic special conditions, annexes, general conditions).

use crate::domain::field::{optional_text, FieldError, FieldErrors};
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use serde::{Deserialize, Serialize};

/// Longest free text of the settings, in characters.
pub const MAX_CONTRACT_TEXT: usize = 20_000;

/// How the arrhes are computed (« Calcul des arrhes »).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArrhesMode {
    /// The deposit typed on the booking form.
    #[default]
    Manual,
    /// One amount for every booking.
    Fixed(Money),
    /// A percentage of the stay.
    Percent(Percent),
}

/// How the security deposit is computed (« Calcul du dépôt de garantie »).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DepositMode {
    /// Not printed.
    Hidden,
    /// The amount of each property (property form); a group sums them.
    #[default]
    PerProperty,
    /// A percentage of the stay.
    Percent(Percent),
    /// One amount for every booking.
    Fixed(Money),
    /// Typed on the contract screen.
    Manual,
}

/// Which address the contract gives for the rented home.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AddressChoice {
    /// Each property's own address.
    #[default]
    Property,
    /// The billing address (the same for every property).
    Billing,
}

/// The settings as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractSettings {
    /// Arrhes.
    pub arrhes: ArrhesMode,
    /// « Nombre de nuitées »: a line with the number of nights.
    pub nights_line: bool,
    /// « Nombre de personnes »: a line per kind of guest.
    pub persons_lines: bool,
    /// Address shown.
    pub address: AddressChoice,
    /// The property's name before its address.
    pub property_name: bool,
    /// « Solde »: a line with the balance (price − arrhes, options excluded) and its terms.
    pub balance_line: bool,
    /// Terms of the balance ("à régler 30 jours avant l'arrivée").
    pub balance_terms: String,
    /// « Options »: a line per option and their total.
    pub options_lines: bool,
    /// Security deposit.
    pub deposit: DepositMode,
    /// Its label ("Dépôt de garantie", "Caution"…).
    pub deposit_label: String,
    /// « Conditions particulières génériques ».
    pub special_conditions: String,
    /// « Annexes ».
    pub annexes: String,
    /// « Conditions générales ».
    pub general_conditions: String,
    /// Annex each property's contractual description (« état descriptif »).
    pub annex_descriptions: bool,
    /// Print the logo on contracts.
    pub logo_on_contracts: bool,
    /// Print the logo on invoices.
    pub logo_on_invoices: bool,
    /// The scanned signature also at the end of the general conditions.
    pub sign_general_conditions: bool,
}

impl ContractSettings {
    /// The defaults, with `general_conditions` (in the organisation's language).
    pub fn defaults(general_conditions: &str, deposit_label: &str) -> ContractSettings {
        ContractSettings {
            arrhes: ArrhesMode::Manual,
            nights_line: true,
            persons_lines: true,
            address: AddressChoice::Property,
            property_name: true,
            balance_line: true,
            balance_terms: String::new(),
            options_lines: true,
            deposit: DepositMode::PerProperty,
            deposit_label: deposit_label.into(),
            special_conditions: String::new(),
            annexes: String::new(),
            general_conditions: general_conditions.into(),
            annex_descriptions: true,
            logo_on_contracts: true,
            logo_on_invoices: true,
            sign_general_conditions: false,
        }
    }

    /// The settings as a form.
    pub fn to_form(&self, version: i64) -> ContractSettingsForm {
        let (arrhes_mode, arrhes_value) = match self.arrhes {
            ArrhesMode::Manual => ("manual", String::new()),
            ArrhesMode::Fixed(m) => ("fixed", m.to_input()),
            ArrhesMode::Percent(p) => ("percent", p.to_input()),
        };
        let (deposit_mode, deposit_value) = match self.deposit {
            DepositMode::Hidden => ("hidden", String::new()),
            DepositMode::PerProperty => ("property", String::new()),
            DepositMode::Percent(p) => ("percent", p.to_input()),
            DepositMode::Fixed(m) => ("fixed", m.to_input()),
            DepositMode::Manual => ("manual", String::new()),
        };
        ContractSettingsForm {
            arrhes_mode: arrhes_mode.into(),
            arrhes_value,
            nights_line: self.nights_line,
            persons_lines: self.persons_lines,
            address: match self.address {
                AddressChoice::Property => "property".into(),
                AddressChoice::Billing => "billing".into(),
            },
            property_name: self.property_name,
            balance_line: self.balance_line,
            balance_terms: self.balance_terms.clone(),
            options_lines: self.options_lines,
            deposit_mode: deposit_mode.into(),
            deposit_value,
            deposit_label: self.deposit_label.clone(),
            special_conditions: self.special_conditions.clone(),
            annexes: self.annexes.clone(),
            general_conditions: self.general_conditions.clone(),
            annex_descriptions: self.annex_descriptions,
            logo_on_contracts: self.logo_on_contracts,
            logo_on_invoices: self.logo_on_invoices,
            sign_general_conditions: self.sign_general_conditions,
            version,
        }
    }
}

/// The settings as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ContractSettingsForm {
    /// "manual", "fixed" or "percent".
    pub arrhes_mode: String,
    /// The amount or percentage for "fixed" / "percent".
    pub arrhes_value: String,
    pub nights_line: bool,
    pub persons_lines: bool,
    /// "property" or "billing".
    pub address: String,
    pub property_name: bool,
    pub balance_line: bool,
    pub balance_terms: String,
    pub options_lines: bool,
    /// "hidden", "property", "percent", "fixed" or "manual".
    pub deposit_mode: String,
    pub deposit_value: String,
    pub deposit_label: String,
    pub special_conditions: String,
    pub annexes: String,
    pub general_conditions: String,
    pub annex_descriptions: bool,
    pub logo_on_contracts: bool,
    pub logo_on_invoices: bool,
    pub sign_general_conditions: bool,
    /// Version opened.
    pub version: i64,
}

impl ContractSettingsForm {
    /// Checks every field.
    pub fn validate(&self) -> Result<ContractSettings, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        let mut text = |field: &str, raw: &str, max: usize| {
            optional_text(raw, max)
                .map_err(|e| errors.push((field.into(), e)))
                .unwrap_or_default()
        };
        let balance_terms = text("balance_terms", &self.balance_terms, 500);
        let deposit_label = text("deposit_label", &self.deposit_label, 60);
        let special_conditions = text(
            "special_conditions",
            &self.special_conditions,
            MAX_CONTRACT_TEXT,
        );
        let annexes = text("annexes", &self.annexes, MAX_CONTRACT_TEXT);
        let general_conditions = text(
            "general_conditions",
            &self.general_conditions,
            MAX_CONTRACT_TEXT,
        );
        let arrhes = match self.arrhes_mode.as_str() {
            "manual" => Some(ArrhesMode::Manual),
            "fixed" => note(
                &mut errors,
                "arrhes_value",
                Money::parse_non_negative(&self.arrhes_value),
            )
            .map(ArrhesMode::Fixed),
            "percent" => note(
                &mut errors,
                "arrhes_value",
                Percent::parse(&self.arrhes_value, 100),
            )
            .map(ArrhesMode::Percent),
            _ => {
                errors.push(("arrhes_mode".into(), FieldError::InvalidChoice));
                None
            }
        };
        let deposit = match self.deposit_mode.as_str() {
            "hidden" => Some(DepositMode::Hidden),
            "property" => Some(DepositMode::PerProperty),
            "manual" => Some(DepositMode::Manual),
            "fixed" => note(
                &mut errors,
                "deposit_value",
                Money::parse_non_negative(&self.deposit_value),
            )
            .map(DepositMode::Fixed),
            "percent" => note(
                &mut errors,
                "deposit_value",
                Percent::parse(&self.deposit_value, 100),
            )
            .map(DepositMode::Percent),
            _ => {
                errors.push(("deposit_mode".into(), FieldError::InvalidChoice));
                None
            }
        };
        let address = match self.address.as_str() {
            "property" => Some(AddressChoice::Property),
            "billing" => Some(AddressChoice::Billing),
            _ => {
                errors.push(("address".into(), FieldError::InvalidChoice));
                None
            }
        };
        match (arrhes, deposit, address) {
            (Some(arrhes), Some(deposit), Some(address)) if errors.is_empty() => {
                Ok(ContractSettings {
                    arrhes,
                    nights_line: self.nights_line,
                    persons_lines: self.persons_lines,
                    address,
                    property_name: self.property_name,
                    balance_line: self.balance_line,
                    balance_terms,
                    options_lines: self.options_lines,
                    deposit,
                    deposit_label,
                    special_conditions,
                    annexes,
                    general_conditions,
                    annex_descriptions: self.annex_descriptions,
                    logo_on_contracts: self.logo_on_contracts,
                    logo_on_invoices: self.logo_on_invoices,
                    sign_general_conditions: self.sign_general_conditions,
                })
            }
            _ => Err(errors),
        }
    }
}

fn note<T>(errors: &mut FieldErrors, field: &str, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push((field.into(), e))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_round_trips_and_names_bad_values() {
        let mut settings = ContractSettings::defaults("CG", "Dépôt de garantie");
        settings.arrhes = ArrhesMode::Percent(Percent::points(30));
        settings.deposit = DepositMode::Fixed(Money::from_cents(50_000));
        assert_eq!(settings.to_form(2).validate(), Ok(settings.clone()));
        let mut form = settings.to_form(2);
        form.arrhes_value = "130".into();
        form.deposit_mode = "autre".into();
        assert_eq!(
            form.validate(),
            Err(vec![
                (
                    "arrhes_value".into(),
                    FieldError::OutOfRange { min: 0, max: 100 }
                ),
                ("deposit_mode".into(), FieldError::InvalidChoice)
            ])
        );
    }
}
