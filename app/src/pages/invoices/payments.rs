//! The payments of an issued invoice (seed 004 "Enregistrer un paiement"): the list, and a form where
//! the date alone pays what remains and the amount alone is dated today.

use crate::api::invoices::payments::{delete_payment, record_payment};
use crate::api::invoices::InvoiceView;
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::invoice::{PaymentForm, PaymentMode};
use crate::domain::money::Money;
use leptos::prelude::*;

/// The payments section.
#[component]
pub fn Payments(current: RwSignal<InvoiceView>) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let id = current.with_untracked(|c| c.invoice.id);
    let form = FormState::new(
        PaymentForm {
            mode: PaymentMode::Transfer.code().into(),
            ..PaymentForm::default()
        },
        |_: &PaymentForm| Vec::new(),
    );
    let record = Action::new(move |form: &PaymentForm| record_payment(id, form.clone()));
    Effect::new(move |_| {
        if let Some(result) = record.value().get() {
            form.server_result(&result);
            if let Ok(view) = result {
                current.set(view);
                form.reset(PaymentForm {
                    mode: PaymentMode::Transfer.code().into(),
                    ..PaymentForm::default()
                });
            }
        }
    });
    let remove =
        Action::new(move |payment: &crate::domain::ids::PaymentId| delete_payment(id, *payment));
    Effect::new(move |_| {
        if let Some(Ok(view)) = remove.value().get() {
            current.set(view);
        }
    });
    let modes = Signal::derive(move || {
        PaymentMode::ALL
            .iter()
            .map(|m| (m.code().to_string(), (v.mode_name)(*m).to_string()))
            .collect::<Vec<_>>()
    });
    let remaining = Memo::new(move |_| current.with(|c| c.invoice.settlement().remaining));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            record.dispatch(value);
        }
    };
    view! {
        <section class="panel" aria-labelledby="payments-title">
            <h2 id="payments-title">{v.payments_heading}</h2>
            {move || current.with(|c| {
                if c.invoice.payments.is_empty() {
                    view! { <p class="empty">{v.no_payments}</p> }.into_any()
                } else {
                    view! {
                        <table class="list payments">
                            <thead><tr>
                                <th scope="col">{v.payment_date}</th><th scope="col">{v.payment_mode}</th>
                                <th scope="col" class="num">{v.payment_amount}</th><th scope="col"><span class="sr-only">{v.delete_payment}</span></th>
                            </tr></thead>
                            <tbody>
                                {c.invoice.payments.iter().map(|p| {
                                    let payment = p.id;
                                    view! {
                                        <tr>
                                            <td>{p.date.format("%d/%m/%Y").to_string()}</td>
                                            <td>{(v.mode_name)(p.mode)}</td>
                                            <td class="num">{t.money(p.amount)}</td>
                                            <td><button type="button" class="small" on:click=move |_| { remove.dispatch(payment); }>{v.delete_payment}</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            })}
            {move || if remaining.get() > Money::ZERO {
                view! {
                    <form on:submit=on_submit novalidate data-testid="payment-form">
                        <h3>{v.record_payment}</h3>
                        <p class="hint">{v.payment_hint}</p>
                        <ErrorNotice message=form.summary()/>
                        <div class="row">
                            <TextField label=v.payment_date name="date" input_type="date"
                                binding=form.text("date", |f| f.date.clone(), |f, x| f.date = x) error=form.error("date")/>
                            <TextField label=v.payment_amount name="amount" inputmode="decimal"
                                binding=form.text("amount", |f| f.amount.clone(), |f, x| f.amount = x) error=form.error("amount")/>
                            <SelectField label=v.payment_mode name="mode" options=modes
                                binding=form.text("mode", |f| f.mode.clone(), |f, x| f.mode = x) error=form.error("mode")/>
                        </div>
                        <div class="actions">
                            <button type="submit" class="primary" data-testid="payment-record" disabled=move || record.pending().get()>{v.record_payment}</button>
                        </div>
                    </form>
                }.into_any()
            } else {
                view! { <p class="notice success" role="status" data-testid="fully-paid">{v.fully_paid}</p> }.into_any()
            }}
        </section>
    }
}
