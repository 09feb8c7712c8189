//! "Mon compte": the logged-in user changes their password.

use crate::api::auth::ChangePassword;
use crate::components::field::{FormState, NewPasswordFields, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::account::PasswordChangeForm;
use crate::pages::layout::use_current_user;
use leptos::prelude::*;
use leptos_meta::Title;

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    let form = FormState::new(PasswordChangeForm::default(), |f| {
        f.validate().err().unwrap_or_default()
    });
    let action = ServerAction::<ChangePassword>::new();
    let done = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                form.reset(PasswordChangeForm::default());
                done.set(Some(t.password_changed.to_string()));
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(ChangePassword { form: value });
        }
    };
    view! {
        <Title text=t.account_title/>
        <h1>{t.account_title}</h1>
        <Suspense fallback=|| ()>
            {move || user.get().map(|u| view! { <p>{u.name}" · "{u.email}</p> })}
        </Suspense>
        <section class="panel narrow">
            <h2>{t.change_password_title}</h2>
            <form on:submit=on_submit novalidate>
                <SuccessNotice message=done/>
                <ErrorNotice message=form.summary()/>
                <TextField label=t.current_password name="current_password" input_type="password" required=true
                    autocomplete="current-password"
                    binding=form.text("current_password", |f| f.current_password.clone(), |f, v| f.current_password = v)
                    error=form.error("current_password")/>
                <NewPasswordFields form label=t.new_password
                    password=form.text("password", |f| f.password.clone(), |f, v| f.password = v)
                    confirmation=form.text("password_confirmation", |f| f.password_confirmation.clone(), |f, v| f.password_confirmation = v)/>
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.change_password_submit}</button>
            </form>
        </section>
    }
}
