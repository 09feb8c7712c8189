//! The planning (SPEC C3), the home screen: a toolbar (months, zoom, filters, overbookings), the grid
//! of properties × days with one bar per booking, and the booking form that opens over it when a free
//! day or a bar is clicked. Saving re-reads the window so every bar shows the server's truth.

mod booking_panel;
mod drag;
mod grid;
mod group_fields;
mod group_quote;
mod guest_fields;
mod layout;
mod live;
mod pointer;
mod proposal;
mod toolbar;
mod undo;

use crate::api::bookings::planning;
use crate::components::language::use_texts;
use crate::components::notice::ErrorNotice;
use crate::domain::booking::PlanningData;
use crate::domain::ids::{BookingId, PropertyId};
use booking_panel::BookingPanel;
use chrono::NaiveDate;
use drag::Drag;
use grid::Grid;
use leptos::prelude::*;
use leptos_meta::Title;
use pointer::Gestures;
use proposal::Proposal;
use toolbar::{Toolbar, ToolbarState};
use undo::{Done, DoneNotice};

/// What the booking form is open on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    /// A new booking, from a free day of a property's row (or the toolbar's button: no property).
    New {
        /// The property clicked.
        property: Option<PropertyId>,
        /// The day clicked (or the first day drawn).
        arrival: NaiveDate,
        /// Nights: 1 for a click, the days drawn for a drag.
        nights: i64,
    },
    /// An existing booking.
    Existing(BookingId),
}

/// The planning opened on `arrival`'s month with the booking `id`'s form open (links from other
/// screens: `/?reservation=<id>&mois=<yyyy-mm>`).
pub fn booking_link(id: BookingId, arrival: NaiveDate) -> String {
    format!("/?reservation={id}&mois={}", arrival.format("%Y-%m"))
}

/// The month and booking a link asks for (see [`booking_link`]); unreadable values are ignored.
fn linked(query: &leptos_router::params::ParamsMap) -> (Option<NaiveDate>, Option<BookingId>) {
    let month = query
        .get("mois")
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok());
    let booking = query.get("reservation").and_then(|id| id.parse().ok());
    (month, booking)
}

/// Today, in the browser (or on the server while rendering).
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The planning page.
#[component]
pub fn PlanningPage() -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let state = ToolbarState::new(today());
    let (linked_month, linked_booking) =
        leptos_router::hooks::use_query_map().with_untracked(linked);
    if let Some(first) = linked_month {
        state.first_month.set(first);
    }
    // Fetched by the browser only: the grid is interactive by nature, and rendering it on the
    // server bought nothing but a second, racing fetch during hydration.
    let data = LocalResource::new(move || {
        let window = state.window.get();
        planning(window.from, window.to)
    });
    // The grid is drawn once the page is interactive (an effect runs only in the browser), so the
    // server's HTML and the first browser render agree.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let editing: RwSignal<Option<Editing>> = RwSignal::new(None);
    let done: RwSignal<Option<Done>> = RwSignal::new(None);
    let failure: RwSignal<Option<String>> = RwSignal::new(None);
    let gestures = Gestures::default();
    // A bar dropped somewhere new, waiting for the owner to confirm its new price.
    let dropped: RwSignal<Option<Drag>> = RwSignal::new(None);
    // A confirmed drop keeps its ghost until the reloaded planning shows the bar at its new place.
    let settling = RwSignal::new(false);
    let loaded: Signal<Option<PlanningData>> =
        Signal::derive(move || data.get().and_then(Result::ok));
    Effect::new(move |_| {
        if data.get().is_some() && settling.get_untracked() {
            settling.set(false);
            gestures.cancel();
        }
    });
    // Another user's change (or a sync, or a guest) reloads the window, once any drag is over:
    // redrawing the grid under the pointer would lose the gesture.
    let reload_waiting = RwSignal::new(false);
    live::on_booking_changes(Callback::new(move |()| {
        if gestures.drag.get_untracked().is_some() {
            reload_waiting.set(true);
        } else {
            data.refetch();
        }
    }));
    Effect::new(move |_| {
        if gestures.drag.get().is_none() && reload_waiting.get_untracked() {
            reload_waiting.set(false);
            data.refetch();
        }
    });
    // A link's booking opens once the planning it sits on has loaded.
    Effect::new(move |opened: Option<bool>| {
        if opened == Some(true) {
            return true;
        }
        match (linked_booking, loaded.get()) {
            (Some(id), Some(_)) => {
                editing.set(Some(Editing::Existing(id)));
                true
            }
            (None, _) => true,
            _ => false,
        }
    });
    let open = Callback::new(move |what: Editing| {
        done.set(None);
        failure.set(None);
        editing.set(Some(what));
    });
    let close = Callback::new(move |()| editing.set(None));
    let saved = Callback::new(move |what: Done| {
        editing.set(None);
        failure.set(None);
        done.set(Some(what));
        data.refetch();
    });
    let on_drop = Callback::new(move |drag: Drag| match drag {
        Drag::Draw { property, .. } => {
            gestures.cancel();
            let (arrival, departure) = drag.dates();
            open.run(Editing::New {
                property: Some(property),
                arrival,
                nights: (departure - arrival).num_days(),
            });
        }
        _ => {
            done.set(None);
            dropped.set(Some(drag));
        }
    });
    let cancel_drop = Callback::new(move |()| {
        dropped.set(None);
        gestures.cancel();
    });
    let confirmed = Callback::new(move |what: Done| {
        dropped.set(None);
        settling.set(true);
        done.set(Some(what));
        data.refetch();
    });
    let conflict = Callback::new(move |()| {
        dropped.set(None);
        settling.set(true);
        failure.set(Some(t.bookings.move_conflict.to_string()));
        data.refetch();
    });
    view! {
        <Title text=t.nav_planning/>
        <div class="planning-page">
            <DoneNotice done on_undone=Callback::new(move |()| data.refetch())/>
            <ErrorNotice message=failure/>
            {move || hydrated.get().then(|| view! {
            <Transition fallback=move || view! { <p class="loading">{b.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! {
                            <Toolbar state data=Signal::stored(Some(data.clone())) on_new=open/>
                            <Grid data state gestures on_open=open on_drop/>
                        }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
            })}
            // The form and the drop confirmation keep the data they opened with: a live reload
            // must not reset what the user is typing.
            {move || editing.get().and_then(|what| loaded.get_untracked().map(|data| view! {
                <BookingPanel editing=what data on_close=close on_saved=saved/>
            }))}
            {move || dropped.get().and_then(|drag| loaded.get_untracked().map(|data| view! {
                <Proposal drag data on_cancel=cancel_drop on_done=confirmed on_conflict=conflict/>
            }))}
        </div>
    }
}
