//! The actions of an invoice: issue (after a confirmation) or delete a draft; download, print,
//! duplicate; a credit note for an issued invoice; send the PDF by email.

use crate::api::invoices::create::{credit_note, duplicate_invoice};
use crate::api::invoices::edit::{delete_invoice, issue_invoice};
use crate::api::invoices::InvoiceView;
use crate::components::language::use_texts;
use crate::domain::invoice::InvoiceKind;
use crate::pages::mail::compose::{ComposeEmail, EmailAbout};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The toolbar of `current`; `dirty` tells a draft has unsaved changes (issuing waits for a save).
#[component]
pub fn Toolbar(
    current: RwSignal<InvoiceView>,
    #[prop(optional)] dirty: Option<Signal<bool>>,
) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let id = current.with_untracked(|c| c.invoice.id);
    let issued = current.with_untracked(|c| c.invoice.is_issued());
    let kind = current.with_untracked(|c| c.invoice.kind);
    let dirty = dirty.unwrap_or_else(|| Signal::derive(|| false));
    let navigate = use_navigate();
    let confirming = RwSignal::new(None::<&'static str>);
    let issue = Action::new(move |_: &()| {
        let version = current.with_untracked(|c| c.invoice.version);
        issue_invoice(id, version)
    });
    Effect::new(move |_| {
        if let Some(Ok(view)) = issue.value().get() {
            confirming.set(None);
            current.set(view);
        }
    });
    let open_new = Action::new(move |which: &&'static str| {
        let which = *which;
        async move {
            match which {
                "duplicate" => duplicate_invoice(id).await,
                _ => credit_note(id).await,
            }
        }
    });
    let go = navigate.clone();
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = open_new.value().get() {
            go(&format!("/factures/{new_id}"), Default::default());
        }
    });
    let delete = Action::new(move |_: &()| delete_invoice(id));
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            navigate("/factures", Default::default());
        }
    });
    let error = move || {
        issue
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| open_new.value().get().and_then(Result::err))
            .or_else(|| delete.value().get().and_then(Result::err))
            .map(|e| view! { <p class="notice error" role="alert">{e.display(t)}</p> })
    };
    view! {
        <div class="toolbar actions" role="group" aria-label=v.actions_label>
            {(!issued).then(|| view! {
                <button type="button" class="primary" data-testid="invoice-issue" disabled=move || dirty.get()
                    title=move || dirty.get().then_some(v.save_first)
                    on:click=move |_| confirming.set(Some("issue"))>{if kind == InvoiceKind::CreditNote { v.issue_credit } else { v.issue }}</button>
            })}
            <a class="button" data-testid="invoice-download" href=format!("/factures/{id}/pdf") download>{v.download}</a>
            <a class="button" href=format!("/factures/{id}/pdf?imprimer") target="_blank" rel="noopener">{v.print}</a>
            {(kind == InvoiceKind::Invoice).then(|| view! {
                <button type="button" data-testid="invoice-duplicate" on:click=move |_| { open_new.dispatch("duplicate"); }>{v.duplicate}</button>
            })}
            {(issued && kind == InvoiceKind::Invoice).then(|| view! {
                <button type="button" data-testid="invoice-credit" on:click=move |_| { open_new.dispatch("credit"); }>{v.make_credit_note}</button>
            })}
            {(!issued).then(|| view! {
                <button type="button" class="danger" data-testid="invoice-delete" on:click=move |_| confirming.set(Some("delete"))>{v.delete_draft}</button>
            })}
        </div>
        {move || dirty.get().then(|| view! { <p class="hint">{v.save_first}</p> })}
        {move || confirming.get().map(|what| {
            let issuing = what == "issue";
            view! {
                <div class="notice warning confirm" role="alertdialog" aria-labelledby="invoice-confirm-text">
                    <p id="invoice-confirm-text">{if issuing { v.issue_confirm } else { v.delete_confirm }}</p>
                    <div class="actions">
                        <button type="button" class=if issuing { "primary" } else { "danger" } data-testid="invoice-confirm"
                            on:click=move |_| { if issuing { issue.dispatch(()); } else { delete.dispatch(()); } }>
                            {if issuing { v.issue_confirm_button } else { v.delete_draft }}
                        </button>
                        <button type="button" on:click=move |_| confirming.set(None)>{t.cancel}</button>
                    </div>
                </div>
            }
        })}
        {error}
        {issued.then(|| view! { <ComposeEmail about=EmailAbout::Invoice(id)/> })}
    }
}
