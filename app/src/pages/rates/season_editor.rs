//! The season form, opened by a drag on the year view, a click on a season, or "add a season".

use crate::components::field::{CheckboxField, FormState, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::ids::SeasonId;
use crate::domain::rates::SeasonForm;
use leptos::prelude::*;

/// What the editor is editing: a new season, or a stored one.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    /// The stored season's id; `None` for a new one.
    pub id: Option<SeasonId>,
    /// The form.
    pub form: SeasonForm,
}

/// The season form with save, delete (stored seasons) and cancel.
#[component]
pub fn SeasonEditor(
    editing: Editing,
    pending: Signal<bool>,
    server_error: Signal<Option<crate::error::AppError>>,
    on_save: Callback<(Option<SeasonId>, SeasonForm)>,
    on_delete: Callback<SeasonId>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let form = FormState::new(editing.form.clone(), |f: &SeasonForm| {
        f.validate().err().unwrap_or_default()
    });
    Effect::new(move |_| form.server_error.set(server_error.get()));
    let id = editing.id;
    let title = if id.is_some() {
        r.season_edit_title
    } else {
        r.season_new_title
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            on_save.run((id, value));
        }
    };
    view! {
        <section class="panel season-editor" aria-labelledby="season-editor-title">
            <h3 id="season-editor-title">{title}</h3>
            <form on:submit=on_submit novalidate>
                <ErrorNotice message=form.summary()/>
                <TextField label=r.season_name name="season_name" required=true
                    binding=form.text("name", |f| f.name.clone(), |f, v| f.name = v) error=form.error("name")/>
                <div class="row">
                    <TextField label=r.first_night name="season_first_night" input_type="date" required=true
                        binding=form.text("first_night", |f| f.first_night.clone(), |f, v| f.first_night = v)
                        error=form.error("first_night")/>
                    <TextField label=r.last_night name="season_last_night" input_type="date" required=true
                        binding=form.text("last_night", |f| f.last_night.clone(), |f, v| f.last_night = v)
                        error=form.error("last_night")/>
                </div>
                <div class="row">
                    <TextField label=r.nightly name="season_nightly" inputmode="decimal" required=true
                        binding=form.text("nightly", |f| f.nightly.clone(), |f, v| f.nightly = v) error=form.error("nightly")/>
                    <TextField label=r.weekly name="season_weekly" inputmode="decimal"
                        binding=form.text("weekly", |f| f.weekly.clone(), |f, v| f.weekly = v) error=form.error("weekly")/>
                    <TextField label=r.weekend name="season_weekend" inputmode="decimal"
                        binding=form.text("weekend", |f| f.weekend.clone(), |f, v| f.weekend = v) error=form.error("weekend")/>
                </div>
                <TextField label=r.season_minimum name="season_minimum_stay" inputmode="numeric"
                    binding=form.text("minimum_stay", |f| f.minimum_stay.clone(), |f, v| f.minimum_stay = v)
                    error=form.error("minimum_stay")/>
                <CheckboxField label=r.no_discounts name="season_no_discounts"
                    binding=form.flag("no_discounts", |f| f.no_discounts, |f, v| f.no_discounts = v)/>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || pending.get()>{t.save}</button>
                    <button type="button" on:click=move |_| on_cancel.run(())>{t.cancel}</button>
                    {id.map(|id| view! {
                        <button type="button" class="danger" disabled=move || pending.get()
                            on:click=move |_| on_delete.run(id)>{r.season_delete}</button>
                    })}
                </div>
            </form>
        </section>
    }
}
