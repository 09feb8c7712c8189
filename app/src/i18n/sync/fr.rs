//! The sync page in French.

use super::{dates_fr, SyncTexts};
use crate::domain::sync::view::{ChangeEntry, ChangeKind, SyncOutcome};
use crate::domain::sync::SyncProblem;
use crate::i18n::count_fr;

fn problem(problem: SyncProblem) -> String {
    match problem {
        SyncProblem::Unreachable => {
            "La plateforme est injoignable (adresse inconnue ou connexion refusée). Vérifiez le lien.".into()
        }
        SyncProblem::Timeout => "La plateforme n'a pas répondu à temps.".into(),
        SyncProblem::HttpStatus(404 | 410) => {
            "La plateforme ne connaît pas ce lien (erreur 404) : il a peut-être été renouvelé. Copiez le nouveau lien iCal.".into()
        }
        SyncProblem::HttpStatus(401 | 403) => {
            "La plateforme refuse l'accès à ce lien (erreur 403).".into()
        }
        SyncProblem::HttpStatus(code) => format!("La plateforme a répondu par une erreur ({code})."),
        SyncProblem::NotACalendar => {
            "La plateforme a envoyé une page qui n'est pas un calendrier (page d'erreur ou de connexion).".into()
        }
        SyncProblem::TooLarge => "Le calendrier reçu est trop volumineux (plus de 10 Mo).".into(),
        SyncProblem::PrivateAddress => {
            "Ce lien mène au réseau interne du serveur : il est refusé par sécurité.".into()
        }
    }
}

fn entry(entry: &ChangeEntry) -> String {
    let dates = entry.stay.map(dates_fr).unwrap_or_default();
    let summary = if entry.summary.is_empty() {
        String::new()
    } else {
        format!(" (« {} »)", entry.summary)
    };
    match entry.kind {
        ChangeKind::Added if entry.stay.is_none() => format!("{} séjours importés", entry.detail),
        ChangeKind::Added => format!("Séjour importé {dates}{summary}"),
        ChangeKind::Moved => match entry.previous {
            Some(previous) => format!("Séjour déplacé {dates}, auparavant {}{summary}", dates_fr(previous)),
            None => format!("Séjour modifié {dates}{summary}"),
        },
        ChangeKind::Cancelled => format!("Séjour annulé sur la plateforme et supprimé {dates}"),
        ChangeKind::Kept => format!(
            "Séjour annulé sur la plateforme {dates}, conservé car il a une facture, un contrat ou un groupe"
        ),
        ChangeKind::Held => format!(
            "{} d'un coup du calendrier : annulations en attente de confirmation",
            stays_gone(entry.detail.parse().unwrap_or(0))
        ),
        ChangeKind::Confirmed => format!(
            "Annulation de {} confirmée",
            stays(entry.detail.parse().unwrap_or(0))
        ),
        ChangeKind::Failed => format!(
            "Échec de la synchronisation : {}",
            problem(SyncProblem::from_code(&entry.detail))
        ),
        ChangeKind::Recovered => "La plateforme répond de nouveau".into(),
        ChangeKind::Conflict => format!(
            "Conflit : le séjour importé {dates}{summary} chevauche une autre réservation (gestionnaires prévenus par email)"
        ),
    }
}

/// "1 séjour", "3 séjours".
fn stays(n: i64) -> String {
    count_fr(n, "séjour", "séjours")
}

/// "1 séjour a disparu", "3 séjours ont disparu".
fn stays_gone(n: i64) -> String {
    format!(
        "{} {}",
        stays(n),
        if n > 1 { "ont disparu" } else { "a disparu" }
    )
}

fn outcome(outcome: &SyncOutcome) -> String {
    if let Some(p) = outcome.problem {
        return problem(p);
    }
    let mut text = if outcome.not_modified {
        "Calendrier inchangé depuis la dernière synchronisation.".to_string()
    } else if outcome.changes == 0 {
        format!(
            "Synchronisé : {}, aucune modification.",
            count_fr(outcome.events, "événement", "événements")
        )
    } else {
        format!(
            "Synchronisé : {}, {} sur le planning.",
            count_fr(outcome.events, "événement", "événements"),
            count_fr(outcome.changes, "modification", "modifications")
        )
    };
    if outcome.held > 0 {
        text.push_str(&format!(
            " {} en attente de votre confirmation.",
            count_fr(outcome.held, "annulation", "annulations")
        ));
    }
    text
}

/// The French texts.
pub static TEXTS: SyncTexts = SyncTexts {
    nav: "Synchronisation",
    alerts_suffix: |n| if n > 1 { " calendriers à vérifier".into() } else { " calendrier à vérifier".into() },
    title: "Synchronisation des calendriers",
    intro: "Importez les calendriers iCal d'Airbnb, Booking.com, Vrbo/Abritel ou d'un autre site : leurs séjours apparaissent sur le planning, vérifiés toutes les 15 minutes. Donnez à chaque plateforme le lien d'export de vos logements pour qu'elle bloque les nuits déjà prises.",
    sync_all: "Tout synchroniser maintenant",
    syncing: "Synchronisation…",
    feeds_title: "Calendriers importés",
    no_feeds: "Aucun calendrier importé pour l'instant. Ajoutez le lien iCal d'une plateforme ci-dessous.",
    col_property: "Logement",
    col_platform: "Plateforme",
    col_last_success: "Dernière synchronisation réussie",
    col_events: "Événements",
    col_next: "Prochaine vérification",
    col_state: "État",
    never: "jamais",
    state_ok: "À jour",
    failures: |n| {
        if n > 1 {
            format!("{n} échecs de suite")
        } else {
            "1 échec".into()
        }
    },
    problem,
    held: |n| {
        format!("{} d'un coup de ce calendrier. Par prudence, rien n'a été annulé : vérifiez sur la plateforme, puis confirmez.", stays_gone(n))
    },
    confirm_held: "Confirmer les annulations",
    sync_now: |name| format!("Synchroniser maintenant ({name})"),
    show_history: |name| format!("Historique ({name})"),
    history_button: "Historique",
    hide_history: "Masquer l'historique",
    history_title: |name| format!("Historique : {name}"),
    history_empty: "Aucun changement pour l'instant.",
    history_kept: "L'historique garde les changements des 12 derniers mois.",
    entry,
    delete_feed: |name| format!("Supprimer le calendrier ({name})"),
    delete_question: |name| {
        format!("Supprimer le calendrier importé « {name} » ? Ses séjours importés seront retirés du planning, sauf ceux qui ont une facture, un contrat ou un groupe.")
    },
    delete_confirm: "Supprimer",
    deleted: |n| {
        let removed = if n > 1 { "importés retirés" } else { "importé retiré" };
        format!("Calendrier supprimé ; {} {removed} du planning.", stays(n))
    },
    outcome,
    add_title: "Ajouter un calendrier",
    add_intro: "Sur la plateforme, cherchez « Exporter le calendrier » (Airbnb : Calendrier › Disponibilités › Connecter des calendriers ; Booking.com : Tarifs et disponibilités › Synchroniser les calendriers) et collez le lien ici.",
    field_property: "Logement",
    field_platform: "Plateforme",
    field_url: "Lien iCal de la plateforme",
    url_hint: "Commence par https:// (ou webcal://) et se termine souvent par .ics",
    field_status: "Statut des séjours importés",
    field_block_status: "Statut des nuits bloquées",
    field_interval: "Vérifier toutes les (minutes)",
    interval_hint: "Entre 5 et 1 440 minutes ; 15 par défaut.",
    edit_title: "Modifier le calendrier",
    save_feed: "Enregistrer",
    feed_saved: "Réglages du calendrier enregistrés.",
    edit_feed: |name| format!("Modifier le calendrier ({name})"),
    add_button: "Ajouter et synchroniser",
    added: |o| format!("Calendrier ajouté. {}", outcome(o)),
    property_section: "Calendriers (iCal)",
    property_no_feed: "Aucun calendrier de plateforme importé dans ce logement.",
    manage: "Ajouter ou gérer les calendriers importés",
    exports_title: "Calendriers exportés",
    exports_intro: "Chaque logement a un lien secret à donner aux plateformes (et un lien pour tous vos logements). Il montre les nuits prises, sans nom ni coordonnée de voyageur. Pour une plateforme, utilisez son lien dédié : il ne lui renvoie pas ses propres réservations.",
    organisation_link: "Tous les logements",
    show_link: |name| format!("Afficher le lien ({name})"),
    show: "Afficher le lien",
    link_for: "Lien pour",
    link_for_all: "toutes les plateformes",
    link_for_platform: |name| format!("{name} (sans ses propres réservations)"),
    copy: "Copier",
    copied: "Lien copié.",
    renew: |name| format!("Renouveler le lien ({name})"),
    renew_question: "Renouveler ce lien ? L'ancien cessera aussitôt de fonctionner : il faudra donner le nouveau à chaque plateforme.",
    renew_confirm: "Renouveler",
    renewed: "Nouveau lien créé ; l'ancien ne fonctionne plus.",
    statuses_title: "Statuts exportés",
    statuses_intro: "Les réservations de ces statuts bloquent les nuits dans les calendriers exportés.",
    save_statuses: "Enregistrer les statuts",
    statuses_saved: "Statuts exportés enregistrés.",
    at: |at| at.format("%d/%m/%Y à %H:%M").to_string(),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_nouns_in_french() {
        let synced = |events, changes, held| {
            outcome(&SyncOutcome {
                events,
                changes,
                held,
                ..SyncOutcome::default()
            })
        };
        assert_eq!(
            synced(3, 1, 0),
            "Synchronisé : 3 événements, 1 modification sur le planning."
        );
        assert_eq!(
            synced(1, 0, 0),
            "Synchronisé : 1 événement, aucune modification."
        );
        assert_eq!(
            synced(0, 2, 2),
            "Synchronisé : 0 événement, 2 modifications sur le planning. 2 annulations en attente \
             de votre confirmation."
        );
        assert!((TEXTS.held)(1).starts_with("1 séjour a disparu d'un coup"));
        assert!((TEXTS.held)(4).starts_with("4 séjours ont disparu d'un coup"));
        assert_eq!(
            (TEXTS.deleted)(1),
            "Calendrier supprimé ; 1 séjour importé retiré du planning."
        );
        assert_eq!(
            (TEXTS.deleted)(0),
            "Calendrier supprimé ; 0 séjour importé retiré du planning."
        );
    }
}
