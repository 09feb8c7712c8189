//! The property form, shared by the create and edit screens.

use crate::components::field::{CheckboxField, FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::property::{Classification, PropertyForm, PropertyFormChoices};
use leptos::prelude::*;
use leptos_router::components::A;

/// A property form's state, validated by the domain rules.
pub fn property_form_state(initial: PropertyForm) -> FormState<PropertyForm> {
    FormState::new(initial, |f| f.validate().err().unwrap_or_default())
}

/// The fields of a property, with a submit button labelled `submit_label`.
#[component]
pub fn PropertyFormView(
    form: FormState<PropertyForm>,
    choices: PropertyFormChoices,
    pending: Signal<bool>,
    on_valid: Callback<PropertyForm>,
) -> impl IntoView {
    let t = use_texts();
    let owners: Vec<(String, String)> = std::iter::once((String::new(), t.no_owner.to_string()))
        .chain(
            choices
                .owners
                .iter()
                .map(|c| (c.id.clone(), c.label.clone())),
        )
        .collect();
    let plans: Vec<(String, String)> =
        std::iter::once((String::new(), t.choose_rate_plan.to_string()))
            .chain(
                choices
                    .rate_plans
                    .iter()
                    .map(|c| (c.id.clone(), c.label.clone())),
            )
            .collect();
    let taxes: Vec<(String, String)> =
        std::iter::once((String::new(), t.rates.property_tax_from_plan.to_string()))
            .chain(
                choices
                    .tourist_taxes
                    .iter()
                    .map(|c| (c.id.clone(), c.label.clone())),
            )
            .collect();
    let pricing = vec![
        ("plan".to_string(), t.pricing_plan.to_string()),
        ("fixed".to_string(), t.pricing_fixed.to_string()),
    ];
    let classifications: Vec<(String, String)> = Classification::ALL
        .into_iter()
        .map(|c| {
            let label = match c {
                Classification::Unclassified => t.unclassified.to_string(),
                Classification::Stars(n) => (t.stars)(n),
            };
            (c.code(), label)
        })
        .collect();
    let by_plan = move || form.value.with(|f| f.pricing == "plan");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            on_valid.run(value);
        }
    };
    view! {
        <form on:submit=on_submit novalidate class="property-form">
            <ErrorNotice message=form.summary()/>
            <fieldset>
                <TextField label=t.field_name name="name" required=true
                    binding=form.text("name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("name")/>
                <TextField label=t.field_address name="address" autocomplete="street-address"
                    binding=form.text("address", |f| f.address.clone(), |f, v| f.address = v) error=form.error("address")/>
                <div class="row">
                    <TextField label=t.field_capacity name="capacity" required=true inputmode="numeric"
                        binding=form.text("capacity", |f| f.capacity.clone(), |f, v| f.capacity = v) error=form.error("capacity")/>
                    <SelectField label=t.field_owner name="owner_id" options=owners
                        binding=form.text("owner_id", |f| f.owner_id.clone(), |f, v| f.owner_id = v) error=form.error("owner_id")/>
                </div>
            </fieldset>
            <fieldset>
                <div class="row">
                    <SelectField label=t.field_pricing name="pricing" options=pricing
                        binding=form.text("pricing", |f| f.pricing.clone(), |f, v| f.pricing = v) error=form.error("pricing")/>
                    <Show when=by_plan fallback=move || view! {
                        <TextField label=t.field_fixed_price name="fixed_price" required=true inputmode="decimal"
                            binding=form.text("fixed_price", |f| f.fixed_price.clone(), |f, v| f.fixed_price = v)
                            error=form.error("fixed_price")/>
                    }>
                        <SelectField label=t.field_rate_plan name="rate_plan_id" options=plans.clone()
                            binding=form.text("rate_plan_id", |f| f.rate_plan_id.clone(), |f, v| f.rate_plan_id = v)
                            error=form.error("rate_plan_id")/>
                    </Show>
                    <SelectField label=t.field_tourist_tax name="tourist_tax_id" options=taxes
                        binding=form.text("tourist_tax_id", |f| f.tourist_tax_id.clone(), |f, v| f.tourist_tax_id = v)
                        error=form.error("tourist_tax_id")/>
                    <TextField label=t.field_security_deposit name="security_deposit" inputmode="decimal"
                        binding=form.text("security_deposit", |f| f.security_deposit.clone(), |f, v| f.security_deposit = v)
                        error=form.error("security_deposit")/>
                </div>
            </fieldset>
            <fieldset>
                <div class="row">
                    <TextField label=t.field_registration_number name="registration_number" hint=t.registration_hint
                        binding=form.text("registration_number", |f| f.registration_number.clone(), |f, v| f.registration_number = v)
                        error=form.error("registration_number")/>
                    <SelectField label=t.field_classification name="classification" options=classifications
                        binding=form.text("classification", |f| f.classification.clone(), |f, v| f.classification = v)
                        error=form.error("classification")/>
                </div>
                <CheckboxField label=t.field_principal_residence name="principal_residence" hint=t.principal_residence_hint
                    binding=form.flag("principal_residence", |f| f.principal_residence, |f, v| f.principal_residence = v)/>
                <CheckboxField label=t.field_public_listing name="public_listing"
                    binding=form.flag("public_listing", |f| f.public_listing, |f, v| f.public_listing = v)/>
                <TextField label=t.field_description name="description" multiline=true hint=t.description_hint
                    binding=form.text("description", |f| f.description.clone(), |f, v| f.description = v)
                    error=form.error("description")/>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || pending.get()>{t.save}</button>
                <A href="/logements" attr:class="button">{t.cancel}</A>
            </div>
        </form>
    }
}
