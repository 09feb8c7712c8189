//! The grid: a header of months and days, then one row per property (grouped by owner) whose bars
//! start and end at mid-day, so a departure and an arrival share a day. Day columns, weekends and
//! today are drawn once for the whole grid, not per row: the page holds one element per day and one
//! per booking, never properties × days. Zoom changes one CSS variable; ctrl+wheel zooms too.

use super::drag::Drag;
use super::layout::{days_in_view, lay_out, rows_with_groups, visible, Item, LaidRow, LANE_HEIGHT};
use super::pointer::Gestures;
use super::toolbar::ToolbarState;
use super::Editing;
use crate::components::language::use_texts;
use crate::domain::booking::{Bar, BookingStatus, PlanningData};
use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

/// `left` and `width` of something covering `[from, to)`, half a day later when `half` (bars).
fn span_style(window_from: NaiveDate, from: NaiveDate, to: NaiveDate, half: bool) -> String {
    let offset = (from - window_from).num_days() as f64 + if half { 0.5 } else { 0.0 };
    let days = (to - from).num_days();
    format!("left: calc(var(--day) * {offset}); width: calc(var(--day) * {days})")
}

/// The grid of the window.
#[component]
pub fn Grid(
    data: PlanningData,
    state: ToolbarState,
    gestures: Gestures,
    on_open: Callback<Editing>,
    on_drop: Callback<Drag>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    if data.rows.is_empty() {
        return view! {
            <section class="empty">
                <p>{b.no_properties}</p>
                <p><A href="/logements/nouveau">{b.add_property}</A></p>
            </section>
        }
        .into_any();
    }
    let window = data.window;
    let days = window.days();
    let data = StoredValue::new(data);
    let laid = Memo::new(move |_| {
        let (owner, status) = (state.owner.get(), state.status.get());
        data.with_value(|data| lay_out(data, &owner, &status))
    });
    // Shared by every row and bar (a bar only reads its own status).
    let statuses = StoredValue::new(data.with_value(|d| d.statuses.clone()));
    let owners = data.with_value(|d| d.owners.clone());
    let items = Memo::new(move |_| rows_with_groups(laid.get(), &owners, b.no_owner));
    // Only the rows near the viewport are drawn; blanks of the right height stand for the others.
    let scroller = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let viewport = RwSignal::new(1_000.0);
    let scroll_left = RwSignal::new(0.0);
    let viewport_width = RwSignal::new(1_600.0);
    let measure = move || {
        if let Some(element) = scroller.get_untracked() {
            scroll_top.set(f64::from(element.scroll_top()));
            viewport.set(f64::from(element.client_height()));
            scroll_left.set(f64::from(element.scroll_left()));
            viewport_width.set(f64::from(element.client_width()));
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure();
        }
    });
    let shown = Memo::new(move |_| {
        let heights: Vec<f64> = items.with(|items| items.iter().map(Item::height).collect());
        visible(&heights, scroll_top.get(), viewport.get())
    });
    // Only the bars of the days near the viewport are drawn (12 months hold 365 days; a screen, 40).
    let drawn_days = Memo::new(move |_| {
        days_in_view(
            scroll_left.get(),
            viewport_width.get(),
            state.day_width(),
            days,
        )
    });
    let dates: Vec<NaiveDate> = (0..days).map(|n| window.from + Duration::days(n)).collect();
    let months: Vec<(NaiveDate, i64)> = dates
        .iter()
        .filter(|day| day.day() == 1 || **day == window.from)
        .map(|first| {
            let next = first
                .with_day(1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .unwrap_or(window.to)
                .min(window.to);
            (*first, (next - *first).num_days())
        })
        .collect();
    let today = state.today;
    let style = move || {
        format!(
            "--day: {}px; --lane: {LANE_HEIGHT}px; --days: {days}",
            state.day_width()
        )
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        if ev.ctrl_key() {
            ev.prevent_default();
            state.zoom_by(if ev.delta_y() < 0.0 { 1 } else { -1 });
        }
    };
    let weekend_days: Vec<NaiveDate> = dates
        .iter()
        .copied()
        .filter(|d| d.weekday().number_from_monday() >= 6)
        .collect();
    let in_window = today >= window.from && today < window.to;
    let day_width = move || state.day_width();
    let on_press =
        move |ev: leptos::ev::PointerEvent| gestures.press(&ev, window.from, day_width());
    let on_move = move |ev: leptos::ev::PointerEvent| gestures.moved(&ev, day_width());
    let on_release = move |_: leptos::ev::PointerEvent| {
        if let Some(drag) = gestures.release() {
            on_drop.run(drag);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && gestures.drag.get_untracked().is_some() {
            gestures.cancel();
        }
    };
    // The bar being dragged fades: one style rule for the grid instead of one effect per bar.
    let moving_rule = move || {
        gestures
            .drag
            .with(|drag| drag.and_then(|d| d.booking()))
            .map(|id| format!(".bar[data-booking=\"{id}\"] {{ opacity: .35; }}"))
            .unwrap_or_default()
    };
    view! {
        <style>{moving_rule}</style>
        <OverbookingList laid state/>
        <Legend statuses=statuses.get_value()/>
        <div class="planning-scroll" style=style node_ref=scroller on:scroll=move |_| measure() on:wheel=on_wheel on:keydown=on_key tabindex="0" role="region" aria-label=t.nav_planning>
            <div class="planning-grid">
                <div class="planning-head" aria-hidden="true">
                    <div class="planning-corner">{b.properties_column}</div>
                    <div class="timeline-head">
                        <div class="months">
                            {months.into_iter().map(|(first, length)| view! {
                                <div class="month" style=format!("width: calc(var(--day) * {length})")>{(b.month_name)(first)}</div>
                            }).collect_view()}
                        </div>
                        <div class="days">
                            {dates.iter().map(|day| view! {
                                <div class="day" class:weekend={day.weekday().number_from_monday() >= 6} class:today={*day == today}>
                                    <span class="weekday">{(b.weekday_initial)(*day)}</span>
                                    <span>{day.day()}</span>
                                </div>
                            }).collect_view()}
                        </div>
                    </div>
                </div>
                <div class="planning-body" class:dragging=move || gestures.drag.get().is_some()
                    on:pointerdown=on_press on:pointermove=on_move on:pointerup=on_release
                    on:pointercancel=move |_| gestures.cancel()>
                    <div class="backdrop" aria-hidden="true">
                        {weekend_days.into_iter().map(|day| view! {
                            <div class="weekend" style=span_style(window.from, day, day + Duration::days(1), false)></div>
                        }).collect_view()}
                        {in_window.then(|| view! { <div class="today-line" style=span_style(window.from, today, today + Duration::days(1), false)></div> })}
                    </div>
                    <div class="rows-above" style=move || format!("height: {}px", shown.get().above)></div>
                    <For each=move || { let v = shown.get(); items.with(|items| items[v.start..v.end].to_vec()) }
                        key=Item::key
                        children=move |item| match item {
                            Item::Group(name) => view! { <div class="owner-group">{name}</div> }.into_any(),
                            Item::Row(row) => view! { <Row row statuses window_from=window.from drawn_days state gestures on_open/> }.into_any(),
                        }/>
                    <div class="rows-below" style=move || format!("height: {}px", shown.get().below)></div>
                </div>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn Row(
    row: std::sync::Arc<LaidRow>,
    statuses: StoredValue<Vec<BookingStatus>>,
    window_from: NaiveDate,
    drawn_days: Memo<(i64, i64)>,
    state: ToolbarState,
    gestures: Gestures,
    on_open: Callback<Editing>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let property = row.row.property;
    let name = row.row.name.clone();
    let height = format!("height: calc(var(--lane) * {} + 6px)", row.lanes);
    let on_track_click = move |ev: leptos::ev::MouseEvent| {
        if !gestures.click_allowed() {
            return;
        }
        let day = (f64::from(ev.offset_x()) / state.day_width()).floor() as i64;
        on_open.run(Editing::New {
            property: Some(property),
            arrival: window_from + Duration::days(day.max(0)),
            nights: 1,
        });
    };
    let ghost = move || {
        gestures
            .drag
            .get()
            .filter(|drag| drag.property() == property)
            .map(|drag| {
                let (arrival, departure) = drag.dates();
                let style = format!(
                    "{}; top: 3px",
                    span_style(window_from, arrival, departure, true)
                );
                view! {
                    <div class="bar ghost" style=style aria-hidden="true">
                        {(b.ghost_nights)((departure - arrival).num_days())}
                    </div>
                }
            })
    };
    let overbooked = row.overbooked.clone();
    let bars = StoredValue::new(row.clone());
    let in_days = move |bars: &[(Bar, usize)], (first, end): (i64, i64)| -> Vec<(Bar, usize)> {
        let (first, end) = (
            window_from + Duration::days(first),
            window_from + Duration::days(end),
        );
        bars.iter()
            .filter(|(bar, _)| bar.stay.departure() >= first && bar.stay.arrival() < end)
            .cloned()
            .collect()
    };
    view! {
        <div class="planning-row" style=height data-property=property.to_string()>
            <div class="row-head" title=name.clone()>{name.clone()}</div>
            <div class="row-track" title=b.planning_hint on:click=on_track_click>
                {overbooked.into_iter().map(|range| view! {
                    <div class="overbooked" title=b.overbooked
                        style=span_style(window_from, range.arrival(), range.departure(), true)>
                        <span class="sr-only">{b.overbooked}</span>
                    </div>
                }).collect_view()}
                <For each=move || bars.with_value(|row| in_days(&row.bars, drawn_days.get()))
                    key=|(bar, _)| bar.id
                    children=move |(bar, lane)| view! { <BarView bar lane statuses window_from gestures on_open/> }/>
                {ghost}
            </div>
        </div>
    }
}

#[component]
fn BarView(
    bar: Bar,
    lane: usize,
    statuses: StoredValue<Vec<BookingStatus>>,
    window_from: NaiveDate,
    gestures: Gestures,
    on_open: Callback<Editing>,
) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let (status_name, color, text) = statuses.with_value(|all| {
        all.iter()
            .find(|s| s.id == bar.status)
            .map_or((String::new(), "#9ca3af".to_owned(), "#000000"), |s| {
                (s.name.clone(), s.color.clone(), s.text_color())
            })
    });
    let mut label = (b.bar_label)(
        &bar.guest,
        &status_name,
        bar.stay.arrival(),
        bar.stay.departure(),
    );
    let group = bar.group.map(|group| group.to_string());
    if group.is_some() {
        label = format!("{label} — {}", b.group_bar);
    }
    let shown = if bar.guest.is_empty() {
        status_name.clone()
    } else {
        bar.guest.clone()
    };
    let style = format!(
        "{}; top: calc(var(--lane) * {lane} + 3px); background: {color}; color: {text}",
        span_style(window_from, bar.stay.arrival(), bar.stay.departure(), true)
    );
    let id = bar.id;
    view! {
        <button type="button" class="bar" class:grouped=group.is_some() style=style aria-label=label.clone() title=label
            data-booking=id.to_string() data-status=status_name data-group=group
            data-arrival=bar.stay.arrival().to_string() data-departure=bar.stay.departure().to_string()
            on:click=move |ev| {
                ev.stop_propagation();
                if gestures.click_allowed() { on_open.run(Editing::Existing(id)); }
            }>
            <span class="bar-label">{shown}</span>
            <span class="bar-end" aria-hidden="true"></span>
        </button>
    }
}

#[component]
fn Legend(statuses: Vec<BookingStatus>) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    view! {
        <ul class="legend" aria-label=b.legend>
            {statuses.into_iter().map(|s| {
                let swatch = format!("background: {}", s.color);
                view! { <li><span class="swatch" style=swatch aria-hidden="true"></span>{s.name}</li> }
            }).collect_view()}
            <li><span class="swatch overbooked-swatch" aria-hidden="true"></span>{b.overbooked}</li>
        </ul>
    }
}

#[component]
fn OverbookingList(laid: Memo<Vec<LaidRow>>, state: ToolbarState) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    move || {
        state.show_overbookings.get().then(|| {
            let lines: Vec<String> = laid.with(|rows| {
                rows.iter()
                    .flat_map(|row| {
                        row.overbooked.iter().map(|range| {
                            (b.overbooking_line)(&row.row.name, range.arrival(), range.departure().pred_opt().unwrap_or(range.departure()))
                        })
                    })
                    .collect()
            });
            view! {
                <section class="panel overbooking-list" aria-labelledby="overbookings-title">
                    <h2 id="overbookings-title">{b.overbookings_title}</h2>
                    {if lines.is_empty() {
                        view! { <p>{b.no_overbookings}</p> }.into_any()
                    } else {
                        view! { <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
            }
        })
    }
}
