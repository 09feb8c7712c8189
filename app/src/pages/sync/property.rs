//! A property's calendars on its own page: the feeds imported into it with their state, a way to the
//! Synchronisation page to add or manage them, and the property's export link (shown, copied,
//! renewed).

use super::exports::ExportLinkRow;
use super::feeds::FeedState;
use super::PageNotices;
use crate::api::sync::{get_sync_overview, ConfirmFeedCancellations};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::ids::PropertyId;
use crate::pages::layout::use_current_user;
use leptos::prelude::*;
use leptos_router::components::A;

/// The "Calendriers" section of a property's page.
#[component]
pub fn PropertyCalendars(property: PropertyId, name: String) -> impl IntoView {
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
        }),
        fail: Callback::new(move |message: String| {
            notice.set(None);
            failure.set(Some(message));
        }),
    };
    let confirm = ServerAction::<ConfirmFeedCancellations>::new();
    Effect::new(move |_| {
        if confirm.value().get().is_some() {
            overview.refetch();
        }
    });
    view! {
        <section class="panel" aria-labelledby="property-calendars-title" data-testid="property-calendars">
            <h2 id="property-calendars-title">{s.property_section}</h2>
            <SuccessNotice message=notice/>
            <ErrorNotice message=failure/>
            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || {
                    let name = name.clone();
                    Suspend::new(async move {
                        match overview.await {
                            Ok(overview) => {
                                let feeds: Vec<_> = overview.feeds.into_iter().filter(|f| f.property == property).collect();
                                let token = overview.links.iter().find(|l| l.property == Some(property)).map(|l| l.token.clone());
                                view! {
                                    {feeds.is_empty().then(|| view! { <p class="hint">{s.property_no_feed}</p> })}
                                    <ul class="export-links">
                                        {feeds.into_iter().map(|feed| view! {
                                            <li><strong>{feed.platform.name()}</strong>" "<FeedState feed=feed.clone() can_edit confirm/></li>
                                        }).collect_view()}
                                    </ul>
                                    <p><A href="/synchronisation">{s.manage}</A></p>
                                    {move || can_edit.get().then(|| view! {
                                        <ul class="export-links">
                                            <ExportLinkRow property=Some(property) name=name.clone() token=token.clone() notices/>
                                        </ul>
                                    })}
                                }.into_any()
                            }
                            Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}
