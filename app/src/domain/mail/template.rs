//! Email templates: a subject and a body per purpose, with placeholders written `{name}` that are
//! replaced by the booking's, the document's or the statement's values when a message is written.
//! A template may only use the placeholders its purpose provides; any other `{word}` is refused at
//! save with the list of valid ones. Text in braces that is not a placeholder name (`{ }`, `{1,5}`)
//! stays as typed.

use crate::domain::field::{collect, required_text, FieldError, FieldErrors};
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

/// A subject and a body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// The subject line.
    pub subject: String,
    /// The message.
    pub body: String,
}

/// An organisation's own version of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTemplate {
    /// The subject and body.
    pub template: Template,
    /// Its version (optimistic concurrency).
    pub version: i64,
}

/// A purpose's template as the settings page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSetting {
    /// The purpose.
    pub purpose: TemplatePurpose,
    /// The template in use: the organisation's own, or the default.
    pub template: Template,
    /// The stored version; 0 while the default is in use.
    pub version: i64,
    /// The default template, to compare and go back to.
    pub default: Template,
}

/// Longest subject accepted, in characters.
pub const MAX_SUBJECT: usize = 200;
/// Longest body accepted, in characters.
pub const MAX_BODY: usize = 20_000;

/// One piece of a template: literal text or a `{name}` (with the name as typed).
enum Piece<'a> {
    Text(&'a str),
    Name(&'a str),
}

/// Splits `text` into literal text and `{name}`s, where a name is a lower-case word of letters,
/// digits and underscores; anything else in braces is literal text.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_end = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        if name_end > 0 && after[name_end..].starts_with('}') {
            pieces.push(Piece::Text(&rest[..open]));
            pieces.push(Piece::Name(&after[..name_end]));
            rest = &after[name_end + 1..];
        } else {
            pieces.push(Piece::Text(&rest[..=open]));
            rest = after;
        }
    }
    pieces.push(Piece::Text(rest));
    pieces
}

/// The `{name}`s of `text` that `purpose` does not provide, each once, in order.
pub fn unknown_placeholders(text: &str, purpose: TemplatePurpose) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    for piece in pieces(text) {
        if let Piece::Name(name) = piece {
            let known =
                Placeholder::from_name(name).is_some_and(|p| purpose.placeholders().contains(&p));
            if !known && !unknown.iter().any(|u| u == name) {
                unknown.push(name.to_string());
            }
        }
    }
    unknown
}

/// `text` with each placeholder replaced by `value(placeholder)`; unknown names stay as typed.
pub fn fill(text: &str, value: &dyn Fn(Placeholder) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Name(name) => match Placeholder::from_name(name) {
                Some(p) => out.push_str(&value(p)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// `text` with `insert` replacing the selection `[start, end)`, counted in UTF-16 units as browsers
/// count a text field's selection (a position past the end means the end).
pub fn insert_at_utf16(text: &str, start: u32, end: u32, insert: &str) -> String {
    let byte_at = |position: u32| {
        let mut units = 0_u32;
        for (index, c) in text.char_indices() {
            if units >= position {
                return index;
            }
            units += u32::try_from(c.len_utf16()).unwrap_or(2);
        }
        text.len()
    };
    let (start, end) = (byte_at(start.min(end)), byte_at(end.max(start)));
    format!("{}{insert}{}", &text[..start], &text[end..])
}

impl Template {
    /// Checks the subject and body for `purpose`: both present, bounded, and using only its
    /// placeholders (a refusal lists the valid ones).
    pub fn validate(&self, purpose: TemplatePurpose) -> Result<Template, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut checked = |name: &str, raw: &str, max: usize| {
            let text = required_text(raw, max).and_then(|text| {
                let unknown = unknown_placeholders(&text, purpose);
                if unknown.is_empty() {
                    Ok(text)
                } else {
                    Err(FieldError::UnknownPlaceholders {
                        unknown,
                        valid: purpose.placeholder_names(),
                    })
                }
            });
            collect(&mut errors, name, text)
        };
        let subject = checked("subject", &self.subject, MAX_SUBJECT);
        let body = checked("body", &self.body, MAX_BODY);
        match (subject, body) {
            (Some(subject), Some(body)) if errors.is_empty() => Ok(Template { subject, body }),
            _ => Err(errors),
        }
    }

    /// The subject and body with the values filled in.
    pub fn render(&self, value: &dyn Fn(Placeholder) -> String) -> Template {
        Template {
            subject: fill(&self.subject, value).replace(['\r', '\n'], " "),
            body: fill(&self.body, value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(p: Placeholder) -> String {
        match p {
            Placeholder::Guest => "Marie Durand".into(),
            Placeholder::Amount => "1 304,40 €".into(),
            other => format!("<{}>", other.name()),
        }
    }

    #[test]
    fn placeholders_are_replaced() {
        let template = Template {
            subject: "Votre facture {numero}".into(),
            body: "Bonjour {client},\nveuillez trouver la facture de {montant}.".into(),
        };
        let rendered = template.render(&sample);
        assert_eq!(rendered.subject, "Votre facture <numero>");
        assert_eq!(
            rendered.body,
            "Bonjour Marie Durand,\nveuillez trouver la facture de 1 304,40 €."
        );
    }

    #[test]
    fn unknown_placeholders_are_refused_with_the_valid_ones() {
        let template = Template {
            subject: "Relevé de {periode}".into(),
            body: "Bonjour {client}, {prenom} {client}".into(),
        };
        let errors = template
            .validate(TemplatePurpose::Statement)
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors,
            [(
                "body".to_string(),
                FieldError::UnknownPlaceholders {
                    unknown: vec!["client".into(), "prenom".into()],
                    valid: vec![
                        "proprietaire".into(),
                        "periode".into(),
                        "montant".into(),
                        "lien".into(),
                        "organisation".into()
                    ],
                }
            )]
        );
    }

    #[test]
    fn braces_that_are_not_names_stay_as_typed() {
        let text = "Code {1,5} { x } {Majuscule} {{client}} {";
        assert!(unknown_placeholders(text, TemplatePurpose::Invoice).is_empty());
        assert_eq!(
            fill(text, &sample),
            "Code {1,5} { x } {Majuscule} {Marie Durand} {"
        );
    }

    #[test]
    fn a_subject_stays_on_one_line() {
        let template = Template {
            subject: "Séjour de {client}".into(),
            body: "x".into(),
        };
        let multiline = |_: Placeholder| "A\r\nB".to_string();
        assert_eq!(template.render(&multiline).subject, "Séjour de A  B");
    }

    #[test]
    fn fields_are_inserted_where_the_cursor_is() {
        assert_eq!(
            insert_at_utf16("Bonjour ,", 8, 8, "{client}"),
            "Bonjour {client},"
        );
        assert_eq!(
            insert_at_utf16("Séjour à X", 9, 10, "{logement}"),
            "Séjour à {logement}"
        );
        // An emoji counts two units in the browser.
        assert_eq!(
            insert_at_utf16("☀️😀 fin", 4, 4, "{client}"),
            "☀️😀{client} fin"
        );
        assert_eq!(insert_at_utf16("abc", 99, 99, "{x}"), "abc{x}");
    }

    #[test]
    fn every_purpose_round_trips_its_code() {
        for purpose in TemplatePurpose::ALL {
            assert_eq!(TemplatePurpose::from_code(purpose.code()), Some(purpose));
        }
    }
}
