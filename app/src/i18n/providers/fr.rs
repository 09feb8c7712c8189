//! The providers' side in French.

use super::{counts, ProviderTexts};
use crate::domain::pricing::Guests;
use crate::domain::provider::{ProviderKind, Turnover};
use crate::i18n::customers::fr::date;

fn kind_name(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::Cleaning => "Ménage",
        ProviderKind::Linen => "Linge",
        ProviderKind::Maintenance => "Maintenance",
        ProviderKind::Other => "Autre",
    }
}

fn guests(g: Guests) -> String {
    counts(
        &[
            (g.adults, "adulte", "adultes"),
            (g.children, "enfant", "enfants"),
            (g.others, "autre (bébé…)", "autres (bébés…)"),
        ],
        "voyageurs non renseignés",
    )
}

fn turnover(turnover: Turnover) -> String {
    match turnover {
        Turnover::SameDay => "Arrivée suivante le même jour".into(),
        Turnover::Free {
            nights: 1,
            next_arrival,
        } => format!(
            "Logement libre 1 nuit, arrivée suivante le {}",
            date(next_arrival)
        ),
        Turnover::Free {
            nights,
            next_arrival,
        } => format!(
            "Logement libre {nights} nuits, arrivée suivante le {}",
            date(next_arrival)
        ),
        Turnover::NoNextArrival => "Pas d'arrivée prévue ensuite".into(),
    }
}

fn served(properties: &[String]) -> String {
    match properties {
        [] => "Aucun logement ne vous est confié.".into(),
        [one] => format!("Logement : {one}"),
        many => format!("Logements : {}", many.join(", ")),
    }
}

/// The French texts.
pub static TEXTS: ProviderTexts = ProviderTexts {
    nav: "Prestataires",
    nav_my_planning: "Mon planning",
    title: "Prestataires",
    intro: "Les prestataires (ménage, linge, maintenance) voient, pour les logements qu'ils servent \
            seulement, les arrivées, les départs, le temps libre entre deux séjours, le nombre de \
            voyageurs et vos notes pour eux — jamais les prix, les noms ni les coordonnées des clients.",
    empty: "Aucun prestataire. Ajoutez votre premier prestataire avec le formulaire ci-dessous.",
    col_name: "Nom",
    col_kind: "Activité",
    col_properties: "Logements servis",
    col_contact: "Contact",
    col_account: "Compte",
    col_actions: "Actions",
    kind_name,
    no_properties: "Aucun logement",
    no_account: "Aucun (lien secret seulement)",
    add_title: "Ajouter un prestataire",
    edit_title: |name| format!("Modifier « {name} »"),
    field_name: "Nom",
    field_kind: "Activité",
    field_email: "Email",
    field_phone: "Téléphone",
    field_account: "Compte de connexion",
    account_hint: "Facultatif : un utilisateur au rôle « Prestataire » (Paramètres › Utilisateurs) \
                   qui se connecte pour voir ce planning.",
    field_properties: "Logements servis",
    properties_hint: "Le prestataire ne voit que les séjours de ces logements.",
    no_property_yet: "Aucun logement : ajoutez d'abord vos logements.",
    add_button: "Ajouter le prestataire",
    save_button: "Enregistrer",
    created: "Prestataire ajouté. Son lien secret est prêt dans le tableau.",
    saved: "Prestataire enregistré.",
    edit: |name| format!("Modifier {name}"),
    delete: |name| format!("Supprimer {name}"),
    delete_question: |name| {
        format!("Supprimer « {name} » ? Son lien secret et son calendrier cesseront de fonctionner.")
    },
    delete_confirm: "Supprimer",
    deleted: "Prestataire supprimé.",
    links: |name| format!("Liens secrets de {name}"),
    links_button: "Liens",
    page_link: "Planning (page web)",
    ics_link: "Calendrier (.ics)",
    copy: "Copier",
    copied: "Lien copié.",
    renew: |name| format!("Renouveler les liens de {name}"),
    renew_question: "Renouveler ? L'ancien lien (page et calendrier) cessera aussitôt de fonctionner : \
                     envoyez le nouveau au prestataire.",
    renew_confirm: "Renouveler",
    renewed: "Nouveau lien créé : l'ancien ne fonctionne plus.",
    booking_note: "Note pour les prestataires",
    booking_note_hint: "Visible par les prestataires du logement (ménage, linge…) avec les dates et le \
                        nombre de voyageurs. Les informations complémentaires restent privées.",
    planning_page_title: "Planning prestataire",
    planning_title: |name| format!("Planning de {name}"),
    planning_for: |organisation| format!("Pour {organisation}"),
    period: |from, to| format!("Du {} au {}", date(from), date(to)),
    served,
    nothing: "Aucune arrivée ni aucun départ sur cette période.",
    no_property: "Aucun logement ne vous est encore confié : le gestionnaire les choisit.",
    not_linked: "Votre compte n'est rattaché à aucun prestataire. Demandez au gestionnaire de le \
                 rattacher dans « Prestataires ».",
    date,
    arrival: "Arrivée",
    departure: "Départ",
    stay_until: |departure| format!("séjour jusqu'au {}", date(departure)),
    turnover,
    guests,
    next_guests: |g| format!("Voyageurs suivants : {}", guests(g)),
    note: "Note",
    subscribe: "Ajoutez ce planning à votre agenda (téléphone, Google, Outlook) :",
    subscribe_link: "calendrier .ics",
    link_not_found: "Ce lien n'existe pas ou a été renouvelé. Demandez le nouveau lien au gestionnaire.",
    too_many_requests: "Trop de demandes : réessayez dans une minute.",
    unavailable: "Le planning n'a pas pu être lu. Réessayez plus tard.",
    ics_name: |name| format!("Saison – {name}"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default()
    }

    #[test]
    fn counts_and_turnovers_read_as_sentences() {
        let g = Guests {
            adults: 2,
            children: 1,
            others: 0,
        };
        assert_eq!(guests(g), "2 adultes, 1 enfant");
        assert_eq!(guests(Guests::default()), "voyageurs non renseignés");
        assert_eq!(turnover(Turnover::SameDay), "Arrivée suivante le même jour");
        assert_eq!(
            turnover(Turnover::Free {
                nights: 3,
                next_arrival: day(15)
            }),
            "Logement libre 3 nuits, arrivée suivante le jeu. 15 juil. 2027"
        );
        assert_eq!((TEXTS.date)(day(12)), "lun. 12 juil. 2027");
    }
}
