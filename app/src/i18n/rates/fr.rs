//! The rate screens in French.

use super::RatesTexts;
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::{QuoteError, Refusal, MAX_NIGHTS};
use crate::i18n::count_fr;
use chrono::NaiveDate;

fn plan_delete_question(name: &str) -> String {
    format!("Supprimer le tarif « {name} » et ses saisons ?")
}

fn plan_in_use(count: usize) -> String {
    match count {
        1 => "Ce tarif est utilisé par un logement : choisissez-lui un autre tarif avant de le supprimer.".into(),
        n => format!("Ce tarif est utilisé par {n} logements : choisissez-leur un autre tarif avant de le supprimer."),
    }
}

fn date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    format!("du {} au {}", date(first), date(last))
}

fn nights(count: i64) -> String {
    count_fr(count, "nuit", "nuits")
}

fn q_supplement(extra: u16, unit: Money, count: i64) -> String {
    let guests = if extra == 1 { "voyageur" } else { "voyageurs" };
    format!(
        "Supplément : {extra} {guests} en plus × {unit} × {}",
        nights(count)
    )
}

fn q_discount_duration(from: u16, percent: Percent) -> String {
    format!("Réduction séjour de {from} nuits et plus ({percent})")
}

fn q_discount_manual(percent: Percent) -> String {
    format!("Réduction manuelle ({percent})")
}

fn q_on_base(base: Money) -> String {
    format!("sur {base}")
}

fn q_quantity(quantity: u32, unit: Money) -> String {
    format!("{quantity} × {unit}")
}

fn adults(count: u16) -> String {
    if count == 1 {
        "1 adulte".into()
    } else {
        format!("{count} adultes")
    }
}

fn q_tax_adults(persons: u16, count: i64, unit: Money) -> String {
    format!("{} × {} × {unit}", adults(persons), nights(count))
}

fn q_tax_children(persons: u16, count: i64) -> String {
    let children = if persons == 1 {
        "1 enfant".to_string()
    } else {
        format!("{persons} enfants")
    };
    format!("{children} × {} : exonérés", nights(count))
}

fn q_tax_surcharge(label: &str, rate: Percent, persons: u16, count: i64, unit: Money) -> String {
    format!(
        "{label} ({rate}) : {} × {} × {unit}",
        adults(persons),
        nights(count)
    )
}

fn q_vat_line(rate: Percent, including: Money) -> String {
    format!("TVA {rate} sur {including} TTC")
}

fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::MinimumStay { required, actual, season: Some(season) } => format!(
            "Séjour minimum de {} sur la période « {season} » : ce séjour n'y compte que {}.",
            nights(i64::from(*required)),
            nights(*actual)
        ),
        Refusal::MinimumStay { required, actual, season: None } => format!(
            "Séjour minimum de {} : ce séjour n'en compte que {}.",
            nights(i64::from(*required)),
            actual
        ),
        Refusal::TooManyGuests { guests, capacity } => format!(
            "Trop de voyageurs : {guests} adultes et enfants pour un logement de {capacity} personnes."
        ),
    }
}

fn quote_error(error: &QuoteError) -> String {
    match error {
        QuoteError::StayTooLong => format!("Un séjour compte au plus {MAX_NIGHTS} nuits."),
        QuoteError::DiscountTooHigh => "La réduction ne peut pas dépasser 100 %.".into(),
        QuoteError::DiscountDisabled => {
            "La remise manuelle est désactivée (Paramètres › Tarification).".into()
        }
    }
}

fn tax_summary_fixed(amount: Money) -> String {
    format!("{amount} par adulte et par nuit")
}

fn tax_summary_percentage(rate: Percent, cap: Money) -> String {
    format!("{rate} du prix par personne, plafonné à {cap}")
}

/// The French rate texts.
pub static TEXTS: RatesTexts = RatesTexts {
    nav_rates: "Tarifs",
    plans_title: "Tarifs",
    plans_intro: "Un tarif fixe le prix de base des nuits, les saisons, les suppléments et les frais. \
                  Chaque logement utilise un tarif ou un prix fixe (« Libre »).",
    plan_add: "Nouveau tarif",
    plans_empty: "Aucun tarif pour l'instant. Créez-en un pour que les prix se calculent seuls.",
    col_base_price: "Prix de base",
    col_seasons: "Saisons",
    col_properties: "Logements",
    plan_new_title: "Nouveau tarif",
    plan_base_title: "Tarif de base",
    plan_name: "Nom du tarif",
    nightly: "Prix par nuit (€)",
    weekly: "Prix à la semaine (€)",
    weekly_hint: "Facultatif. Pour les séjours de 7 nuits et plus, chaque nuit coûte 1/7 de ce prix, sans réduction en %.",
    weekend: "Prix week-end (€)",
    weekend_hint: "Facultatif. Nuits du vendredi et du samedi.",
    guests_included: "Voyageurs inclus",
    extra_guest_fee: "Supplément par voyageur en plus et par nuit (€)",
    extra_guest_hint: "Adultes et enfants au-delà des voyageurs inclus ; les « autres » ne comptent pas.",
    plan_minimum_stay: "Séjour minimum (nuits)",
    plan_minimum_hint: "Facultatif. Vide : le minimum global des paramètres s'applique.",
    tourist_tax: "Taxe de séjour",
    no_tax: "Aucune",
    flat_fees: "Frais forfaitaires",
    flat_fees_hint: "Facturés une fois par séjour, quels que soient sa durée et le nombre de voyageurs.",
    no_options_yet: "Aucune option prédéfinie : créez-en dans Paramètres › Options et taxes de séjour.",
    plan_saved: "Tarif enregistré.",
    plan_deleted: "Tarif supprimé.",
    plan_delete: "Supprimer ce tarif",
    plan_delete_question,
    plan_in_use,
    plan_unused: "Aucun logement n'utilise ce tarif : choisissez-le dans la fiche d'un logement.",
    plan_properties: "Logements à ce tarif",
    seasons_title: "Saisons",
    seasons_help: "Glissez sur les jours pour créer une saison, cliquez sur une saison pour la modifier. \
                   Là où deux saisons se chevauchent, la plus chère s'applique.",
    seasons_empty: "Aucune saison : le prix de base s'applique toute l'année.",
    season_add: "Ajouter une saison",
    season_new_title: "Nouvelle saison",
    season_edit_title: "Modifier la saison",
    season_name: "Nom de la saison",
    first_night: "Première nuit",
    last_night: "Dernière nuit",
    season_minimum: "Séjour minimum sur la période (nuits)",
    no_discounts: "Aucune réduction sur cette période",
    season_saved: "Saison enregistrée.",
    season_deleted: "Saison supprimée.",
    season_delete: "Supprimer la saison",
    overlap: "Chevauchement",
    previous_year: "Année précédente",
    next_year: "Année suivante",
    col_dates: "Période",
    col_minimum: "Minimum",
    base_price_legend: "Prix de base",
    month_names: [
        "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre",
        "Octobre", "Novembre", "Décembre",
    ],
    weekday_initials: ["L", "M", "M", "J", "V", "S", "D"],
    date,
    date_range,
    nights,
    try_title: "Essayer un séjour",
    try_hint: "Le prix se calcule dans votre navigateur avec les règles du serveur.",
    arrival: "Arrivée",
    departure: "Départ",
    adults: "Adultes",
    children: "Enfants",
    others: "Autres",
    others_hint: "Bébés… : ni comptés dans la capacité, ni dans les prix.",
    manual_discount: "Réduction manuelle (%)",
    forfait: "Forfait (€)",
    platform_tax: "Taxe de séjour collectée par la plateforme",
    q_nights: "Nuits",
    q_basis_nightly: "prix nuit",
    q_basis_weekend: "prix week-end",
    q_basis_weekly: "1/7 du prix semaine",
    q_supplement,
    q_discount_duration,
    q_discount_manual,
    q_on_base,
    q_forfait: "Forfait (remplace le prix calculé)",
    q_computed: "Prix calculé",
    q_flat_fee: "frais forfaitaires",
    q_quantity,
    q_tax_adults,
    q_tax_children,
    q_tax_surcharge,
    q_tax_platform: "Taxe de séjour collectée par la plateforme : aucune ligne de taxe.",
    q_vat_line,
    q_stay: "Séjour",
    q_charges: "Frais et options",
    q_tax: "Taxe de séjour",
    q_excl_vat: "Total HT",
    q_vat: "TVA",
    q_total_incl_vat: "Total TTC",
    q_total: "Total",
    q_show_detail: "Voir le détail",
    q_hide_detail: "Masquer le détail",
    q_accepted: "Séjour conforme aux règles du tarif.",
    refusal,
    quote_error,
    pricing_title: "Tarification",
    global_minimum: "Séjour minimum global (nuits)",
    manual_discount_enabled: "Proposer une réduction en % dans les réservations",
    vat_enabled: "Appliquer la TVA",
    vat_rate: "Taux de TVA du séjour (%)",
    vat_hint: "Les prix saisis s'entendent TTC. La taxe de séjour n'est jamais soumise à la TVA.",
    discounts_title: "Réductions selon la durée du séjour",
    discounts_hint: "Un seuil s'applique à tous les séjours d'au moins ce nombre de nuits, jusqu'au seuil suivant \
                     (de 2 à 120 nuits). Les réductions ne portent ni sur les options, ni sur la taxe de séjour, \
                     ni sur les nuits au prix semaine.",
    from_nights: "À partir de (nuits)",
    percent: "Réduction (%)",
    discount_add: "Ajouter un seuil",
    remove: "Retirer",
    pricing_saved: "Paramètres de tarification enregistrés.",
    catalogue_title: "Options et taxes de séjour",
    options_title: "Options prédéfinies",
    options_hint: "Ménage, linge, repas… à proposer dans les réservations ou comme frais forfaitaires d'un tarif.",
    options_empty: "Aucune option prédéfinie.",
    option_label: "Désignation",
    unit_price: "Prix unitaire (€)",
    option_vat: "TVA (%)",
    option_add: "Ajouter l'option",
    option_saved: "Option enregistrée.",
    deleted: "Supprimé.",
    taxes_title: "Taxes de séjour",
    taxes_hint: "Une taxe par commune ou par classement, choisie sur le tarif ou sur le logement. \
                 Seuls les adultes la paient ; les enfants sont exonérés, les « autres » ne comptent pas.",
    taxes_empty: "Aucune taxe de séjour.",
    tax_name: "Nom",
    tax_method: "Mode de calcul",
    method_fixed: "Montant fixe par adulte et par nuit",
    method_percentage: "Pourcentage du prix par personne (logements non classés)",
    tax_amount: "Montant ou plafond (€)",
    tax_amount_hint: "Montant par adulte et par nuit, ou plafond par personne et par nuit pour le pourcentage.",
    tax_rate: "Taux (%)",
    departmental: "Taxe additionnelle départementale (%)",
    regional: "Taxe additionnelle régionale (%)",
    regional_hint: "Par exemple 15 %, 34 % ou 200 % selon la région.",
    tax_add: "Ajouter la taxe",
    tax_saved: "Taxe de séjour enregistrée.",
    tax_in_use: "Cette taxe est utilisée par un tarif ou un logement : retirez-la d'abord.",
    tax_summary_fixed,
    tax_summary_percentage,
    rates_settings_title: "Tarifs et taxes",
    rates_settings_intro: "Séjour minimum, réductions, TVA, options prédéfinies et taxes de séjour.",
    property_tax_from_plan: "Celle du tarif",
};
