//! `GET /public/{site}/reserver?logement=…&arrivee=…&depart=…&adultes=2`: the booking request form
//! with the stay's price; `POST` the same address: the request, written only if every night is still
//! free (else "plus disponible", nothing written), then the confirmation page. Requests are limited
//! per client address more strictly than pages; a robot's request (honeypot filled) is answered
//! as if it had been received and nothing is written.

use super::{address, encode, failure, message, open_site, page, pairs, style_pairs, today};
use crate::public::{Catalogue, RequestRefusal};
use crate::startup::AppState;
use app::domain::field::FieldErrors;
use app::domain::pricing::{quote, Quote};
use app::domain::public::{EmbedStyle, RequestForm};
use app::i18n::texts;
use app::pages::public::{render, DonePage, RequestPage, RequestPageData};
use app::ports::Throttle;
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use std::net::SocketAddr;

/// The stay's fields and the style, carried by the form as hidden fields.
fn carried(form: &RequestForm, style: &EmbedStyle) -> Vec<(String, String)> {
    let mut hidden = style_pairs(style);
    hidden.extend([
        ("logement".to_string(), form.property.trim().to_owned()),
        ("arrivee".to_string(), form.search.arrival.trim().to_owned()),
        (
            "depart".to_string(),
            form.search.departure.trim().to_owned(),
        ),
        ("adultes".to_string(), form.search.adults.trim().to_owned()),
        (
            "enfants".to_string(),
            form.search.children.trim().to_owned(),
        ),
    ]);
    hidden
}

/// The site, home and style a request form is shown for.
struct Context<'a> {
    site: &'a crate::db::public::sites::Site,
    catalogue: &'a Catalogue,
    index: usize,
    style: &'a EmbedStyle,
}

/// The page of the form as typed, with `errors` and `alert`.
fn form_page(
    context: &Context<'_>,
    form: RequestForm,
    errors: FieldErrors,
    alert: Vec<String>,
    status: StatusCode,
) -> Response {
    let Context {
        site,
        catalogue,
        index,
        style,
    } = *context;
    let t = texts(style.lang);
    let home = &catalogue.homes[index];
    let valid = form.search.validate(today()).ok();
    let quote: Option<Quote> = valid.and_then(|wanted| {
        quote(
            &catalogue.priced[index],
            &catalogue.settings,
            &wanted.request(),
        )
        .ok()
    });
    let stay = valid
        .map(|w| (t.public.your_stay)(w.stay, w.guests.adults, w.guests.children))
        .unwrap_or_default();
    let back: Vec<(String, String)> = carried(&form, style)
        .into_iter()
        .filter(|(name, _)| name != "logement")
        .collect();
    let data = RequestPageData {
        action: format!("/public/{}/reserver", site.token),
        home: home.name.clone(),
        stay,
        quote,
        hidden: carried(&form, style),
        form,
        errors,
        alert,
        conditions: site.settings.conditions.clone(),
        instant: site.settings.instant_properties.contains(&home.id),
        back: address(site, "recherche", &encode(&back)),
        style: style.clone(),
    };
    page(
        status,
        render(
            style.lang,
            move || leptos::view! { <RequestPage data=data/> },
        ),
    )
}

/// The listed home the form names, with the catalogue.
async fn home_of(
    state: &AppState,
    site: &crate::db::public::sites::Site,
    form: &RequestForm,
    style: &EmbedStyle,
) -> Result<(Catalogue, usize), Response> {
    let catalogue = match state.public.catalogue(site).await {
        Ok(catalogue) => catalogue,
        Err(error) => return Err(failure(style, error)),
    };
    let index = catalogue
        .homes
        .iter()
        .position(|home| home.id.to_string() == form.property.trim());
    match index {
        Some(index) => Ok((catalogue, index)),
        None => Err(message(StatusCode::NOT_FOUND, style, |p| p.not_found)),
    }
}

/// The request form.
pub async fn request_form(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let query = pairs(query.as_deref());
    let style = EmbedStyle::from_pairs(&query);
    let site = match open_site(&state, &client.ip().to_string(), &token, &style).await {
        Ok(site) => site,
        Err(answer) => return answer,
    };
    let form = RequestForm::from_pairs(&query);
    let (catalogue, index) = match home_of(&state, &site, &form, &style).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let errors = form.search.validate(today()).err().unwrap_or_default();
    let t = texts(style.lang);
    let alert = if errors.is_empty() {
        Vec::new()
    } else {
        errors.iter().map(|(_, e)| (t.field_error)(e)).collect()
    };
    let context = Context {
        site: &site,
        catalogue: &catalogue,
        index,
        style: &style,
    };
    form_page(&context, form, Vec::new(), alert, StatusCode::OK)
}

/// The request sent.
pub async fn send_request(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Path(token): Path<String>,
    body: String,
) -> Response {
    let fields = pairs(Some(&body));
    let style = EmbedStyle::from_pairs(&fields);
    let client = client.ip().to_string();
    let site = match open_site(&state, &client, &token, &style).await {
        Ok(site) => site,
        Err(answer) => return answer,
    };
    if !state.booking_throttle.allow(&client) {
        return message(StatusCode::TOO_MANY_REQUESTS, &style, |p| p.throttled);
    }
    let form = RequestForm::from_pairs(&fields);
    let (catalogue, index) = match home_of(&state, &site, &form, &style).await {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let t = texts(style.lang);
    let context = Context {
        site: &site,
        catalogue: &catalogue,
        index,
        style: &style,
    };
    let done = |instant: bool, total: String, email: String| {
        let home = catalogue.homes[index].name.clone();
        let stay = form
            .search
            .validate(today())
            .map(|w| (t.public.your_stay)(w.stay, w.guests.adults, w.guests.children))
            .unwrap_or_default();
        let mut back = style_pairs(&style);
        back.push(("logement".into(), catalogue.homes[index].id.to_string()));
        let back = address(&site, "recherche", &encode(&back));
        let style = style.clone();
        page(
            StatusCode::OK,
            render(style.lang, move || {
                leptos::view! {
                    <DonePage instant=instant email=email home=home stay=stay total=total back=back style=style/>
                }
            }),
        )
    };
    if form.is_robot() {
        tracing::info!(%client, "public request: honeypot filled, dropped");
        return done(false, String::new(), form.email.trim().to_owned());
    }
    let request = match form.validate(today()) {
        Ok(request) => request,
        Err(errors) => {
            let alert = vec![t.public.form_errors.to_string()];
            return form_page(
                &context,
                form,
                errors,
                alert,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    match state
        .public
        .request(&site, &request, style.lang, Utc::now())
        .await
    {
        Ok(booked) => done(
            booked.instant,
            t.money(booked.quote.totals.total),
            request.email.as_str().to_owned(),
        ),
        Err(RequestRefusal::UnknownHome) => message(StatusCode::NOT_FOUND, &style, |p| p.not_found),
        Err(RequestRefusal::Taken) => {
            let alert = vec![t.public.taken_now.to_string()];
            form_page(&context, form, Vec::new(), alert, StatusCode::CONFLICT)
        }
        Err(RequestRefusal::Rules(refusals)) => {
            let mut alert = vec![t.public.refused_intro.to_string()];
            alert.extend(refusals.iter().map(|r| (t.rates.refusal)(r)));
            form_page(
                &context,
                form,
                Vec::new(),
                alert,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(RequestRefusal::Port(error)) => failure(&style, error),
    }
}
