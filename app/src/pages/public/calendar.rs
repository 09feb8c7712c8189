//! A home's public availability calendar: months of days, free, taken or half taken (the morning of
//! a departure, the afternoon of an arrival), the minimum stay of each period, the registration
//! number, and a link to the prices. Colour is never the only sign: each day also says its state in
//! words (for screen readers and in its tooltip) and taken days are hatched.

use super::shell::PublicShell;
use crate::components::language::use_texts;
use crate::domain::public::{CalendarMonth, DayState, EmbedStyle};
use leptos::prelude::*;

/// What the calendar page shows.
#[derive(Clone, Debug)]
pub struct CalendarPageData {
    /// The home's name.
    pub name: String,
    /// How many guests it takes.
    pub capacity: u16,
    /// Its registration number, if any.
    pub registration_number: Option<String>,
    /// The months shown.
    pub months: Vec<CalendarMonth>,
    /// The address of the months before, if they are not all past.
    pub earlier: Option<String>,
    /// The address of the months after.
    pub later: String,
    /// The address of the search for this home.
    pub book: String,
    /// The embedding site's colours and language.
    pub style: EmbedStyle,
}

fn class_of(state: DayState) -> &'static str {
    match state {
        DayState::Past => "day past",
        DayState::Free => "day free",
        DayState::ArrivalPossible => "day arrive",
        DayState::DeparturePossible => "day depart",
        DayState::Taken => "day taken",
    }
}

/// The calendar page.
#[component]
pub fn CalendarPage(data: CalendarPageData) -> impl IntoView {
    let t = use_texts();
    let p = t.public;
    let state_name = move |state: DayState| match state {
        DayState::Past => p.state_past,
        DayState::Free => p.state_free,
        DayState::ArrivalPossible => p.state_arrival,
        DayState::DeparturePossible => p.state_departure,
        DayState::Taken => p.state_taken,
    };
    let months = data
        .months
        .into_iter()
        .map(|month| {
            let runs = month.minimum_stay_runs();
            let weeks = month
                .weeks
                .iter()
                .map(|week| {
                    let cells = week
                        .iter()
                        .map(|cell| match cell {
                            None => view! { <td class="day none"></td> }.into_any(),
                            Some(day) => {
                                let words =
                                    format!("{} : {}", (p.date)(day.date), state_name(day.state));
                                let hint = day
                                    .minimum_nights
                                    .map(|n| format!(" — {}", (t.rates.nights)(i64::from(n))))
                                    .unwrap_or_default();
                                let title = format!("{words}{hint}");
                                view! {
                        <td class=class_of(day.state) title=title data-date=day.date.to_string()>
                            <span aria-hidden="true">{day.date.format("%-d").to_string()}</span>
                            <span class="sr-only">{words}</span>
                        </td>
                    }
                    .into_any()
                            }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            let heads = p
                .weekdays
                .iter()
                .zip(p.weekdays_long.iter())
                .map(|(short, long)| {
                    view! {
                        <th scope="col"><abbr title=*long>{*short}</abbr></th>
                    }
                })
                .collect_view();
            view! {
                <section class="month">
                    <table>
                        <caption>{(t.bookings.month_name)(month.first)}</caption>
                        <thead><tr>{heads}</tr></thead>
                        <tbody>{weeks}</tbody>
                    </table>
                    <ul class="minimums">
                        {runs.into_iter().map(|(first, last, nights)| view! {
                            <li>{(p.minimum_stay_run)(first, last, nights)}</li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <PublicShell title=(p.calendar_title)(&data.name) style=data.style>
            <h1>{data.name.clone()}</h1>
            <p class="facts">{(p.capacity)(data.capacity)}
                {data.registration_number.map(|n| view! { " · "<span>{(p.registration)(&n)}</span> })}</p>
            <nav class="months-nav">
                {data.earlier.map(|href| view! { <a href=href>{p.earlier}</a> })}
                <a href=data.later>{p.later}</a>
            </nav>
            <div class="months">{months}</div>
            <ul class="legend" aria-label=p.legend>
                <li><span class="swatch day free"></span>{p.state_free}</li>
                <li><span class="swatch day taken"></span>{p.state_taken}</li>
                <li><span class="swatch day arrive"></span>{p.state_arrival}</li>
                <li><span class="swatch day depart"></span>{p.state_departure}</li>
            </ul>
            <p><a class="button" href=data.book>{p.book_this}</a></p>
        </PublicShell>
    }
}
