//! The imported calendars: one row per feed with its health (last success, events, next check, the
//! last problem in plain words, cancellations held back), its actions (synchronise now, history,
//! delete after confirmation) and, when asked, its history.

use super::PageNotices;
use crate::api::sync::{feed_history, ConfirmFeedCancellations, DeleteFeed, SyncFeedNow};
use crate::components::language::use_texts;
use crate::domain::ids::FeedId;
use crate::domain::paris_time::in_paris;
use crate::domain::sync::view::{FeedHealth, SyncOverview};
use leptos::prelude::*;

/// The table of feeds.
#[component]
pub fn FeedTable(
    overview: StoredValue<SyncOverview>,
    can_edit: Signal<bool>,
    notices: PageNotices,
    /// The feed whose settings the form below edits.
    editing: RwSignal<Option<FeedHealth>>,
) -> impl IntoView {
    let t = use_texts();
    let s = t.sync;
    let feeds = overview.with_value(|o| o.feeds.clone());
    let name_of = move |feed: &FeedHealth| {
        let property = overview.with_value(|o| {
            o.properties
                .iter()
                .find(|p| p.id == feed.property.to_string())
                .map(|p| p.label.clone())
                .unwrap_or_default()
        });
        format!("{property} · {}", feed.platform.name())
    };
    let sync_now = ServerAction::<SyncFeedNow>::new();
    let confirm = ServerAction::<ConfirmFeedCancellations>::new();
    let delete = ServerAction::<DeleteFeed>::new();
    let asking = RwSignal::new(None::<(FeedId, String)>);
    let open = RwSignal::new(None::<(FeedId, String)>);
    for action in [sync_now.value(), confirm.value()] {
        Effect::new(move |_| match action.get() {
            Some(Ok(outcome)) => match outcome.problem {
                Some(problem) => notices.fail.run((s.problem)(problem)),
                None => notices.done.run((s.outcome)(&outcome)),
            },
            Some(Err(error)) => notices.fail.run(error.display(t)),
            None => {}
        });
    }
    Effect::new(move |_| {
        if let Some(result) = delete.value().get() {
            asking.set(None);
            match result {
                Ok(count) => notices.done.run((s.deleted)(count)),
                Err(error) => notices.fail.run(error.display(t)),
            }
        }
    });
    let busy = move || sync_now.pending().get() || confirm.pending().get();
    view! {
        <section class="panel" aria-labelledby="feeds-title">
            <h2 id="feeds-title">{s.feeds_title}</h2>
            {feeds.is_empty().then(|| view! { <p class="hint" data-testid="no-feeds">{s.no_feeds}</p> })}
            {(!feeds.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="list feeds" data-testid="feeds">
                        <thead><tr>
                            <th scope="col">{s.col_property}</th>
                            <th scope="col">{s.col_last_success}</th>
                            <th scope="col" class="num">{s.col_events}</th>
                            <th scope="col">{s.col_next}</th>
                            <th scope="col">{s.col_state}</th>
                            <th scope="col"><span class="sr-only">{t.col_actions}</span></th>
                        </tr></thead>
                        <tbody>
                            {feeds.into_iter().map(|feed| {
                                let id = feed.id;
                                let name = name_of(&feed);
                                let (sync_label, history_label, delete_label) =
                                    ((s.sync_now)(&name), (s.show_history)(&name), (s.delete_feed)(&name));
                                let ask_name = name.clone();
                                let open_name = name.clone();
                                let edit_label = (s.edit_feed)(&name);
                                let edited = feed.clone();
                                view! {
                                    <tr data-testid="feed-row" data-feed=id.to_string()>
                                        <th scope="row">{name.clone()}<br/><small class="hint feed-url">{feed.url.clone()}</small></th>
                                        <td data-testid="last-success">{feed.last_success.map_or_else(|| s.never.to_string(), |at| (s.at)(in_paris(at)))}</td>
                                        <td class="num">{feed.events_seen}</td>
                                        <td>{(s.at)(in_paris(feed.next_attempt))}</td>
                                        <td data-testid="feed-state"><FeedState feed=feed.clone() can_edit confirm/></td>
                                        <td class="actions">
                                            {move || can_edit.get().then(|| view! {
                                                <button type="button" class="small" aria-label=sync_label.clone() title=sync_label.clone()
                                                    data-testid="sync-now" disabled=busy
                                                    on:click=move |_| { sync_now.dispatch(SyncFeedNow { id }); }>"⟳"</button>
                                            })}
                                            <button type="button" class="small" aria-label=history_label.clone()
                                                aria-expanded=move || open.get().is_some_and(|(o, _)| o == id).to_string()
                                                on:click={
                                                    let open_name = open_name.clone();
                                                    move |_| open.update(|o| {
                                                        *o = if o.as_ref().is_some_and(|(f, _)| *f == id) { None } else { Some((id, open_name.clone())) };
                                                    })
                                                }>{t.sync.history_button}</button>
                                            {move || can_edit.get().then(|| {
                                                let ask_name = ask_name.clone();
                                                let edited = edited.clone();
                                                view! {
                                                    <button type="button" class="small" aria-label=edit_label.clone()
                                                        on:click=move |_| editing.set(Some(edited.clone()))>{t.edit}</button>
                                                    <button type="button" class="small danger" aria-label=delete_label.clone() aria-haspopup="dialog"
                                                        on:click=move |_| asking.set(Some((id, ask_name.clone())))>{t.delete}</button>
                                                }
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {move || asking.get().map(|(id, name)| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="delete-feed-title" aria-modal="false">
                    <p id="delete-feed-title">{(s.delete_question)(&name)}</p>
                    <button type="button" class="button danger" autofocus disabled=move || delete.pending().get()
                        on:click=move |_| { delete.dispatch(DeleteFeed { id }); }>{s.delete_confirm}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(None)>{t.cancel}</button>
                </div>
            })}
            {move || open.get().map(|(id, name)| view! { <FeedHistory id name close=Callback::new(move |()| open.set(None))/> })}
        </section>
    }
}

/// A feed's state: up to date, its problem, or cancellations waiting for a person.
#[component]
pub fn FeedState(
    feed: FeedHealth,
    can_edit: Signal<bool>,
    confirm: ServerAction<ConfirmFeedCancellations>,
) -> impl IntoView {
    let s = use_texts().sync;
    let id = feed.id;
    let held = (feed.held_cancellations > 0).then(|| {
        view! {
            <p class="notice warning" data-testid="held">{(s.held)(feed.held_cancellations)}</p>
            {move || can_edit.get().then(|| view! {
                <button type="button" class="button danger small" disabled=move || confirm.pending().get()
                    on:click=move |_| { confirm.dispatch(ConfirmFeedCancellations { id }); }>{s.confirm_held}</button>
            })}
        }
    });
    let state = match feed.problem {
        Some(problem) => view! {
            <span class="badge error">{(s.failures)(feed.failures)}</span>" "<span>{(s.problem)(problem)}</span>
        }
        .into_any(),
        None if feed.last_success.is_some() => view! { <span class="badge ok">{s.state_ok}</span> }.into_any(),
        None => view! { <span class="badge">{s.never}</span> }.into_any(),
    };
    view! { {state}{held} }
}

/// A feed's history, newest first.
#[component]
fn FeedHistory(id: FeedId, name: String, close: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let s = t.sync;
    let entries = Resource::new(move || id, feed_history);
    view! {
        <div class="panel history" data-testid="feed-history">
            <h3>{(s.history_title)(&name)}</h3>
            <p class="hint">{s.history_kept}</p>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(list) if list.is_empty() => view! { <p class="hint">{s.history_empty}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="history-list">
                                {list.into_iter().map(|entry| view! {
                                    <li><time>{(s.at)(in_paris(entry.at))}</time>" — "{(s.entry)(&entry)}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <button type="button" class="button" on:click=move |_| close.run(())>{s.hide_history}</button>
        </div>
    }
}
