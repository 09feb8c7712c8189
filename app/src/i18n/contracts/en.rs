//! Contracts in English (for foreign guests and English-speaking users).

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
        format!("{}, of {address}", p.name)
    }
}

fn persons(g: Guests) -> Vec<String> {
    let line = |n: u16, one: &str, many: &str| {
        (n > 0).then(|| format!("{}: {n}", if n == 1 { one } else { many }))
    };
    [
        line(g.adults, "Adult", "Adults"),
        line(g.children, "Child", "Children"),
        line(g.others, "Other", "Others"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// English.
pub static TEXTS: ContractTexts = ContractTexts {
    wording: ContractWording {
        money: |m| m.format_en(),
        date: |d| d.format("%d/%m/%Y").to_string(),
        parties_heading: "Between the undersigned",
        parties: |lessor, tenant| {
            format!(
                "{}, hereafter \"the owner\",\nand {}, hereafter \"the tenant\",\na holiday let has been agreed on the following terms.",
                party(lessor),
                party(tenant)
            )
        },
        home_heading: "The property",
        home: |name, address, capacity, registration| {
            let mut text = match name {
                Some(name) => format!("{name} — {address}"),
                None => address.to_string(),
            };
            text.push_str(&format!("\nFurnished accommodation for at most {capacity} people."));
            if let Some(number) = registration {
                text.push_str(&format!("\nRegistration number: {number}"));
            }
            text
        },
        stay_heading: "Duration",
        stay: |arrival, departure| format!("From {arrival} to {departure}."),
        nights: |n| format!("Number of nights: {n}"),
        persons,
        conditions_heading: "Particular conditions",
        price: |price| format!("Price of the stay: {price}"),
        option_line: |label, unit, quantity, total| match total {
            Some(total) => format!("{label}: {quantity} × {unit} = {total}"),
            None => format!("{label}: {unit} (on request)"),
        },
        options_total: |total| format!("Options in total: {total}"),
        arrhes: |amount| format!("Deposit (arrhes) payable on signing: {amount}"),
        balance: |amount, terms| {
            if terms.trim().is_empty() {
                format!("Balance of the stay: {amount}")
            } else {
                format!("Balance of the stay: {amount}, {}", terms.trim())
            }
        },
        security_deposit: |label, amount| format!("{label}: {amount}"),
        signatures: "Made in two copies, at ……………………, on ……………………\n\nThe owner\t\t\t\tThe tenant (\"read and approved\")",
        annexes_heading: "Annexes",
        general_heading: "General conditions",
        description_heading: |name| format!("Description — {name}"),
    },
    title: "Holiday rental agreement",
    default_general_conditions: "1. This agreement is made for the period stated; the tenant may not claim any right to remain in the property after the stay.\n2. The booking is confirmed when the owner receives a signed copy of this agreement and the deposit (arrhes). If the tenant cancels, the deposit is kept by the owner; if the owner cancels, he pays back twice the deposit.\n3. The balance is paid as stated in the particular conditions. The tourist tax is due in addition when it is not included.\n4. The security deposit is paid on arrival and returned within one month of departure, less any damage found at check-out.\n5. The tenant uses the property and its equipment with care, hosts no more people than agreed and leaves it as found.\n6. The tenant must be insured against tenant's risks (fire, water damage).",
    default_deposit_label: "Security deposit",
    contract_button: "Contract",
    page_title: "Rental agreement",
    back_to_planning: "← Planning",
    intro: "The agreement is written from the booking and the contract settings. Edit the texts if needed, then save: your changes are kept with the booking.",
    generated_on: |date| format!("Generated on {date}."),
    lang_label: "Language of the agreement",
    manual_deposit_label: "Security deposit (typed here)",
    manual_deposit_hint: "Used when the setting \"Security deposit\" is \"Manual\". Regenerate the agreement to apply it.",
    save: "Save the agreement",
    saved: "Agreement saved.",
    regenerate: "Regenerate…",
    regenerate_confirm: "Regenerate the agreement from the booking as it is now? Your edits of the texts will be lost.",
    regenerate_button: "Regenerate",
    regenerated: "Agreement regenerated from the booking.",
    download: "Download the PDF",
    print: "Print",
    save_first: "Save your changes first.",
    block_label: |heading| if heading.is_empty() { "Continued".to_string() } else { heading.to_string() },
    message_label: "The booking's message",
    signatures_label: "Signatures",
    changed_meanwhile: "This agreement was changed meanwhile: reload the page to see its current version.",
    settings_title: "Contract",
    settings_intro: "What rental agreements contain: deposit, particular conditions, security deposit, general conditions, logo and signature.",
    disclaimer: "Important: the agreement model is only an example and is no substitute for legal advice or professional assistance.",
    arrhes_section: "Deposit (arrhes)",
    arrhes_mode: "Deposit computation",
    arrhes_manual: "Manual (the booking's amount)",
    arrhes_fixed: "Fixed amount",
    arrhes_percent: "Percentage of the stay",
    arrhes_value: "Amount or percentage",
    arrhes_hint: "A deposit of zero is not mentioned.",
    lines_section: "Lines of the particular conditions",
    nights_line: "Number of nights",
    persons_lines: "Number of people (adults, children, others)",
    address_label: "Address of the let",
    address_property: "Each property's address",
    address_billing: "The billing address (the same for all)",
    property_name: "The property's name before its address",
    balance_line: "Balance due (price − deposit, options excluded)",
    balance_terms: "Terms of the balance",
    balance_terms_hint: "For example: payable at the latest 30 days before arrival.",
    options_lines: "A line per option and their total",
    deposit_section: "Security deposit",
    deposit_mode: "Security deposit computation",
    deposit_hidden: "Do not show",
    deposit_property: "Amount set per property",
    deposit_percent: "Percentage of the stay",
    deposit_fixed: "Fixed amount",
    deposit_manual: "Manual (typed on the agreement)",
    deposit_value: "Amount or percentage",
    deposit_label: "Label (for example: damage deposit)",
    texts_section: "Texts",
    special_conditions: "Generic special conditions",
    special_conditions_hint: "Printed in the particular conditions of every agreement, after the booking's message.",
    annexes: "Annexes",
    general_conditions: "General conditions",
    annex_descriptions: "Annex each property's description",
    images_section: "Logo and signature",
    logo: "Logo",
    signature: "Scanned signature",
    image_hint: "PNG, JPEG or SVG, at most 1 MB.",
    image_none: "No image.",
    image_remove: "Remove",
    image_saved: "Image saved.",
    image_refused: "This file is not a PNG, JPEG or SVG image.",
    image_too_big: "The image is larger than 1 MB.",
    logo_on_contracts: "Logo on agreements",
    logo_on_invoices: "Logo on invoices",
    sign_general_conditions: "Signature also at the end of the general conditions",
    settings_saved: "Contract settings saved.",
    settings_link: "Contract",
};
