//! "Try a stay": dates and guests typed on a plan's page are priced in the browser, as they change,
//! by the same engine the server uses.

use crate::api::rates::PricingContext;
use crate::components::field::{CheckboxField, FormState, TextField};
use crate::components::language::use_texts;
use crate::components::quote_breakdown::QuoteBreakdown;
use crate::domain::pricing::{quote, PricedProperty};
use crate::domain::property::MAX_CAPACITY;
use crate::domain::rates::{QuoteQuery, RatePlan};
use leptos::prelude::*;

/// The panel, pricing with `plan` as it is now.
#[component]
pub fn TryStay(plan: Signal<RatePlan>, context: PricingContext) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let form = FormState::new(
        QuoteQuery {
            adults: "2".into(),
            ..QuoteQuery::default()
        },
        |f: &QuoteQuery| f.validate_stay().err().unwrap_or_default(),
    );
    let manual_discount = context.settings.manual_discount_enabled;
    let context = StoredValue::new(context);
    let priced = Memo::new(move |_| {
        let request = form.value.with(QuoteQuery::validate_stay).ok()?;
        let plan = plan.get();
        let property = context.with_value(|c| PricedProperty {
            name: plan.input.name.clone(),
            capacity: u16::try_from(MAX_CAPACITY).unwrap_or(u16::MAX),
            tariff: plan.tariff(&c.options),
            tourist_taxes: c
                .taxes
                .iter()
                .filter(|tax| Some(tax.id) == plan.input.tourist_tax)
                .map(|tax| tax.tax.clone())
                .collect(),
        });
        let settings = context.with_value(|c| c.settings.clone());
        Some(quote(&property, &settings, &request).map_err(|e| (r.quote_error)(&e)))
    });
    view! {
        <section class="panel try-stay" aria-labelledby="try-title">
            <h2 id="try-title">{r.try_title}</h2>
            <p class="hint">{r.try_hint}</p>
            <form novalidate on:submit=|ev| ev.prevent_default()>
                <div class="row">
                    <TextField label=r.arrival name="arrival" input_type="date"
                        binding=form.text("arrival", |f| f.arrival.clone(), |f, v| f.arrival = v) error=form.error("arrival")/>
                    <TextField label=r.departure name="departure" input_type="date"
                        binding=form.text("departure", |f| f.departure.clone(), |f, v| f.departure = v) error=form.error("departure")/>
                </div>
                <div class="row">
                    <TextField label=r.adults name="adults" inputmode="numeric"
                        binding=form.text("adults", |f| f.adults.clone(), |f, v| f.adults = v) error=form.error("adults")/>
                    <TextField label=r.children name="children" inputmode="numeric"
                        binding=form.text("children", |f| f.children.clone(), |f, v| f.children = v) error=form.error("children")/>
                    <TextField label=r.others name="others" inputmode="numeric" hint=r.others_hint
                        binding=form.text("others", |f| f.others.clone(), |f, v| f.others = v) error=form.error("others")/>
                    {manual_discount.then(|| view! {
                        <TextField label=r.manual_discount name="discount" inputmode="decimal"
                            binding=form.text("discount", |f| f.discount.clone(), |f, v| f.discount = v) error=form.error("discount")/>
                    })}
                </div>
                <CheckboxField label=r.platform_tax name="platform"
                    binding=form.flag("platform", |f| f.platform == "1", |f, v| f.platform = if v { "1".into() } else { String::new() })/>
            </form>
            <div aria-live="polite">
                {move || match priced.get() {
                    Some(Ok(q)) => view! { <QuoteBreakdown quote=q/> }.into_any(),
                    Some(Err(message)) => view! { <p class="notice error">{message}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
        </section>
    }
}
