//! A plan's year at a glance: one row per month, one cell per day coloured by the season that prices
//! that night (the most expensive where seasons overlap, which is marked). Dragging across days
//! proposes a new season for them; clicking a season's day opens it. The season list and the "add a
//! season" button below are the keyboard alternative.

use crate::components::language::use_texts;
use crate::domain::ids::SeasonId;
use crate::domain::pricing::season_of_night;
use crate::domain::rates::StoredSeason;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// Number of colours of the season palette (`season-c0` … in the style sheet).
pub const PALETTE: usize = 8;

/// The colour class of the season at `index` in the plan's list.
pub fn colour(index: usize) -> String {
    format!("season-c{}", index % PALETTE)
}

fn days_of(year: i32, month: u32) -> Vec<NaiveDate> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|day| day.month() == month)
        .collect()
}

/// The year view of `seasons` for `year`.
#[component]
pub fn YearView(
    seasons: Signal<Vec<StoredSeason>>,
    year: RwSignal<i32>,
    on_select: Callback<(NaiveDate, NaiveDate)>,
    on_pick: Callback<SeasonId>,
) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let drag: RwSignal<Option<(NaiveDate, NaiveDate)>> = RwSignal::new(None);
    let finish = move || {
        if let Some((start, end)) = drag.get_untracked() {
            drag.set(None);
            let (first, last) = if start <= end {
                (start, end)
            } else {
                (end, start)
            };
            let picked = (first == last)
                .then(|| {
                    seasons.with_untracked(|list| {
                        let plain: Vec<_> = list.iter().map(|s| s.season.clone()).collect();
                        season_of_night(&plain, first).map(|i| list[i].id)
                    })
                })
                .flatten();
            match picked {
                Some(id) => on_pick.run(id),
                None => on_select.run((first, last)),
            }
        }
    };
    let in_drag = move |day: NaiveDate| {
        drag.with(|d| d.is_some_and(|(a, b)| (a.min(b)..=a.max(b)).contains(&day)))
    };
    view! {
        <div class="year-head">
            <button type="button" class="small" aria-label=r.previous_year on:click=move |_| year.update(|y| *y -= 1)>"‹"</button>
            <strong data-testid="year">{move || year.get()}</strong>
            <button type="button" class="small" aria-label=r.next_year on:click=move |_| year.update(|y| *y += 1)>"›"</button>
        </div>
        <div class="year-view" role="grid" tabindex="0" aria-label=r.seasons_title
            on:pointerup=move |_| finish()
            on:pointerleave=move |_| drag.set(None)>
            {move || {
                let y = year.get();
                let list = seasons.get();
                let plain: Vec<_> = list.iter().map(|s| s.season.clone()).collect();
                (1..=12u32).map(|month| {
                    let name = r.month_names[usize::try_from(month - 1).unwrap_or(0)];
                    view! {
                        <div class="month" role="row">
                            <span class="month-name" role="rowheader">{name}</span>
                            {days_of(y, month).into_iter().map(|day| {
                                let covering = plain.iter().filter(|s| s.covers(day)).count();
                                let season = season_of_night(&plain, day);
                                let class = match season {
                                    Some(i) => colour(i),
                                    None => "base".to_string(),
                                };
                                // Weekend prices apply to Friday and Saturday nights: those are the cells marked.
                                let weekend = matches!(day.weekday(), chrono::Weekday::Fri | chrono::Weekday::Sat);
                                let title = match season {
                                    Some(i) => format!("{} — {} — {} {}", (r.date)(day), plain[i].name,
                                        t.money(plain[i].rates.nightly), t.per_night),
                                    None => format!("{} — {}", (r.date)(day), r.base_price_legend),
                                };
                                let title = if covering > 1 { format!("{title} — {}", r.overlap) } else { title };
                                view! {
                                    <span role="gridcell" class=format!("day {class}") class:weekend=weekend
                                        class:overlap={covering > 1} class:selecting=move || in_drag(day)
                                        title=title data-date=day.to_string()
                                        on:pointerdown=move |ev| { ev.prevent_default(); drag.set(Some((day, day))); }
                                        on:pointerenter=move |_| drag.update(|d| if let Some((_, end)) = d { *end = day; })>
                                        {day.day()}
                                    </span>
                                }
                            }).collect_view()}
                        </div>
                    }
                }).collect_view()
            }}
        </div>
        <p class="legend">
            <span class="day base">" "</span>" "{r.base_price_legend}
            <span class="day overlap">" "</span>" "{r.overlap}
        </p>
    }
}
