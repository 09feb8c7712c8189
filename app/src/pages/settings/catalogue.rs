//! "Paramètres › Options et taxes de séjour": predefined options (flat fees, booking options) and
//! tourist taxes, each listed with an inline form to add or edit.

use crate::api::rates::{
    get_pricing_context, DeleteChargeOption, DeleteTouristTax, PricingContext, SaveChargeOption,
    SaveTouristTax,
};
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::ids::{ChargeOptionId, TouristTaxId};
use crate::domain::pricing::TaxMethod;
use crate::domain::rates::{ChargeOptionForm, TouristTaxForm};
use leptos::prelude::*;
use leptos_meta::Title;

/// The catalogue page.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let context = Resource::new(|| (), |_| get_pricing_context());
    let notice = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let reload = Callback::new(move |message: String| {
        failure.set(None);
        notice.set(Some(message));
        context.refetch();
    });
    let fail = Callback::new(move |message: String| {
        notice.set(None);
        failure.set(Some(message));
    });
    view! {
        <Title text=r.catalogue_title/>
        <h1>{r.catalogue_title}</h1>
        <SuccessNotice message=notice/>
        <ErrorNotice message=failure/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match context.await {
                    Ok(context) => view! {
                        <OptionsSection context=context.clone() reload fail/>
                        <TaxesSection context reload fail/>
                    }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn OptionsSection(
    context: PricingContext,
    reload: Callback<String>,
    fail: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let editing = RwSignal::new(None::<(ChargeOptionId, i64)>);
    let form = FormState::new(ChargeOptionForm::default(), |f: &ChargeOptionForm| {
        f.validate().err().unwrap_or_default()
    });
    let save = ServerAction::<SaveChargeOption>::new();
    let delete = ServerAction::<DeleteChargeOption>::new();
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                editing.set(None);
                form.reset(ChargeOptionForm::default());
                reload.run(r.option_saved.to_string());
            }
        }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => reload.run(r.deleted.to_string()),
        Some(Err(e)) => fail.run(e.display(t)),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            save.dispatch(SaveChargeOption {
                id: editing.get_untracked(),
                form: value,
            });
        }
    };
    view! {
        <section class="panel" aria-labelledby="options-title">
            <h2 id="options-title">{r.options_title}</h2>
            <p class="hint">{r.options_hint}</p>
            {if context.options.is_empty() {
                view! { <p class="empty">{r.options_empty}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <thead><tr>
                            <th scope="col">{r.option_label}</th>
                            <th scope="col" class="num">{r.unit_price}</th>
                            <th scope="col" class="num">{r.option_vat}</th>
                            <th scope="col"><span class="sr-only">{t.col_actions}</span></th>
                        </tr></thead>
                        <tbody>
                            {context.options.into_iter().map(|option| {
                                let charge = option.charge.clone();
                                let id = option.id;
                                let version = option.version;
                                view! {
                                    <tr>
                                        <th scope="row">{option.charge.label.to_string()}</th>
                                        <td class="num">{t.money(option.charge.unit_price)}</td>
                                        <td class="num">{option.charge.vat_rate.to_string()}</td>
                                        <td class="actions">
                                            <button type="button" class="small" on:click=move |_| {
                                                editing.set(Some((id, version)));
                                                form.reset(ChargeOptionForm::from_charge(&charge));
                                            }>{t.edit}</button>
                                            <button type="button" class="small danger"
                                                on:click=move |_| { delete.dispatch(DeleteChargeOption { id }); }>{t.delete}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <form on:submit=on_submit novalidate class="inline-form">
                <ErrorNotice message=form.summary()/>
                <div class="row">
                    <TextField label=r.option_label name="label" required=true
                        binding=form.text("label", |f| f.label.clone(), |f, v| f.label = v) error=form.error("label")/>
                    <TextField label=r.unit_price name="unit_price" inputmode="decimal" required=true
                        binding=form.text("unit_price", |f| f.unit_price.clone(), |f, v| f.unit_price = v) error=form.error("unit_price")/>
                    <TextField label=r.option_vat name="vat_rate" inputmode="decimal"
                        binding=form.text("vat_rate", |f| f.vat_rate.clone(), |f, v| f.vat_rate = v) error=form.error("vat_rate")/>
                </div>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || save.pending().get()>
                        {move || if editing.get().is_some() { t.save } else { r.option_add }}</button>
                    {move || editing.get().map(|_| view! {
                        <button type="button" on:click=move |_| { editing.set(None); form.reset(ChargeOptionForm::default()); }>{t.cancel}</button>
                    })}
                </div>
            </form>
        </section>
    }
}

fn blank_tax() -> TouristTaxForm {
    TouristTaxForm {
        method: "fixed".into(),
        ..TouristTaxForm::default()
    }
}

#[component]
fn TaxesSection(
    context: PricingContext,
    reload: Callback<String>,
    fail: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let editing = RwSignal::new(None::<(TouristTaxId, i64)>);
    let form = FormState::new(blank_tax(), |f: &TouristTaxForm| {
        f.validate().err().unwrap_or_default()
    });
    let save = ServerAction::<SaveTouristTax>::new();
    let delete = ServerAction::<DeleteTouristTax>::new();
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                editing.set(None);
                form.reset(blank_tax());
                reload.run(r.tax_saved.to_string());
            }
        }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => reload.run(r.deleted.to_string()),
        Some(Err(e)) if e.kind == crate::error::ErrorKind::Conflict => {
            fail.run(r.tax_in_use.to_string())
        }
        Some(Err(e)) => fail.run(e.display(t)),
        None => {}
    });
    let methods = vec![
        ("fixed".to_string(), r.method_fixed.to_string()),
        ("percentage".to_string(), r.method_percentage.to_string()),
    ];
    let percentage = move || form.value.with(|f| f.method == "percentage");
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            save.dispatch(SaveTouristTax {
                id: editing.get_untracked(),
                form: value,
            });
        }
    };
    view! {
        <section class="panel" aria-labelledby="taxes-title">
            <h2 id="taxes-title">{r.taxes_title}</h2>
            <p class="hint">{r.taxes_hint}</p>
            {if context.taxes.is_empty() {
                view! { <p class="empty">{r.taxes_empty}</p> }.into_any()
            } else {
                view! {
                    <table class="list">
                        <thead><tr>
                            <th scope="col">{r.tax_name}</th>
                            <th scope="col">{r.tax_method}</th>
                            <th scope="col"><span class="sr-only">{t.col_actions}</span></th>
                        </tr></thead>
                        <tbody>
                            {context.taxes.into_iter().map(|stored| {
                                let summary = match &stored.tax.method {
                                    TaxMethod::PerAdultNight(amount) => (r.tax_summary_fixed)(*amount),
                                    TaxMethod::Percentage { rate, cap } => (r.tax_summary_percentage)(*rate, *cap),
                                };
                                let surcharges: Vec<String> = stored.tax.surcharges.iter()
                                    .filter(|s| !s.rate.is_zero())
                                    .map(|s| format!("{} {}", s.label, s.rate))
                                    .collect();
                                let tax = stored.tax.clone();
                                let id = stored.id;
                                let version = stored.version;
                                view! {
                                    <tr>
                                        <th scope="row">{stored.tax.name.to_string()}</th>
                                        <td>{summary}{(!surcharges.is_empty()).then(|| view! { <span class="sub">{surcharges.join(" · ")}</span> })}</td>
                                        <td class="actions">
                                            <button type="button" class="small" on:click=move |_| {
                                                editing.set(Some((id, version)));
                                                form.reset(TouristTaxForm::from_tax(&tax));
                                            }>{t.edit}</button>
                                            <button type="button" class="small danger"
                                                on:click=move |_| { delete.dispatch(DeleteTouristTax { id }); }>{t.delete}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <form on:submit=on_submit novalidate class="inline-form">
                <ErrorNotice message=form.summary()/>
                <div class="row">
                    <TextField label=r.tax_name name="tax_name" required=true
                        binding=form.text("name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("name")/>
                    <SelectField label=r.tax_method name="method" options=methods
                        binding=form.text("method", |f| f.method.clone(), |f, v| f.method = v) error=form.error("method")/>
                </div>
                <div class="row">
                    <TextField label=r.tax_amount name="amount" inputmode="decimal" required=true hint=r.tax_amount_hint
                        binding=form.text("amount", |f| f.amount.clone(), |f, v| f.amount = v) error=form.error("amount")/>
                    <Show when=percentage>
                        <TextField label=r.tax_rate name="rate" inputmode="decimal" required=true
                            binding=form.text("rate", |f| f.rate.clone(), |f, v| f.rate = v) error=form.error("rate")/>
                    </Show>
                </div>
                <div class="row">
                    <TextField label=r.departmental name="departmental_rate" inputmode="decimal"
                        binding=form.text("departmental_rate", |f| f.departmental_rate.clone(), |f, v| f.departmental_rate = v)
                        error=form.error("departmental_rate")/>
                    <TextField label=r.regional name="regional_rate" inputmode="decimal" hint=r.regional_hint
                        binding=form.text("regional_rate", |f| f.regional_rate.clone(), |f, v| f.regional_rate = v)
                        error=form.error("regional_rate")/>
                </div>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || save.pending().get()>
                        {move || if editing.get().is_some() { t.save } else { r.tax_add }}</button>
                    {move || editing.get().map(|_| view! {
                        <button type="button" on:click=move |_| { editing.set(None); form.reset(blank_tax()); }>{t.cancel}</button>
                    })}
                </div>
            </form>
        </section>
    }
}
