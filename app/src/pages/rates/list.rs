//! The list of rate plans.

use crate::api::rates::list_rate_plans;
use crate::components::language::use_texts;
use crate::components::notice::SuccessNotice;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The organisation's rate plans with their base price, seasons and properties.
#[component]
pub fn RatePlanListPage() -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let query = use_query_map();
    let notice = Signal::derive(move || {
        query.with(|q| {
            (q.get("notice").as_deref() == Some("deleted")).then(|| r.plan_deleted.to_string())
        })
    });
    let plans = Resource::new(|| (), |_| list_rate_plans());
    view! {
        <Title text=r.plans_title/>
        <div class="page-head">
            <h1>{r.plans_title}</h1>
            <A href="/tarifs/nouveau" attr:class="button primary">{r.plan_add}</A>
        </div>
        <p class="intro">{r.plans_intro}</p>
        <SuccessNotice message=notice/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match plans.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty"><A href="/tarifs/nouveau">{r.plans_empty}</A></p>
                    }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="list">
                                <thead><tr>
                                    <th scope="col">{t.col_name}</th>
                                    <th scope="col" class="num">{r.col_base_price}</th>
                                    <th scope="col" class="num">{r.col_seasons}</th>
                                    <th scope="col" class="num">{r.col_properties}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|plan| view! {
                                        <tr>
                                            <th scope="row"><A href=format!("/tarifs/{}", plan.id)>{plan.name}</A></th>
                                            <td class="num">{t.money(plan.nightly)}" "{t.per_night}</td>
                                            <td class="num">{plan.seasons}</td>
                                            <td class="num">{plan.properties}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
