//! The users of the organisation: list, and add one with a role and a temporary password shown once.

use crate::api::users::AddUser;
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::account::NewUserForm;
use crate::domain::role::Role;
use leptos::prelude::*;

/// The users section of the settings page (admins only; the server checks it too), on the list the
/// page fetched.
#[component]
pub fn UsersSection(
    users: Resource<Result<Vec<crate::domain::account::UserSummary>, crate::error::AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let form = FormState::new(
        NewUserForm {
            role: Role::Manager.code().into(),
            ..NewUserForm::default()
        },
        |f| f.validate().err().unwrap_or_default(),
    );
    let action = ServerAction::<AddUser>::new();
    let created = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if let Ok(new_user) = result {
                created.set(Some((t.temporary_password)(
                    &new_user.user.name,
                    &new_user.temporary_password,
                )));
                form.reset(NewUserForm {
                    role: Role::Manager.code().into(),
                    ..NewUserForm::default()
                });
                users.refetch();
            }
        }
    });
    let roles: Vec<(String, String)> = Role::ALL
        .into_iter()
        .map(|r| (r.code().to_string(), (t.role_name)(r).to_string()))
        .collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        created.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(AddUser { form: value });
        }
    };
    view! {
        <section class="panel">
            <h2>{t.users_title}</h2>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match users.await {
                        Ok(list) => view! {
                            <ul class="users">
                                {list.into_iter().map(|u| view! {
                                    <li><strong>{u.name}</strong>" · "{u.email}" · "{(t.role_name)(u.role)}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <h3>{t.user_add_title}</h3>
            <form on:submit=on_submit novalidate>
                <SuccessNotice message=created/>
                <ErrorNotice message=form.summary()/>
                <div class="row">
                    <TextField label=t.user_name name="name" required=true
                        binding=form.text("name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("name")/>
                    <TextField label=t.email name="email" input_type="email" required=true
                        binding=form.text("email", |f| f.email.clone(), |f, v| f.email = v) error=form.error("email")/>
                    <SelectField label=t.user_role name="role" options=roles
                        binding=form.text("role", |f| f.role.clone(), |f, v| f.role = v) error=form.error("role")/>
                </div>
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.user_add_submit}</button>
            </form>
        </section>
    }
}
