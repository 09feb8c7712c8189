//! What each email is for ([`TemplatePurpose`]) and the values its template can show
//! ([`Placeholder`]), with the names typed between braces — the same in every language.

use serde::{Deserialize, Serialize};

/// What a message is for; each purpose has its own template and placeholders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TemplatePurpose {
    /// A booking's contract, PDF attached.
    Contract,
    /// An invoice, PDF attached.
    Invoice,
    /// A payment reminder for an invoice.
    Reminder,
    /// A guest's request from the public calendar was received.
    BookingRequestReceived,
    /// A booking is confirmed.
    BookingConfirmed,
    /// An owner's monthly statement, PDF attached.
    Statement,
}

/// A value a template can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Placeholder {
    /// The guest's name.
    Guest,
    /// The property's name.
    Property,
    /// The arrival date (dd/mm/yyyy).
    Arrival,
    /// The departure date.
    Departure,
    /// The number of nights.
    Nights,
    /// An amount ("1 304,40 €"): the price, the invoice's total, the amount due, the statement's net.
    Amount,
    /// The document's number.
    Number,
    /// A link (to pay, to sign, to read the statement).
    Link,
    /// The owner's name.
    Owner,
    /// The statement's month ("mars 2027").
    Period,
    /// The organisation's name.
    Organisation,
}

impl Placeholder {
    /// Every placeholder.
    pub const ALL: [Placeholder; 11] = [
        Placeholder::Guest,
        Placeholder::Property,
        Placeholder::Arrival,
        Placeholder::Departure,
        Placeholder::Nights,
        Placeholder::Amount,
        Placeholder::Number,
        Placeholder::Link,
        Placeholder::Owner,
        Placeholder::Period,
        Placeholder::Organisation,
    ];

    /// The name typed between braces (the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Placeholder::Guest => "client",
            Placeholder::Property => "logement",
            Placeholder::Arrival => "arrivee",
            Placeholder::Departure => "depart",
            Placeholder::Nights => "nuits",
            Placeholder::Amount => "montant",
            Placeholder::Number => "numero",
            Placeholder::Link => "lien",
            Placeholder::Owner => "proprietaire",
            Placeholder::Period => "periode",
            Placeholder::Organisation => "organisation",
        }
    }

    /// The placeholder called `name`.
    pub fn from_name(name: &str) -> Option<Placeholder> {
        Placeholder::ALL.into_iter().find(|p| p.name() == name)
    }
}

impl TemplatePurpose {
    /// Every purpose, in the order the settings list them.
    pub const ALL: [TemplatePurpose; 6] = [
        TemplatePurpose::Contract,
        TemplatePurpose::Invoice,
        TemplatePurpose::Reminder,
        TemplatePurpose::BookingRequestReceived,
        TemplatePurpose::BookingConfirmed,
        TemplatePurpose::Statement,
    ];

    /// The value stored and carried in URLs.
    pub fn code(self) -> &'static str {
        match self {
            TemplatePurpose::Contract => "contract",
            TemplatePurpose::Invoice => "invoice",
            TemplatePurpose::Reminder => "reminder",
            TemplatePurpose::BookingRequestReceived => "request_received",
            TemplatePurpose::BookingConfirmed => "booking_confirmed",
            TemplatePurpose::Statement => "statement",
        }
    }

    /// The purpose stored as `code`.
    pub fn from_code(code: &str) -> Option<TemplatePurpose> {
        TemplatePurpose::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The placeholders this purpose's messages can fill.
    pub fn placeholders(self) -> &'static [Placeholder] {
        use Placeholder::*;
        match self {
            TemplatePurpose::Contract | TemplatePurpose::Invoice | TemplatePurpose::Reminder => &[
                Guest,
                Property,
                Arrival,
                Departure,
                Nights,
                Amount,
                Number,
                Link,
                Organisation,
            ],
            TemplatePurpose::BookingRequestReceived | TemplatePurpose::BookingConfirmed => &[
                Guest,
                Property,
                Arrival,
                Departure,
                Nights,
                Amount,
                Link,
                Organisation,
            ],
            TemplatePurpose::Statement => &[Owner, Period, Amount, Link, Organisation],
        }
    }

    /// The names of [`TemplatePurpose::placeholders`].
    pub fn placeholder_names(self) -> Vec<String> {
        self.placeholders()
            .iter()
            .map(|p| p.name().to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_purpose_round_trips_its_code() {
        for purpose in TemplatePurpose::ALL {
            assert_eq!(TemplatePurpose::from_code(purpose.code()), Some(purpose));
        }
    }
}
