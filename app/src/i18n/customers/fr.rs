//! The customers screen, the export and the status settings in French.

use super::{uses_in_words, CustomersTexts};
use crate::domain::booking::StatusUses;
use chrono::{Datelike, NaiveDate};

const DAYS: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// "lun. 12 juil. 2027", as UI.md writes dates (also used by the public pages).
pub fn date(day: NaiveDate) -> String {
    let weekday = DAYS
        .get(day.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or_default();
    let month = MONTHS
        .get(day.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{weekday} {} {month} {}", day.day(), day.year())
}

fn stay(arrival: NaiveDate, departure: NaiveDate) -> String {
    format!("du {} au {}", date(arrival), date(departure))
}

fn none_found(search: &str) -> String {
    format!("Aucun client ne correspond à « {search} ». Essayez une partie du nom, de l'email ou du téléphone.")
}

fn customer_count(count: i64) -> String {
    match count {
        0 => "Aucun client".into(),
        1 => "1 client".into(),
        n => format!("{n} clients"),
    }
}

fn page_of(page: i64, pages: i64) -> String {
    format!("Page {page} sur {pages}")
}

fn export_file(year: i32) -> String {
    format!("liste-des-clients-{year}")
}

fn status_count(count: usize, max: usize) -> String {
    format!("{count} statuts sur {max} possibles.")
}

fn status_edit_title(name: &str) -> String {
    format!("Modifier le statut « {name} »")
}

fn move_up(name: &str) -> String {
    format!("Monter « {name} »")
}

fn move_down(name: &str) -> String {
    format!("Descendre « {name} »")
}

fn edit_status(name: &str) -> String {
    format!("Modifier « {name} »")
}

fn delete_status(name: &str) -> String {
    format!("Supprimer « {name} »")
}

fn delete_question(name: &str) -> String {
    format!("Supprimer le statut « {name} » ? Aucune réservation ne l'utilise.")
}

fn status_limit(max: usize) -> String {
    format!(
        "Vous avez déjà {max} statuts, le maximum. Renommez un statut existant ou supprimez-en un \
         qu'aucune réservation n'utilise."
    )
}

/// What uses a status, with `feed` as the noun for feeds (singular, plural).
fn uses_phrase(uses: StatusUses, feed: (&str, &str)) -> Option<String> {
    uses_in_words(uses, ("réservation", "réservations"), feed, "et")
}

fn status_in_use(uses: StatusUses) -> String {
    let what = uses_phrase(uses, ("calendrier synchronisé", "calendriers synchronisés"))
        .unwrap_or_default();
    let change = match (uses.bookings, uses.feeds) {
        (1, 0) => "changez son statut",
        (_, 0) => "changez leur statut",
        (0, _) => "choisissez un autre statut dans la page Synchronisation",
        _ => "changez leur statut (celui des calendriers dans la page Synchronisation)",
    };
    format!("Ce statut est utilisé par {what} : {change} avant de le supprimer, ou renommez-le.")
}

fn status_uses(uses: StatusUses) -> String {
    uses_phrase(uses, ("calendrier", "calendriers")).unwrap_or_else(|| "aucune".into())
}

/// The French texts.
pub static TEXTS: CustomersTexts = CustomersTexts {
    nav_customers: "Clients",
    customers_title: "Clients",
    search_label: "Rechercher un client",
    search_hint: "Nom, email ou téléphone.",
    customers_empty: "Aucun client pour l'instant. Les clients sont enregistrés avec leurs réservations, depuis le planning.",
    none_found,
    customer_count,
    page_of,
    previous_page: "Page précédente",
    next_page: "Page suivante",
    col_name: "Nom",
    col_contact: "Email et téléphone",
    col_bookings: "Réservations",
    customer_title: "Fiche client",
    details_title: "Coordonnées",
    back_to_list: "← Tous les clients",
    customer_saved: "Coordonnées enregistrées.",
    bookings_title: "Réservations",
    no_bookings: "Aucune réservation pour ce client.",
    col_property: "Logement",
    col_stay: "Séjour",
    col_status: "Statut",
    col_price: "Prix",
    stay,
    export_title: "Export de la liste des clients",
    export_intro: "Les clients ayant au moins une réservation arrivant dans l'année choisie, avec leurs adresses, emails et téléphones. Filtrez par logement ou par statut.",
    export_year: "Année",
    export_property: "Logement",
    export_status: "Statut",
    all_properties: "Tous les logements",
    all_statuses: "Tous les statuts",
    export_csv: "Télécharger en CSV (Excel)",
    export_xlsx: "Télécharger en XLSX",
    export_columns: [
        "Nom",
        "Adresse",
        "Emails",
        "Téléphones",
        "Réservations",
        "Première arrivée",
        "Logements",
    ],
    export_date_format: "%d/%m/%Y",
    export_sheet: "Clients",
    export_file,
    statuses_title: "Statuts des réservations",
    statuses_intro: "Les statuts colorent les réservations du planning et forment sa légende, dans cet ordre. Renommez-les, changez leur couleur, ajoutez-en jusqu'à 20. Un statut qu'une réservation ou un calendrier synchronisé utilise ne peut pas être supprimé.",
    status_count,
    col_color: "Couleur",
    col_status_name: "Statut",
    col_used: "Utilisé par",
    status_name: "Nom du statut",
    status_color: "Couleur",
    status_color_hex: "Code couleur",
    status_color_hint: "Au format #rrggbb, par exemple #16a34a.",
    status_new_title: "Nouveau statut",
    status_edit_title,
    status_add: "Ajouter le statut",
    status_added: "Statut ajouté.",
    status_saved: "Statut enregistré.",
    status_deleted: "Statut supprimé.",
    status_moved: "Ordre des statuts enregistré.",
    move_up,
    move_down,
    edit_status,
    delete_status,
    delete_question,
    delete_confirm: "Supprimer le statut",
    status_limit,
    status_in_use,
    status_uses,
    cannot_move: "Ce statut est déjà au bout de la liste.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_in_ui_md() {
        let day = NaiveDate::from_ymd_opt(2027, 7, 12).unwrap_or_default();
        assert_eq!(date(day), "lun. 12 juil. 2027");
    }

    #[test]
    fn the_refusal_says_how_many_bookings_and_feeds_use_the_status() {
        let uses = |bookings, feeds| StatusUses { bookings, feeds };
        assert_eq!(
            status_in_use(uses(3, 0)),
            "Ce statut est utilisé par 3 réservations : changez leur statut avant de le supprimer, \
             ou renommez-le."
        );
        assert!(status_in_use(uses(1, 0)).starts_with("Ce statut est utilisé par 1 réservation :"));
        assert_eq!(
            status_in_use(uses(0, 1)),
            "Ce statut est utilisé par 1 calendrier synchronisé : choisissez un autre statut dans \
             la page Synchronisation avant de le supprimer, ou renommez-le."
        );
        assert!(status_in_use(uses(2, 3)).starts_with(
            "Ce statut est utilisé par 2 réservations et 3 calendriers synchronisés :"
        ));
        assert_eq!(status_uses(uses(0, 0)), "aucune");
        assert_eq!(status_uses(uses(1, 2)), "1 réservation et 2 calendriers");
    }
}
