//! The engine: from a property, the organisation's settings and a stay, the complete [`Quote`].
//!
//! Order of the computation (SPEC C5):
//! 1. nights, night by night ([`price_nights`]), and the extra-guest supplement;
//! 2. discounts on the discountable part (duration first, then manual on what remains), or the
//!    forfait in place of the whole stay price;
//! 3. flat fees and options (never discounted);
//! 4. VAT per rate, prices being entered VAT included;
//! 5. tourist tax on the stay price excluding VAT and services;
//! 6. totals, and the rules the stay breaks.

use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::nights::{self, price_nights};
use crate::domain::pricing::quote::{
    ChargeLine, DiscountKind, DiscountLine, NightLine, Quote, QuoteError, QuoteRequest,
    SupplementLine, Totals, VatLine, MAX_NIGHTS,
};
use crate::domain::pricing::rounding::{percent_of, vat_included};
use crate::domain::pricing::rules::refusals;
use crate::domain::pricing::tariff::{PricedProperty, PricingSettings, Tariff};
use crate::domain::pricing::vat::vat_by_rate;

/// Prices a stay. Refusals (minimum stay, capacity) are part of the quote; only input that cannot
/// be priced at all is an error.
pub fn quote(
    property: &PricedProperty,
    settings: &PricingSettings,
    request: &QuoteRequest,
) -> Result<Quote, QuoteError> {
    let nights_count = request.stay.nights();
    if nights_count > MAX_NIGHTS {
        return Err(QuoteError::StayTooLong);
    }
    if request.manual_discount > Percent::points(100) {
        return Err(QuoteError::DiscountTooHigh);
    }
    if !settings.manual_discount_enabled && !request.manual_discount.is_zero() {
        return Err(QuoteError::DiscountDisabled);
    }
    let tariff = &property.tariff;
    let priced = price_nights(tariff, request.stay);
    let supplement = supplement(tariff, request, nights_count);
    let nights_total = nights::total(&priced.lines);
    let supplements = supplement.as_ref().map_or(Money::ZERO, |s| s.amount);

    let discounts = match request.forfait {
        Some(_) => Vec::new(),
        None => discounts(
            settings,
            request,
            discount_base(&priced.lines, supplement.as_ref()),
        ),
    };
    let discounts_total: Money = discounts.iter().map(|d| d.amount).sum();
    let stay = request
        .forfait
        .unwrap_or(nights_total + supplements - discounts_total);

    let charges = charges(tariff, request);
    let charges_total: Money = charges.iter().map(|c| c.amount).sum();
    let vat = vat_lines(settings, stay, &charges);
    let vat_total: Money = vat.iter().map(|v| v.vat).sum();

    let tourist_tax = if request.tax_collected_by_platform {
        Vec::new()
    } else {
        let stay_vat = if settings.vat.enabled {
            vat_included(stay, settings.vat.stay_rate)
        } else {
            Money::ZERO
        };
        property
            .tourist_taxes
            .iter()
            .flat_map(|tax| {
                tax.lines(
                    stay - stay_vat,
                    request.guests.adults,
                    request.guests.children,
                    nights_count,
                )
            })
            .collect()
    };
    let tax_total: Money = tourist_tax.iter().map(|t| t.amount).sum();

    let mut refusals = refusals(property, settings, request.guests, &priced.seasons);
    refusals.sort();
    Ok(Quote {
        stay: request.stay,
        tariff: tariff.name.clone(),
        nights: priced.lines,
        supplement,
        discounts,
        forfait: request.forfait,
        charges,
        tourist_tax,
        tax_collected_by_platform: request.tax_collected_by_platform,
        vat,
        totals: Totals {
            nights: nights_total,
            supplements,
            discounts: discounts_total,
            stay,
            charges: charges_total,
            tourist_tax: tax_total,
            excluding_vat: stay + charges_total - vat_total,
            vat: vat_total,
            total: stay + charges_total + tax_total,
        },
        refusals,
    })
}

fn supplement(tariff: &Tariff, request: &QuoteRequest, nights: i64) -> Option<SupplementLine> {
    let extra_guests = request
        .guests
        .counted()
        .saturating_sub(tariff.guests_included);
    (extra_guests > 0 && !tariff.extra_guest_fee.is_zero()).then(|| SupplementLine {
        extra_guests,
        unit: tariff.extra_guest_fee,
        nights,
        amount: tariff.extra_guest_fee * i64::from(extra_guests) * nights,
    })
}

/// The part of the stay price discounts apply to: discountable nights and their supplements.
fn discount_base(nights: &[NightLine], supplement: Option<&SupplementLine>) -> Money {
    let (count, nights_part) = nights
        .iter()
        .filter(|n| n.discountable)
        .fold((0i64, Money::ZERO), |(count, sum), n| {
            (count + 1, sum + n.amount)
        });
    let supplement_part =
        supplement.map_or(Money::ZERO, |s| s.unit * i64::from(s.extra_guests) * count);
    nights_part + supplement_part
}

fn discounts(settings: &PricingSettings, request: &QuoteRequest, base: Money) -> Vec<DiscountLine> {
    let mut lines = Vec::new();
    if base.is_zero() {
        return lines;
    }
    let mut remaining = base;
    if let Some(discount) = settings.duration_discount(request.stay.nights()) {
        let amount = percent_of(remaining, discount.percent);
        lines.push(DiscountLine {
            kind: DiscountKind::Duration {
                from_nights: discount.from_nights,
            },
            percent: discount.percent,
            base: remaining,
            amount,
        });
        remaining = remaining - amount;
    }
    if !request.manual_discount.is_zero() {
        lines.push(DiscountLine {
            kind: DiscountKind::Manual,
            percent: request.manual_discount,
            base: remaining,
            amount: percent_of(remaining, request.manual_discount),
        });
    }
    lines
}

fn charges(tariff: &Tariff, request: &QuoteRequest) -> Vec<ChargeLine> {
    let flat_fees = tariff.flat_fees.iter().map(|fee| ChargeLine {
        label: fee.label.clone(),
        unit_price: fee.unit_price,
        quantity: 1,
        vat_rate: fee.vat_rate,
        amount: fee.unit_price,
        flat_fee: true,
    });
    let options = request
        .options
        .iter()
        .filter(|option| option.quantity > 0)
        .map(|option| ChargeLine {
            label: option.charge.label.clone(),
            unit_price: option.charge.unit_price,
            quantity: option.quantity,
            vat_rate: option.charge.vat_rate,
            amount: option.charge.unit_price * i64::from(option.quantity),
            flat_fee: false,
        });
    flat_fees.chain(options).collect()
}

/// VAT per rate, on the stay at the stay rate and on each charge at its own rate.
fn vat_lines(settings: &PricingSettings, stay: Money, charges: &[ChargeLine]) -> Vec<VatLine> {
    if !settings.vat.enabled {
        return Vec::new();
    }
    vat_by_rate(
        std::iter::once((settings.vat.stay_rate, stay))
            .chain(charges.iter().map(|c| (c.vat_rate, c.amount))),
    )
}
