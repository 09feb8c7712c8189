//! "Synchronisation" (SPEC C9, seed 004 "Plateformes de réservation"): the imported calendars with
//! their health in plain words and their history, "synchroniser maintenant" per feed and for all,
//! the guard's confirmation, a form to add a platform's calendar, and the export links with the
//! statuses they show. Roles that may only view see the health, not the buttons; the server checks
//! again.

mod add_feed;
mod exports;
mod feeds;
mod property;

pub use property::PropertyCalendars;

use crate::api::sync::{get_sync_overview, SyncAllNow};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::sync::view::{FeedHealth, SyncOverview};
use crate::pages::layout::use_current_user;
use leptos::prelude::*;
use leptos_meta::Title;

/// What every part of the page reports to the page: a success or an error message, and "reload".
#[derive(Clone, Copy)]
pub struct PageNotices {
    /// Shows a success and reloads the overview.
    pub done: Callback<String>,
    /// Shows an error (and reloads what it may have changed).
    pub fail: Callback<String>,
}

/// The page.
#[component]
pub fn SyncPage() -> impl IntoView {
    let t = use_texts();
    let s = t.sync;
    let user = use_current_user();
    let can_edit = Signal::derive(move || user.get().is_some_and(|u| u.role.can_manage_bookings()));
    let overview = Resource::new(|| (), |_| get_sync_overview());
    let notice = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let notices = PageNotices {
        done: Callback::new(move |message: String| {
            failure.set(None);
            notice.set(Some(message));
            overview.refetch();
        }),
        // A poll that failed changed the feed's health: read it again too.
        fail: Callback::new(move |message: String| {
            notice.set(None);
            failure.set(Some(message));
            overview.refetch();
        }),
    };
    let sync_all = ServerAction::<SyncAllNow>::new();
    Effect::new(move |_| match sync_all.value().get() {
        Some(Ok(outcomes)) => {
            let lines: Vec<String> = outcomes.iter().map(|(_, o)| (s.outcome)(o)).collect();
            notices.done.run(lines.join(" "));
        }
        Some(Err(error)) => notices.fail.run(error.display(t)),
        None => {}
    });
    view! {
        <Title text=s.title/>
        <div class="page-head">
            <h1>{s.title}</h1>
            <Suspense fallback=|| ()>
                {move || can_edit.get().then(|| view! {
                    <button type="button" class="button primary" data-testid="sync-all"
                        disabled=move || sync_all.pending().get()
                        on:click=move |_| { sync_all.dispatch(SyncAllNow {}); }>
                        {move || if sync_all.pending().get() { s.syncing } else { s.sync_all }}
                    </button>
                })}
            </Suspense>
        </div>
        <p class="hint">{s.intro}</p>
        <SuccessNotice message=notice/>
        <ErrorNotice message=failure/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <SyncSections overview can_edit notices/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SyncSections(
    overview: SyncOverview,
    can_edit: Signal<bool>,
    notices: PageNotices,
) -> impl IntoView {
    let overview = StoredValue::new(overview);
    let editing = RwSignal::new(None::<FeedHealth>);
    view! {
        <feeds::FeedTable overview can_edit notices editing/>
        {move || can_edit.get().then(|| view! { <add_feed::AddFeedForm overview notices editing/> })}
        {move || can_edit.get().then(|| view! { <exports::ExportLinks overview notices/> })}
    }
}
