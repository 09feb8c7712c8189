//! Form state and fields. A [`FormState`] holds what was typed (never lost on error), validates it as
//! the person types with the same domain rules the server applies, and shows each message next to its
//! field — the browser's own check for fields touched or after a submit, else the server's answer.

use crate::components::language::use_texts;
use crate::domain::field::FieldErrors;
use crate::error::AppError;
use leptos::prelude::*;

/// The state of one form of type `F`.
pub struct FormState<F: Send + Sync + 'static> {
    /// What was typed.
    pub value: RwSignal<F>,
    /// Set by the first submit: from then on every field shows its message.
    pub submitted: RwSignal<bool>,
    touched: RwSignal<Vec<&'static str>>,
    /// The server's last refusal, if any.
    pub server_error: RwSignal<Option<AppError>>,
    validate: fn(&F) -> FieldErrors,
}

impl<F: Send + Sync + 'static> Clone for FormState<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Send + Sync + 'static> Copy for FormState<F> {}

impl<F: Clone + Send + Sync + 'static> FormState<F> {
    /// A form starting from `initial`, checked by `validate`.
    pub fn new(initial: F, validate: fn(&F) -> FieldErrors) -> Self {
        FormState {
            value: RwSignal::new(initial),
            submitted: RwSignal::new(false),
            touched: RwSignal::new(Vec::new()),
            server_error: RwSignal::new(None),
            validate,
        }
    }

    /// Binds a text field: its current value, and a setter that marks it touched and clears the
    /// server's message for it.
    pub fn text(
        &self,
        name: &'static str,
        get: fn(&F) -> String,
        set: fn(&mut F, String),
    ) -> (Signal<String>, Callback<String>) {
        let state = *self;
        let value = Signal::derive(move || state.value.with(get));
        let setter = Callback::new(move |text: String| {
            state.value.update(|form| set(form, text));
            state.mark_touched(name);
        });
        (value, setter)
    }

    /// Binds a checkbox.
    pub fn flag(
        &self,
        name: &'static str,
        get: fn(&F) -> bool,
        set: fn(&mut F, bool),
    ) -> (Signal<bool>, Callback<bool>) {
        let state = *self;
        let value = Signal::derive(move || state.value.with(get));
        let setter = Callback::new(move |checked: bool| {
            state.value.update(|form| set(form, checked));
            state.mark_touched(name);
        });
        (value, setter)
    }

    fn mark_touched(&self, name: &'static str) {
        self.touched.update(|touched| {
            if !touched.contains(&name) {
                touched.push(name);
            }
        });
        self.server_error.update(|error| {
            if let Some(error) = error {
                error.fields.retain(|field| field.field != name);
            }
        });
    }

    /// The message to show next to `name`, if any.
    pub fn error(&self, name: &'static str) -> Signal<Option<String>> {
        let state = *self;
        let texts = use_texts();
        Signal::derive(move || {
            let shown =
                state.submitted.get() || state.touched.with(|touched| touched.contains(&name));
            if shown {
                let local = state.value.with(|form| (state.validate)(form));
                if let Some((_, error)) = local.iter().find(|(field, _)| field == name) {
                    return Some((texts.field_error)(error));
                }
            }
            state
                .server_error
                .with(|error| error.as_ref().and_then(|e| e.field(name)))
        })
    }

    /// Marks the form submitted; returns the value when the browser finds nothing to correct.
    pub fn submit(&self) -> Option<F> {
        self.submitted.set(true);
        self.server_error.set(None);
        let form = self.value.get_untracked();
        (self.validate)(&form).is_empty().then_some(form)
    }

    /// Starts over from `value`: nothing touched, nothing submitted, no message.
    pub fn reset(&self, value: F) {
        self.value.set(value);
        self.submitted.set(false);
        self.touched.set(Vec::new());
        self.server_error.set(None);
    }

    /// Records the server's answer to a submit.
    pub fn server_result<T>(&self, result: &Result<T, AppError>) {
        self.server_error.set(result.as_ref().err().cloned());
    }

    /// The message for the whole form: a summary when fields are refused, or the server's message.
    pub fn summary(&self) -> Signal<Option<String>> {
        let state = *self;
        let texts = use_texts();
        Signal::derive(move || {
            if let Some(error) = state.server_error.get() {
                return Some(error.display(texts));
            }
            let invalid = state.submitted.get()
                && !state.value.with(|form| (state.validate)(form)).is_empty();
            invalid.then(|| texts.form_has_errors.to_string())
        })
    }
}

/// Ids of a field's input and its message, derived from the field name.
fn ids(name: &str) -> (String, String, String) {
    (
        format!("field-{name}"),
        format!("field-{name}-error"),
        format!("field-{name}-hint"),
    )
}

fn described_by(name: &str, error: Option<String>, hint: bool) -> Option<String> {
    let (_, error_id, hint_id) = ids(name);
    let mut parts = Vec::new();
    if hint {
        parts.push(hint_id);
    }
    if error.is_some() {
        parts.push(error_id);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The message and hint under a field.
#[component]
fn FieldFooter(
    name: &'static str,
    error: Signal<Option<String>>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let (_, error_id, hint_id) = ids(name);
    view! {
        {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
        {move || error.get().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
    }
}

/// A labelled text input with its message.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    binding: (Signal<String>, Callback<String>),
    error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let (value, set_value) = binding;
    let (input_id, _, _) = ids(name);
    let invalid = move || error.get().is_some().then_some("true");
    let describedby = move || described_by(name, error.get(), hint.is_some());
    let field = if multiline {
        view! {
            <textarea id=input_id.clone() name=name rows="5" aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| set_value.run(event_target_value(&ev))>
                {value.get_untracked()}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=input_id.clone() name=name type=input_type autocomplete=autocomplete inputmode=inputmode
                required=required aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get()
                on:input=move |ev| set_value.run(event_target_value(&ev))/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=input_id>{label}{required.then_some(view! { <span aria-hidden="true" class="required">" *"</span> })}</label>
            {field}
            <FieldFooter name error hint/>
        </div>
    }
}

/// A labelled select with its message. `options` are `(value, label)` pairs.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    binding: (Signal<String>, Callback<String>),
    error: Signal<Option<String>>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let (value, set_value) = binding;
    let (input_id, _, _) = ids(name);
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=input_id.clone()>{label}</label>
            <select id=input_id name=name
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(name, error.get(), hint.is_some())
                on:change=move |ev| set_value.run(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(option_value, option_label)| {
                    let selected = option_value == value.get();
                    view! { <option value=option_value selected=selected>{option_label}</option> }
                }).collect_view()}
            </select>
            <FieldFooter name error hint/>
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckboxField(
    label: &'static str,
    name: &'static str,
    binding: (Signal<bool>, Callback<bool>),
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let (checked, set_checked) = binding;
    let (input_id, _, _) = ids(name);
    let no_error = Signal::derive(|| None);
    view! {
        <div class="field checkbox">
            <input id=input_id.clone() name=name type="checkbox"
                aria-describedby=move || described_by(name, None, hint.is_some())
                prop:checked=move || checked.get()
                on:change=move |ev| set_checked.run(event_target_checked(&ev))/>
            <label for=input_id>{label}</label>
            <FieldFooter name error=no_error hint/>
        </div>
    }
}

/// A new password and its confirmation (form fields `password` and `password_confirmation`).
#[component]
pub fn NewPasswordFields<F: Clone + Send + Sync + 'static>(
    form: FormState<F>,
    label: &'static str,
    password: (Signal<String>, Callback<String>),
    confirmation: (Signal<String>, Callback<String>),
) -> impl IntoView {
    let t = use_texts();
    view! {
        <TextField label name="password" input_type="password" required=true
            autocomplete="new-password" hint=t.password_hint binding=password error=form.error("password")/>
        <TextField label=t.password_confirmation name="password_confirmation" input_type="password"
            required=true autocomplete="new-password" binding=confirmation error=form.error("password_confirmation")/>
    }
}
