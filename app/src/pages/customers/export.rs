//! The customer-list export panel (seed 004): a year, optionally a property and a status, and two
//! download links (CSV for French Excel, XLSX) to the server's export routes.

use crate::api::properties::list_properties;
use crate::api::statuses::list_statuses;
use crate::components::language::use_texts;
use crate::domain::customers::ExportFilter;
use chrono::Datelike;
use leptos::prelude::*;

/// Years offered: five back, the current one, and the next.
fn years(current: i32) -> Vec<i32> {
    ((current - 5)..=(current + 1)).rev().collect()
}

/// The export form and its links.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let current = chrono::Utc::now().year();
    let year = RwSignal::new(current.to_string());
    let property = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let choices = Resource::new(
        || (),
        |_| async {
            Ok::<_, crate::error::AppError>((list_properties().await?, list_statuses().await?))
        },
    );
    let query = move || {
        let filter = ExportFilter {
            year: year.get().parse().unwrap_or(current),
            property: property.get().parse().ok(),
            status: status.get().parse().ok(),
        };
        filter.query_string()
    };
    view! {
        <section class="panel" aria-labelledby="export-title">
            <h2 id="export-title">{c.export_title}</h2>
            <p class="hint">{c.export_intro}</p>
            <div class="row">
                <div class="field">
                    <label for="export-year">{c.export_year}</label>
                    <select id="export-year" on:change=move |ev| year.set(event_target_value(&ev))>
                        {years(current).into_iter().map(|y| view! {
                            <option value=y.to_string() selected=move || year.get() == y.to_string()>{y}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let (properties, statuses) = choices.await.unwrap_or_default();
                        view! {
                            <div class="field">
                                <label for="export-property">{c.export_property}</label>
                                <select id="export-property" on:change=move |ev| property.set(event_target_value(&ev))>
                                    <option value="">{c.all_properties}</option>
                                    {properties.into_iter().map(|p| view! { <option value=p.id.to_string()>{p.name}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="export-status">{c.export_status}</label>
                                <select id="export-status" on:change=move |ev| status.set(event_target_value(&ev))>
                                    <option value="">{c.all_statuses}</option>
                                    {statuses.into_iter().map(|s| view! { <option value=s.status.id.to_string()>{s.status.name}</option> }).collect_view()}
                                </select>
                            </div>
                        }
                    })}
                </Transition>
            </div>
            <div class="actions">
                <a class="button primary" rel="external" download="" href=move || format!("/exports/clients.csv?{}", query())>{c.export_csv}</a>
                <a class="button" rel="external" download="" href=move || format!("/exports/clients.xlsx?{}", query())>{c.export_xlsx}</a>
            </div>
        </section>
    }
}
