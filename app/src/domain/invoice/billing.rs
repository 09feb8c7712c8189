//! The organisation's billing settings (seed 004 "Outils - Préférences - Facturation"): who issues
//! invoices, their title, arrhes or acompte, the legal mentions (with the seed's examples per legal
//! form), the categories for reports, and whether a paid invoice moves its booking to "Payé".

use crate::domain::field::{optional_id, optional_text, FieldError, FieldErrors};
use crate::domain::ids::StatusId;
use crate::domain::invoice::kinds::{AdvanceWording, DocumentTitle};
use serde::{Deserialize, Serialize};

/// Longest mention block, in characters.
pub const MAX_MENTIONS: usize = 2_000;
/// Most categories.
pub const MAX_CATEGORIES: usize = 30;

/// Who issues invoices and contracts (seed 004 "Option Multi-Propriétaires").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssuerMode {
    /// « Par défaut, les factures et les contrats sont émis au nom du propriétaire du logement ».
    #[default]
    Owner,
    /// Everything in the manager's name.
    Manager,
}

impl IssuerMode {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            IssuerMode::Owner => "owner",
            IssuerMode::Manager => "manager",
        }
    }

    /// Parses [`IssuerMode::code`].
    pub fn from_code(code: &str) -> Option<IssuerMode> {
        [IssuerMode::Owner, IssuerMode::Manager]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

/// A legal form with its example mentions (seed 004 "Exemples de mentions légales").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalForm {
    /// « Activité en nom propre (pas de structure juridique) ».
    Individual,
    /// « Auto-Entrepreneur, Entreprise Individuelle ».
    AutoEntrepreneur,
    /// « Associations ».
    Association,
    /// « EURL, SARL ».
    Company,
}

/// The three blocks of mentions printed at the bottom of an invoice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    /// « Mentions légales ».
    pub legal: String,
    /// « Règlement »: how to pay (bank details).
    pub payment: String,
    /// « Conditions de facturation ».
    pub conditions: String,
}

const BANK: &str =
    "Coordonnées bancaires :\nBanque : xxxxx Guichet : xxxxx Compte : xxxxxxxxxxx Clé : xx";
const NOT_SUBJECT_TO_VAT: &str =
    "TVA non applicable ou exonérée, article 293 B du CGI.\nPaiement comptant à réception de la facture.";

impl LegalForm {
    /// Every form, in the order offered.
    pub const ALL: [LegalForm; 4] = [
        LegalForm::Individual,
        LegalForm::AutoEntrepreneur,
        LegalForm::Association,
        LegalForm::Company,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            LegalForm::Individual => "individual",
            LegalForm::AutoEntrepreneur => "auto_entrepreneur",
            LegalForm::Association => "association",
            LegalForm::Company => "company",
        }
    }

    /// Parses [`LegalForm::code`].
    pub fn from_code(code: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The seed's example mentions for this form, word for word (the "x" are to be replaced).
    pub fn example(self) -> Mentions {
        let (legal, conditions) = match self {
            LegalForm::Individual => ("", ""),
            LegalForm::AutoEntrepreneur => ("SIRET : xxx xxx xxx xxxxx\nCode APE : xxx x", NOT_SUBJECT_TO_VAT),
            LegalForm::Association => ("SIRET : xxx xxx xxx xxxxx\nCode APE : xxx x", NOT_SUBJECT_TO_VAT),
            LegalForm::Company => (
                "SIRET : xxx xxx xxx xxxxx\nCode APE : xxx x\nN° TVA : xx xxx xxx xxx xxx\nEURL, SARL au capital de xx xxx €\nVille du siège social\nRCS de (ville du greffe d’immatriculation)",
                NOT_SUBJECT_TO_VAT,
            ),
        };
        Mentions {
            legal: legal.into(),
            payment: BANK.into(),
            conditions: conditions.into(),
        }
    }

    /// The title the seed recommends: « Les particuliers ne pouvant émettre de facture, choisissez
    /// l'intitulé "Reçu" au lieu de "Facture" ».
    pub fn suggested_title(self) -> DocumentTitle {
        match self {
            LegalForm::Individual => DocumentTitle::Receipt,
            _ => DocumentTitle::Invoice,
        }
    }
}

/// The default categories (seed 004 "Utiliser les catégories": 1 "-", 2 "Séjour", 3 "Taxe séjour").
pub fn default_categories() -> Vec<String> {
    vec!["-".into(), "Séjour".into(), "Taxe de séjour".into()]
}

/// The billing settings as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingSettings {
    /// Who issues.
    pub issuer_mode: IssuerMode,
    /// The manager's name as printed (when the manager issues, or a property has no owner).
    pub manager_name: String,
    /// The manager's address.
    pub manager_address: String,
    /// Default title of new invoices.
    pub title: DocumentTitle,
    /// Arrhes or acompte.
    pub wording: AdvanceWording,
    /// The mentions printed.
    pub mentions: Mentions,
    /// Categories for reports; the first is the default, the second the stay's, the third the
    /// tourist tax's.
    pub categories: Vec<String>,
    /// The status a booking takes when its invoice is fully paid (`None`: turned off).
    pub paid_status: Option<StatusId>,
}

impl BillingSettings {
    /// The category of stay lines.
    pub fn stay_category(&self) -> String {
        self.categories
            .get(1)
            .cloned()
            .unwrap_or_else(|| "-".into())
    }

    /// The category of tourist-tax lines.
    pub fn tax_category(&self) -> String {
        self.categories
            .get(2)
            .cloned()
            .unwrap_or_else(|| "-".into())
    }

    /// The category of other lines.
    pub fn default_category(&self) -> String {
        self.categories
            .first()
            .cloned()
            .unwrap_or_else(|| "-".into())
    }

    /// The settings as a form.
    pub fn to_form(&self, version: i64) -> BillingForm {
        BillingForm {
            issuer_mode: self.issuer_mode.code().into(),
            manager_name: self.manager_name.clone(),
            manager_address: self.manager_address.clone(),
            title: self.title.code().into(),
            wording: self.wording.code().into(),
            legal: self.mentions.legal.clone(),
            payment: self.mentions.payment.clone(),
            conditions: self.mentions.conditions.clone(),
            categories: self.categories.join("\n"),
            paid_status: self.paid_status.map(|s| s.to_string()).unwrap_or_default(),
            version,
        }
    }
}

/// The billing settings as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingForm {
    /// [`IssuerMode::code`].
    pub issuer_mode: String,
    /// Manager's name.
    pub manager_name: String,
    /// Manager's address.
    pub manager_address: String,
    /// [`DocumentTitle::code`].
    pub title: String,
    /// [`AdvanceWording::code`].
    pub wording: String,
    /// Legal mentions.
    pub legal: String,
    /// Payment details.
    pub payment: String,
    /// Conditions.
    pub conditions: String,
    /// One category per line.
    pub categories: String,
    /// Status id, empty for "do not change the booking".
    pub paid_status: String,
    /// Version the form was opened at.
    pub version: i64,
}

impl BillingForm {
    /// Checks every field.
    pub fn validate(&self) -> Result<BillingSettings, FieldErrors> {
        let mut errors: FieldErrors = Vec::new();
        let mut check = |field: &str, result: Result<String, FieldError>| {
            result
                .map_err(|e| errors.push((field.into(), e)))
                .unwrap_or_default()
        };
        let manager_name = check("manager_name", optional_text(&self.manager_name, 200));
        let manager_address = check("manager_address", optional_text(&self.manager_address, 500));
        let legal = check("legal", optional_text(&self.legal, MAX_MENTIONS));
        let payment = check("payment", optional_text(&self.payment, MAX_MENTIONS));
        let conditions = check("conditions", optional_text(&self.conditions, MAX_MENTIONS));
        let issuer_mode = IssuerMode::from_code(&self.issuer_mode);
        let title = DocumentTitle::from_code(&self.title);
        let wording = AdvanceWording::from_code(&self.wording);
        let paid_status = optional_id::<StatusId>(&self.paid_status);
        let categories = categories(&self.categories);
        if issuer_mode.is_none() {
            errors.push(("issuer_mode".into(), FieldError::InvalidChoice));
        }
        if title.is_none() {
            errors.push(("title".into(), FieldError::InvalidChoice));
        }
        if wording.is_none() {
            errors.push(("wording".into(), FieldError::InvalidChoice));
        }
        if let Err(error) = &paid_status {
            errors.push(("paid_status".into(), error.clone()));
        }
        if let Err(error) = &categories {
            errors.push(("categories".into(), error.clone()));
        }
        match (issuer_mode, title, wording, paid_status, categories) {
            (Some(issuer_mode), Some(title), Some(wording), Ok(paid_status), Ok(categories))
                if errors.is_empty() =>
            {
                Ok(BillingSettings {
                    issuer_mode,
                    manager_name,
                    manager_address,
                    title,
                    wording,
                    mentions: Mentions {
                        legal,
                        payment,
                        conditions,
                    },
                    categories,
                    paid_status,
                })
            }
            _ => Err(errors),
        }
    }
}

/// One category per line, trimmed, none empty or repeated, at most [`MAX_CATEGORIES`]; the first
/// three are kept in place (default, stay, tourist tax).
fn categories(raw: &str) -> Result<Vec<String>, FieldError> {
    let names: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(String::from)
        .collect();
    if names.len() < 3 {
        return Err(FieldError::TooShort { min: 3 });
    }
    if names.len() > MAX_CATEGORIES {
        return Err(FieldError::OutOfRange {
            min: 3,
            max: MAX_CATEGORIES as i64,
        });
    }
    if names.iter().any(|name| name.chars().count() > 60) {
        return Err(FieldError::TooLong { max: 60 });
    }
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(FieldError::Duplicate);
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_mentions_per_legal_form() {
        let company = LegalForm::Company.example();
        assert!(company
            .legal
            .contains("RCS de (ville du greffe d’immatriculation)"));
        assert!(company
            .conditions
            .contains("TVA non applicable ou exonérée, article 293 B du CGI."));
        assert!(company
            .conditions
            .contains("Paiement comptant à réception de la facture."));
        // « Mentions légales Aucune … Conditions de facturation Aucune » for an individual.
        let individual = LegalForm::Individual.example();
        assert_eq!(
            (individual.legal.as_str(), individual.conditions.as_str()),
            ("", "")
        );
        assert!(individual
            .payment
            .contains("Banque : xxxxx Guichet : xxxxx"));
        assert_eq!(
            LegalForm::Individual.suggested_title(),
            DocumentTitle::Receipt
        );
    }

    #[test]
    fn the_settings_form_round_trips_and_refuses_bad_categories() {
        let settings = BillingSettings {
            categories: default_categories(),
            mentions: LegalForm::AutoEntrepreneur.example(),
            ..BillingSettings::default()
        };
        assert_eq!(settings.to_form(3).validate(), Ok(settings.clone()));
        let mut form = settings.to_form(3);
        form.categories = "-\nSéjour\n-".into();
        assert_eq!(
            form.validate(),
            Err(vec![("categories".into(), FieldError::Duplicate)])
        );
        form.categories = "-".into();
        assert_eq!(
            form.validate(),
            Err(vec![("categories".into(), FieldError::TooShort { min: 3 })])
        );
    }
}
