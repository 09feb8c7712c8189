//! The form under the status list: a new status, or the one being edited (from its version). The
//! colour is chosen with the browser's colour picker or typed as `#rrggbb`; both stay in step.

use super::statuses::Editing;
use crate::api::statuses::{CreateStatus, UpdateStatus};
use crate::components::field::{FormState, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::booking::status_form::{can_add_status, parse_color};
use crate::domain::booking::StatusForm;
use leptos::prelude::*;

/// A blank new status, in a calm default colour.
fn blank() -> StatusForm {
    StatusForm {
        name: String::new(),
        color: "#64748b".into(),
    }
}

/// Adds or edits a status; `count` is how many exist (adding stops at the limit).
#[component]
pub fn StatusFormPanel(
    form: FormState<StatusForm>,
    editing: RwSignal<Editing>,
    count: Signal<usize>,
    reload: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    form.reset(blank());
    let create = ServerAction::<CreateStatus>::new();
    let update = ServerAction::<UpdateStatus>::new();
    let done = move |message: &'static str| {
        editing.set(None);
        form.reset(blank());
        reload.run(message.to_string());
    };
    Effect::new(move |_| {
        if let Some(result) = create.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                done(c.status_added);
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = update.value().get() {
            form.server_result(&result);
            if result.is_ok() {
                done(c.status_saved);
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            match editing.get_untracked() {
                Some((id, version, _)) => {
                    update.dispatch(UpdateStatus {
                        id,
                        version,
                        form: value,
                    });
                }
                None => {
                    create.dispatch(CreateStatus { form: value });
                }
            }
        }
    };
    let color = form.text("color", |f| f.color.clone(), |f, v| f.color = v);
    let picker_value = move || parse_color(&color.0.get()).unwrap_or_else(|_| "#000000".into());
    let full = move || editing.get().is_none() && !can_add_status(count.get());
    let pending = move || create.pending().get() || update.pending().get();
    view! {
        <form on:submit=on_submit novalidate class="inline-form" aria-labelledby="status-form-title">
            <h3 id="status-form-title">{move || match editing.get() {
                Some((_, _, name)) => (c.status_edit_title)(&name),
                None => c.status_new_title.to_string(),
            }}</h3>
            <ErrorNotice message=form.summary()/>
            {move || full().then(|| view! { <p class="notice warning">{(c.status_limit)(crate::domain::booking::stored::MAX_STATUSES)}</p> })}
            <div class="row">
                <TextField label=c.status_name name="name" required=true
                    binding=form.text("name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("name")/>
                <div class="field">
                    <label for="status-color-picker">{c.status_color}</label>
                    <input id="status-color-picker" type="color" prop:value=picker_value
                        on:input=move |ev| color.1.run(event_target_value(&ev))/>
                </div>
                <TextField label=c.status_color_hex name="color" required=true hint=c.status_color_hint
                    binding=color error=form.error("color")/>
            </div>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || pending() || full()>
                    {move || if editing.get().is_some() { t.save } else { c.status_add }}</button>
                {move || editing.get().map(|_| view! {
                    <button type="button" on:click=move |_| { editing.set(None); form.reset(blank()); }>{t.cancel}</button>
                })}
            </div>
        </form>
    }
}
