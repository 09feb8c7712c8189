//! The public pages (SPEC C10), seen by guests who never log in: a home's availability calendar, the
//! booking search and the booking request. They are rendered on the server only — plain HTML and
//! forms, no WebAssembly — so that a page embedded in the owner's website weighs a few kilobytes;
//! the only script reports the page's height to the embedding page (`public/embed.js`).
//!
//! The server's public routes build each page's data and call [`render`]. Nothing here reads
//! another booking: the pages get dates, prices of the home asked for, and what the guest typed.

mod calendar;
mod message;
mod request;
mod search;
mod shell;

pub use calendar::{CalendarPage, CalendarPageData};
pub use message::MessagePage;
pub use request::{DonePage, RequestPage, RequestPageData};
pub use search::{SearchPage, SearchPageData, SearchResult};

use crate::components::language::provide_texts;
use crate::domain::field::FieldErrors;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

/// The whole HTML document of `page`, rendered with the texts of `lang`.
pub fn render<V: IntoView + 'static>(lang: Lang, page: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_texts(lang);
        format!("<!DOCTYPE html>{}", page().into_view().to_html())
    })
}

/// The message for field `name` among `errors`, in the page's language.
fn error_of(errors: &FieldErrors, name: &str) -> Option<String> {
    let texts = crate::components::language::use_texts();
    errors
        .iter()
        .find(|(field, _)| field == name)
        .map(|(_, error)| {
            if name == "conditions" {
                texts.public.conditions_required.to_string()
            } else {
                (texts.field_error)(error)
            }
        })
}

/// A labelled input with its message below, for the public forms.
#[component]
fn PublicField(
    name: &'static str,
    label: &'static str,
    value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] min: Option<String>,
    errors: FieldErrors,
) -> impl IntoView {
    let error = error_of(&errors, name);
    let id = format!("f-{name}");
    let error_id = format!("e-{name}");
    let invalid = error.is_some();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type=kind name=name value=value required=required min=min
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then(|| error_id.clone())/>
            {error.map(|text| view! { <p class="error" id=error_id>{text}</p> })}
        </div>
    }
}
