//! The rate plan form (base prices, guests, supplement, minimum stay, tourist tax, flat fees), shared
//! by the create and edit screens.

use crate::api::rates::PricingContext;
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::rates::RatePlanForm;
use leptos::prelude::*;

/// A plan form's state, validated by the domain rules.
pub fn plan_form_state(initial: RatePlanForm) -> FormState<RatePlanForm> {
    FormState::new(initial, |f| f.validate().err().unwrap_or_default())
}

/// The fields of a rate plan and its submit button.
#[component]
pub fn RatePlanFormView(
    form: FormState<RatePlanForm>,
    context: PricingContext,
    pending: Signal<bool>,
    on_valid: Callback<RatePlanForm>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let taxes: Vec<(String, String)> = std::iter::once((String::new(), r.no_tax.to_string()))
        .chain(
            context
                .taxes
                .iter()
                .map(|tax| (tax.id.to_string(), tax.tax.name.to_string())),
        )
        .collect();
    let options = context.options.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            on_valid.run(value);
        }
    };
    view! {
        <form on:submit=on_submit novalidate class="plan-form">
            <ErrorNotice message=form.summary()/>
            <TextField label=r.plan_name name="name" required=true
                binding=form.text("name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("name")/>
            <div class="row">
                <TextField label=r.nightly name="nightly" required=true inputmode="decimal"
                    binding=form.text("nightly", |f| f.nightly.clone(), |f, v| f.nightly = v) error=form.error("nightly")/>
                <TextField label=r.weekly name="weekly" inputmode="decimal" hint=r.weekly_hint
                    binding=form.text("weekly", |f| f.weekly.clone(), |f, v| f.weekly = v) error=form.error("weekly")/>
                <TextField label=r.weekend name="weekend" inputmode="decimal" hint=r.weekend_hint
                    binding=form.text("weekend", |f| f.weekend.clone(), |f, v| f.weekend = v) error=form.error("weekend")/>
            </div>
            <div class="row">
                <TextField label=r.guests_included name="guests_included" required=true inputmode="numeric"
                    binding=form.text("guests_included", |f| f.guests_included.clone(), |f, v| f.guests_included = v)
                    error=form.error("guests_included")/>
                <TextField label=r.extra_guest_fee name="extra_guest_fee" inputmode="decimal" hint=r.extra_guest_hint
                    binding=form.text("extra_guest_fee", |f| f.extra_guest_fee.clone(), |f, v| f.extra_guest_fee = v)
                    error=form.error("extra_guest_fee")/>
                <TextField label=r.plan_minimum_stay name="minimum_stay" inputmode="numeric" hint=r.plan_minimum_hint
                    binding=form.text("minimum_stay", |f| f.minimum_stay.clone(), |f, v| f.minimum_stay = v)
                    error=form.error("minimum_stay")/>
            </div>
            <SelectField label=r.tourist_tax name="tourist_tax_id" options=taxes
                binding=form.text("tourist_tax_id", |f| f.tourist_tax_id.clone(), |f, v| f.tourist_tax_id = v)
                error=form.error("tourist_tax_id")/>
            <fieldset class="choices">
                <legend>{r.flat_fees}</legend>
                <p class="hint">{r.flat_fees_hint}</p>
                {if options.is_empty() {
                    view! { <p class="hint"><a href="/parametres/options">{r.no_options_yet}</a></p> }.into_any()
                } else {
                    options.into_iter().map(|option| {
                        let id = option.id.to_string();
                        let input_id = format!("fee-{id}");
                        let checked = {
                            let id = id.clone();
                            move || form.value.with(|f| f.flat_fee_ids.contains(&id))
                        };
                        let toggle = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let id = id.clone();
                            form.value.update(|f| {
                                f.flat_fee_ids.retain(|existing| *existing != id);
                                if on {
                                    f.flat_fee_ids.push(id);
                                }
                            });
                        };
                        view! {
                            <div class="field checkbox">
                                <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=toggle/>
                                <label for=input_id>{option.charge.label.to_string()}" — "
                                    {t.money(option.charge.unit_price)}</label>
                            </div>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || pending.get()>{t.save}</button>
                {children.map(|c| c())}
            </div>
        </form>
    }
}
