//! Creating a property.

use super::form::{property_form_state, PropertyFormView};
use crate::api::properties::{property_choices, CreateProperty};
use crate::components::language::use_texts;
use crate::domain::property::{Classification, PropertyForm, PropertyFormChoices};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

/// The new-property page.
#[component]
pub fn PropertyNewPage() -> impl IntoView {
    let t = use_texts();
    let choices = Resource::new(|| (), |_| property_choices());
    view! {
        <Title text=t.property_new_title/>
        <h1>{t.property_new_title}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match choices.await {
                    Ok(choices) => view! { <NewPropertyForm choices/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewPropertyForm(choices: PropertyFormChoices) -> impl IntoView {
    let initial = PropertyForm {
        pricing: if choices.rate_plans.is_empty() {
            "fixed"
        } else {
            "plan"
        }
        .into(),
        classification: Classification::Unclassified.code(),
        ..PropertyForm::default()
    };
    let form = property_form_state(initial);
    let action = ServerAction::<CreateProperty>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                navigate("/logements?notice=created", Default::default());
            }
        }
    });
    view! {
        <PropertyFormView form choices pending=action.pending().into()
            on_valid=Callback::new(move |value| { action.dispatch(CreateProperty { form: value }); })/>
    }
}
