//! Editing (and deleting) a property. Saving names the version the form was loaded from, so a change
//! made meanwhile by someone else is reported instead of overwritten.

use super::delete::DeletePropertyButton;
use super::form::{property_form_state, PropertyFormView};
use crate::api::properties::{get_property, property_choices, UpdateProperty};
use crate::components::language::use_texts;
use crate::domain::ids::PropertyId;
use crate::domain::property::{Property, PropertyFormChoices};
use crate::error::{AppError, ErrorKind};
use crate::pages::sync::PropertyCalendars;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The edit page of one property.
#[component]
pub fn PropertyEditPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<PropertyId>().ok()));
    let data = Resource::new(id, move |id| async move {
        let Some(id) = id else {
            return Err(AppError::new(ErrorKind::NotFound, t.err_not_found));
        };
        let property = get_property(id).await?;
        let choices = property_choices().await?;
        Ok((property, choices))
    });
    view! {
        <Title text=t.property_edit_title/>
        <h1>{t.property_edit_title}</h1>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((property, choices)) => view! { <EditPropertyForm property choices/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditPropertyForm(property: Property, choices: PropertyFormChoices) -> impl IntoView {
    let form = property_form_state(property.to_form());
    let id = property.id;
    let version = property.version;
    let action = ServerAction::<UpdateProperty>::new();
    let navigate = use_navigate();
    let after_delete = {
        let navigate = navigate.clone();
        Callback::new(move |()| navigate("/logements?notice=deleted", Default::default()))
    };
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                navigate("/logements?notice=saved", Default::default());
            }
        }
    });
    view! {
        <PropertyFormView form choices pending=action.pending().into()
            on_valid=Callback::new(move |value| { action.dispatch(UpdateProperty { id, version, form: value }); })/>
        <PropertyCalendars property=id name=property.fields.name.clone()/>
        <section class="danger-zone">
            <DeletePropertyButton id name=property.fields.name.clone() on_deleted=after_delete/>
        </section>
    }
}
