//! First run: create the organisation and its first admin. Open only while Saison has no organisation.

use crate::api::auth::{get_session_state, Setup};
use crate::components::field::{FormState, NewPasswordFields, TextField};
use crate::components::language::{use_texts, LanguageSwitch};
use crate::components::notice::ErrorNotice;
use crate::domain::account::{SessionState, SetupForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// The setup page.
#[component]
pub fn SetupPage() -> impl IntoView {
    let t = use_texts();
    let state = Resource::new(|| (), |_| get_session_state());
    view! {
        <Title text=t.setup_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match state.await {
                    Ok(SessionState::NeedsSetup) => view! { <SetupFormView/> }.into_any(),
                    _ => view! { <Redirect path="/connexion"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SetupFormView() -> impl IntoView {
    let t = use_texts();
    let form = FormState::new(SetupForm::default(), |f| {
        f.validate().err().unwrap_or_default()
    });
    let action = ServerAction::<Setup>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                let _ = window().location().assign("/logements");
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            action.dispatch(Setup { form: value });
        }
    };
    view! {
        <main id="contenu" class="narrow card-page">
            <div class="corner"><LanguageSwitch/></div>
            <h1>{t.setup_title}</h1>
            <p>{t.setup_intro}</p>
            <form on:submit=on_submit novalidate>
                <ErrorNotice message=form.summary()/>
                <TextField label=t.organisation_name name="organisation_name" required=true autocomplete="organization"
                    binding=form.text("organisation_name", |f| f.organisation_name.clone(), |f, v| f.organisation_name = v)
                    error=form.error("organisation_name")/>
                <TextField label=t.admin_name name="admin_name" required=true autocomplete="name"
                    binding=form.text("admin_name", |f| f.admin_name.clone(), |f, v| f.admin_name = v)
                    error=form.error("admin_name")/>
                <TextField label=t.email name="email" input_type="email" required=true autocomplete="email"
                    binding=form.text("email", |f| f.email.clone(), |f, v| f.email = v)
                    error=form.error("email")/>
                <NewPasswordFields form label=t.password
                    password=form.text("password", |f| f.password.clone(), |f, v| f.password = v)
                    confirmation=form.text("password_confirmation", |f| f.password_confirmation.clone(), |f, v| f.password_confirmation = v)/>
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.setup_submit}</button>
            </form>
        </main>
    }
}
