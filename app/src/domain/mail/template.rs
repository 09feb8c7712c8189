//! Email templates: a subject and a body per purpose, with placeholders written `{name}` that are
//! replaced by the booking's, the document's or the statement's values when a message is written.
//! A template may only use the placeholders its purpose provides; any other `{word}` is refused at
//! save with the list of valid ones. Text in braces that is not a placeholder name (`{ }`, `{1,5}`)
//! stays as typed.

use crate::domain::field::{collect, required_text, FieldError, FieldErrors};
use crate::domain::mail::{Placeholder, TemplatePurpose};
use serde::{Deserialize, Serialize};

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
}
