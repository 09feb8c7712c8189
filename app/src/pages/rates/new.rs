//! Creating a rate plan; its seasons are drawn on its own page next.

use super::plan_form::{plan_form_state, RatePlanFormView};
use crate::api::rates::{get_pricing_context, CreateRatePlan};
use crate::components::language::use_texts;
use crate::domain::rates::RatePlanForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// The new rate plan page.
#[component]
pub fn RatePlanNewPage() -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let context = Resource::new(|| (), |_| get_pricing_context());
    view! {
        <Title text=r.plan_new_title/>
        <h1>{r.plan_new_title}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match context.await {
                    Ok(context) => {
                        let form = plan_form_state(RatePlanForm {
                            guests_included: "2".into(),
                            ..RatePlanForm::default()
                        });
                        let action = ServerAction::<CreateRatePlan>::new();
                        let navigate = use_navigate();
                        Effect::new(move |_| {
                            if let Some(result) = action.value().get() {
                                form.server_result(&result);
                                if let Ok(id) = result {
                                    navigate(&format!("/tarifs/{id}?notice=created"), Default::default());
                                }
                            }
                        });
                        view! {
                            <section class="panel">
                                <RatePlanFormView form context pending=action.pending().into()
                                    on_valid=Callback::new(move |value| { action.dispatch(CreateRatePlan { form: value }); })>
                                    <A href="/tarifs" attr:class="button">{t.cancel}</A>
                                </RatePlanFormView>
                            </section>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
