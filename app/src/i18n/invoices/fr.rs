//! Invoices in French.

use super::InvoiceTexts;
use crate::domain::invoice::{AdvanceWording, DocumentTitle, LegalForm, LineWording, PaymentMode};
use crate::i18n::count_fr;
use chrono::NaiveDate;

fn day(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// French.
pub static TEXTS: InvoiceTexts = InvoiceTexts {
    wording: LineWording {
        nights: |first, count, season| {
            let last = first + chrono::Duration::days(count);
            let what = if count > 1 {
                format!("Nuits du {} au {}", day(first), day(last))
            } else {
                format!("Nuit du {} au {}", day(first), day(last))
            };
            match season {
                Some(season) => format!("{what} ({season})"),
                None => what,
            }
        },
        stay: |arrival, departure| format!("Séjour du {} au {}", day(arrival), day(departure)),
        supplement: |extra| {
            format!(
                "Supplément {} (par personne et par nuit)",
                count_fr(i64::from(extra), "personne", "personnes")
            )
        },
        discount: |from, percent| match from {
            Some(nights) => format!("Réduction {percent} (séjour de {nights} nuits et plus)"),
            None => format!("Réduction {percent}"),
        },
        tourist_tax: |tax, persons, nights, exempt| {
            let who = if exempt {
                format!("{} (exonérés)", count_fr(i64::from(persons), "enfant", "enfants"))
            } else {
                count_fr(i64::from(persons), "adulte", "adultes")
            };
            format!("{tax} — {who} × {}", count_fr(nights, "nuit", "nuits"))
        },
    },
    title_name: |title| match title {
        DocumentTitle::Invoice => "Facture",
        DocumentTitle::Note => "Note",
        DocumentTitle::Receipt => "Reçu",
        DocumentTitle::Quittance => "Quittance",
    },
    credit_note: "Avoir",
    numbered: |title, number| match number {
        Some(number) => format!("{title} n° {number}"),
        None => format!("{title} (brouillon)"),
    },
    date_line: |date| format!("Date : {date}"),
    watermark: "BROUILLON",
    customer_heading: "Client",
    col_reference: "Réf.",
    col_designation: "Désignation",
    col_unit_price: "Prix unitaire",
    col_quantity: "Qté",
    col_vat: "TVA",
    col_amount: "Montant",
    total_excl_vat: "Total HT",
    vat_at: |rate| format!("TVA {rate}"),
    tourist_tax: "Taxe de séjour",
    total_incl_vat: "Total TTC",
    total: "Total",
    advance_paid: |wording| match wording {
        AdvanceWording::Arrhes => "Arrhes versées",
        AdvanceWording::Acompte => "Acompte versé",
    },
    paid: "Déjà réglé",
    remaining: "Reste à payer",
    payments_heading: "Règlements",
    mode_name: |mode| match mode {
        PaymentMode::Transfer => "Virement",
        PaymentMode::Cheque => "Chèque",
        PaymentMode::Cash => "Espèces",
        PaymentMode::Card => "Carte bancaire",
        PaymentMode::HolidayVouchers => "Chèques-vacances",
        PaymentMode::PlatformPayout => "Versement de la plateforme",
        PaymentMode::Other => "Autre",
    },
    legal_heading: "Mentions légales",
    payment_heading: "Règlement",
    conditions_heading: "Conditions de facturation",
    corrects: |number| format!("Avoir sur la facture n° {number}"),
    stay_subject: |arrival, departure, properties| {
        format!("Séjour du {arrival} au {departure} — {properties}")
    },
    legal_form_name: |form| match form {
        LegalForm::Individual => "Activité en nom propre (pas de structure juridique)",
        LegalForm::AutoEntrepreneur => "Auto-entrepreneur, entreprise individuelle",
        LegalForm::Association => "Association",
        LegalForm::Company => "EURL, SARL",
    },
    file_name: |title, number| match number {
        Some(number) => format!("{title} {number}"),
        None => format!("{title} brouillon"),
    },
    actions_label: "Actions sur la facture",
    add_line: "Ajouter une ligne",
    advance_label: "Déjà versé d'avance (arrhes ou acompte)",
    all_years: "Toutes les années",
    apply_example: "Reprendre l'exemple",
    back_to_list: "← Factures",
    billing_intro: "Émetteur des factures, intitulé, mentions légales, catégories et statut d'une réservation payée.",
    billing_title: "Facturation",
    blank_invoice: "Facture vierge",
    categories_hint: "Une catégorie par ligne. La 1re sert par défaut, la 2e aux séjours, la 3e à la taxe de séjour. Elles ne sont pas imprimées.",
    categories_label: "Catégories (pour les rapports)",
    category_label: "Catégorie",
    changed_meanwhile: "Cette facture a été modifiée ou émise entre-temps : rechargez la page pour voir sa version actuelle.",
    col_customer: "Client",
    col_date: "Date",
    col_number: "N°",
    col_paid_on: "Date paiem.",
    col_remaining: "Reste dû",
    col_subject: "Objet",
    col_total: "Montant",
    corrects_label: "Corrige la facture n°",
    credit_hint: "Retirez ou réduisez des lignes pour un avoir partiel.",
    credit_needs_issued: "Un avoir ne corrige qu'une facture émise ; un brouillon se modifie directement.",
    credit_notes_label: "Avoirs :",
    credit_short: "Avoir",
    customer_address: "Adresse du client",
    customer_name: "Nom du client",
    customer_section: "Client",
    parties_section: "Émetteur et client",
    delete_confirm: "Supprimer définitivement ce brouillon ?",
    delete_draft: "Supprimer le brouillon",
    delete_payment: "Supprimer",
    document_section: "Document",
    download: "Télécharger le PDF",
    draft_badge: "Brouillon",
    draft_saved: "Brouillon enregistré.",
    draft_status: "Brouillon : modifiable jusqu'à son émission.",
    duplicate: "Dupliquer",
    empty_invoice: "Ajoutez au moins une ligne avant d'émettre.",
    filter_all: "Toutes",
    filter_credit_notes: "Avoirs",
    filter_drafts: "Brouillons",
    filter_label: "Afficher",
    filter_paid: "Payées",
    filter_unpaid: "Non payées",
    fully_paid: "Entièrement réglée.",
    invoice_button: "Facture",
    invoices_empty: "Aucune facture pour l'instant. Créez-en une depuis une réservation du planning (bouton « Facture ») ou partez d'une facture vierge.",
    invoices_title: "Factures",
    issue: "Émettre la facture",
    issue_confirm: "Une fois émise, la facture reçoit le numéro suivant de sa série et ne peut plus être modifiée ni supprimée (on la corrige par un avoir). Émettre maintenant ?",
    issue_confirm_button: "Émettre",
    issue_credit: "Émettre l'avoir",
    issued_is_kept: "Une facture émise est conservée : corrigez-la par un avoir.",
    issuer_hint: "Par défaut, les factures et les contrats sont émis au nom du propriétaire du logement.",
    issuer_label: "Émettre les factures au nom de",
    issuer_manager: "Du gérant (pour tous les logements)",
    issuer_owner: "Du propriétaire du logement",
    issuer_section: "Émetteur",
    lang_label: "Langue du document",
    legal_form_label: "Exemple de mentions pour",
    lines_section: "Lignes",
    make_credit_note: "Créer un avoir",
    manager_address: "Adresse du gérant",
    manager_name: "Nom du gérant",
    mentions_section: "Mentions imprimées",
    no_lines: "Aucune ligne : ajoutez-en une ou choisissez une option prédéfinie.",
    no_payments: "Aucun règlement enregistré.",
    paid_status_label: "Quand une facture est entièrement réglée, passer la réservation au statut",
    paid_status_off: "Ne pas changer le statut",
    payment_amount: "Montant",
    payment_date: "Date de paiement",
    payment_hint: "Astuce : la date seule enregistre le reste à payer ; le montant seul prend la date du jour.",
    payment_mode: "Mode de règlement",
    payment_needs_issued: "Émettez la facture avant d'enregistrer un paiement.",
    print: "Imprimer",
    quick_add: "--Ajout rapide--",
    quittance_hint: "Une quittance n'est imprimée comme telle qu'une fois la facture entièrement réglée ; d'ici là, le document s'intitule « Facture ».",
    record_payment: "Enregistrer le paiement",
    remove_line: "Supprimer la ligne",
    reports_section: "Rapports et statuts",
    save_draft: "Enregistrer",
    save_first: "Enregistrez d'abord vos modifications.",
    search_label: "Rechercher (client, objet, numéro)",
    settings_link: "Réglages de facturation",
    settings_saved: "Réglages enregistrés.",
    subject: "Objet",
    title_label: "Intitulé",
    tourist_tax_line: "Taxe de séjour (hors HT et TVA)",
    vat_hint: "Par défaut selon Paramètres › Tarification. Décochez pour une facture sans TVA.",
    vat_label: "Facture avec TVA",
    wording_hint: "Arrhes : le client peut annuler en les perdant. Acompte : aucune des parties ne peut se dédire.",
    wording_label: "Sommes versées d'avance",
    year_label: "Année",
    credit_above_invoice: |creditable| format!("Cet avoir dépasse ce qui reste à créditer sur la facture ({creditable})."),
    issued_on: |date| format!("Émise le {date} : elle ne peut plus être modifiée ni supprimée ; corrigez-la par un avoir."),
    shown_count: |n| if n > 1 { format!("{n} documents") } else { format!("{n} document") },
    wording_name: |w| match w { AdvanceWording::Arrhes => "Arrhes", AdvanceWording::Acompte => "Acompte" },
};
