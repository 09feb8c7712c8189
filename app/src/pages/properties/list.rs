//! The property list.

use super::delete::DeletePropertyButton;
use crate::api::properties::list_properties;
use crate::components::language::use_texts;
use crate::components::notice::SuccessNotice;
use crate::domain::money::Money;
use crate::domain::property::PropertySummary;
use crate::i18n::Texts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Formats an amount in the interface's language.
pub fn money(texts: &Texts, amount: Money) -> String {
    texts.money(amount)
}

/// The list of the organisation's properties, with their owner, capacity, price and bookings.
#[component]
pub fn PropertyListPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let deleted_here = RwSignal::new(false);
    let notice = Signal::derive(move || {
        if deleted_here.get() {
            return Some(t.property_deleted.to_string());
        }
        query.with(|q| match q.get("notice").as_deref() {
            Some("created") => Some(t.property_created.to_string()),
            Some("saved") => Some(t.property_saved.to_string()),
            Some("deleted") => Some(t.property_deleted.to_string()),
            _ => None,
        })
    });
    let properties = Resource::new(|| (), |_| list_properties());
    view! {
        <Title text=t.properties_title/>
        <div class="page-head">
            <h1>{t.properties_title}</h1>
            <A href="/logements/nouveau" attr:class="button primary">{t.property_add}</A>
        </div>
        <SuccessNotice message=notice/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match properties.await {
                    Ok(list) if list.is_empty() => view! {
                        <p class="empty"><A href="/logements/nouveau">{t.properties_empty}</A></p>
                    }.into_any(),
                    Ok(list) => view! { <PropertyTable list on_deleted=Callback::new(move |()| {
                        deleted_here.set(true);
                        properties.refetch();
                    })/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn PropertyTable(list: Vec<PropertySummary>, on_deleted: Callback<()>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="table-wrap">
            <table class="list">
                <thead>
                    <tr>
                        <th scope="col">{t.col_name}</th>
                        <th scope="col">{t.col_owner}</th>
                        <th scope="col" class="num">{t.col_capacity}</th>
                        <th scope="col">{t.col_price}</th>
                        <th scope="col" class="num">{t.col_bookings}</th>
                        <th scope="col">{t.col_public}</th>
                        <th scope="col"><span class="sr-only">{t.col_actions}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|p| {
                        let price = match (&p.rate_plan_name, p.fixed_price) {
                            (Some(plan), _) => plan.clone(),
                            (None, Some(price)) => format!("{} — {} {}", t.fixed_price_label, money(t, price), t.per_night),
                            (None, None) => String::new(),
                        };
                        let href = format!("/logements/{}", p.id);
                        let name = p.name.clone();
                        view! {
                            <tr>
                                <th scope="row"><A href=href.clone()>{p.name.clone()}</A>
                                    <span class="sub">{p.address.clone()}</span></th>
                                <td>{p.owner_name.clone().unwrap_or_default()}</td>
                                <td class="num">{(t.guests)(p.capacity)}</td>
                                <td>{price}</td>
                                <td class="num">{p.booking_count}</td>
                                <td>{if p.public_listing { t.yes } else { t.no }}</td>
                                <td class="actions">
                                    <A href=href attr:class="button small">{t.edit}</A>
                                    <DeletePropertyButton id=p.id name on_deleted/>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
