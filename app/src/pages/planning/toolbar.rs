//! The planning's toolbar: move by month, back to today, months shown (1 to 12), zoom, filters by
//! owner and status, the overbookings of the window, and a new booking without clicking the grid
//! (the keyboard's way in).

use super::layout::lay_out;
use super::Editing;
use crate::components::language::use_texts;
use crate::domain::booking::{PlanningData, PlanningWindow};
use chrono::{Months, NaiveDate};
use leptos::prelude::*;

/// The months shown and the zoom, kept in the browser's local storage (nothing on the server: they
/// belong to the screen, not the account).
mod preferences {
    const MONTHS: &str = "saison.planning.months";
    const ZOOM: &str = "saison.planning.zoom";

    #[cfg(feature = "hydrate")]
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// The kept months shown and zoom level, if any.
    pub fn load() -> (Option<u32>, Option<usize>) {
        #[cfg(feature = "hydrate")]
        if let Some(storage) = storage() {
            let read = |key: &str| storage.get_item(key).ok().flatten();
            return (
                read(MONTHS).and_then(|v| v.parse().ok()),
                read(ZOOM).and_then(|v| v.parse().ok()),
            );
        }
        (None, None)
    }

    /// Keeps the months shown and the zoom level.
    pub fn keep(months: u32, zoom: usize) {
        #[cfg(feature = "hydrate")]
        if let Some(storage) = storage() {
            let _ = storage.set_item(MONTHS, &months.to_string());
            let _ = storage.set_item(ZOOM, &zoom.to_string());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (months, zoom, MONTHS, ZOOM);
    }
}

/// The toolbar's choices, shared with the grid.
#[derive(Clone, Copy)]
pub struct ToolbarState {
    /// First day of the first month shown.
    pub first_month: RwSignal<NaiveDate>,
    /// Months shown.
    pub months: RwSignal<u32>,
    /// Zoom level (index of [`super::layout::DAY_WIDTHS`]).
    pub zoom: RwSignal<usize>,
    /// Owner id filter ("" for all).
    pub owner: RwSignal<String>,
    /// Status id filter ("" for all).
    pub status: RwSignal<String>,
    /// The overbookings list is open.
    pub show_overbookings: RwSignal<bool>,
    /// The days shown.
    pub window: Memo<PlanningWindow>,
    /// Today.
    pub today: NaiveDate,
}

impl ToolbarState {
    /// The current and next month, normal zoom, no filter.
    /// The months shown and the zoom come back as the user left them (kept in the browser).
    pub fn new(today: NaiveDate) -> Self {
        let first_month = RwSignal::new(PlanningWindow::months(today, 1).from);
        let (kept_months, kept_zoom) = preferences::load();
        let months = RwSignal::new(kept_months.unwrap_or(2).clamp(1, 12));
        let zoom = RwSignal::new(
            kept_zoom
                .unwrap_or(1)
                .min(super::layout::DAY_WIDTHS.len() - 1),
        );
        Effect::new(move |_| preferences::keep(months.get(), zoom.get()));
        ToolbarState {
            first_month,
            months,
            zoom,
            owner: RwSignal::new(String::new()),
            status: RwSignal::new(String::new()),
            show_overbookings: RwSignal::new(false),
            window: Memo::new(move |_| PlanningWindow::months(first_month.get(), months.get())),
            today,
        }
    }

    /// Moves the window by `months` (negative: back).
    pub fn shift(&self, months: i32) {
        self.first_month.update(|first| {
            let moved = if months >= 0 {
                first.checked_add_months(Months::new(months.unsigned_abs()))
            } else {
                first.checked_sub_months(Months::new(months.unsigned_abs()))
            };
            *first = moved.unwrap_or(*first);
        });
    }

    /// Width of one day in pixels at the current zoom.
    pub fn day_width(&self) -> f64 {
        super::layout::DAY_WIDTHS
            .get(self.zoom.get())
            .copied()
            .unwrap_or(30.0)
    }

    /// Zooms in (+1) or out (−1), within the levels.
    pub fn zoom_by(&self, step: i32) {
        self.zoom.update(|zoom| {
            *zoom = match step {
                s if s > 0 => (*zoom + 1).min(super::layout::DAY_WIDTHS.len() - 1),
                _ => zoom.saturating_sub(1),
            }
        });
    }
}

/// The toolbar.
#[component]
pub fn Toolbar(
    state: ToolbarState,
    data: Signal<Option<PlanningData>>,
    on_new: Callback<Editing>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let title = move || {
        let window = state.window.get();
        let last = window.to.pred_opt().unwrap_or(window.to);
        let first = (b.month_name)(window.from);
        let end = (b.month_name)(last);
        if first == end {
            first
        } else {
            format!("{first} – {end}")
        }
    };
    let overbookings = Memo::new(move |_| {
        data.with(|data| {
            data.as_ref().map_or(0, |data| {
                lay_out(data, &state.owner.get(), &state.status.get())
                    .iter()
                    .map(|row| row.overbooked.len())
                    .sum::<usize>()
            })
        })
    });
    let owners = move || data.with(|d| d.as_ref().map(|d| d.owners.clone()).unwrap_or_default());
    let statuses =
        move || data.with(|d| d.as_ref().map(|d| d.statuses.clone()).unwrap_or_default());
    view! {
        <div class="planning-toolbar">
            <h1>{t.nav_planning}</h1>
            <div class="toolbar-group" role="group" aria-label=b.months_shown>
                <button type="button" class="icon" aria-label=b.previous_month title=b.previous_month
                    on:click=move |_| state.shift(-1)>"‹"</button>
                <button type="button" on:click=move |_| state.first_month.set(PlanningWindow::months(state.today, 1).from)>{b.today}</button>
                <button type="button" class="icon" aria-label=b.next_month title=b.next_month
                    on:click=move |_| state.shift(1)>"›"</button>
                <span class="window-title" aria-live="polite">{title}</span>
            </div>
            <label class="inline">
                <span>{b.months_shown}</span>
                <select name="months" on:change=move |ev| {
                    if let Ok(months) = event_target_value(&ev).parse::<u32>() { state.months.set(months.clamp(1, 12)); }
                }>
                    {(1..=12u32).map(|n| view! { <option value=n.to_string() selected=move || state.months.get() == n>{(b.months)(n)}</option> }).collect_view()}
                </select>
            </label>
            <div class="toolbar-group" role="group" aria-label=b.zoom title=b.zoom_hint>
                {b.zoom_levels.iter().enumerate().map(|(level, name)| view! {
                    <button type="button" aria-pressed=move || (state.zoom.get() == level).to_string()
                        on:click=move |_| state.zoom.set(level)>{*name}</button>
                }).collect_view()}
            </div>
            <label class="inline">
                <span>{b.filter_owner}</span>
                <select name="owner" on:change=move |ev| state.owner.set(event_target_value(&ev))>
                    <option value="">{b.all_owners}</option>
                    {move || owners().into_iter().map(|o| view! { <option value=o.id.clone() selected=state.owner.get() == o.id>{o.label}</option> }).collect_view()}
                </select>
            </label>
            <label class="inline">
                <span>{b.filter_status}</span>
                <select name="status" on:change=move |ev| state.status.set(event_target_value(&ev))>
                    <option value="">{b.all_statuses}</option>
                    {move || statuses().into_iter().map(|s| {
                        let id = s.id.to_string();
                        view! { <option value=id.clone() selected=state.status.get() == id>{s.name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button type="button" class="overbookings" class:alert={move || overbookings.get() > 0}
                aria-expanded=move || state.show_overbookings.get().to_string()
                on:click=move |_| state.show_overbookings.update(|shown| *shown = !*shown)>
                {move || (b.overbookings)(overbookings.get())}
            </button>
            <button type="button" class="primary" on:click=move |_| on_new.run(Editing::New { property: None, arrival: state.today, nights: 1 })>
                {b.new_booking}
            </button>
        </div>
    }
}
