//! The customer list: a search on name, email or phone answered as you type, one page of customers at
//! a time, each opening their page; the export panel below.

use super::export::ExportPanel;
use crate::api::customers::list_customers;
use crate::components::language::use_texts;
use crate::domain::customers::CustomerPage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The customers screen.
#[component]
pub fn CustomerListPage() -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0_i64);
    let customers = Resource::new(
        move || (search.get(), page.get()),
        |(search, page)| list_customers(search, page),
    );
    view! {
        <Title text=c.customers_title/>
        <h1>{c.customers_title}</h1>
        <section class="panel" aria-labelledby="customer-list-title">
            <h2 id="customer-list-title" class="sr-only">{c.customers_title}</h2>
            <div class="field">
                <label for="customer-search">{c.search_label}</label>
                <input id="customer-search" type="search" autocomplete="off" aria-describedby="customer-search-hint"
                    prop:value=move || search.get()
                    on:input=move |ev| { search.set(event_target_value(&ev)); page.set(0); }/>
                <p class="hint" id="customer-search-hint">{c.search_hint}</p>
            </div>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match customers.await {
                        Ok(found) if found.total == 0 => {
                            let text = search.get_untracked();
                            let message = if text.trim().is_empty() { c.customers_empty.to_string() } else { (c.none_found)(text.trim()) };
                            view! { <p class="empty">{message}</p> }.into_any()
                        }
                        Ok(found) => view! { <CustomerTable found page/> }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <ExportPanel/>
    }
}

#[component]
fn CustomerTable(found: CustomerPage, page: RwSignal<i64>) -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    let pages = found.pages();
    let current = found.page;
    view! {
        <p class="hint" role="status">{(c.customer_count)(found.total)}</p>
        <div class="table-wrap">
            <table class="list customers">
                <thead><tr>
                    <th scope="col">{c.col_name}</th>
                    <th scope="col">{c.col_contact}</th>
                    <th scope="col" class="num">{c.col_bookings}</th>
                </tr></thead>
                <tbody>
                    {found.customers.into_iter().map(|customer| view! {
                        <tr>
                            <th scope="row"><A href=format!("/clients/{}", customer.id)>{customer.name.clone()}</A>
                                <span class="sub">{customer.address.clone()}</span></th>
                            <td>{customer.emails.clone()}<span class="sub">{customer.phones.clone()}</span></td>
                            <td class="num">{customer.bookings}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="actions pager" aria-label=c.customers_title>
                <button type="button" class="small" disabled=current == 0
                    on:click=move |_| page.set((current - 1).max(0))>{c.previous_page}</button>
                <span>{(c.page_of)(current + 1, pages)}</span>
                <button type="button" class="small" disabled=current + 1 >= pages
                    on:click=move |_| page.set(current + 1)>{c.next_page}</button>
            </nav>
        })}
    }
}
