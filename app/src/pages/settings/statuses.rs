//! "Paramètres › Statuts des réservations" (SPEC C3, seed 004): the statuses in the order of the
//! planning's legend, each with its colour and how many bookings use it; rename and recolour, add up
//! to 20, move up or down, delete one no booking uses (after confirmation). Only roles that may manage
//! bookings see the buttons; the server checks again.

use super::status_form::StatusFormPanel;
use crate::api::statuses::{list_statuses, DeleteStatus, MoveStatus};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::booking::stored::MAX_STATUSES;
use crate::domain::booking::{StatusForm, StatusSetting};
use crate::domain::ids::StatusId;
use crate::pages::layout::use_current_user;
use leptos::prelude::*;
use leptos_meta::Title;

/// The status being edited: id, version and name.
pub type Editing = Option<(StatusId, i64, String)>;

/// The status settings page.
#[component]
pub fn StatusesPage() -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let user = use_current_user();
    let can_edit = move || user.get().is_some_and(|u| u.role.can_manage_bookings());
    let list = Resource::new(|| (), |_| list_statuses());
    let notice = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let reload = Callback::new(move |message: String| {
        failure.set(None);
        notice.set(Some(message));
        list.refetch();
    });
    let fail = Callback::new(move |message: String| {
        notice.set(None);
        failure.set(Some(message));
    });
    let editing = RwSignal::new(None::<(StatusId, i64, String)>);
    let form = crate::components::field::FormState::new(StatusForm::default(), |f: &StatusForm| {
        f.validate().err().unwrap_or_default()
    });
    let count = Signal::derive(move || {
        list.get()
            .and_then(Result::ok)
            .map_or(0, |statuses| statuses.len())
    });
    view! {
        <Title text=c.statuses_title/>
        <h1>{c.statuses_title}</h1>
        <p class="hint">{c.statuses_intro}</p>
        <SuccessNotice message=notice/>
        <ErrorNotice message=failure/>
        <section class="panel" aria-labelledby="statuses-title">
            <h2 id="statuses-title" class="sr-only">{c.statuses_title}</h2>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(statuses) => view! {
                            <p class="hint" data-testid="status-count">{(c.status_count)(statuses.len(), MAX_STATUSES)}</p>
                            <StatusTable statuses can_edit=can_edit() editing form reload fail/>
                        }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <Suspense fallback=|| ()>
                {move || can_edit().then(|| view! { <StatusFormPanel form editing count reload/> })}
            </Suspense>
        </section>
    }
}

#[component]
fn StatusTable(
    statuses: Vec<StatusSetting>,
    can_edit: bool,
    editing: RwSignal<Editing>,
    form: crate::components::field::FormState<StatusForm>,
    reload: Callback<String>,
    fail: Callback<String>,
) -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let moving = ServerAction::<MoveStatus>::new();
    let delete = ServerAction::<DeleteStatus>::new();
    let asking = RwSignal::new(None::<(StatusId, i64, String)>);
    Effect::new(move |_| match moving.value().get() {
        Some(Ok(())) => reload.run(c.status_moved.to_string()),
        Some(Err(e)) => fail.run(e.display(t)),
        None => {}
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(())) => {
            asking.set(None);
            reload.run(c.status_deleted.to_string());
        }
        Some(Err(e)) => {
            asking.set(None);
            fail.run(e.display(t));
        }
        None => {}
    });
    let last = statuses.len().saturating_sub(1);
    view! {
        <div class="table-wrap">
            <table class="list statuses">
                <thead><tr>
                    <th scope="col">{c.col_status_name}</th>
                    <th scope="col">{c.col_color}</th>
                    <th scope="col" class="num">{c.col_used}</th>
                    {can_edit.then(|| view! { <th scope="col"><span class="sr-only">{t.col_actions}</span></th> })}
                </tr></thead>
                <tbody>
                    {statuses.into_iter().enumerate().map(|(index, setting)| {
                        let status = setting.status.clone();
                        let id = status.id;
                        let version = setting.version;
                        let name = status.name.clone();
                        let uses = setting.uses;
                        let swatch = format!("background:{}", status.color);
                        let actions = can_edit.then(|| {
                            let edit_name = name.clone();
                            let ask_name = name.clone();
                            view! {
                                <td class="actions">
                                    <button type="button" class="small" aria-label=(c.move_up)(&name) title=(c.move_up)(&name)
                                        disabled=index == 0 on:click=move |_| { moving.dispatch(MoveStatus { id, up: true }); }>"↑"</button>
                                    <button type="button" class="small" aria-label=(c.move_down)(&name) title=(c.move_down)(&name)
                                        disabled=index == last on:click=move |_| { moving.dispatch(MoveStatus { id, up: false }); }>"↓"</button>
                                    <button type="button" class="small" aria-label=(c.edit_status)(&name) on:click=move |_| {
                                        editing.set(Some((id, version, edit_name.clone())));
                                        form.reset(StatusForm::from_status(&status));
                                    }>{t.edit}</button>
                                    <button type="button" class="small danger" aria-label=(c.delete_status)(&name) aria-haspopup="dialog"
                                        on:click=move |_| {
                                            if !uses.none() {
                                                fail.run((c.status_in_use)(uses));
                                            } else {
                                                asking.set(Some((id, version, ask_name.clone())));
                                            }
                                        }>{t.delete}</button>
                                </td>
                            }
                        });
                        view! {
                            <tr>
                                <th scope="row"><span class="swatch" style=swatch.clone() aria-hidden="true"></span>{name.clone()}</th>
                                <td><code>{setting.status.color.clone()}</code></td>
                                <td class="num">{(c.status_uses)(uses)}</td>
                                {actions}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || asking.get().map(|(id, version, name)| view! {
            <div class="confirm" role="alertdialog" aria-labelledby="delete-status-title" aria-modal="false">
                <p id="delete-status-title">{(c.delete_question)(&name)}</p>
                <button type="button" class="button danger" autofocus disabled=move || delete.pending().get()
                    on:click=move |_| { delete.dispatch(DeleteStatus { id, version }); }>{c.delete_confirm}</button>
                <button type="button" class="button" on:click=move |_| asking.set(None)>{t.cancel}</button>
            </div>
        })}
    }
}
