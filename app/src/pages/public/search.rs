//! The booking search of the owner's website: dates and guests (a plain GET form, so it works
//! without any script and its results can be bookmarked), then the free homes with their exact price
//! and its breakdown one click away, each with its button to book.

use super::shell::PublicShell;
use super::PublicField;
use crate::components::language::use_texts;
use crate::components::quote_breakdown::QuoteBreakdown;
use crate::domain::field::FieldErrors;
use crate::domain::pricing::Quote;
use crate::domain::public::{EmbedStyle, SearchForm};
use crate::domain::stay::Stay;
use leptos::prelude::*;

/// A home offered for the search.
#[derive(Clone, Debug)]
pub struct SearchResult {
    /// Its name.
    pub name: String,
    /// How many guests it takes.
    pub capacity: u16,
    /// Its registration number, if any.
    pub registration_number: Option<String>,
    /// Its price for the stay.
    pub quote: Quote,
    /// Booked at once rather than asked.
    pub instant: bool,
    /// The address of its booking request form.
    pub book: String,
}

/// What the search page shows.
#[derive(Clone, Debug)]
pub struct SearchPageData {
    /// Where the form sends the search.
    pub action: String,
    /// What was typed.
    pub form: SearchForm,
    /// The fields refused.
    pub errors: FieldErrors,
    /// The stay searched, how many homes are free, and this page's share of them.
    pub results: Option<(Stay, usize, Vec<SearchResult>)>,
    /// The address of the next page of results, if any.
    pub more: Option<String>,
    /// Fields carried along (the embedding site's colours, a home asked for).
    pub hidden: Vec<(String, String)>,
    /// The embedding site's colours and language.
    pub style: EmbedStyle,
    /// The first day a stay may start (today).
    pub today: String,
}

/// The search page.
#[component]
pub fn SearchPage(data: SearchPageData) -> impl IntoView {
    let t = use_texts();
    let p = t.public;
    let more = data.more;
    let results = data.results.map(|(stay, total, found)| {
        let heading = if total == 0 {
            p.no_result.to_string()
        } else {
            (p.results)(total, stay)
        };
        view! {
            <section class="results" aria-live="polite">
                <h2>{heading}</h2>
                <ul class="offers">
                    {found.into_iter().map(|offer| {
                        let button = if offer.instant { p.instant_button } else { p.request_button };
                        view! {
                            <li class="offer" data-testid="offer">
                                <h3>{offer.name.clone()}</h3>
                                <p class="facts">{(p.capacity)(offer.capacity)}
                                    {offer.instant.then(|| view! { " · "<strong>{p.instant_badge}</strong> })}
                                    {offer.registration_number.map(|n| view! { " · "{(p.registration)(&n)} })}</p>
                                <p class="price"><span>{(p.total_for)(stay.nights())}</span>" "
                                    <strong data-testid="offer-total">{t.money(offer.quote.totals.total)}</strong></p>
                                <QuoteBreakdown quote=offer.quote/>
                                <a class="button" href=offer.book>{button}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {more.map(|href| view! { <p><a href=href>{p.more_results}</a></p> })}
            </section>
        }
    });
    let form = data.form;
    view! {
        <PublicShell title=p.search_title.to_string() style=data.style>
            <h1>{p.search_title}</h1>
            <p>{p.search_intro}</p>
            <form class="search" method="get" action=data.action novalidate>
                {data.hidden.into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                <PublicField name="arrivee" label=t.rates.arrival value=form.arrival kind="date"
                    required=true min=data.today.clone() errors=data.errors.clone()/>
                <PublicField name="depart" label=t.rates.departure value=form.departure kind="date"
                    required=true min=data.today errors=data.errors.clone()/>
                <PublicField name="adultes" label=t.rates.adults
                    value=if form.adults.is_empty() { "2".to_string() } else { form.adults }
                    kind="number" required=true min="1".to_string() errors=data.errors.clone()/>
                <PublicField name="enfants" label=t.rates.children value=form.children kind="number"
                    min="0".to_string() errors=data.errors/>
                <button type="submit">{p.search_submit}</button>
            </form>
            {results}
        </PublicShell>
    }
}
