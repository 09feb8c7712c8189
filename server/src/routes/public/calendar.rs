//! `GET /public/{site}/calendrier/{home}?debut=2027-07&mois=3&couleur=…&lang=en`: a listed home's
//! availability calendar, from the month `debut` (default: this month).

use super::{address, encode, failure, message, open_site, page, pairs, style_pairs, today};
use crate::startup::AppState;
use app::domain::public::EmbedStyle;
use app::pages::public::{render, CalendarPage, CalendarPageData};
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, Months, NaiveDate};
use std::net::SocketAddr;

/// The first day of the month written `2027-07`, if it is one.
fn month_of(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", raw.trim()), "%Y-%m-%d").ok()
}

/// The calendar page.
pub async fn calendar_page(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Path((token, home)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let query = pairs(query.as_deref());
    let style = EmbedStyle::from_pairs(&query);
    let site = match open_site(&state, &client.ip().to_string(), &token, &style).await {
        Ok(site) => site,
        Err(answer) => return answer,
    };
    let (home, catalogue) = match state.public.home(&site, &home).await {
        Ok(Some(found)) => found,
        Ok(None) => return message(StatusCode::NOT_FOUND, &style, |p| p.not_found),
        Err(error) => return failure(&style, error),
    };
    let today = today();
    let this_month = today.with_day(1).unwrap_or(today);
    let asked = query
        .iter()
        .find(|(name, _)| name == "debut")
        .and_then(|(_, value)| month_of(value))
        .filter(|month| month.year() <= today.year() + 3);
    let first = asked.unwrap_or(this_month).max(this_month);
    let Some(index) = catalogue.index_of(home.id) else {
        return message(StatusCode::NOT_FOUND, &style, |p| p.not_found);
    };
    let months = match state
        .public
        .calendar(&site, &catalogue, index, first, style.months, today)
        .await
    {
        Ok(months) => months,
        Err(error) => return failure(&style, error),
    };
    let step = Months::new(style.months);
    let at = |month: NaiveDate| {
        let mut query = style_pairs(&style);
        query.push(("debut".into(), month.format("%Y-%m").to_string()));
        address(&site, &format!("calendrier/{}", home.id), &encode(&query))
    };
    let earlier = first
        .checked_sub_months(step)
        .filter(|_| first > this_month)
        .map(|month| at(month.max(this_month)));
    let later = at(first.checked_add_months(step).unwrap_or(first));
    let mut search = style_pairs(&style);
    search.push(("logement".into(), home.id.to_string()));
    let data = CalendarPageData {
        name: home.name.clone(),
        capacity: catalogue.priced[index].capacity,
        registration_number: home.registration_number.clone(),
        months,
        earlier,
        later,
        book: address(&site, "recherche", &encode(&search)),
        style: style.clone(),
    };
    page(
        StatusCode::OK,
        render(
            style.lang,
            move || leptos::view! { <CalendarPage data=data/> },
        ),
    )
}
