//! The invoice table (seed 004 "Le tableau des factures"): filters (state, year, text), sort by any
//! column, unpaid invoices grouped together when sorted by payment date, totals of what is shown.

use crate::api::invoices::create::blank_invoice;
use crate::api::invoices::list::invoices;
use crate::components::language::use_texts;
use crate::domain::invoice::{InvoiceKind, InvoiceSummary};
use crate::domain::money::Money;
use chrono::Datelike;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Which invoices are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Drafts,
    Unpaid,
    Paid,
    CreditNotes,
}

/// The column sorted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Number,
    Date,
    Customer,
    Total,
    Remaining,
    PaidOn,
}

impl Filter {
    fn code(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Drafts => "drafts",
            Filter::Unpaid => "unpaid",
            Filter::Paid => "paid",
            Filter::CreditNotes => "credit_notes",
        }
    }

    fn keeps(self, invoice: &InvoiceSummary) -> bool {
        let invoice_issued = invoice.kind == InvoiceKind::Invoice && invoice.number.is_some();
        match self {
            Filter::All => true,
            Filter::Drafts => invoice.number.is_none(),
            Filter::Unpaid => invoice_issued && invoice.remaining > Money::ZERO,
            Filter::Paid => invoice_issued && invoice.remaining <= Money::ZERO,
            Filter::CreditNotes => invoice.kind == InvoiceKind::CreditNote,
        }
    }
}

/// Sorts `rows` on `column`; by payment date the unpaid ones (no date) come first, together.
fn sort(rows: &mut [InvoiceSummary], column: Column, ascending: bool) {
    rows.sort_by(|a, b| {
        let order = match column {
            Column::Number => a.number.cmp(&b.number),
            Column::Date => a.date.cmp(&b.date),
            Column::Customer => a
                .customer_name
                .to_lowercase()
                .cmp(&b.customer_name.to_lowercase()),
            Column::Total => a.total.cmp(&b.total),
            Column::Remaining => a.remaining.cmp(&b.remaining),
            Column::PaidOn => a.paid_on.cmp(&b.paid_on),
        };
        if ascending {
            order
        } else {
            order.reverse()
        }
    });
}

/// The invoices screen.
#[component]
pub fn InvoiceListPage() -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let list = Resource::new(|| (), |_| invoices());
    let navigate = use_navigate();
    let blank = Action::new(|_: &()| blank_invoice());
    Effect::new(move |_| {
        if let Some(Ok(id)) = blank.value().get() {
            navigate(&format!("/factures/{id}"), Default::default());
        }
    });
    view! {
        <Title text=v.invoices_title/>
        <div class="page-head">
            <h1>{v.invoices_title}</h1>
            <div class="actions">
                <A href="/parametres/facturation">{v.settings_link}</A>
                <button type="button" class="primary" data-testid="blank-invoice" disabled=move || blank.pending().get()
                    on:click=move |_| { blank.dispatch(()); }>{v.blank_invoice}</button>
            </div>
        </div>
        {move || blank.value().get().and_then(Result::err).map(|error| view! {
            <p class="notice error" role="alert">{error.display(t)}</p>
        })}
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => view! { <p class="empty panel">{v.invoices_empty}</p> }.into_any(),
                    Ok(rows) => view! { <InvoiceTable rows/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InvoiceTable(rows: Vec<InvoiceSummary>) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let filter = RwSignal::new(Filter::All);
    let search = RwSignal::new(String::new());
    let mut years: Vec<i32> = rows.iter().map(|r| r.date.year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let year = RwSignal::new(None::<i32>);
    let sorting = RwSignal::new((Column::Date, false));
    let rows = StoredValue::new(rows);
    let shown = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        let mut kept: Vec<InvoiceSummary> = rows.with_value(|rows| {
            rows.iter()
                .filter(|r| filter.get().keeps(r))
                .filter(|r| year.get().is_none_or(|y| r.date.year() == y))
                .filter(|r| {
                    needle.is_empty()
                        || r.customer_name.to_lowercase().contains(&needle)
                        || r.subject.to_lowercase().contains(&needle)
                        || r.number.as_deref().unwrap_or_default().contains(&needle)
                })
                .cloned()
                .collect()
        });
        let (column, ascending) = sorting.get();
        sort(&mut kept, column, ascending);
        kept
    });
    let sign = |r: &InvoiceSummary| match r.kind {
        InvoiceKind::Invoice => r.total,
        InvoiceKind::CreditNote => Money::ZERO - r.total,
    };
    let header = move |column: Column, label: &'static str, numeric: bool| {
        let aria = move || match sorting.get() {
            (c, true) if c == column => "ascending",
            (c, false) if c == column => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sorting.update(|(c, asc)| {
                    if *c == column { *asc = !*asc } else { *c = column; *asc = true }
                })>{label}</button>
            </th>
        }
    };
    view! {
        <section class="panel" aria-labelledby="invoice-table-title">
            <h2 id="invoice-table-title" class="sr-only">{v.invoices_title}</h2>
            <div class="field-row filters">
                <div class="field">
                    <label for="invoice-filter">{v.filter_label}</label>
                    <select id="invoice-filter" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let chosen = [Filter::All, Filter::Drafts, Filter::Unpaid, Filter::Paid, Filter::CreditNotes]
                            .into_iter().find(|f| f.code() == code).unwrap_or(Filter::All);
                        filter.set(chosen);
                    }>
                        {[(Filter::All, v.filter_all), (Filter::Drafts, v.filter_drafts), (Filter::Unpaid, v.filter_unpaid),
                          (Filter::Paid, v.filter_paid), (Filter::CreditNotes, v.filter_credit_notes)]
                            .into_iter().map(|(f, label)| view! { <option value=f.code()>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="invoice-year">{v.year_label}</label>
                    <select id="invoice-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                        <option value="">{v.all_years}</option>
                        {years.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field grow">
                    <label for="invoice-search">{v.search_label}</label>
                    <input id="invoice-search" type="search" autocomplete="off"
                        prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                </div>
            </div>
            <div class="table-wrap">
                <table class="list invoices">
                    <thead><tr>
                        {header(Column::Number, v.col_number, false)}
                        {header(Column::Date, v.col_date, false)}
                        {header(Column::Customer, v.col_customer, false)}
                        <th scope="col">{v.col_subject}</th>
                        {header(Column::Total, v.col_total, true)}
                        {header(Column::Remaining, v.col_remaining, true)}
                        {header(Column::PaidOn, v.col_paid_on, false)}
                    </tr></thead>
                    <tbody>
                        <For each=move || shown.get() key=|r| r.id children=move |row| {
                            let label = match (row.number.clone(), row.kind) {
                                (Some(n), InvoiceKind::Invoice) => n,
                                (Some(n), InvoiceKind::CreditNote) => format!("{} {n}", v.credit_short),
                                (None, _) => v.draft_badge.to_string(),
                            };
                            let amount = t.money(sign(&row));
                            let remaining = (row.kind == InvoiceKind::Invoice).then(|| t.money(row.remaining));
                            view! {
                                <tr class:credit=row.kind == InvoiceKind::CreditNote>
                                    <th scope="row"><A href=format!("/factures/{}", row.id)>{label}</A></th>
                                    <td>{row.date.format("%d/%m/%Y").to_string()}</td>
                                    <td>{row.customer_name.clone()}<span class="sub">{row.issuer_name.clone()}</span></td>
                                    <td>{row.subject.clone()}</td>
                                    <td class="num">{amount}</td>
                                    <td class="num">{remaining}</td>
                                    <td>{row.paid_on.map(|d| d.format("%d/%m/%Y").to_string())}</td>
                                </tr>
                            }
                        }/>
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="4">{move || (v.shown_count)(shown.with(Vec::len))}</th>
                        <td class="num">{move || t.money(shown.with(|rows| rows.iter().filter(|r| r.number.is_some()).map(sign).sum()))}</td>
                        <td class="num">{move || t.money(shown.with(|rows| rows.iter()
                            .filter(|r| r.number.is_some() && r.kind == InvoiceKind::Invoice).map(|r| r.remaining).sum()))}</td>
                        <td></td>
                    </tr></tfoot>
                </table>
            </div>
        </section>
    }
}
