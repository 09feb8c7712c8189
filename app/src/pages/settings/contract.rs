//! "Paramètres › Contrat" (seed 004 "Outils - Préférences - Contrat" and "Logo / Signature"): the
//! arrhes and security-deposit computations, the lines of the particular conditions, the texts, and
//! the logo and scanned signature (sent by a plain form, so it works before the page is interactive).

use crate::api::contracts::settings::{
    contract_settings, ContractSettingsView, SaveContractSettings,
};
use crate::components::field::{CheckboxField, FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::contract::ContractSettingsForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The page.
#[component]
pub fn ContractSettingsPage() -> impl IntoView {
    let t = use_texts();
    let c = t.contracts;
    let settings = Resource::new(|| (), |_| contract_settings());
    view! {
        <Title text=c.settings_title/>
        <p><A href="/parametres">{t.settings_title}</A></p>
        <h1>{c.settings_title}</h1>
        <p class="notice info">{c.disclaimer}</p>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(view) => {
                        let images = view_images(&view);
                        view! { <ContractSettingsForm view/> <Images view=images/> }.into_any()
                    }
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The stored logo and signature: format and size of each, if any.
type StoredImages = (Option<(String, usize)>, Option<(String, usize)>);

/// Options of a select: (value, label).
fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

fn view_images(view: &ContractSettingsView) -> StoredImages {
    (view.logo.clone(), view.signature.clone())
}

#[component]
fn ContractSettingsForm(view: ContractSettingsView) -> impl IntoView {
    let t = use_texts();
    let c = t.contracts;
    let form = FormState::new(view.form, |f: &ContractSettingsForm| {
        f.validate().err().unwrap_or_default()
    });
    let saved = RwSignal::new(None::<String>);
    let action = ServerAction::<SaveContractSettings>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if let Ok(stored) = result {
                form.value.set(stored);
                saved.set(Some(c.settings_saved.to_string()));
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(SaveContractSettings { form: value });
        }
    };
    let arrhes = Signal::derive(move || {
        pairs(&[
            ("manual", c.arrhes_manual),
            ("fixed", c.arrhes_fixed),
            ("percent", c.arrhes_percent),
        ])
    });
    let deposits = Signal::derive(move || {
        pairs(&[
            ("hidden", c.deposit_hidden),
            ("property", c.deposit_property),
            ("percent", c.deposit_percent),
            ("fixed", c.deposit_fixed),
            ("manual", c.deposit_manual),
        ])
    });
    let addresses = Signal::derive(move || {
        pairs(&[
            ("property", c.address_property),
            ("billing", c.address_billing),
        ])
    });
    view! {
        <form on:submit=on_submit novalidate data-testid="contract-settings-form">
            <SuccessNotice message=saved/>
            <ErrorNotice message=form.summary()/>
            <section class="panel" aria-labelledby="contract-arrhes-title">
                <h2 id="contract-arrhes-title">{c.arrhes_section}</h2>
                <div class="row">
                    <SelectField label=c.arrhes_mode name="arrhes_mode" options=arrhes hint=c.arrhes_hint
                        binding=form.text("arrhes_mode", |f| f.arrhes_mode.clone(), |f, x| f.arrhes_mode = x) error=form.error("arrhes_mode")/>
                    <TextField label=c.arrhes_value name="arrhes_value" inputmode="decimal"
                        binding=form.text("arrhes_value", |f| f.arrhes_value.clone(), |f, x| f.arrhes_value = x) error=form.error("arrhes_value")/>
                </div>
            </section>
            <section class="panel" aria-labelledby="contract-lines-title">
                <h2 id="contract-lines-title">{c.lines_section}</h2>
                <CheckboxField label=c.nights_line name="nights_line" binding=form.flag("nights_line", |f| f.nights_line, |f, x| f.nights_line = x)/>
                <CheckboxField label=c.persons_lines name="persons_lines" binding=form.flag("persons_lines", |f| f.persons_lines, |f, x| f.persons_lines = x)/>
                <CheckboxField label=c.options_lines name="options_lines" binding=form.flag("options_lines", |f| f.options_lines, |f, x| f.options_lines = x)/>
                <SelectField label=c.address_label name="address" options=addresses
                    binding=form.text("address", |f| f.address.clone(), |f, x| f.address = x) error=form.error("address")/>
                <CheckboxField label=c.property_name name="property_name" binding=form.flag("property_name", |f| f.property_name, |f, x| f.property_name = x)/>
                <CheckboxField label=c.balance_line name="balance_line" binding=form.flag("balance_line", |f| f.balance_line, |f, x| f.balance_line = x)/>
                <TextField label=c.balance_terms name="balance_terms" hint=c.balance_terms_hint
                    binding=form.text("balance_terms", |f| f.balance_terms.clone(), |f, x| f.balance_terms = x) error=form.error("balance_terms")/>
            </section>
            <section class="panel" aria-labelledby="contract-deposit-title">
                <h2 id="contract-deposit-title">{c.deposit_section}</h2>
                <div class="row">
                    <SelectField label=c.deposit_mode name="deposit_mode" options=deposits
                        binding=form.text("deposit_mode", |f| f.deposit_mode.clone(), |f, x| f.deposit_mode = x) error=form.error("deposit_mode")/>
                    <TextField label=c.deposit_value name="deposit_value" inputmode="decimal"
                        binding=form.text("deposit_value", |f| f.deposit_value.clone(), |f, x| f.deposit_value = x) error=form.error("deposit_value")/>
                    <TextField label=c.deposit_label name="deposit_label"
                        binding=form.text("deposit_label", |f| f.deposit_label.clone(), |f, x| f.deposit_label = x) error=form.error("deposit_label")/>
                </div>
            </section>
            <section class="panel" aria-labelledby="contract-texts-title">
                <h2 id="contract-texts-title">{c.texts_section}</h2>
                <TextField label=c.special_conditions name="special_conditions" multiline=true hint=c.special_conditions_hint
                    binding=form.text("special_conditions", |f| f.special_conditions.clone(), |f, x| f.special_conditions = x) error=form.error("special_conditions")/>
                <TextField label=c.annexes name="annexes" multiline=true
                    binding=form.text("annexes", |f| f.annexes.clone(), |f, x| f.annexes = x) error=form.error("annexes")/>
                <TextField label=c.general_conditions name="general_conditions" multiline=true
                    binding=form.text("general_conditions", |f| f.general_conditions.clone(), |f, x| f.general_conditions = x) error=form.error("general_conditions")/>
                <CheckboxField label=c.annex_descriptions name="annex_descriptions" binding=form.flag("annex_descriptions", |f| f.annex_descriptions, |f, x| f.annex_descriptions = x)/>
                <CheckboxField label=c.logo_on_contracts name="logo_on_contracts" binding=form.flag("logo_on_contracts", |f| f.logo_on_contracts, |f, x| f.logo_on_contracts = x)/>
                <CheckboxField label=c.logo_on_invoices name="logo_on_invoices" binding=form.flag("logo_on_invoices", |f| f.logo_on_invoices, |f, x| f.logo_on_invoices = x)/>
                <CheckboxField label=c.sign_general_conditions name="sign_general_conditions" binding=form.flag("sign_general_conditions", |f| f.sign_general_conditions, |f, x| f.sign_general_conditions = x)/>
            </section>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.save}</button>
            </div>
        </form>
    }
}

/// The logo and signature: what is stored, and a plain form to send or remove each.
#[component]
fn Images(view: StoredImages) -> impl IntoView {
    let t = use_texts();
    let c = t.contracts;
    let query = use_query_map();
    let outcome = move || {
        query
            .with(|q| q.get("image"))
            .map(|code| match code.as_str() {
                "saved" => {
                    view! { <p class="notice success" role="status">{c.image_saved}</p> }.into_any()
                }
                "too_big" => {
                    view! { <p class="notice error" role="alert">{c.image_too_big}</p> }.into_any()
                }
                _ => {
                    view! { <p class="notice error" role="alert">{c.image_refused}</p> }.into_any()
                }
            })
    };
    let image = move |kind: &'static str, label: &'static str, stored: Option<(String, usize)>| {
        view! {
            <div class="image-setting">
                <h3>{label}</h3>
                <p>{match stored {
                    Some((format, size)) => format!("{} · {} Ko", format.to_uppercase(), size.div_ceil(1024)),
                    None => c.image_none.to_string(),
                }}</p>
                <form method="post" enctype="multipart/form-data" action=format!("/parametres/images/{kind}")>
                    <label for=format!("image-{kind}") class="sr-only">{label}</label>
                    <input id=format!("image-{kind}") type="file" name="image" accept="image/png,image/jpeg,image/svg+xml" required/>
                    <button type="submit">{t.save}</button>
                </form>
                <form method="post" action=format!("/parametres/images/{kind}/retirer")>
                    <button type="submit" class="small">{c.image_remove}</button>
                </form>
            </div>
        }
    };
    view! {
        <section class="panel" aria-labelledby="contract-images-title" id="images">
            <h2 id="contract-images-title">{c.images_section}</h2>
            <p class="hint">{c.image_hint}</p>
            {outcome}
            <div class="parties">
                {image("logo", c.logo, view.0)}
                {image("signature", c.signature, view.1)}
            </div>
        </section>
    }
}
