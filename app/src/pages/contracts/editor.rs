//! A booking's contract: each block's text editable, saved with the booking; "Regénérer" writes it
//! again from the booking after a confirmation; download, print, send by email with the PDF.

use crate::api::contracts::open::{
    booking_contract, regenerate_contract, save_contract, ContractView,
};
use crate::components::language::use_texts;
use crate::components::notice::SuccessNotice;
use crate::domain::contract::ContractBlock;
use crate::domain::ids::BookingId;
use crate::error::{AppError, ErrorKind};
use crate::pages::mail::compose::{ComposeEmail, EmailAbout};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The contract page of a booking.
#[component]
pub fn ContractPage() -> impl IntoView {
    let t = use_texts();
    let c = t.contracts;
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<BookingId>().ok()));
    let opened = Resource::new(id, move |id| async move {
        match id {
            Some(id) => booking_contract(id).await,
            None => Err(AppError::new(ErrorKind::NotFound, t.err_not_found)),
        }
    });
    view! {
        <Title text=c.page_title/>
        <p><A href="/">{c.back_to_planning}</A></p>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match opened.await {
                    Ok(view) => view! { <ContractScreen view/> }.into_any(),
                    Err(error) => view! {
                        <h1>{c.page_title}</h1>
                        <p class="notice error" role="alert">{error.display(t)}</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "2026-11-23T…" as "23/11/2026".
fn generated_day(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|at| {
            crate::domain::paris_time::in_paris(at.to_utc())
                .format("%d/%m/%Y")
                .to_string()
        })
        .unwrap_or_default()
}

#[component]
fn ContractScreen(view: ContractView) -> impl IntoView {
    let t = use_texts();
    let c = t.contracts;
    let booking = view.booking;
    let summary = view.summary.clone();
    let current = RwSignal::new(view);
    let blocks = RwSignal::new(current.with_untracked(|v| v.contract.blocks.clone()));
    let lang = RwSignal::new(current.with_untracked(|v| v.contract.lang.clone()));
    let manual_deposit =
        RwSignal::new(current.with_untracked(|v| v.contract.manual_deposit.clone()));
    let notice = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(false);
    let dirty = Memo::new(move |_| current.with(|v| v.contract.blocks != blocks.get()));
    let save = Action::new(move |blocks: &Vec<ContractBlock>| {
        let blocks = blocks.clone();
        let version = current.with_untracked(|v| v.contract.version);
        save_contract(booking, version, blocks)
    });
    let regenerate = Action::new(move |_: &()| {
        let version = current.with_untracked(|v| v.contract.version);
        regenerate_contract(
            booking,
            version,
            lang.get_untracked(),
            manual_deposit.get_untracked(),
        )
    });
    let apply = move |result: Option<Result<ContractView, AppError>>, message: &'static str| {
        if let Some(Ok(view)) = result {
            blocks.set(view.contract.blocks.clone());
            current.set(view);
            confirming.set(false);
            notice.set(Some(message.to_string()));
        }
    };
    Effect::new(move |_| apply(save.value().get(), c.saved));
    Effect::new(move |_| apply(regenerate.value().get(), c.regenerated));
    let error = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .or_else(|| regenerate.value().get().and_then(Result::err))
            .map(|e| view! { <p class="notice error" role="alert">{e.display(t)}</p> })
    };
    let count = Memo::new(move |_| blocks.with(Vec::len));
    let block = move |i: usize| {
        let (key, heading) = blocks.with_untracked(|b| {
            b.get(i)
                .map(|b| (b.key.clone(), b.heading.clone()))
                .unwrap_or_default()
        });
        let label = match key.as_str() {
            "message" => c.message_label.to_string(),
            "special" => c.special_conditions.to_string(),
            "signatures" => c.signatures_label.to_string(),
            _ => (c.block_label)(&heading),
        };
        let id = format!("contract-block-{i}");
        view! {
            <div class="field contract-block">
                <label for=id.clone()>{label}</label>
                <textarea id=id rows="6" data-testid="contract-block"
                    prop:value=move || blocks.with(|b| b.get(i).map(|b| b.text.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        blocks.update(|b| if let Some(block) = b.get_mut(i) { block.text = text });
                    }></textarea>
            </div>
        }
    };
    view! {
        <h1>{c.page_title}</h1>
        <p class="lead">{summary}</p>
        <p class="hint">{c.intro}" "{move || current.with(|v| (c.generated_on)(&generated_day(&v.contract.generated_at)))}</p>
        <div class="toolbar actions" role="group" aria-label=c.page_title>
            <a class="button" data-testid="contract-download" href=format!("/reservations/{booking}/contrat/pdf")
                class:disabled=move || dirty.get() download>{c.download}</a>
            <a class="button" href=format!("/reservations/{booking}/contrat/pdf?imprimer") target="_blank" rel="noopener">{c.print}</a>
            <button type="button" data-testid="contract-regenerate" on:click=move |_| confirming.set(true)>{c.regenerate}</button>
        </div>
        {move || dirty.get().then(|| view! { <p class="hint">{c.save_first}</p> })}
        {move || confirming.get().then(|| view! {
            <div class="notice warning confirm" role="alertdialog" aria-labelledby="contract-confirm-text">
                <p id="contract-confirm-text">{c.regenerate_confirm}</p>
                <div class="row">
                    <div class="field">
                        <label for="contract-lang">{c.lang_label}</label>
                        <select id="contract-lang" on:change=move |ev| lang.set(event_target_value(&ev))>
                            <option value="fr" selected=move || lang.get() == "fr">"Français"</option>
                            <option value="en" selected=move || lang.get() == "en">"English"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="contract-manual-deposit">{c.manual_deposit_label}</label>
                        <input id="contract-manual-deposit" inputmode="decimal" aria-describedby="contract-manual-deposit-hint"
                            prop:value=move || manual_deposit.get() on:input=move |ev| manual_deposit.set(event_target_value(&ev))/>
                        <p class="hint" id="contract-manual-deposit-hint">{c.manual_deposit_hint}</p>
                    </div>
                </div>
                <div class="actions">
                    <button type="button" class="primary" data-testid="contract-regenerate-confirm"
                        disabled=move || regenerate.pending().get()
                        on:click=move |_| { regenerate.dispatch(()); }>{c.regenerate_button}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{t.cancel}</button>
                </div>
            </div>
        })}
        <SuccessNotice message=notice/>
        {error}
        <form class="panel" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            notice.set(None);
            save.dispatch(blocks.get_untracked());
        }>
            {move || (0..count.get()).map(block).collect_view()}
            <div class="actions">
                <button type="submit" class="primary" data-testid="contract-save" disabled=move || save.pending().get()>{c.save}</button>
            </div>
        </form>
        <ComposeEmail about=EmailAbout::Contract(booking)/>
    }
}
