//! A quote as people read it: the totals, the rules the stay breaks, and the line-by-line breakdown
//! (the "loupe") one click away. Used wherever a price is shown before it is saved.

use crate::components::language::use_texts;
use crate::domain::money::Money;
use crate::domain::pricing::{DiscountKind, NightBasis, Quote, TaxLineKind};
use leptos::prelude::*;

/// The totals and the breakdown of `quote`.
#[component]
pub fn QuoteBreakdown(quote: Quote) -> impl IntoView {
    let t = use_texts();
    let r = t.rates;
    let m = move |amount: Money| t.money(amount);
    let totals = quote.totals.clone();
    let vat_on = !quote.vat.is_empty();
    let refusals: Vec<String> = quote.refusals.iter().map(|x| (r.refusal)(x)).collect();
    let accepted = refusals.is_empty();
    let nights = quote.nights.clone();
    let basis = move |b: NightBasis| match b {
        NightBasis::Nightly => r.q_basis_nightly,
        NightBasis::Weekend => r.q_basis_weekend,
        NightBasis::WeeklyShare => r.q_basis_weekly,
    };
    view! {
        <div class="quote" data-testid="quote">
            {if accepted {
                view! { <p class="quote-rules ok">{r.q_accepted}</p> }.into_any()
            } else {
                view! {
                    <ul class="quote-rules refused" role="alert">
                        {refusals.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <table class="quote-totals">
                <tbody>
                    <tr><th scope="row">{r.q_stay}" ("{(r.nights)(quote.stay.nights())}")"</th>
                        <td class="num" data-testid="quote-stay">{m(totals.stay)}</td></tr>
                    {(!totals.charges.is_zero()).then(|| view! {
                        <tr><th scope="row">{r.q_charges}</th><td class="num">{m(totals.charges)}</td></tr>
                    })}
                    {vat_on.then(|| view! {
                        <tr class="sub"><th scope="row">{r.q_excl_vat}</th><td class="num">{m(totals.excluding_vat)}</td></tr>
                        <tr class="sub"><th scope="row">{r.q_vat}</th><td class="num">{m(totals.vat)}</td></tr>
                    })}
                    {(!quote.tourist_tax.is_empty()).then(|| view! {
                        <tr><th scope="row">{r.q_tax}</th><td class="num" data-testid="quote-tax">{m(totals.tourist_tax)}</td></tr>
                    })}
                    <tr class="total"><th scope="row">{if vat_on { r.q_total_incl_vat } else { r.q_total }}</th>
                        <td class="num" data-testid="quote-total">{m(totals.total)}</td></tr>
                </tbody>
            </table>
            <details class="quote-detail">
                <summary>{r.q_show_detail}</summary>
                <table class="quote-lines">
                    <caption class="sr-only">{r.q_nights}</caption>
                    <tbody>
                        {nights.into_iter().map(|n| view! {
                            <tr>
                                <th scope="row">{(r.date)(n.night)}</th>
                                <td>{n.season.as_deref().map(str::to_string).unwrap_or_else(|| r.base_price_legend.to_string())}
                                    " · "{basis(n.basis)}</td>
                                <td class="num">{m(n.amount)}</td>
                            </tr>
                        }).collect_view()}
                        {quote.supplement.clone().map(|s| view! {
                            <tr><th scope="row" colspan="2">{(r.q_supplement)(s.extra_guests, s.unit, s.nights)}</th>
                                <td class="num">{m(s.amount)}</td></tr>
                        })}
                        {quote.discounts.iter().map(|d| {
                            let label = match d.kind {
                                DiscountKind::Duration { from_nights } => (r.q_discount_duration)(from_nights, d.percent),
                                DiscountKind::Manual => (r.q_discount_manual)(d.percent),
                            };
                            view! {
                                <tr><th scope="row" colspan="2">{label}" "<span class="sub">{(r.q_on_base)(d.base)}</span></th>
                                    <td class="num">"−"{m(d.amount)}</td></tr>
                            }
                        }).collect_view()}
                        {quote.forfait.map(|f| view! {
                            <tr><th scope="row" colspan="2">{r.q_computed}</th>
                                <td class="num"><s>{m(totals.nights + totals.supplements)}</s></td></tr>
                            <tr><th scope="row" colspan="2">{r.q_forfait}</th><td class="num">{m(f)}</td></tr>
                        })}
                        {quote.charges.iter().map(|c| view! {
                            <tr><th scope="row">{c.label.to_string()}</th>
                                <td>{(r.q_quantity)(c.quantity, c.unit_price)}{c.flat_fee.then_some(" · ")}{c.flat_fee.then_some(r.q_flat_fee)}</td>
                                <td class="num">{m(c.amount)}</td></tr>
                        }).collect_view()}
                        {quote.tourist_tax.iter().map(|line| {
                            let label = match &line.kind {
                                TaxLineKind::Adults => (r.q_tax_adults)(line.persons, line.nights, line.unit),
                                TaxLineKind::ChildrenExempt => (r.q_tax_children)(line.persons, line.nights),
                                TaxLineKind::Surcharge { label, rate } => (r.q_tax_surcharge)(label, *rate, line.persons, line.nights, line.unit),
                            };
                            view! {
                                <tr><th scope="row">{line.tax.to_string()}</th><td>{label}</td>
                                    <td class="num">{m(line.amount)}</td></tr>
                            }
                        }).collect_view()}
                        {quote.tax_collected_by_platform.then(|| view! {
                            <tr><th scope="row" colspan="3">{r.q_tax_platform}</th></tr>
                        })}
                        {quote.vat.iter().map(|v| view! {
                            <tr><th scope="row" colspan="2">{(r.q_vat_line)(v.rate, v.including_vat)}</th>
                                <td class="num">{m(v.vat)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </div>
    }
}
