//! One invoice: a draft is edited (customer, document options, lines, totals as you type) and
//! issued; an issued invoice is shown as printed, with its payments, credit notes and actions.

use super::lines::{LinesEditor, LinesTable, TotalsTable};
use super::payments::Payments;
use super::toolbar::Toolbar;
use crate::api::invoices::edit::save_invoice;
use crate::api::invoices::list::invoice;
use crate::api::invoices::InvoiceView;
use crate::components::field::{CheckboxField, FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::ids::InvoiceId;
use crate::domain::invoice::{
    AdvanceWording, DocumentTitle, InvoiceForm, InvoiceKind, InvoiceLine, InvoiceTotals,
};
use crate::error::{AppError, ErrorKind};
use crate::i18n::invoices::InvoiceTexts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The page of one invoice.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<InvoiceId>().ok()));
    let opened = Resource::new(id, move |id| async move {
        match id {
            Some(id) => invoice(id).await,
            None => Err(AppError::new(ErrorKind::NotFound, t.err_not_found)),
        }
    });
    view! {
        <Title text=v.invoices_title/>
        <p><A href="/factures">{v.back_to_list}</A></p>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match opened.await {
                    Ok(view) => view! { <InvoiceScreen view/> }.into_any(),
                    Err(error) => view! {
                        <h1>{v.invoices_title}</h1>
                        <p class="notice error" role="alert">{error.display(t)}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The invoice as it stands; every server answer replaces it.
#[component]
fn InvoiceScreen(view: InvoiceView) -> impl IntoView {
    let current = RwSignal::new(view);
    let issued = Memo::new(move |_| current.with(|v| v.invoice.is_issued()));
    move || {
        if issued.get() {
            view! { <IssuedInvoice current/> }.into_any()
        } else {
            view! { <DraftInvoice current/> }.into_any()
        }
    }
}

fn heading(v: &InvoiceTexts, view: &InvoiceView) -> String {
    (v.numbered)(&view.printed_title, view.invoice.number.as_deref())
}

/// An issued invoice: as printed, read only, with its payments.
#[component]
fn IssuedInvoice(current: RwSignal<InvoiceView>) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    view! {
        <h1 data-testid="invoice-title">{move || current.with(|c| heading(v, c))}</h1>
        <p class="status issued">{move || current.with(|c| (v.issued_on)(&c.invoice.date.format("%d/%m/%Y").to_string()))}</p>
        <Toolbar current/>
        <section class="panel" aria-labelledby="invoice-parties">
            <h2 id="invoice-parties">{v.parties_section}</h2>
            {move || current.with(|c| {
                let invoice = &c.invoice;
                view! {
                    <div class="parties">
                        <div><strong>{invoice.issuer.name.clone()}</strong><p class="pre">{invoice.issuer.address.clone()}</p></div>
                        <div><strong>{invoice.customer_name.clone()}</strong><p class="pre">{invoice.customer_address.clone()}</p></div>
                    </div>
                    <p>{invoice.subject.clone()}</p>
                    {invoice.corrects.clone().map(|(id, number)| view! {
                        <p>{v.corrects_label}" "<A href=format!("/factures/{id}")>{number}</A></p>
                    })}
                    {(!invoice.credit_notes.is_empty()).then(|| view! {
                        <p>{v.credit_notes_label}" "{invoice.credit_notes.iter().cloned().map(|(id, number)| view! {
                            <A href=format!("/factures/{id}")>{number.unwrap_or_else(|| v.draft_badge.to_string())}</A>" "
                        }).collect_view()}</p>
                    })}
                }
            })}
        </section>
        <section class="panel" aria-labelledby="invoice-lines-title">
            <h2 id="invoice-lines-title">{v.lines_section}</h2>
            {move || current.with(|c| view! {
                <LinesTable lines=c.invoice.lines.clone() vat=c.invoice.vat_enabled/>
                <TotalsTable totals=c.invoice.totals() vat=c.invoice.vat_enabled
                    settlement=(c.invoice.kind == InvoiceKind::Invoice).then(|| (c.invoice.settlement(), c.invoice.wording))/>
            })}
        </section>
        {move || (current.with(|c| c.invoice.kind) == InvoiceKind::Invoice).then(|| view! { <Payments current/> })}
    }
}

/// A draft: every field editable, totals as you type, saved from the version opened.
#[component]
fn DraftInvoice(current: RwSignal<InvoiceView>) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let initial = current.with_untracked(|c| c.invoice.to_form());
    let form = FormState::new(initial, |f: &InvoiceForm| {
        f.validate().err().unwrap_or_default()
    });
    let saved = RwSignal::new(None::<String>);
    let save = Action::new(move |form: &InvoiceForm| {
        let form = form.clone();
        let (id, version) = current.with_untracked(|c| (c.invoice.id, c.invoice.version));
        async move { save_invoice(id, version, form).await }
    });
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            form.server_result(&result);
            if let Ok(view) = result {
                // The form as stored ("45" reads back "45,00"): nothing left unsaved.
                form.value.set(view.invoice.to_form());
                current.set(view);
                saved.set(Some(v.draft_saved.to_string()));
            }
        }
    });
    let dirty = Memo::new(move |_| {
        let typed = form.value.get();
        current.with(|c| c.invoice.to_form() != typed)
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            save.dispatch(value);
        }
    };
    let titles = Signal::derive(move || {
        DocumentTitle::ALL
            .iter()
            .map(|d| (d.code().to_string(), (v.title_name)(*d).to_string()))
            .collect::<Vec<_>>()
    });
    let wordings = Signal::derive(move || {
        [AdvanceWording::Arrhes, AdvanceWording::Acompte]
            .iter()
            .map(|w| (w.code().to_string(), (v.wording_name)(*w).to_string()))
            .collect::<Vec<_>>()
    });
    let langs = Signal::derive(|| {
        vec![
            ("fr".to_string(), "Français".to_string()),
            ("en".to_string(), "English".to_string()),
        ]
    });
    let totals = Memo::new(move |_| {
        form.value.with(|f| {
            let lines: Vec<InvoiceLine> =
                f.lines.iter().filter_map(|l| l.validate().ok()).collect();
            InvoiceTotals::of(&lines, f.vat_enabled)
        })
    });
    let is_credit = current.with_untracked(|c| c.invoice.kind == InvoiceKind::CreditNote);
    view! {
        <h1 data-testid="invoice-title">{move || current.with(|c| heading(v, c))}</h1>
        <p class="status draft">{v.draft_status}</p>
        <Toolbar current dirty=dirty.into()/>
        <form on:submit=on_submit novalidate data-testid="invoice-form">
            <SuccessNotice message=saved/>
            <ErrorNotice message=form.summary()/>
            <section class="panel" aria-labelledby="invoice-customer-title">
                <h2 id="invoice-customer-title">{v.customer_section}</h2>
                {move || current.with(|c| c.invoice.corrects.clone()).map(|(id, number)| view! {
                    <p>{v.corrects_label}" "<A href=format!("/factures/{id}")>{number}</A>". "{v.credit_hint}</p>
                })}
                <div class="row">
                    <TextField label=v.customer_name name="customer_name" autocomplete="off"
                        binding=form.text("customer_name", |f| f.customer_name.clone(), |f, x| f.customer_name = x) error=form.error("customer_name")/>
                    <TextField label=v.subject name="subject"
                        binding=form.text("subject", |f| f.subject.clone(), |f, x| f.subject = x) error=form.error("subject")/>
                </div>
                <TextField label=v.customer_address name="customer_address" multiline=true
                    binding=form.text("customer_address", |f| f.customer_address.clone(), |f, x| f.customer_address = x) error=form.error("customer_address")/>
            </section>
            <section class="panel" aria-labelledby="invoice-options-title">
                <h2 id="invoice-options-title">{v.document_section}</h2>
                <div class="row">
                    {(!is_credit).then(|| view! {
                        <SelectField label=v.title_label name="title" options=titles hint=v.quittance_hint
                            binding=form.text("title", |f| f.title.clone(), |f, x| f.title = x) error=form.error("title")/>
                        <SelectField label=v.wording_label name="wording" options=wordings
                            binding=form.text("wording", |f| f.wording.clone(), |f, x| f.wording = x) error=form.error("wording")/>
                        <TextField label=v.advance_label name="advance" inputmode="decimal"
                            binding=form.text("advance", |f| f.advance.clone(), |f, x| f.advance = x) error=form.error("advance")/>
                    })}
                    <SelectField label=v.lang_label name="lang" options=langs
                        binding=form.text("lang", |f| f.lang.clone(), |f, x| f.lang = x) error=form.error("lang")/>
                </div>
                <CheckboxField label=v.vat_label name="vat_enabled" hint=v.vat_hint
                    binding=form.flag("vat_enabled", |f| f.vat_enabled, |f, x| f.vat_enabled = x)/>
            </section>
            <section class="panel" aria-labelledby="invoice-lines-title">
                <h2 id="invoice-lines-title">{v.lines_section}</h2>
                <LinesEditor form current/>
                {move || view! { <TotalsTable totals=totals.get() vat=form.value.with(|f| f.vat_enabled) settlement=None/> }}
            </section>
            <div class="actions">
                <button type="submit" class="primary" data-testid="invoice-save" disabled=move || save.pending().get()>{v.save_draft}</button>
            </div>
        </form>
    }
}
