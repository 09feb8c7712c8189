//! "Paramètres › Tarification": global minimum stay, duration discounts, the manual discount field,
//! VAT.

use crate::api::rates::{get_pricing_context, SavePricingSettings};
use crate::components::field::{CheckboxField, FormState, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::rates::{DurationDiscountForm, PricingSettingsForm};
use leptos::prelude::*;
use leptos_meta::Title;

/// The pricing settings page.
#[component]
pub fn PricingSettingsPage() -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let context = Resource::new(|| (), |_| get_pricing_context());
    view! {
        <Title text=r.pricing_title/>
        <h1>{r.pricing_title}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match context.await {
                    Ok(context) => view! {
                        <SettingsForm initial=PricingSettingsForm::from_settings(&context.settings)
                            version=context.settings_version/>
                    }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SettingsForm(initial: PricingSettingsForm, version: i64) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let form = FormState::new(initial, |f: &PricingSettingsForm| {
        f.validate().err().unwrap_or_default()
    });
    let version = RwSignal::new(version);
    let saved = RwSignal::new(None::<String>);
    let action = ServerAction::<SavePricingSettings>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if let Ok(new_version) = result {
                version.set(new_version);
                saved.set(Some(r.pricing_saved.to_string()));
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(SavePricingSettings {
                version: version.get_untracked(),
                form: value,
            });
        }
    };
    let rows = Memo::new(move |_| form.value.with(|f| f.duration_discounts.len()));
    let row_error = move |index: usize, field: &'static str| {
        let name = format!("duration_discounts.{index}.{field}");
        Signal::derive(move || {
            let local = form
                .submitted
                .get()
                .then(|| {
                    form.value
                        .with(|f| f.validate().err().unwrap_or_default())
                        .into_iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, e)| (t.field_error)(&e))
                })
                .flatten();
            local.or_else(|| {
                form.server_error
                    .with(|e| e.as_ref().and_then(|e| e.field(&name)))
            })
        })
    };
    view! {
        <form on:submit=on_submit novalidate class="panel">
            <SuccessNotice message=saved/>
            <ErrorNotice message=form.summary()/>
            <TextField label=r.global_minimum name="minimum_stay" inputmode="numeric" required=true
                binding=form.text("minimum_stay", |f| f.minimum_stay.clone(), |f, v| f.minimum_stay = v)
                error=form.error("minimum_stay")/>
            <CheckboxField label=r.manual_discount_enabled name="manual_discount_enabled"
                binding=form.flag("manual_discount_enabled", |f| f.manual_discount_enabled, |f, v| f.manual_discount_enabled = v)/>
            <CheckboxField label=r.vat_enabled name="vat_enabled" hint=r.vat_hint
                binding=form.flag("vat_enabled", |f| f.vat_enabled, |f, v| f.vat_enabled = v)/>
            <TextField label=r.vat_rate name="vat_rate" inputmode="decimal"
                binding=form.text("vat_rate", |f| f.vat_rate.clone(), |f, v| f.vat_rate = v)
                error=form.error("vat_rate")/>
            <fieldset>
                <legend>{r.discounts_title}</legend>
                <p class="hint">{r.discounts_hint}</p>
                <table class="list discounts">
                    <thead><tr>
                        <th scope="col">{r.from_nights}</th>
                        <th scope="col">{r.percent}</th>
                        <th scope="col"><span class="sr-only">{t.col_actions}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || (0..rows.get()).map(|index| {
                            let nights_error = row_error(index, "from_nights");
                            let percent_error = row_error(index, "percent");
                            let value = move |pick: fn(&DurationDiscountForm) -> String| {
                                form.value.with(|f| f.duration_discounts.get(index).map(pick).unwrap_or_default())
                            };
                            let set = move |write: fn(&mut DurationDiscountForm, String), text: String| {
                                form.value.update(|f| if let Some(row) = f.duration_discounts.get_mut(index) { write(row, text) });
                            };
                            view! {
                                <tr>
                                    <td>
                                        <input type="text" inputmode="numeric" name=format!("from_nights_{index}")
                                            aria-label=r.from_nights aria-invalid=move || nights_error.get().is_some().then_some("true")
                                            prop:value=move || value(|row| row.from_nights.clone())
                                            on:input=move |ev| set(|row, v| row.from_nights = v, event_target_value(&ev))/>
                                        {move || nights_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                                    </td>
                                    <td>
                                        <input type="text" inputmode="decimal" name=format!("percent_{index}")
                                            aria-label=r.percent aria-invalid=move || percent_error.get().is_some().then_some("true")
                                            prop:value=move || value(|row| row.percent.clone())
                                            on:input=move |ev| set(|row, v| row.percent = v, event_target_value(&ev))/>
                                        {move || percent_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                                    </td>
                                    <td><button type="button" class="small"
                                        on:click=move |_| form.value.update(|f| { if index < f.duration_discounts.len() { f.duration_discounts.remove(index); } })>
                                        {r.remove}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="button" on:click=move |_| form.value.update(|f| f.duration_discounts.push(DurationDiscountForm::default()))>
                    {r.discount_add}</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.save}</button>
            </div>
        </form>
    }
}
