//! "Paramètres › Facturation" (seed 004 "Outils - Préférences - Facturation"): who issues invoices,
//! their default title, arrhes or acompte, the legal mentions (filled from the seed's example for a
//! legal form, then edited), the categories for reports, and the status of a paid booking.

use crate::api::invoices::settings::{billing_settings, BillingView, SaveBillingSettings};
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::invoice::{AdvanceWording, BillingForm, DocumentTitle, IssuerMode, LegalForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The page.
#[component]
pub fn BillingSettingsPage() -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let settings = Resource::new(|| (), |_| billing_settings());
    view! {
        <Title text=v.billing_title/>
        <p><A href="/parametres">{t.settings_title}</A></p>
        <h1>{v.billing_title}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(view) => view! { <BillingSettingsForm view/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BillingSettingsForm(view: BillingView) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let form = FormState::new(view.form, |f: &BillingForm| {
        f.validate().err().unwrap_or_default()
    });
    let saved = RwSignal::new(None::<String>);
    let action = ServerAction::<SaveBillingSettings>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if let Ok(stored) = result {
                form.value.set(stored);
                saved.set(Some(v.settings_saved.to_string()));
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(SaveBillingSettings { form: value });
        }
    };
    let issuers = Signal::derive(move || {
        vec![
            (
                IssuerMode::Owner.code().to_string(),
                v.issuer_owner.to_string(),
            ),
            (
                IssuerMode::Manager.code().to_string(),
                v.issuer_manager.to_string(),
            ),
        ]
    });
    let titles = Signal::derive(move || {
        DocumentTitle::ALL
            .iter()
            .map(|d| (d.code().to_string(), (v.title_name)(*d).to_string()))
            .collect::<Vec<_>>()
    });
    let wordings = Signal::derive(move || {
        [AdvanceWording::Arrhes, AdvanceWording::Acompte]
            .iter()
            .map(|w| (w.code().to_string(), (v.wording_name)(*w).to_string()))
            .collect::<Vec<_>>()
    });
    let statuses = view.statuses;
    let status_options = Signal::derive(move || {
        std::iter::once((String::new(), v.paid_status_off.to_string()))
            .chain(statuses.iter().map(|s| (s.id.to_string(), s.name.clone())))
            .collect::<Vec<_>>()
    });
    let example = RwSignal::new(String::new());
    let apply_example = move |_| {
        if let Some(legal_form) = LegalForm::from_code(&example.get_untracked()) {
            let mentions = legal_form.example();
            form.value.update(|f| {
                f.legal = mentions.legal;
                f.payment = mentions.payment;
                f.conditions = mentions.conditions;
                f.title = legal_form.suggested_title().code().into();
            });
        }
    };
    view! {
        <form on:submit=on_submit novalidate data-testid="billing-form">
            <SuccessNotice message=saved/>
            <ErrorNotice message=form.summary()/>
            <section class="panel" aria-labelledby="billing-issuer-title">
                <h2 id="billing-issuer-title">{v.issuer_section}</h2>
                <SelectField label=v.issuer_label name="issuer_mode" options=issuers hint=v.issuer_hint
                    binding=form.text("issuer_mode", |f| f.issuer_mode.clone(), |f, x| f.issuer_mode = x) error=form.error("issuer_mode")/>
                <TextField label=v.manager_name name="manager_name"
                    binding=form.text("manager_name", |f| f.manager_name.clone(), |f, x| f.manager_name = x) error=form.error("manager_name")/>
                <TextField label=v.manager_address name="manager_address" multiline=true
                    binding=form.text("manager_address", |f| f.manager_address.clone(), |f, x| f.manager_address = x) error=form.error("manager_address")/>
            </section>
            <section class="panel" aria-labelledby="billing-documents-title">
                <h2 id="billing-documents-title">{v.document_section}</h2>
                <div class="row">
                    <SelectField label=v.title_label name="title" options=titles hint=v.quittance_hint
                        binding=form.text("title", |f| f.title.clone(), |f, x| f.title = x) error=form.error("title")/>
                    <SelectField label=v.wording_label name="wording" options=wordings hint=v.wording_hint
                        binding=form.text("wording", |f| f.wording.clone(), |f, x| f.wording = x) error=form.error("wording")/>
                </div>
            </section>
            <section class="panel" aria-labelledby="billing-mentions-title">
                <h2 id="billing-mentions-title">{v.mentions_section}</h2>
                <div class="field-row">
                    <div class="field">
                        <label for="legal-form">{v.legal_form_label}</label>
                        <select id="legal-form" on:change=move |ev| example.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {LegalForm::ALL.into_iter().map(|f| view! { <option value=f.code()>{(v.legal_form_name)(f)}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="button" data-testid="apply-example" on:click=apply_example
                        disabled=move || example.get().is_empty()>{v.apply_example}</button>
                </div>
                <TextField label=v.legal_heading name="legal" multiline=true
                    binding=form.text("legal", |f| f.legal.clone(), |f, x| f.legal = x) error=form.error("legal")/>
                <TextField label=v.payment_heading name="payment" multiline=true
                    binding=form.text("payment", |f| f.payment.clone(), |f, x| f.payment = x) error=form.error("payment")/>
                <TextField label=v.conditions_heading name="conditions" multiline=true
                    binding=form.text("conditions", |f| f.conditions.clone(), |f, x| f.conditions = x) error=form.error("conditions")/>
            </section>
            <section class="panel" aria-labelledby="billing-reports-title">
                <h2 id="billing-reports-title">{v.reports_section}</h2>
                <TextField label=v.categories_label name="categories" multiline=true hint=v.categories_hint
                    binding=form.text("categories", |f| f.categories.clone(), |f, x| f.categories = x) error=form.error("categories")/>
                <SelectField label=v.paid_status_label name="paid_status" options=status_options
                    binding=form.text("paid_status", |f| f.paid_status.clone(), |f, x| f.paid_status = x) error=form.error("paid_status")/>
            </section>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.save}</button>
            </div>
        </form>
    }
}
