//! Adding or editing a provider: name, service, email, phone, the login account (an account of the
//! organisation whose role is provider), and the properties served (one checkbox each). Checked as
//! typed with the server's rules; an edit is saved from the version opened (a stale save says so).

use super::PageNotices;
use crate::api::providers::{CreateProvider, UpdateProvider};
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::domain::provider::{Provider, ProviderForm, ProviderKind, ProvidersOverview};
use leptos::prelude::*;

fn validate(form: &ProviderForm) -> crate::domain::field::FieldErrors {
    form.validate().err().unwrap_or_default()
}

/// The form: adds a provider, or changes the one `editing` names (chosen in the table).
#[component]
pub fn ProviderFormPanel(
    overview: StoredValue<ProvidersOverview>,
    notices: PageNotices,
    editing: RwSignal<Option<Provider>>,
) -> impl IntoView {
    let t = use_texts();
    let p = t.providers;
    let form = FormState::new(ProviderForm::blank(), validate);
    Effect::new(move |_| match editing.get() {
        Some(provider) => {
            form.reset(provider.to_form());
            if let Some(section) = document().get_element_by_id("provider-form-title") {
                section.scroll_into_view();
            }
        }
        None => form.reset(ProviderForm::blank()),
    });
    let create = ServerAction::<CreateProvider>::new();
    let update = ServerAction::<UpdateProvider>::new();
    Effect::new(move |_| {
        if let Some(result) = create.value().get() {
            form.server_result(&result);
            match result {
                Ok(_) => {
                    form.reset(ProviderForm::blank());
                    notices.done.run(p.created.to_string());
                }
                Err(error) if error.fields.is_empty() => notices.fail.run(error.display(t)),
                Err(_) => {}
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = update.value().get() {
            form.server_result(&result);
            match result {
                Ok(_) => {
                    editing.set(None);
                    notices.done.run(p.saved.to_string());
                }
                Err(error) if error.fields.is_empty() => notices.fail.run(error.display(t)),
                Err(_) => {}
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            match editing.get_untracked() {
                Some(provider) => {
                    update.dispatch(UpdateProvider {
                        id: provider.id,
                        version: provider.version,
                        form: value,
                    });
                }
                None => {
                    create.dispatch(CreateProvider { form: value });
                }
            }
        }
    };
    let pending = move || create.pending().get() || update.pending().get();
    let kinds = Signal::derive(move || {
        ProviderKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), (p.kind_name)(*k).to_string()))
            .collect::<Vec<_>>()
    });
    let accounts = Signal::derive(move || {
        std::iter::once((String::new(), p.no_account.to_string()))
            .chain(overview.with_value(|o| {
                o.accounts
                    .iter()
                    .map(|a| (a.id.clone(), a.label.clone()))
                    .collect::<Vec<_>>()
            }))
            .collect::<Vec<_>>()
    });
    let properties = overview.with_value(|o| o.properties.clone());
    let properties_error = form.error("properties");
    view! {
        <section class="panel" aria-labelledby="provider-form-title">
            <h2 id="provider-form-title">{move || match editing.get() {
                Some(provider) => (p.edit_title)(&provider.name),
                None => p.add_title.to_string(),
            }}</h2>
            <form on:submit=on_submit novalidate data-testid="provider-form">
                <crate::components::notice::ErrorNotice message=form.summary()/>
                <div class="row">
                    <TextField label=p.field_name name="name" required=true
                        binding=form.text("name", |f| f.name.clone(), |f, x| f.name = x) error=form.error("name")/>
                    <SelectField label=p.field_kind name="kind" options=kinds
                        binding=form.text("kind", |f| f.kind.clone(), |f, x| f.kind = x) error=form.error("kind")/>
                </div>
                <div class="row">
                    <TextField label=p.field_email name="email" input_type="email" autocomplete="off"
                        binding=form.text("email", |f| f.email.clone(), |f, x| f.email = x) error=form.error("email")/>
                    <TextField label=p.field_phone name="phone" input_type="tel" autocomplete="off"
                        binding=form.text("phone", |f| f.phone.clone(), |f, x| f.phone = x) error=form.error("phone")/>
                </div>
                <SelectField label=p.field_account name="user" options=accounts hint=p.account_hint
                    binding=form.text("user", |f| f.user.clone(), |f, x| f.user = x) error=form.error("user")/>
                <fieldset class="served-properties" aria-describedby="field-properties-hint">
                    <legend>{p.field_properties}</legend>
                    <p class="hint" id="field-properties-hint">{p.properties_hint}</p>
                    {properties.is_empty().then(|| view! { <p class="hint">{p.no_property_yet}</p> })}
                    {properties.into_iter().map(|property| {
                        let input_id = format!("served-{}", property.id);
                        let label_for = input_id.clone();
                        let id = property.id.clone();
                        let id_for_change = property.id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input type="checkbox" id=input_id name="properties"
                                    prop:checked=move || form.value.with(|f| f.properties.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = id_for_change.clone();
                                        form.value.update(|f| {
                                            f.properties.retain(|x| *x != id);
                                            if on { f.properties.push(id); }
                                        });
                                    }/>
                                {property.label.clone()}
                            </label>
                        }
                    }).collect_view()}
                    {move || properties_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                </fieldset>
                <button type="submit" class="button primary" disabled=pending>
                    {move || if editing.get().is_some() { p.save_button } else { p.add_button }}
                </button>
                {move || editing.get().is_some().then(|| view! {
                    <button type="button" class="button" on:click=move |_| editing.set(None)>{t.cancel}</button>
                })}
            </form>
        </section>
    }
}
