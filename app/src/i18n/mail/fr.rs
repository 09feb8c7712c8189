//! Email's words in French.

use super::{template, MailTexts};
use crate::domain::mail::{
    MessageStatus, Placeholder, SendFailure, SmtpSecurity, Template, TemplatePurpose,
};
use chrono::NaiveDateTime;

fn security_name(security: SmtpSecurity) -> &'static str {
    match security {
        SmtpSecurity::StartTls => "STARTTLS (port 587, recommandé)",
        SmtpSecurity::Tls => "TLS (port 465)",
        SmtpSecurity::None => "Aucune (serveur sur cette machine uniquement)",
    }
}

fn test_body(organisation: &str) -> String {
    format!(
        "Bonjour,\n\nCe message de test a été envoyé par Saison pour {organisation}.\n\
         Si vous le lisez, l'envoi des emails fonctionne.\n"
    )
}

fn time(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y à %H:%M").to_string()
}

fn failure(failure: &SendFailure) -> String {
    match failure {
        SendFailure::Refused { code, message } => format!(
            "Le serveur d'envoi a refusé le message (code {code}) : « {message} ». Il ne sera pas \
             renvoyé automatiquement : corrigez l'adresse ou le message, puis renvoyez-le."
        ),
        SendFailure::Deferred { code, message } => format!(
            "Le serveur d'envoi a refusé le message pour l'instant (code {code}) : « {message} »."
        ),
        SendFailure::Authentication { message } => format!(
            "Le serveur d'envoi a refusé l'identifiant ou le mot de passe : « {message} ». \
             Vérifiez-les dans Paramètres › Messagerie."
        ),
        SendFailure::Unreachable { detail } => {
            format!("Le serveur d'envoi ne répond pas ({detail}). Vérifiez son nom et son port.")
        }
        SendFailure::Tls { detail } => format!(
            "La connexion chiffrée avec le serveur d'envoi a échoué ({detail}). Essayez l'autre \
             sécurité : STARTTLS sur le port 587 ou TLS sur le port 465."
        ),
        SendFailure::Invalid { detail } => {
            format!("Le message n'a pas pu être préparé : {detail}.")
        }
        SendFailure::NoSender => {
            "Aucune adresse d'expéditeur : renseignez-la dans Paramètres › Messagerie.".into()
        }
        SendFailure::PasswordUnreadable => {
            "Le mot de passe enregistré ne peut plus être lu (la clé \
             du serveur a changé) : saisissez-le à nouveau dans Paramètres › Messagerie."
                .into()
        }
    }
}

fn outcome(
    status: MessageStatus,
    last: Option<&SendFailure>,
    next: Option<NaiveDateTime>,
) -> String {
    match (status, last) {
        (MessageStatus::Sent, _) => "Envoyé : le serveur d'envoi a accepté le message.".into(),
        (MessageStatus::Held, _) => "Aucun serveur d'envoi n'est configuré : le message est gardé \
             dans la boîte d'envoi, il n'a pas été envoyé."
            .into(),
        (MessageStatus::Pending, Some(f)) => format!(
            "Pas encore envoyé. {}{}",
            failure(f),
            next.map(|n| format!(" Nouvel essai automatique le {}.", time(n)))
                .unwrap_or_default()
        ),
        (MessageStatus::Failed, Some(f)) => format!("Non envoyé. {}", failure(f)),
        (MessageStatus::Cancelled, _) => "Envoi annulé.".into(),
        _ => "Envoi en cours…".into(),
    }
}

fn status_name(status: MessageStatus) -> &'static str {
    match status {
        MessageStatus::Held => "Gardé (pas de serveur)",
        MessageStatus::Pending => "En attente",
        MessageStatus::Sending => "En cours d'envoi",
        MessageStatus::Sent => "Envoyé",
        MessageStatus::Failed => "Échec",
        MessageStatus::Cancelled => "Annulé",
    }
}

fn outbox_count(total: i64, failed: i64) -> String {
    let messages = if total > 1 { "messages" } else { "message" };
    match failed {
        0 => format!("{total} {messages}."),
        1 => format!("{total} {messages}, dont 1 en échec qui attend votre décision."),
        n => format!("{total} {messages}, dont {n} en échec qui attendent votre décision."),
    }
}

fn attempts(count: i64) -> String {
    match count {
        0 => "aucun essai".into(),
        1 => "1 essai".into(),
        n => format!("{n} essais"),
    }
}

fn size(bytes: i64) -> String {
    if bytes < 1024 {
        format!("{bytes} octets")
    } else {
        format!("{} Ko", (bytes + 1023) / 1024)
    }
}

fn purpose_name(purpose: TemplatePurpose) -> &'static str {
    match purpose {
        TemplatePurpose::Contract => "Envoi du contrat",
        TemplatePurpose::Invoice => "Envoi de la facture",
        TemplatePurpose::Reminder => "Relance de paiement",
        TemplatePurpose::BookingRequestReceived => "Demande de réservation reçue",
        TemplatePurpose::BookingConfirmed => "Réservation confirmée",
        TemplatePurpose::Statement => "Relevé de gestion du propriétaire",
    }
}

fn placeholder_label(placeholder: Placeholder) -> &'static str {
    match placeholder {
        Placeholder::Guest => "Nom du client",
        Placeholder::Property => "Logement",
        Placeholder::Arrival => "Date d'arrivée",
        Placeholder::Departure => "Date de départ",
        Placeholder::Nights => "Nombre de nuits",
        Placeholder::Amount => "Montant",
        Placeholder::Number => "Numéro du document",
        Placeholder::Link => "Lien",
        Placeholder::Owner => "Nom du propriétaire",
        Placeholder::Period => "Mois du relevé",
        Placeholder::Organisation => "Votre organisation",
    }
}

fn sample(placeholder: Placeholder) -> String {
    match placeholder {
        Placeholder::Guest => "Marie Durand",
        Placeholder::Property => "Le Chalet",
        Placeholder::Arrival => "07/05/2027",
        Placeholder::Departure => "14/05/2027",
        Placeholder::Nights => "7",
        Placeholder::Amount => "1 304,40 €",
        Placeholder::Number => "2027-0012",
        Placeholder::Link => "https://saison.example.fr/…",
        Placeholder::Owner => "Jean Martin",
        Placeholder::Period => "mars 2027",
        Placeholder::Organisation => "Gîtes du Lac",
    }
    .into()
}

fn default_template(purpose: TemplatePurpose) -> Template {
    match purpose {
        TemplatePurpose::Contract => template(
            "Contrat de location — {logement}, du {arrivee} au {depart}",
            "Bonjour {client},\n\nVeuillez trouver ci-joint le contrat de location pour votre séjour \
             au logement « {logement} » du {arrivee} au {depart} ({nuits} nuits), pour un montant de {montant}.\n\n\
             Merci de nous le retourner signé.\n\nCordialement,\n{organisation}",
        ),
        TemplatePurpose::Invoice => template(
            "Facture {numero} — {logement}",
            "Bonjour {client},\n\nVeuillez trouver ci-joint la facture {numero} d'un montant de \
             {montant} pour votre séjour au logement « {logement} » du {arrivee} au {depart}.\n\n\
             Cordialement,\n{organisation}",
        ),
        TemplatePurpose::Reminder => template(
            "Rappel : facture {numero} en attente de règlement",
            "Bonjour {client},\n\nSauf erreur de notre part, nous n'avons pas encore reçu le \
             règlement de la facture {numero} d'un montant de {montant} (séjour au logement « {logement} » du \
             {arrivee} au {depart}).\n\nSi vous l'avez déjà réglée, merci de ne pas tenir compte de \
             ce message.\n\nCordialement,\n{organisation}",
        ),
        TemplatePurpose::BookingRequestReceived => template(
            "Nous avons bien reçu votre demande — {logement}",
            "Bonjour {client},\n\nNous avons bien reçu votre demande de réservation au logement « {logement} » \
             du {arrivee} au {depart} ({nuits} nuits, {montant}). Nous vous répondons très vite.\n\n\
             Cordialement,\n{organisation}",
        ),
        TemplatePurpose::BookingConfirmed => template(
            "Réservation confirmée — {logement}, du {arrivee} au {depart}",
            "Bonjour {client},\n\nNous avons le plaisir de vous confirmer votre réservation au \
             logement « {logement} » du {arrivee} au {depart} ({nuits} nuits), pour un montant de {montant}.\n\n\
             À bientôt,\n{organisation}",
        ),
        TemplatePurpose::Statement => template(
            "Votre relevé de gestion — {periode}",
            "Bonjour {proprietaire},\n\nVeuillez trouver ci-joint votre relevé de gestion de \
             {periode}. Solde du mois : {montant}.\n\nVous pouvez aussi le consulter ici : {lien}\n\n\
             Cordialement,\n{organisation}",
        ),
    }
}

fn copy_note(address: &str) -> String {
    format!("Vous recevrez une copie à {address}.")
}

/// The French texts.
pub static TEXTS: MailTexts = MailTexts {
    failed_suffix: |n| if n > 1 { " envois en échec".into() } else { " envoi en échec".into() },
    nav_outbox: "Envois",
    settings_title: "Messagerie",
    settings_intro:
        "Les contrats, factures et relevés partent par email depuis Saison. Sans serveur \
         d'envoi, les messages restent dans la boîte d'envoi, consultables, et ne sont pas envoyés.",
    settings_link: "Serveur d'envoi et expéditeur",
    templates_link: "Modèles d'email",
    outbox_link: "Boîte d'envoi",
    admin_only: "Seul un administrateur peut changer le serveur d'envoi.",
    smtp_enabled: "Envoyer les emails par un serveur SMTP",
    smtp_enabled_hint: "Décoché : les messages restent dans la boîte d'envoi sans être envoyés.",
    server_title: "Serveur d'envoi",
    host: "Serveur SMTP",
    host_hint: "Par exemple smtp.orange.fr, smtp.gmail.com ou ssl0.ovh.net.",
    port: "Port",
    port_hint: "Vide : 587 pour STARTTLS, 465 pour TLS, 25 sans sécurité.",
    security: "Sécurité de la connexion",
    security_name,
    user: "Identifiant",
    user_hint: "Souvent votre adresse email. Vide si le serveur n'en demande pas.",
    password: "Mot de passe",
    password_stored_hint: "Un mot de passe est enregistré (chiffré). Laissez vide pour le garder.",
    password_new_hint: "Il est enregistré chiffré et ne sera plus jamais affiché.",
    sender_title: "Expéditeur",
    sender_name: "Nom de l'expéditeur",
    sender_address: "Adresse de l'expéditeur",
    reply_to: "Adresse de réponse",
    reply_to_hint: "Vide : les réponses arrivent à l'adresse de l'expéditeur.",
    copy_to_sender: "Recevoir une copie de chaque message",
    copy_to_sender_hint: "La copie part à l'adresse de l'expéditeur ; le client ne la voit pas.",
    report_recipients: "Emails des gestionnaires (rapports)",
    report_recipients_hint: "Ils reçoivent les rapports envoyés par Saison. Plusieurs adresses : séparez-les par une virgule.",
    settings_saved: "Réglages de messagerie enregistrés.",
    test_title: "Tester l'envoi",
    test_intro:
        "Envoie un court message avec les réglages enregistrés et affiche la réponse du serveur.",
    test_to: "Envoyer le test à",
    test_send: "Envoyer un email de test",
    test_subject: "Saison : email de test",
    test_body,
    outcome,
    failure,
    outbox_title: "Boîte d'envoi",
    outbox_intro: "Chaque message est enregistré ici avant d'être envoyé. Un échec temporaire est \
         réessayé automatiquement ; un refus définitif attend votre décision.",
    outbox_empty: "Aucun message pour l'instant.",
    outbox_count,
    col_written: "Écrit le",
    col_to: "Destinataires",
    col_subject: "Sujet",
    col_status: "État",
    status_name,
    attempts,
    next_attempt: |at| format!("Nouvel essai le {}", time(at)),
    sent_at: |at| format!("Envoyé le {}", time(at)),
    written_at: time,
    copy_label: "Copie à",
    attachments_label: "Pièces jointes",
    size,
    show_message: "Voir le message",
    retry: "Renvoyer",
    cancel_message: "Annuler l'envoi",
    refresh: "Actualiser",
    message_conflict:
        "Ce message vient de changer (envoi en cours ou décision d'un collègue) : la \
         liste est à jour, vérifiez son état.",
    templates_title: "Modèles d'email",
    templates_intro:
        "Le sujet et le message proposés pour chaque envoi. Les champs entre accolades \
         sont remplacés par les valeurs de la réservation ou du document ; vous pourrez toujours \
         modifier le texte avant d'envoyer.",
    purpose_name,
    template_language: "Langue du modèle",
    subject: "Sujet",
    body: "Message",
    placeholders_title: "Champs à insérer",
    placeholders_hint: "Cliquez sur un champ pour l'ajouter au message.",
    placeholder_label,
    preview_title: "Aperçu (valeurs d'exemple)",
    default_badge: "Modèle par défaut",
    customised_badge: "Personnalisé",
    template_saved: "Modèle enregistré.",
    reset_template: "Revenir au modèle par défaut",
    template_reset: "Le modèle par défaut est de nouveau utilisé.",
    sample,
    default_template,
    compose_title: "Envoyer un email",
    compose_open: "Envoyer un email au client",
    compose_template: "Modèle",
    recipients: "Destinataires",
    recipients_hint: "Plusieurs adresses : séparez-les par une virgule.",
    copy_note,
    no_copy_note: "Sans copie à l'expéditeur (voir Paramètres › Messagerie).",
    send: "Envoyer",
    close: "Fermer",
    no_guest_email: "Le client n'a pas d'adresse email : saisissez-en une.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_template_uses_only_its_purposes_placeholders() {
        for purpose in TemplatePurpose::ALL {
            assert_eq!(
                default_template(purpose).validate(purpose).map(|_| ()),
                Ok(()),
                "{purpose:?}"
            );
        }
    }

    #[test]
    fn a_refusal_quotes_the_server() {
        let text = failure(&SendFailure::Refused {
            code: 550,
            message: "5.1.1 User unknown".into(),
        });
        assert!(text.starts_with(
            "Le serveur d'envoi a refusé le message (code 550) : « 5.1.1 User unknown »"
        ));
    }
}
