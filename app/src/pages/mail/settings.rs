//! "Paramètres › Messagerie": the SMTP server (or none: messages kept in the outbox), the sender,
//! and a test email that shows the server's answer. Admins only.

use super::outcome::Outcome;
use crate::api::mail::settings::{mail_settings, SaveMailSettings, SendTestEmail};
use crate::components::field::{CheckboxField, FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::mail::{MailSettingsInput, SmtpSecurity};
use crate::pages::layout::use_current_user;
use leptos::prelude::*;
use leptos_meta::Title;

/// The sending settings page.
#[component]
pub fn MailSettingsPage() -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let user = use_current_user();
    let settings = Resource::new(|| (), |_| mail_settings());
    view! {
        <Title text=m.settings_title/>
        <h1>{m.settings_title}</h1>
        <p class="hint">{m.settings_intro}</p>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                let admin = user.get().is_some_and(|u| u.role.can_configure_mail());
                if !admin {
                    return view! { <p class="notice info">{m.admin_only}</p> }.into_any();
                }
                match settings.await {
                    Ok(initial) => view! {
                        <SettingsForm initial/>
                        <TestEmail to=user.get().map(|u| u.email).unwrap_or_default()/>
                    }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SettingsForm(initial: MailSettingsInput) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let form = FormState::new(initial, |f: &MailSettingsInput| {
        f.validate().err().unwrap_or_default()
    });
    let saved = RwSignal::new(None::<String>);
    let action = ServerAction::<SaveMailSettings>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            if let Ok(stored) = result {
                form.reset(stored);
                saved.set(Some(m.settings_saved.to_string()));
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            action.dispatch(SaveMailSettings { form: value });
        }
    };
    let enabled = move || form.value.with(|f| f.smtp_enabled);
    let password_hint = move || {
        if form.value.with(|f| f.password_stored) {
            m.password_stored_hint
        } else {
            m.password_new_hint
        }
    };
    let securities: Vec<(String, String)> = SmtpSecurity::ALL
        .into_iter()
        .map(|s| (s.code().to_string(), (m.security_name)(s).to_string()))
        .collect();
    view! {
        <form on:submit=on_submit novalidate class="panel" data-testid="mail-settings">
            <SuccessNotice message=saved/>
            <ErrorNotice message=form.summary()/>
            <CheckboxField label=m.smtp_enabled name="smtp_enabled" hint=m.smtp_enabled_hint
                binding=form.flag("smtp_enabled", |f| f.smtp_enabled, |f, v| f.smtp_enabled = v)/>
            <fieldset hidden=move || !enabled()>
                <legend>{m.server_title}</legend>
                <TextField label=m.host name="host" hint=m.host_hint required=true autocomplete="off"
                    binding=form.text("host", |f| f.host.clone(), |f, v| f.host = v) error=form.error("host")/>
                <SelectField label=m.security name="security" options=securities
                    binding=form.text("security", |f| f.security.clone(), |f, v| f.security = v)
                    error=form.error("security")/>
                <TextField label=m.port name="port" hint=m.port_hint inputmode="numeric"
                    binding=form.text("port", |f| f.port.clone(), |f, v| f.port = v) error=form.error("port")/>
                <TextField label=m.user name="user" hint=m.user_hint autocomplete="username"
                    binding=form.text("user", |f| f.user.clone(), |f, v| f.user = v) error=form.error("user")/>
                <div class="field">
                    <label for="field-password">{m.password}</label>
                    <input id="field-password" name="password" type="password" autocomplete="new-password"
                        aria-describedby="password-hint"
                        prop:value=move || form.value.with(|f| f.password.clone())
                        on:input=move |ev| form.value.update(|f| f.password = event_target_value(&ev))/>
                    <p class="hint" id="password-hint">{password_hint}</p>
                    {move || form.error("password").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
            </fieldset>
            <fieldset>
                <legend>{m.sender_title}</legend>
                <TextField label=m.sender_name name="sender_name" autocomplete="organization"
                    binding=form.text("sender_name", |f| f.sender_name.clone(), |f, v| f.sender_name = v)
                    error=form.error("sender_name")/>
                <TextField label=m.sender_address name="sender_address" input_type="email" autocomplete="email"
                    binding=form.text("sender_address", |f| f.sender_address.clone(), |f, v| f.sender_address = v)
                    error=form.error("sender_address")/>
                <TextField label=m.reply_to name="reply_to" input_type="email" hint=m.reply_to_hint
                    binding=form.text("reply_to", |f| f.reply_to.clone(), |f, v| f.reply_to = v)
                    error=form.error("reply_to")/>
                <CheckboxField label=m.copy_to_sender name="copy_to_sender" hint=m.copy_to_sender_hint
                    binding=form.flag("copy_to_sender", |f| f.copy_to_sender, |f, v| f.copy_to_sender = v)/>
            </fieldset>
            <TextField label=m.report_recipients name="report_recipients" hint=m.report_recipients_hint
                binding=form.text("report_recipients", |f| f.report_recipients.clone(), |f, v| f.report_recipients = v)
                error=form.error("report_recipients")/>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || action.pending().get()>{t.save}</button>
            </div>
        </form>
    }
}

/// "Tester l'envoi": one message through the outbox with the saved settings.
#[component]
fn TestEmail(to: String) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let to = RwSignal::new(to);
    let action = ServerAction::<SendTestEmail>::new();
    let outcome = Signal::derive(move || action.value().get().and_then(Result::ok));
    let refused = Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.field("to").unwrap_or_else(|| e.display(t)))
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(SendTestEmail {
            to: to.get_untracked(),
        });
    };
    view! {
        <form on:submit=on_submit novalidate class="panel" data-testid="mail-test">
            <h2>{m.test_title}</h2>
            <p class="hint">{m.test_intro}</p>
            <div class="field" class:has-error=move || refused.get().is_some()>
                <label for="field-test-to">{m.test_to}</label>
                <input id="field-test-to" name="to" type="email" autocomplete="email"
                    aria-invalid=move || refused.get().is_some().then_some("true")
                    prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
                {move || refused.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <div class="actions">
                <button type="submit" disabled=move || action.pending().get()>{m.test_send}</button>
            </div>
            <Outcome message=outcome/>
        </form>
    }
}
