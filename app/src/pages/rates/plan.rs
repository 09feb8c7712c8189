//! One rate plan: its base rate, its seasons (year view, list, editor), a "try a stay" panel, the
//! properties it prices, and its deletion. Every save names the plan's version; a change made
//! meanwhile by someone else is reported, never overwritten.

use super::plan_form::{plan_form_state, RatePlanFormView};
use super::season_editor::{Editing, SeasonEditor};
use super::try_stay::TryStay;
use super::year_view::{colour, YearView};
use crate::api::rates::{
    get_rate_plan, DeleteRatePlan, DeleteSeason, PricingContext, SaveSeason, UpdateRatePlan,
};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::ids::RatePlanId;
use crate::domain::rates::{RatePlan, SeasonForm};
use crate::error::{AppError, ErrorKind};
use chrono::Datelike;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The page of one rate plan.
#[component]
pub fn RatePlanPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<RatePlanId>().ok()));
    let data = Resource::new(id, move |id| async move {
        match id {
            Some(id) => get_rate_plan(id).await,
            None => Err(AppError::new(ErrorKind::NotFound, t.err_not_found)),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((plan, context)) => view! { <PlanWorkspace plan context/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanWorkspace(plan: RatePlan, context: PricingContext) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let query = use_query_map();
    let current = RwSignal::new(plan);
    let plan_signal: Signal<RatePlan> = current.into();
    let notice = RwSignal::new(query.with_untracked(|q| {
        (q.get("notice").as_deref() == Some("created")).then(|| r.plan_saved.to_string())
    }));
    let failure: RwSignal<Option<String>> = RwSignal::new(None);
    let id = current.with_untracked(|p| p.id);
    let this_year = chrono::Utc::now().date_naive().year();
    let year = RwSignal::new(this_year);
    let editing: RwSignal<Option<Editing>> = RwSignal::new(None);

    let form = plan_form_state(current.with_untracked(RatePlan::to_form));
    let update = ServerAction::<UpdateRatePlan>::new();
    Effect::new(move |_| {
        if let Some(result) = update.value().get() {
            form.server_result(&result);
            if let Ok(plan) = result {
                current.set(plan);
                notice.set(Some(r.plan_saved.to_string()));
            }
        }
    });

    let save_season = ServerAction::<SaveSeason>::new();
    let delete_season = ServerAction::<DeleteSeason>::new();
    let season_error = RwSignal::new(None::<AppError>);
    for (value, message) in [
        (save_season.value(), r.season_saved),
        (delete_season.value(), r.season_deleted),
    ] {
        Effect::new(move |_| match value.get() {
            Some(Ok(plan)) => {
                current.set(plan);
                editing.set(None);
                season_error.set(None);
                notice.set(Some(message.to_string()));
            }
            Some(Err(error)) => season_error.set(Some(error)),
            None => {}
        });
    }

    let delete_plan = ServerAction::<DeleteRatePlan>::new();
    let asking = RwSignal::new(false);
    let navigate = use_navigate();
    Effect::new(move |_| match delete_plan.value().get() {
        Some(Ok(())) => navigate("/tarifs?notice=deleted", Default::default()),
        Some(Err(error)) => failure.set(Some(error.display(t))),
        None => {}
    });

    let open = move |editing_value: Editing| {
        notice.set(None);
        season_error.set(None);
        editing.set(Some(editing_value));
    };
    let on_select = Callback::new(
        move |(first, last): (chrono::NaiveDate, chrono::NaiveDate)| {
            open(Editing {
                id: None,
                form: SeasonForm {
                    first_night: first.to_string(),
                    last_night: last.to_string(),
                    ..SeasonForm::default()
                },
            });
        },
    );
    let on_pick = Callback::new(move |season_id| {
        let found = current.with_untracked(|p| {
            p.seasons
                .iter()
                .find(|s| s.id == season_id)
                .map(|s| SeasonForm::from_season(&s.season))
        });
        if let Some(form) = found {
            open(Editing {
                id: Some(season_id),
                form,
            });
        }
    });
    let seasons = Signal::derive(move || current.with(|p| p.seasons.clone()));
    let pending =
        Signal::derive(move || save_season.pending().get() || delete_season.pending().get());

    view! {
        <Title text=move || current.with(|p| p.input.name.clone())/>
        <div class="page-head">
            <h1>{move || current.with(|p| p.input.name.clone())}</h1>
            <A href="/tarifs" attr:class="button">{r.plans_title}</A>
        </div>
        <SuccessNotice message=notice/>
        <ErrorNotice message=failure/>
        <div class="plan-layout">
            <div class="plan-main">
                <section class="panel" aria-labelledby="seasons-title">
                    <h2 id="seasons-title">{r.seasons_title}</h2>
                    <p class="hint">{r.seasons_help}</p>
                    <YearView seasons year on_select on_pick/>
                    {move || editing.get().map(|value| view! {
                        <SeasonEditor editing=value pending server_error=season_error.into()
                            on_save=Callback::new(move |(season_id, form)| {
                                let version = current.with_untracked(|p| p.version);
                                save_season.dispatch(SaveSeason { plan: id, version, season_id, form });
                            })
                            on_delete=Callback::new(move |season_id| {
                                let version = current.with_untracked(|p| p.version);
                                delete_season.dispatch(DeleteSeason { plan: id, version, season_id });
                            })
                            on_cancel=Callback::new(move |()| editing.set(None))/>
                    })}
                    <SeasonTable seasons on_pick/>
                    <button type="button" on:click=move |_| open(Editing {
                        id: None,
                        form: SeasonForm::default(),
                    })>{r.season_add}</button>
                </section>
                <section class="panel" aria-labelledby="base-title">
                    <h2 id="base-title">{r.plan_base_title}</h2>
                    <RatePlanFormView form context=context.clone() pending=update.pending().into()
                        on_valid=Callback::new(move |value| {
                            let version = current.with_untracked(|p| p.version);
                            notice.set(None);
                            update.dispatch(UpdateRatePlan { id, version, form: value });
                        })/>
                </section>
                <section class="panel" aria-labelledby="properties-title">
                    <h2 id="properties-title">{r.plan_properties}</h2>
                    {move || {
                        let properties = current.with(|p| p.properties.clone());
                        if properties.is_empty() {
                            let name = current.with(|p| p.input.name.clone());
                            view! {
                                <p>{r.plan_unused}</p>
                                <button type="button" class="danger" aria-haspopup="dialog"
                                    on:click=move |_| asking.set(true)>{r.plan_delete}</button>
                                {move || asking.get().then(|| view! {
                                    <div class="confirm" role="alertdialog" aria-labelledby="delete-plan-q">
                                        <p id="delete-plan-q">{(r.plan_delete_question)(&name)}</p>
                                        <button type="button" class="button danger" autofocus
                                            disabled=move || delete_plan.pending().get()
                                            on:click=move |_| { delete_plan.dispatch(DeleteRatePlan { id }); }>
                                            {t.delete_confirm}
                                        </button>
                                        <button type="button" class="button" on:click=move |_| asking.set(false)>{t.cancel}</button>
                                    </div>
                                })}
                            }.into_any()
                        } else {
                            let count = properties.len();
                            view! {
                                <ul>
                                    {properties.into_iter().map(|(pid, name)| view! {
                                        <li><A href=format!("/logements/{pid}")>{name}</A></li>
                                    }).collect_view()}
                                </ul>
                                <p class="hint">{(r.plan_in_use)(count)}</p>
                            }.into_any()
                        }
                    }}
                </section>
            </div>
            <aside class="plan-side">
                <TryStay plan=plan_signal context/>
            </aside>
        </div>
    }
}

/// The seasons as a table: the keyboard way to open each one.
#[component]
fn SeasonTable(
    seasons: Signal<Vec<crate::domain::rates::StoredSeason>>,
    on_pick: Callback<crate::domain::ids::SeasonId>,
) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    view! {
        {move || {
            let list = seasons.get();
            if list.is_empty() {
                return view! { <p class="empty">{r.seasons_empty}</p> }.into_any();
            }
            view! {
                <div class="table-wrap">
                    <table class="list seasons">
                        <thead><tr>
                            <th scope="col">{t.col_name}</th>
                            <th scope="col">{r.col_dates}</th>
                            <th scope="col" class="num">{r.nightly}</th>
                            <th scope="col" class="num">{r.weekly}</th>
                            <th scope="col" class="num">{r.weekend}</th>
                            <th scope="col" class="num">{r.col_minimum}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().enumerate().map(|(index, stored)| {
                                let s = stored.season;
                                let id = stored.id;
                                let optional = move |m: Option<crate::domain::money::Money>| m.map(|m| t.money(m)).unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <span class=format!("swatch {}", colour(index)) aria-hidden="true"></span>
                                            <button type="button" class="link" on:click=move |_| on_pick.run(id)>{s.name.to_string()}</button>
                                            {s.no_discounts.then(|| view! { <span class="sub">{r.no_discounts}</span> })}
                                        </th>
                                        <td>{(r.date_range)(s.first_night, s.last_night)}</td>
                                        <td class="num">{t.money(s.rates.nightly)}</td>
                                        <td class="num">{optional(s.rates.weekly)}</td>
                                        <td class="num">{optional(s.rates.weekend)}</td>
                                        <td class="num">{s.minimum_stay.map(|n| (r.nights)(i64::from(n))).unwrap_or_default()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
