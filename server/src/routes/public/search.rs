//! `GET /public/{site}/recherche?arrivee=2027-07-10&depart=2027-07-17&adultes=2&enfants=0`: the
//! booking search over the site's listed homes (`logement=<id>`: that home only).

use super::{address, encode, failure, open_site, page, pairs, style_pairs, today};
use crate::db::public::sites::Site;
use crate::startup::AppState;
use app::domain::field::FieldErrors;
use app::domain::public::{EmbedStyle, SearchForm};
use app::pages::public::{render, SearchPage, SearchPageData, SearchResult};
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use std::net::SocketAddr;

/// Homes shown per page of results.
const PER_PAGE: usize = 20;

/// The search page, with its results once the dates are valid. The same page asked again while
/// nothing changed is answered from the public pages' cache, rendered once.
pub async fn search_page(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let raw = raw.unwrap_or_default();
    let query = pairs(Some(&raw));
    let style = EmbedStyle::from_pairs(&query);
    let site = match open_site(&state, &client.ip().to_string(), &token, &style).await {
        Ok(site) => site,
        Err(answer) => return answer,
    };
    let today = today();
    // Taken before anything is read; the key holds all the page depends on besides the data.
    let generation = state.public.generation(&site);
    let key = format!(
        "{}\n{}\n{today}\n{raw}",
        site.version, site.organisation_name
    );
    if let Some(html) = state.public.cached_page(&site, generation, &key) {
        return page(StatusCode::OK, html.to_string());
    }
    match rendered(&state, &site, &query, style, today).await {
        Ok(html) => {
            state.public.keep_page(&site, generation, key, &html);
            page(StatusCode::OK, html)
        }
        Err(answer) => answer,
    }
}

/// The search page's HTML for `query`, or the answer to a storage failure.
async fn rendered(
    state: &AppState,
    site: &Site,
    query: &[(String, String)],
    style: EmbedStyle,
    today: NaiveDate,
) -> Result<String, Response> {
    let form = SearchForm::from_pairs(query);
    let only = query
        .iter()
        .find(|(name, _)| name == "logement")
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| !value.is_empty());
    let page_number: usize = query
        .iter()
        .find(|(name, _)| name == "page")
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or(0)
        .min(1_000);
    let mut errors = FieldErrors::new();
    let mut results = None;
    let mut more = None;
    if !form.is_empty() {
        match form.validate(today) {
            Err(refused) => errors = refused,
            Ok(wanted) => {
                let (catalogue, offers) = match state.public.cached_search(site, &wanted).await {
                    Ok(found) => found,
                    Err(error) => return Err(failure(&style, error)),
                };
                // `logement=<id>`: that home's position (none: an unknown home, nothing offered).
                let only_index = only.as_deref().map(|id| {
                    catalogue
                        .homes
                        .iter()
                        .position(|home| home.id.to_string() == id)
                });
                let offers: Vec<_> = offers
                    .iter()
                    .filter(|offer| only_index.is_none_or(|index| index == Some(offer.index)))
                    .collect();
                let total = offers.len();
                if total > (page_number + 1) * PER_PAGE {
                    let mut next: Vec<(String, String)> = query
                        .iter()
                        .filter(|(name, _)| name != "page")
                        .cloned()
                        .collect();
                    next.push(("page".into(), (page_number + 1).to_string()));
                    more = Some(address(site, "recherche", &encode(&next)));
                }
                let found = offers
                    .into_iter()
                    .skip(page_number * PER_PAGE)
                    .take(PER_PAGE)
                    .map(|offer| {
                        let home = &catalogue.homes[offer.index];
                        let mut book = style_pairs(&style);
                        book.extend([
                            ("logement".to_string(), home.id.to_string()),
                            ("arrivee".to_string(), wanted.stay.arrival().to_string()),
                            ("depart".to_string(), wanted.stay.departure().to_string()),
                            ("adultes".to_string(), wanted.guests.adults.to_string()),
                            ("enfants".to_string(), wanted.guests.children.to_string()),
                        ]);
                        SearchResult {
                            name: home.name.clone(),
                            capacity: catalogue.priced[offer.index].capacity,
                            registration_number: home.registration_number.clone(),
                            instant: site.settings.instant_properties.contains(&home.id),
                            quote: offer.quote.clone(),
                            book: address(site, "reserver", &encode(&book)),
                        }
                    })
                    .collect();
                results = Some((wanted.stay, total, found));
            }
        }
    }
    let mut hidden = style_pairs(&style);
    hidden.extend(only.map(|id| ("logement".to_string(), id)));
    let data = SearchPageData {
        action: format!("/public/{}/recherche", site.token),
        form,
        errors,
        results,
        more,
        hidden,
        style: style.clone(),
        today: today.to_string(),
    };
    Ok(render(
        style.lang,
        move || leptos::view! { <SearchPage data=data/> },
    ))
}
