//! French, the default language: complete by construction.

use super::{Lang, Texts};
use crate::domain::field::FieldError;
use crate::domain::role::Role;

fn not_built_body(screen: &str) -> String {
    format!(
        "L'écran « {screen} » n'est pas encore construit. Il arrivera dans une prochaine version ; \
         en attendant, rien n'est simulé ici."
    )
}

fn guests(n: u16) -> String {
    if n > 1 {
        format!("{n} personnes")
    } else {
        format!("{n} personne")
    }
}

fn stars(n: u8) -> String {
    if n > 1 {
        format!("{n} étoiles")
    } else {
        format!("{n} étoile")
    }
}

fn delete_question(name: &str, bookings: i64) -> String {
    match bookings {
        0 => format!("Supprimer « {name} » ? Il n'a aucune réservation."),
        1 => format!("Supprimer « {name} » ? Sa réservation sera supprimée aussi."),
        n => format!("Supprimer « {name} » ? Ses {n} réservations seront supprimées aussi."),
    }
}

fn temporary_password(name: &str, password: &str) -> String {
    format!(
        "Compte créé pour {name}. Mot de passe provisoire : {password} — transmettez-le maintenant, \
         il ne sera plus affiché. Il devra être changé à la première connexion."
    )
}

fn signed_in_as(name: &str, role: &str) -> String {
    format!("{name} ({role})")
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Administrateur",
        Role::Manager => "Gestionnaire",
        Role::Owner => "Propriétaire",
        Role::Provider => "Prestataire",
    }
}

fn field_error(error: &FieldError) -> String {
    match error {
        FieldError::Required => "Ce champ est obligatoire.".into(),
        FieldError::TooLong { max } => format!("{max} caractères au maximum."),
        FieldError::TooShort { min } => format!("{min} caractères au minimum."),
        FieldError::NotAWholeNumber => "Indiquez un nombre entier, sans virgule.".into(),
        FieldError::OutOfRange { min, max } => format!("Indiquez un nombre entre {min} et {max}."),
        FieldError::NotADate => "Indiquez une date, par exemple 07/05/2027.".into(),
        FieldError::EndBeforeStart => "Cette date doit venir après la première.".into(),
        FieldError::Duplicate => "Cette valeur figure déjà dans la liste.".into(),
        FieldError::NotAPercentage => "Indiquez un pourcentage, par exemple 10 ou 10,5.".into(),
        FieldError::NotAnAmount => "Indiquez un montant en euros, par exemple 95 ou 95,50.".into(),
        FieldError::TooManyDecimals => "Deux chiffres après la virgule au maximum (les centimes).".into(),
        FieldError::Negative => "Le montant ne peut pas être négatif.".into(),
        FieldError::InvalidEmail => "Adresse email invalide, par exemple marie@exemple.fr.".into(),
        FieldError::InvalidPhone => "Numéro de téléphone invalide, par exemple 06 12 34 56 78 (plusieurs : séparez-les par une virgule).".into(),
        FieldError::PasswordsDiffer => "Les deux mots de passe ne sont pas identiques.".into(),
        FieldError::PasswordUnchanged => "Le nouveau mot de passe doit être différent de l'actuel.".into(),
        FieldError::WrongPassword => "Mot de passe actuel incorrect.".into(),
        FieldError::EmailTaken => "Cette adresse email est déjà utilisée par un compte.".into(),
        FieldError::AccountLinked => "Ce compte est déjà rattaché à un autre prestataire.".into(),
        FieldError::InvalidRegistrationNumber => {
            "Le numéro d'enregistrement compte 13 caractères : le code INSEE de la commune (5) puis \
             8 chiffres ou lettres, par exemple 7505612345678."
                .into()
        }
        FieldError::UnknownChoice => "Ce choix n'existe plus. Choisissez dans la liste.".into(),
        FieldError::InvalidChoice => "Choisissez une valeur proposée dans la liste.".into(),
        FieldError::InvalidColor => "Indiquez une couleur au format #rrggbb (par exemple #1d4ed8).".into(),
        FieldError::InvalidRecipient { address } => {
            format!("« {address} » n'est pas une adresse email valide (séparez les adresses par une virgule).")
        }
        FieldError::TooManyRecipients { max } => format!("{max} destinataires au maximum."),
        FieldError::UnknownPlaceholders { unknown, valid } => format!(
            "{} : {}. Champs possibles : {}.",
            if unknown.len() > 1 { "Champs inconnus" } else { "Champ inconnu" },
            super::braced(unknown),
            super::braced(valid)
        ),
        FieldError::InvalidFeedUrl => "Adresse de calendrier invalide : collez le lien iCal (https://…) donné par la plateforme.".into(),
        FieldError::InvalidHost => "Nom de serveur invalide, par exemple smtp.exemple.fr.".into(),
        FieldError::NotANumber => "Saisissez un nombre, par exemple 3 ou 1,5.".into(),
        FieldError::AboveRemaining { remaining } => format!(
            "Le paiement dépasse le reste à payer ({}).",
            remaining.format_fr()
        ),
    }
}

/// The French texts.
pub static TEXTS: Texts = Texts {
    lang: Lang::Fr,
    skip_to_content: "Aller au contenu",
    nav_label: "Navigation principale",
    nav_planning: "Planning",
    nav_bookings: "Réservations",
    nav_properties: "Logements",
    nav_invoices: "Factures",
    nav_reports: "Rapports",
    nav_settings: "Paramètres",
    nav_account: "Mon compte",
    logout: "Se déconnecter",
    switch_language: "English",
    switch_language_label: "Switch to English",
    loading: "Chargement…",
    not_built_title: "Écran en préparation",
    not_built_body,
    page_not_found: "Cette page n'existe pas.",
    back_home: "Retour à l'accueil",
    form_has_errors: "Certains champs sont à corriger : voyez les messages sous chacun d'eux. Rien n'a été enregistré.",
    bad_parameters: "Paramètres invalides.",
    field_tourist_tax: "Taxe de séjour",
    bookings: &super::bookings::fr::TEXTS,
    rates: &super::rates::fr::TEXTS,
    customers: &super::customers::fr::TEXTS,
    mail: &super::mail::fr::TEXTS,
    invoices: &super::invoices::fr::TEXTS,
    contracts: &super::contracts::fr::TEXTS,
    sync: &super::sync::fr::TEXTS,
    public: &super::public::fr::TEXTS,
    providers: &super::providers::fr::TEXTS,
    save: "Enregistrer",
    cancel: "Annuler",
    setup_title: "Bienvenue dans Saison",
    setup_intro: "Créez votre organisation et le premier compte administrateur. Vous pourrez ensuite ajouter \
                  vos logements et inviter d'autres utilisateurs.",
    organisation_name: "Nom de l'organisation",
    admin_name: "Votre nom",
    email: "Adresse email",
    password: "Mot de passe",
    password_confirmation: "Confirmation du mot de passe",
    password_hint: "10 caractères au minimum.",
    setup_submit: "Créer l'organisation",
    setup_done: "Saison est déjà configuré. Connectez-vous.",
    login_title: "Connexion",
    login_submit: "Se connecter",
    login_failed: "Adresse email ou mot de passe incorrect.",
    login_throttled: "Trop de tentatives de connexion. Patientez une minute avant de réessayer.",
    properties_title: "Logements",
    property_add: "Ajouter un logement",
    properties_empty: "Aucun logement. Ajoutez votre premier logement →",
    col_name: "Nom",
    col_owner: "Propriétaire",
    col_capacity: "Capacité",
    col_price: "Tarif",
    col_bookings: "Réservations",
    col_public: "En ligne",
    col_actions: "Actions",
    yes: "Oui",
    no: "Non",
    per_night: "/ nuit",
    fixed_price_label: "Libre",
    guests,
    edit: "Modifier",
    delete: "Supprimer",
    property_new_title: "Nouveau logement",
    property_edit_title: "Modifier le logement",
    field_name: "Nom du logement",
    field_address: "Adresse",
    field_capacity: "Capacité (personnes)",
    field_owner: "Propriétaire",
    no_owner: "— Aucun —",
    field_pricing: "Tarification",
    pricing_plan: "Selon un tarif",
    pricing_fixed: "Prix libre par nuit",
    field_rate_plan: "Tarif",
    choose_rate_plan: "— Choisir un tarif —",
    field_fixed_price: "Prix par nuit (€)",
    field_security_deposit: "Dépôt de garantie (caution, €)",
    field_description: "État descriptif",
    description_hint: "Repris en annexe des contrats : pièces, équipements, surface…",
    field_registration_number: "Numéro d'enregistrement",
    registration_hint: "Délivré par la mairie (loi Le Meur) ; affiché sur les pages publiques et les contrats.",
    field_classification: "Classement",
    unclassified: "Non classé",
    stars,
    field_principal_residence: "Résidence principale du propriétaire",
    principal_residence_hint: "Les nuits louées sont alors plafonnées (120 par an, ou 90 selon la commune).",
    field_public_listing: "Visible sur les pages publiques (calendrier et recherche)",
    property_saved: "Logement enregistré.",
    property_created: "Logement ajouté.",
    property_deleted: "Logement supprimé.",
    delete_question,
    delete_confirm: "Supprimer définitivement",
    settings_title: "Paramètres",
    users_title: "Utilisateurs",
    user_add_title: "Ajouter un utilisateur",
    user_name: "Nom",
    user_role: "Rôle",
    user_add_submit: "Ajouter l'utilisateur",
    temporary_password,
    users_admin_only: "Seul un administrateur peut gérer les utilisateurs.",
    organisation_title: "Organisation",
    language_title: "Langue",
    account_title: "Mon compte",
    change_password_title: "Changer de mot de passe",
    current_password: "Mot de passe actuel",
    new_password: "Nouveau mot de passe",
    change_password_submit: "Changer le mot de passe",
    password_changed: "Mot de passe modifié.",
    must_change_password: "Votre mot de passe est provisoire : choisissez-en un nouveau.",
    signed_in_as,
    err_unauthenticated: "Votre session a expiré ou vous n'êtes pas connecté. Reconnectez-vous.",
    err_forbidden: "Votre rôle ne permet pas cette action. Demandez à un administrateur.",
    err_not_found: "Cet élément n'existe pas ou a été supprimé.",
    err_conflict: "Ce logement vient d'être modifié par quelqu'un d'autre. Rechargez la page pour voir \
                   sa version actuelle, puis refaites votre modification.",
    err_internal: "Une erreur inattendue est survenue ; rien n'a été modifié. Réessayez dans un instant.",
    err_cross_site: "Requête refusée : elle ne provient pas de Saison.",
    err_network: "Saison ne répond pas. Vérifiez votre connexion puis réessayez.",
    role_name,
    field_error,
};
