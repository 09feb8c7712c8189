//! The providers' side in English.

use super::{counts, ProviderTexts};
use crate::domain::pricing::Guests;
use crate::domain::provider::{ProviderKind, Turnover};
use chrono::NaiveDate;

fn date(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

fn kind_name(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::Cleaning => "Cleaning",
        ProviderKind::Linen => "Linen",
        ProviderKind::Maintenance => "Maintenance",
        ProviderKind::Other => "Other",
    }
}

fn guests(g: Guests) -> String {
    counts(
        &[
            (g.adults, "adult", "adults"),
            (g.children, "child", "children"),
            (g.others, "other (infant…)", "others (infants…)"),
        ],
        "guests not recorded",
    )
}

fn turnover(turnover: Turnover) -> String {
    match turnover {
        Turnover::SameDay => "Next guests arrive the same day".into(),
        Turnover::Free {
            nights: 1,
            next_arrival,
        } => format!("Free for 1 night, next arrival {}", date(next_arrival)),
        Turnover::Free {
            nights,
            next_arrival,
        } => format!(
            "Free for {nights} nights, next arrival {}",
            date(next_arrival)
        ),
        Turnover::NoNextArrival => "No arrival booked after this".into(),
    }
}

fn served(properties: &[String]) -> String {
    match properties {
        [] => "No property is assigned to you.".into(),
        [one] => format!("Property: {one}"),
        many => format!("Properties: {}", many.join(", ")),
    }
}

/// The English texts.
pub static TEXTS: ProviderTexts = ProviderTexts {
    nav: "Providers",
    nav_my_planning: "My planning",
    title: "Service providers",
    intro: "Service providers (cleaning, linen, maintenance) see, for the properties they serve only, \
            arrivals, departures, the free time between stays, guest counts and your notes for them — \
            never prices, guest names or contact details.",
    empty: "No providers yet. Add your first provider with the form below.",
    col_name: "Name",
    col_kind: "Service",
    col_properties: "Properties served",
    col_contact: "Contact",
    col_account: "Account",
    col_actions: "Actions",
    kind_name,
    no_properties: "No property",
    no_account: "None (secret link only)",
    add_title: "Add a provider",
    edit_title: |name| format!("Edit “{name}”"),
    field_name: "Name",
    field_kind: "Service",
    field_email: "Email",
    field_phone: "Phone",
    field_account: "Login account",
    account_hint: "Optional: a user with the role “Provider” (Settings › Users) who logs in to see \
                   this planning.",
    field_properties: "Properties served",
    properties_hint: "The provider sees the stays of these properties only.",
    no_property_yet: "No property yet: add your properties first.",
    add_button: "Add the provider",
    save_button: "Save",
    created: "Provider added. Their secret link is ready in the table.",
    saved: "Provider saved.",
    edit: |name| format!("Edit {name}"),
    delete: |name| format!("Delete {name}"),
    delete_question: |name| {
        format!("Delete “{name}”? Their secret link and calendar will stop working.")
    },
    delete_confirm: "Delete",
    deleted: "Provider deleted.",
    links: |name| format!("Secret links of {name}"),
    links_button: "Links",
    page_link: "Planning (web page)",
    ics_link: "Calendar (.ics)",
    copy: "Copy",
    copied: "Link copied.",
    renew: |name| format!("Renew the links of {name}"),
    renew_question: "Renew? The old link (page and calendar) stops working at once: send the new one \
                     to the provider.",
    renew_confirm: "Renew",
    renewed: "New link created: the old one no longer works.",
    booking_note: "Note for service providers",
    booking_note_hint: "Seen by the property's providers (cleaning, linen…) with the dates and guest \
                        counts. The other notes stay private.",
    planning_page_title: "Provider planning",
    planning_title: |name| format!("Planning of {name}"),
    planning_for: |organisation| format!("For {organisation}"),
    period: |from, to| format!("From {} to {}", date(from), date(to)),
    served,
    nothing: "No arrival or departure in this period.",
    no_property: "No property is assigned to you yet: the manager chooses them.",
    not_linked: "Your account is not linked to a provider. Ask the manager to link it in “Providers”.",
    date,
    arrival: "Arrival",
    departure: "Departure",
    stay_until: |departure| format!("staying until {}", date(departure)),
    turnover,
    guests,
    next_guests: |g| format!("Next guests: {}", guests(g)),
    note: "Note",
    subscribe: "Add this planning to your calendar (phone, Google, Outlook):",
    subscribe_link: ".ics calendar",
    link_not_found: "This link does not exist or was renewed. Ask the manager for the new link.",
    too_many_requests: "Too many requests: try again in a minute.",
    unavailable: "The planning could not be read. Try again later.",
    ics_name: |name| format!("Saison – {name}"),
};
