//! The login page.

use crate::api::auth::{get_session_state, Login};
use crate::components::field::{FormState, TextField};
use crate::components::language::{use_texts, LanguageSwitch};
use crate::components::notice::ErrorNotice;
use crate::domain::account::{LoginForm, SessionState};
use crate::domain::field::{FieldError, FieldErrors};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

fn validate(form: &LoginForm) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if form.email.trim().is_empty() {
        errors.push(("email".into(), FieldError::Required));
    }
    if form.password.is_empty() {
        errors.push(("password".into(), FieldError::Required));
    }
    errors
}

/// The login page; sends logged-in visitors home and an empty installation to the setup.
#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    let state = Resource::new(|| (), |_| get_session_state());
    view! {
        <Title text=t.login_title/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match state.await {
                    Ok(SessionState::NeedsSetup) => view! { <Redirect path="/configuration"/> }.into_any(),
                    Ok(SessionState::LoggedIn(_)) => view! { <Redirect path="/"/> }.into_any(),
                    _ => view! { <LoginFormView/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LoginFormView() -> impl IntoView {
    let t = use_texts();
    let form = FormState::new(LoginForm::default(), validate);
    let action = ServerAction::<Login>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                let _ = window().location().assign("/");
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            action.dispatch(Login { form: value });
        }
    };
    view! {
        <main id="contenu" class="narrow card-page">
            <div class="corner"><LanguageSwitch/></div>
            <h1>"Saison"</h1>
            <h2>{t.login_title}</h2>
            <form on:submit=on_submit novalidate>
                <ErrorNotice message=form.summary()/>
                <TextField label=t.email name="email" input_type="email" required=true autocomplete="username"
                    binding=form.text("email", |f| f.email.clone(), |f, v| f.email = v)
                    error=form.error("email")/>
                <TextField label=t.password name="password" input_type="password" required=true
                    autocomplete="current-password"
                    binding=form.text("password", |f| f.password.clone(), |f, v| f.password = v)
                    error=form.error("password")/>
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.login_submit}</button>
            </form>
        </main>
    }
}
