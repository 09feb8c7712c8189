//! The public pages in French.

use super::{PublicTexts, RequestNotice};
use crate::domain::money::Money;
use crate::domain::stay::Stay;
use crate::i18n::count_fr;
use crate::i18n::customers::fr::date;
use chrono::NaiveDate;

fn nights(count: i64) -> String {
    count_fr(count, "nuit", "nuits")
}

fn persons(adults: u16, children: u16) -> String {
    let adults_text = if adults == 1 {
        "1 adulte".to_string()
    } else {
        format!("{adults} adultes")
    };
    match children {
        0 => adults_text,
        1 => format!("{adults_text}, 1 enfant"),
        n => format!("{adults_text}, {n} enfants"),
    }
}

fn calendar_title(name: &str) -> String {
    format!("Disponibilités — {name}")
}

fn registration(number: &str) -> String {
    format!("N° d'enregistrement : {number}")
}

fn capacity(count: u16) -> String {
    if count == 1 {
        "1 personne".into()
    } else {
        format!("Jusqu'à {count} personnes")
    }
}

fn minimum_stay_run(first: NaiveDate, last: NaiveDate, count: u16) -> String {
    format!(
        "Arrivée du {} au {} : séjour de {} minimum",
        first.format("%d/%m"),
        last.format("%d/%m"),
        nights(i64::from(count))
    )
}

fn results(count: usize, stay: Stay) -> String {
    let homes = if count == 1 {
        "1 logement libre".to_string()
    } else {
        format!("{count} logements libres")
    };
    format!(
        "{homes} du {} au {} ({})",
        date(stay.arrival()),
        date(stay.departure()),
        nights(stay.nights())
    )
}

fn total_for(count: i64) -> String {
    format!("Total pour {}", nights(count))
}

fn request_title(name: &str) -> String {
    format!("Votre demande — {name}")
}

fn your_stay(stay: Stay, adults: u16, children: u16) -> String {
    format!(
        "Du {} au {} · {} · {}",
        date(stay.arrival()),
        date(stay.departure()),
        nights(stay.nights()),
        persons(adults, children)
    )
}

fn received_body(email: &str) -> String {
    format!("Merci ! Votre demande est bien arrivée. Un email récapitulatif part vers {email} ; le propriétaire vous répond au plus vite. Ces dates vous sont réservées en option en attendant sa réponse.")
}

fn confirmed_body(email: &str) -> String {
    format!("Merci ! Votre réservation est confirmée. Un email récapitulatif part vers {email}.")
}

fn notice_subject(notice: &RequestNotice) -> String {
    let kind = if notice.instant {
        "Nouvelle réservation en ligne"
    } else {
        "Nouvelle demande de réservation"
    };
    format!(
        "{kind} : {} du {} au {}",
        notice.property,
        notice.stay.arrival().format("%d/%m/%Y"),
        notice.stay.departure().format("%d/%m/%Y")
    )
}

fn notice_body(notice: &RequestNotice) -> String {
    let (name, email, phone) = &notice.guest;
    let message = if notice.message.is_empty() {
        "(aucun message)".to_string()
    } else {
        notice.message.clone()
    };
    format!(
        "{} — {} ({}), {}.\n\nVoyageur : {name}\nEmail : {email}\nTéléphone : {phone}\nPrix annoncé : {}\n\nMessage :\n{message}\n\nLa réservation est sur le planning avec le statut « {} ».",
        notice.property,
        your_stay(notice.stay, notice.guests.0, notice.guests.1),
        nights(notice.stay.nights()),
        if notice.instant { "réservée en ligne" } else { "demandée en ligne" },
        Money::format_fr(notice.total),
        notice.status
    )
}

/// The French texts.
pub const TEXTS: PublicTexts = PublicTexts {
    date,
    calendar_title,
    registration,
    capacity,
    legend: "Légende",
    state_free: "Libre",
    state_taken: "Réservé",
    state_arrival: "Arrivée possible (un séjour se termine le matin)",
    state_departure: "Départ possible (un séjour commence l'après-midi)",
    state_past: "Passé",
    weekdays: ["L", "M", "M", "J", "V", "S", "D"],
    weekdays_long: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    minimum_stay_run,
    earlier: "← Mois précédents",
    later: "Mois suivants →",
    book_this: "Voir les prix et réserver",
    search_title: "Rechercher un séjour",
    search_intro: "Choisissez vos dates et le nombre de voyageurs : les logements libres s'affichent avec leur prix exact.",
    search_submit: "Rechercher",
    results,
    no_result: "Aucun logement n'est libre à ces dates pour ce nombre de voyageurs (ou le séjour est plus court que le minimum demandé). Essayez d'autres dates.",
    total_for,
    request_button: "Demander à réserver",
    instant_button: "Réserver",
    instant_badge: "Réservation immédiate",
    request_title,
    request_intro: "Envoyez votre demande : le propriétaire vous répond par email. Rien n'est à payer maintenant.",
    instant_intro: "Ce logement se réserve immédiatement : votre réservation est confirmée dès l'envoi.",
    your_stay,
    name: "Nom et prénom",
    email: "Email",
    phone: "Téléphone",
    message: "Message au propriétaire",
    message_hint: "Heure d'arrivée, questions… (facultatif)",
    conditions_title: "Conditions de location",
    conditions_label: "J'ai lu et j'accepte les conditions de location",
    conditions_required: "Cochez cette case pour accepter les conditions de location.",
    honeypot_label: "Ne remplissez pas ce champ",
    send_request: "Envoyer la demande",
    send_instant: "Confirmer la réservation",
    form_errors: "Vérifiez les champs signalés : rien n'a été envoyé.",
    taken_now: "Ces dates ne sont plus disponibles : un autre voyageur vient de les réserver. Choisissez d'autres dates.",
    refused_intro: "Ce séjour ne respecte pas les règles du logement :",
    received_title: "Demande envoyée",
    received_body,
    confirmed_title: "Réservation confirmée",
    confirmed_body,
    back_to_search: "← Retour à la recherche",
    throttled: "Trop de demandes depuis votre connexion : réessayez dans une minute.",
    not_found: "Cette page n'existe pas ou n'est plus publiée.",
    unavailable: "Le service est momentanément indisponible. Réessayez dans quelques instants.",
    powered_by: "Réservation en ligne avec Saison",
    notice_subject,
    notice_body,
    settings_title: "Site web et réservation en ligne",
    settings_intro: "Le calendrier des disponibilités et la recherche de séjour à mettre sur votre site : seuls les logements « publiés en ligne » y apparaissent.",
    enabled_label: "Pages publiques actives (désactivées, leurs adresses répondent « page introuvable »)",
    addresses_title: "Adresses à donner",
    search_address: "Recherche de séjour (tous les logements publiés)",
    calendar_address: "Calendrier",
    no_listed_home: "Aucun logement n'est publié en ligne : cochez « Publié en ligne » sur la fiche d'un logement.",
    embed_title: "Intégrer à votre site",
    embed_hint: "Collez une de ces lignes dans une page de votre site. Ajoutez à l'adresse couleur=rrggbb, fond=rrggbb, texte=rrggbb, lang=en ou mois=1 à 12 pour l'habiller.",
    embed_script: "Une ligne de script (insère et dimensionne le cadre)",
    embed_iframe: "Ou un cadre (iframe)",
    copy: "Copier",
    copied: "Copié",
    statuses_title: "Statuts des réservations en ligne",
    request_status: "Statut d'une demande",
    instant_status: "Statut d'une réservation immédiate",
    default_request_status: "Par défaut : « Option »",
    default_instant_status: "Par défaut : « Arrhes payées »",
    instant_title: "Réservation immédiate",
    instant_hint: "Les logements cochés se réservent sans attendre votre réponse ; les autres envoient une demande.",
    conditions_field: "Conditions de location (le voyageur les accepte avant d'envoyer)",
    saved: "Réglages du site enregistrés.",
    renew: "Changer les adresses…",
    renew_question: "Les adresses actuelles ne fonctionneront plus (page introuvable) : il faudra remettre les nouvelles sur votre site. Continuer ?",
    renew_confirm: "Changer les adresses",
    renewed: "Nouvelles adresses créées ; les anciennes répondent « page introuvable ».",
    more_results: "Logements suivants →",
    settings_link: "Site web et réservation en ligne",
};
