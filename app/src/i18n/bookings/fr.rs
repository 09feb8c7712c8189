//! The planning and the booking form in French.

use super::BookingsTexts;
use crate::domain::booking::Origin;
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn short(day: NaiveDate) -> String {
    day.format("%d/%m").to_string()
}

fn months(count: u32) -> String {
    if count == 1 {
        "1 mois".into()
    } else {
        format!("{count} mois")
    }
}

fn overbookings(count: usize) -> String {
    match count {
        0 => "Aucune surréservation".into(),
        1 => "1 surréservation".into(),
        n => format!("{n} surréservations"),
    }
}

fn overbooking_line(property: &str, first: NaiveDate, end: NaiveDate) -> String {
    format!("{property} : nuits du {} au {}", short(first), short(end))
}

fn bar_label(guest: &str, status: &str, arrival: NaiveDate, departure: NaiveDate) -> String {
    let who = if guest.is_empty() { status } else { guest };
    format!(
        "{who} — {status}, du {} au {}",
        short(arrival),
        short(departure)
    )
}

fn free_cell(property: &str, day: NaiveDate) -> String {
    format!(
        "Nouvelle réservation : {property}, arrivée le {}",
        short(day)
    )
}

fn month_name(day: NaiveDate) -> String {
    let name = MONTHS
        .get(day.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{name} {}", day.year())
}

fn weekday_initial(day: NaiveDate) -> &'static str {
    ["L", "M", "M", "J", "V", "S", "D"]
        .get(day.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or_default()
}

fn guest_found(name: &str, bookings: i64) -> String {
    match bookings {
        0 => name.to_owned(),
        1 => format!("{name} (1 réservation)"),
        n => format!("{name} ({n} réservations)"),
    }
}

fn guest_picked(name: &str) -> String {
    format!("Client existant : {name}. Les changements de ses coordonnées seront enregistrés sur sa fiche.")
}

fn option_quantity(label: &str, price: &str) -> String {
    format!("{label} ({price} l'unité)")
}

fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Unknown => "Non renseignée",
        Origin::Direct => "Contact direct (téléphone, email)",
        Origin::Website => "Site internet",
        Origin::WordOfMouth => "Bouche-à-oreille",
        Origin::Returning => "Client fidèle",
        Origin::Airbnb => "Airbnb",
        Origin::BookingCom => "Booking.com",
        Origin::Vrbo => "Abritel / Vrbo",
        Origin::Other => "Autre",
    }
}

fn member_refusal(property: &str, reason: &str) -> String {
    format!("{property} : {reason}")
}

fn group_moves_together(properties: usize) -> String {
    format!("Réservation groupée : les nouvelles dates s'appliquent aux {properties} logements du groupe.")
}

fn stay_refused(reasons: &[String]) -> String {
    format!(
        "Ce séjour ne respecte pas vos règles : {} Cochez « Enregistrer quand même » pour l'enregistrer malgré tout.",
        reasons.join(" ")
    )
}

fn sold_at(price: &str) -> String {
    format!("Vendue {price} : ce prix reste celui de la réservation même si vos tarifs changent, tant que vous ne modifiez pas le séjour.")
}

fn ghost_nights(nights: i64) -> String {
    if nights == 1 {
        "1 nuit".into()
    } else {
        format!("{nights} nuits")
    }
}

fn move_summary(guest: &str, property: &str, arrival: NaiveDate, departure: NaiveDate) -> String {
    let nights = (departure - arrival).num_days();
    format!(
        "{guest} — {property}, du {} au {} ({})",
        arrival.format("%d/%m/%Y"),
        departure.format("%d/%m/%Y"),
        ghost_nights(nights)
    )
}

fn price_change(before: &str, after: &str) -> String {
    if before == after {
        format!("Prix inchangé : {after}")
    } else {
        format!("Prix : {before} → {after}")
    }
}

/// French.
pub static TEXTS: BookingsTexts = BookingsTexts {
    previous_month: "Mois précédent",
    next_month: "Mois suivant",
    today: "Aujourd'hui",
    months_shown: "Mois affichés",
    months,
    zoom: "Zoom",
    zoom_levels: ["Compact", "Normal", "Large"],
    zoom_hint: "Ctrl + molette pour zoomer",
    filter_owner: "Propriétaire",
    all_owners: "Tous les propriétaires",
    filter_status: "Statut",
    all_statuses: "Tous les statuts",
    new_booking: "Nouvelle réservation",
    properties_column: "Logements",
    no_owner: "Sans propriétaire",
    no_properties: "Aucun logement : le planning montrera une ligne par logement.",
    add_property: "Ajoutez votre premier logement →",
    planning_hint: "Cliquez sur un jour libre pour réserver une nuit, ou glissez sur plusieurs jours ; glissez une réservation pour la déplacer, son bord droit pour changer sa durée. Au clavier : bouton « Nouvelle réservation », ou Entrée sur une réservation.",
    loading: "Chargement du planning…",
    legend: "Légende",
    overbooked: "Surréservation",
    overbookings,
    overbookings_title: "Surréservations de la période affichée",
    no_overbookings: "Aucune surréservation sur la période affichée.",
    overbooking_line,
    bar_label,
    free_cell,
    month_name,
    weekday_initial,
    form_new_title: "Nouvelle réservation",
    form_edit_title: "Modifier la réservation",
    property: "Logement",
    choose_property: "Choisissez un logement",
    nights: "Nuits",
    status: "Statut",
    guest_title: "Client",
    guest_search: "Rechercher un client existant",
    guest_search_hint: "Nom, email ou téléphone ; ou remplissez les champs pour un nouveau client.",
    guest_found,
    guest_none_found: "Aucun client trouvé : remplissez les champs, il sera créé.",
    guest_clear: "Nouveau client",
    guest_picked,
    customer_name: "Nom du client",
    customer_address: "Adresse",
    customer_emails: "Emails",
    customer_phones: "Téléphones",
    several_hint: "Plusieurs : séparez-les par une virgule.",
    guests_title: "Voyageurs",
    price_title: "Prix",
    options_title: "Options",
    option_quantity,
    forfait: "Forfait",
    forfait_hint: "Un prix total qui remplace le prix calculé du séjour.",
    deposit: "Arrhes",
    origin: "Origine",
    origin_name,
    more_title: "Informations",
    notes: "Informations complémentaires",
    notes_hint: "Échanges avec le client, date de réception des arrhes…",
    contract_message: "Message contrat",
    contract_message_hint: "Imprimé dans les conditions particulières du contrat (heure d'arrivée, accord particulier…).",
    force: "Enregistrer quand même",
    force_hint: "Passe outre la durée minimum ou la capacité ; c'est noté sur la réservation.",
    stay_refused,
    forced_badge: "Règles forcées",
    total: "Total",
    quote_pending: "Le prix s'affiche dès que les dates et les voyageurs sont valides.",
    sold_at,
    saved: "Réservation enregistrée.",
    created: "Réservation créée.",
    deleted: "Réservation supprimée.",
    delete: "Supprimer",
    delete_question: "Supprimer définitivement cette réservation ? Elle disparaîtra du planning.",
    delete_confirm: "Oui, supprimer",
    close: "Fermer",
    conflict_reloaded: "Quelqu'un a modifié cette réservation pendant que vous l'éditiez : ses nouvelles valeurs sont affichées. Refaites votre changement puis enregistrez.",
    ghost_nights,
    move_title: "Déplacer la réservation",
    resize_title: "Changer la durée du séjour",
    move_summary,
    price_change,
    quoting: "Calcul du nouveau prix…",
    confirm: "Confirmer",
    moved: "Réservation modifiée.",
    undo: "Annuler",
    undone: "Modification annulée.",
    move_conflict: "Cette réservation a été modifiée entre-temps par quelqu'un d'autre : le planning est rechargé, refaites le déplacement.",
    member_refusal,
    grouped: "Réservation groupée",
    grouped_hint: "Plusieurs logements aux mêmes dates pour un même client, un seul prix (la somme). Décocher cette case sort ce logement du groupe : sa réservation reste et ses dates deviennent modifiables seules.",
    group_title: "Autres logements du groupe",
    group_total: "Total de la réservation groupée",
    group_bar: "Réservation groupée",
    group_moves_together,
};
