//! The planning (SPEC C3), the home screen: a toolbar (months, zoom, filters, overbookings), the grid
//! of properties × days with one bar per booking, and the booking form that opens over it when a free
//! day or a bar is clicked. Saving re-reads the window so every bar shows the server's truth.

mod booking_panel;
mod grid;
mod guest_fields;
mod layout;
mod toolbar;

use crate::api::bookings::planning;
use crate::components::language::use_texts;
use crate::components::notice::SuccessNotice;
use crate::domain::booking::PlanningData;
use crate::domain::ids::{BookingId, PropertyId};
use booking_panel::BookingPanel;
use chrono::NaiveDate;
use grid::Grid;
use leptos::prelude::*;
use leptos_meta::Title;
use toolbar::{Toolbar, ToolbarState};

/// What the booking form is open on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    /// A new booking, from a free day of a property's row (or the toolbar's button: no property).
    New {
        /// The property clicked.
        property: Option<PropertyId>,
        /// The day clicked.
        arrival: NaiveDate,
    },
    /// An existing booking.
    Existing(BookingId),
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
    let notice: RwSignal<Option<String>> = RwSignal::new(None);
    let loaded: Signal<Option<PlanningData>> =
        Signal::derive(move || data.get().and_then(Result::ok));
    let open = Callback::new(move |what: Editing| {
        notice.set(None);
        editing.set(Some(what));
    });
    let close = Callback::new(move |()| editing.set(None));
    let saved = Callback::new(move |message: String| {
        editing.set(None);
        notice.set(Some(message));
        data.refetch();
    });
    view! {
        <Title text=t.nav_planning/>
        <div class="planning-page">
            <SuccessNotice message=notice/>
            {move || hydrated.get().then(|| view! {
            <Transition fallback=move || view! { <p class="loading">{b.loading}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! {
                            <Toolbar state data=Signal::stored(Some(data.clone())) on_new=open/>
                            <Grid data state on_open=open/>
                        }.into_any(),
                        Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                    }
                })}
            </Transition>
            })}
            {move || editing.get().and_then(|what| loaded.get().map(|data| view! {
                <BookingPanel editing=what data on_close=close on_saved=saved/>
            }))}
        </div>
    }
}
