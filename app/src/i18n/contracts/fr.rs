//! Contracts in French.

use super::ContractTexts;
use crate::domain::contract::{ContractWording, Party};
use crate::domain::pricing::Guests;

fn party(p: &Party) -> String {
    let address = p
        .address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if address.is_empty() {
        p.name.clone()
    } else {
        format!("{}, demeurant {address}", p.name)
    }
}

fn persons(g: Guests) -> Vec<String> {
    let line = |n: u16, one: &str, many: &str| {
        (n > 0).then(|| format!("{} : {n}", if n > 1 { many } else { one }))
    };
    [
        line(g.adults, "Adulte", "Adultes"),
        line(g.children, "Enfant", "Enfants"),
        line(g.others, "Autre", "Autres"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// French.
pub static TEXTS: ContractTexts = ContractTexts {
    wording: ContractWording {
        money: |m| m.format_fr(),
        date: |d| d.format("%d/%m/%Y").to_string(),
        parties_heading: "Entre les soussignés",
        parties: |lessor, tenant| {
            format!(
                "{}, ci-après « le bailleur »,\net {}, ci-après « le locataire »,\nil a été convenu d'une location saisonnière aux conditions suivantes.",
                party(lessor),
                party(tenant)
            )
        },
        home_heading: "Le logement",
        home: |name, address, capacity, registration| {
            let mut text = match name {
                Some(name) => format!("{name} — {address}"),
                None => address.to_string(),
            };
            text.push_str(&format!("\nLogement meublé pour {capacity} personnes au plus."));
            if let Some(number) = registration {
                text.push_str(&format!("\nNuméro d'enregistrement : {number}"));
            }
            text
        },
        stay_heading: "La durée",
        stay: |arrival, departure| format!("Du {arrival} au {departure}."),
        nights: |n| if n > 1 { format!("Nombre de nuitées : {n}") } else { format!("Nombre de nuitée : {n}") },
        persons,
        conditions_heading: "Conditions particulières",
        price: |price| format!("Prix du séjour : {price}"),
        option_line: |label, unit, quantity, total| match total {
            Some(total) => format!("{label} : {quantity} × {unit} = {total}"),
            None => format!("{label} : {unit} (sur demande)"),
        },
        options_total: |total| format!("Total des options : {total}"),
        arrhes: |amount| format!("Arrhes à verser à la signature du contrat : {amount}"),
        balance: |amount, terms| {
            if terms.trim().is_empty() {
                format!("Solde du séjour : {amount}")
            } else {
                format!("Solde du séjour : {amount}, {}", terms.trim())
            }
        },
        security_deposit: |label, amount| format!("{label} : {amount}"),
        signatures: "Fait en deux exemplaires, à ……………………, le ……………………\n\nLe bailleur\t\t\t\tLe locataire (« lu et approuvé »)",
        annexes_heading: "Annexes",
        general_heading: "Conditions générales",
        description_heading: |name| format!("État descriptif — {name}"),
    },
    title: "Contrat de location saisonnière",
    default_general_conditions: "1. Le présent contrat est conclu pour la durée indiquée ; le locataire ne pourra en aucun cas se prévaloir d'un quelconque droit au maintien dans les lieux à l'issue du séjour.\n2. La réservation devient effective dès réception par le bailleur d'un exemplaire du contrat signé et des arrhes. Si le locataire annule, les arrhes restent acquises au bailleur ; si le bailleur annule, il restitue le double des arrhes.\n3. Le solde est réglé selon les conditions particulières. La taxe de séjour est due en plus du prix lorsqu'elle n'est pas comprise.\n4. Le dépôt de garantie est versé à l'arrivée et restitué au plus tard un mois après le départ, déduction faite des éventuels dégâts constatés lors de l'état des lieux.\n5. Le locataire use paisiblement du logement et de ses équipements, n'y accueille pas plus de personnes que prévu, et le rend dans l'état où il l'a trouvé.\n6. Le locataire est tenu d'être assuré contre les risques locatifs (incendie, dégâts des eaux).",
    default_deposit_label: "Dépôt de garantie",
    contract_button: "Contrat",
    page_title: "Contrat de location",
    back_to_planning: "← Planning",
    intro: "Le contrat est écrit à partir de la réservation et des réglages du contrat. Modifiez les textes si besoin puis enregistrez : vos modifications sont conservées avec la réservation.",
    generated_on: |date| format!("Généré le {date}."),
    lang_label: "Langue du contrat",
    manual_deposit_label: "Dépôt de garantie (saisi ici)",
    manual_deposit_hint: "Utilisé quand le réglage « Calcul du dépôt de garantie » est « Manuel ». Regénérez le contrat pour l'appliquer.",
    save: "Enregistrer le contrat",
    saved: "Contrat enregistré.",
    regenerate: "Regénérer…",
    regenerate_confirm: "Regénérer le contrat à partir de la réservation actuelle ? Vos modifications des textes seront perdues.",
    regenerate_button: "Regénérer",
    regenerated: "Contrat regénéré à partir de la réservation.",
    download: "Télécharger le PDF",
    print: "Imprimer",
    save_first: "Enregistrez d'abord vos modifications.",
    block_label: |heading| if heading.is_empty() { "Suite".to_string() } else { heading.to_string() },
    message_label: "Message de la réservation",
    signatures_label: "Signatures",
    changed_meanwhile: "Ce contrat a été modifié entre-temps : rechargez la page pour voir sa version actuelle.",
    settings_title: "Contrat",
    settings_intro: "Le contenu des contrats de location : arrhes, lignes des conditions particulières, dépôt de garantie, conditions générales, logo et signature.",
    disclaimer: "Information importante : le modèle de contrat est uniquement fourni à titre d'exemple et ne remplace aucunement un avis juridique ou une assistance professionnelle.",
    arrhes_section: "Arrhes",
    arrhes_mode: "Calcul des arrhes",
    arrhes_manual: "Manuel (montant de la réservation)",
    arrhes_fixed: "Montant fixe",
    arrhes_percent: "Pourcentage du séjour",
    arrhes_value: "Montant ou pourcentage",
    arrhes_hint: "Si le montant des arrhes est nul, elles ne sont pas mentionnées.",
    lines_section: "Lignes des conditions particulières",
    nights_line: "Nombre de nuitées",
    persons_lines: "Nombre de personnes (adultes, enfants, autres)",
    address_label: "Adresse de la location",
    address_property: "L'adresse de chaque logement",
    address_billing: "L'adresse de facturation (la même pour tous)",
    property_name: "Le nom du logement avant l'adresse",
    balance_line: "Solde à payer (prix − arrhes, hors options)",
    balance_terms: "Conditions de paiement du solde",
    balance_terms_hint: "Par exemple : à régler au plus tard 30 jours avant l'arrivée.",
    options_lines: "Une ligne par option et leur total",
    deposit_section: "Dépôt de garantie",
    deposit_mode: "Calcul du dépôt de garantie",
    deposit_hidden: "Ne pas afficher",
    deposit_property: "Montant défini par logement",
    deposit_percent: "Pourcentage du séjour",
    deposit_fixed: "Montant fixe",
    deposit_manual: "Manuel (saisi sur le contrat)",
    deposit_value: "Montant ou pourcentage",
    deposit_label: "Libellé (par exemple : caution)",
    texts_section: "Textes",
    special_conditions: "Conditions particulières génériques",
    special_conditions_hint: "Imprimées dans les conditions particulières de chaque contrat, après le message de la réservation.",
    annexes: "Annexes",
    general_conditions: "Conditions générales",
    annex_descriptions: "Annexer l'état descriptif de chaque logement",
    images_section: "Logo et signature",
    logo: "Logo",
    signature: "Signature scannée",
    image_hint: "PNG, JPEG ou SVG, 1 Mo au plus.",
    image_none: "Aucune image.",
    image_remove: "Retirer",
    image_saved: "Image enregistrée.",
    image_refused: "Ce fichier n'est pas une image PNG, JPEG ou SVG.",
    image_too_big: "L'image dépasse 1 Mo.",
    logo_on_contracts: "Logo sur les contrats",
    logo_on_invoices: "Logo sur les factures",
    sign_general_conditions: "Signature aussi à la fin des conditions générales",
    settings_saved: "Réglages du contrat enregistrés.",
    settings_link: "Contrat",
};
