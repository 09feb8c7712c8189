//! "Envois": the outbox, newest first — when each message was written, to whom, its subject, where
//! it stands (with the server's reason when it failed, and the next automatic attempt), its text and
//! attachments on demand, and "Renvoyer" / "Annuler l'envoi" where they apply. While a message is
//! waiting or being sent, the list refreshes itself every few seconds.

use super::outcome::{outcome_of, Outcome};
use crate::api::mail::outbox::{outbox, CancelMessage, RetryMessage, OUTBOX_PAGE};
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::mail::{MessageStatus, OutboxMessage, OutboxPage as Page};
use crate::domain::paris_time::in_paris;
use leptos::prelude::*;
use leptos_meta::Title;

/// Seconds between two refreshes while messages are on their way.
const REFRESH_SECONDS: u64 = 5;

/// The outbox page.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let page = RwSignal::new(0_i64);
    let list = Resource::new(move || page.get(), outbox);
    let last = RwSignal::new(None::<OutboxMessage>);
    let failure = RwSignal::new(None::<String>);
    let retry = ServerAction::<RetryMessage>::new();
    let cancel = ServerAction::<CancelMessage>::new();
    for result in [retry.value(), cancel.value()] {
        Effect::new(move |_| match result.get() {
            Some(Ok(message)) => {
                failure.set(None);
                last.set(Some(message));
                list.refetch();
            }
            Some(Err(error)) => {
                failure.set(Some(error.display(t)));
                list.refetch();
            }
            None => {}
        });
    }
    // Refresh while something is on its way (browser only: no timer during server rendering).
    Effect::new(move |_| {
        let moving = list.get().and_then(Result::ok).is_some_and(|p| {
            p.messages
                .iter()
                .any(|m| matches!(m.status, MessageStatus::Pending | MessageStatus::Sending))
        });
        if moving {
            set_timeout(
                move || list.refetch(),
                std::time::Duration::from_secs(REFRESH_SECONDS),
            );
        }
    });
    let busy = Signal::derive(move || retry.pending().get() || cancel.pending().get());
    view! {
        <Title text=m.outbox_title/>
        <h1>{m.outbox_title}</h1>
        <p class="hint">{m.outbox_intro}</p>
        <Outcome message=last/>
        <ErrorNotice message=failure/>
        <section class="panel" aria-labelledby="outbox-title">
            <h2 id="outbox-title" class="sr-only">{m.outbox_title}</h2>
            <div class="actions">
                <button type="button" on:click=move |_| list.refetch()>{m.refresh}</button>
            </div>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(found) => view! { <Messages found page retry cancel busy/> }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Messages(
    found: Page,
    page: RwSignal<i64>,
    retry: ServerAction<RetryMessage>,
    cancel: ServerAction<CancelMessage>,
    busy: Signal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    if found.messages.is_empty() {
        return view! { <p data-testid="outbox-empty">{m.outbox_empty}</p> }.into_any();
    }
    let pages = (found.total + OUTBOX_PAGE - 1) / OUTBOX_PAGE;
    view! {
        <p class="hint" data-testid="outbox-count">{(m.outbox_count)(found.total, found.failed)}</p>
        <div class="table-wrap">
            <table class="list outbox">
                <thead><tr>
                    <th scope="col">{m.col_written}</th>
                    <th scope="col">{m.col_to}</th>
                    <th scope="col">{m.col_subject}</th>
                    <th scope="col">{m.col_status}</th>
                    <th scope="col"><span class="sr-only">{t.col_actions}</span></th>
                </tr></thead>
                <tbody>
                    {found.messages.into_iter().map(|message| view! { <Row message retry cancel busy/> }).collect_view()}
                </tbody>
            </table>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=m.outbox_title>
                <button type="button" disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = (*p - 1).max(0))>{t.customers.previous_page}</button>
                <span>{move || (t.customers.page_of)(page.get() + 1, pages)}</span>
                <button type="button" disabled=move || page.get() + 1 >= pages
                    on:click=move |_| page.update(|p| *p += 1)>{t.customers.next_page}</button>
            </nav>
        })}
    }
    .into_any()
}

#[component]
fn Row(
    message: OutboxMessage,
    retry: ServerAction<RetryMessage>,
    cancel: ServerAction<CancelMessage>,
    busy: Signal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let (id, version, status) = (message.id, message.version, message.status);
    let detail = match status {
        MessageStatus::Sent => message.sent_at.map(|at| (m.sent_at)(in_paris(at))),
        MessageStatus::Pending | MessageStatus::Failed | MessageStatus::Held => {
            let (_, text) = outcome_of(&message);
            Some(text)
        }
        _ => None,
    };
    let attachments = message.attachments.clone();
    view! {
        <tr data-status=status.code() data-message=id.to_string()>
            <td>{(m.written_at)(in_paris(message.created_at))}</td>
            <td class="recipients">{message.recipients.clone()}</td>
            <td>
                <details>
                    <summary>{message.subject.clone()}</summary>
                    <div class="message-body">
                        {message.copy_to.clone().map(|copy| view! { <p class="hint">{m.copy_label}" "{copy}</p> })}
                        <pre>{message.body.clone()}</pre>
                        {(!attachments.is_empty()).then(|| view! {
                            <p class="hint">{m.attachments_label}</p>
                            <ul>{attachments.into_iter().map(|a| view! {
                                <li>{a.name}" ("{(m.size)(a.size)}")"</li>
                            }).collect_view()}</ul>
                        })}
                    </div>
                </details>
            </td>
            <td>
                <span class=format!("badge mail-{}", status.code())>{(m.status_name)(status)}</span>
                <span class="hint">" · "{(m.attempts)(message.attempts)}</span>
                {detail.map(|d| view! { <p class="hint detail">{d}</p> })}
            </td>
            <td class="row-actions">
                {status.can_retry().then(|| view! {
                    <button type="button" class="small" disabled=move || busy.get()
                        on:click=move |_| { retry.dispatch(RetryMessage { id, version }); }>{m.retry}</button>
                })}
                {status.can_cancel().then(|| view! {
                    <button type="button" class="small" disabled=move || busy.get()
                        on:click=move |_| { cancel.dispatch(CancelMessage { id, version }); }>{m.cancel_message}</button>
                })}
            </td>
        </tr>
    }
}
