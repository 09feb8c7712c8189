//! Properties of every quote, checked on generated tariffs and stays (proptest).

use super::*;
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::stay::Stay;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 6, 1).unwrap_or_default()
}

fn money() -> impl Strategy<Value = Money> {
    (0i64..60_000).prop_map(Money::from_cents)
}

fn rates() -> impl Strategy<Value = Rates> {
    (
        money(),
        proptest::option::of(money()),
        proptest::option::of(money()),
    )
        .prop_map(|(nightly, weekly, weekend)| Rates {
            nightly,
            weekly,
            weekend,
        })
}

fn season() -> impl Strategy<Value = Season> {
    (
        0u64..60,
        0u64..30,
        rates(),
        proptest::option::of(1u16..6),
        any::<bool>(),
        "[A-D]",
    )
        .prop_map(|(start, length, rates, minimum_stay, no_discounts, name)| {
            let first_night = origin() + Days::new(start);
            Season {
                name: name.into(),
                first_night,
                last_night: first_night + Days::new(length),
                rates,
                minimum_stay,
                no_discounts,
            }
        })
}

fn charge() -> impl Strategy<Value = Charge> {
    (money(), prop_oneof![Just(0u32), Just(10), Just(20)]).prop_map(|(unit_price, vat)| Charge {
        label: "Option".into(),
        unit_price,
        vat_rate: Percent::points(vat),
    })
}

fn tourist_tax() -> impl Strategy<Value = TouristTax> {
    (
        any::<bool>(),
        money(),
        1u32..=5,
        prop_oneof![Just(0u32), Just(10)],
        prop_oneof![Just(0u32), Just(15), Just(34), Just(200)],
    )
        .prop_map(|(fixed, amount, rate, departmental, regional)| TouristTax {
            name: "Taxe".into(),
            method: if fixed {
                TaxMethod::PerAdultNight(Money::from_cents(amount.cents() % 500))
            } else {
                TaxMethod::Percentage {
                    rate: Percent::points(rate),
                    cap: Money::from_cents(amount.cents() % 500),
                }
            },
            surcharges: vec![
                Surcharge {
                    label: "Départementale".into(),
                    rate: Percent::points(departmental),
                },
                Surcharge {
                    label: "Régionale".into(),
                    rate: Percent::points(regional),
                },
            ],
        })
}

fn property() -> impl Strategy<Value = PricedProperty> {
    (
        rates(),
        0u16..5,
        money(),
        proptest::option::of(1u16..4),
        proptest::collection::vec(season(), 0..5),
        proptest::collection::vec(charge(), 0..3),
        proptest::collection::vec(tourist_tax(), 0..3),
    )
        .prop_map(
            |(base, guests_included, fee, minimum_stay, seasons, flat_fees, tourist_taxes)| {
                PricedProperty {
                    name: "Logement".into(),
                    capacity: 8,
                    tariff: Tariff {
                        name: "Plan".into(),
                        base,
                        guests_included,
                        extra_guest_fee: fee,
                        minimum_stay,
                        seasons,
                        flat_fees,
                    },
                    tourist_taxes,
                }
            },
        )
}

fn settings() -> impl Strategy<Value = PricingSettings> {
    (
        1u16..4,
        proptest::collection::vec((2u16..=120, 0u32..=50), 0..4),
        any::<bool>(),
        prop_oneof![Just(10u32), Just(20)],
    )
        .prop_map(|(minimum_stay, discounts, vat, rate)| PricingSettings {
            minimum_stay,
            duration_discounts: discounts
                .into_iter()
                .map(|(from_nights, percent)| DurationDiscount {
                    from_nights,
                    percent: Percent::points(percent),
                })
                .collect(),
            manual_discount_enabled: true,
            vat: VatSettings {
                enabled: vat,
                stay_rate: Percent::points(rate),
            },
        })
}

fn request() -> impl Strategy<Value = QuoteRequest> {
    (
        0u64..70,
        1u64..40,
        (0u16..6, 0u16..4, 0u16..3),
        0u32..=100,
        proptest::collection::vec((charge(), 0u32..4), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(start, nights, (adults, children, others), manual, options, platform)| {
                let arrival = origin() + Days::new(start);
                QuoteRequest {
                    stay: Stay::new(arrival, arrival + Days::new(nights))
                        .unwrap_or_else(|_| panic!("generated an empty stay")),
                    guests: Guests {
                        adults,
                        children,
                        others,
                    },
                    manual_discount: Percent::points(manual),
                    options: options
                        .into_iter()
                        .map(|(charge, quantity)| ChosenOption { charge, quantity })
                        .collect(),
                    forfait: None,
                    tax_collected_by_platform: platform,
                }
            },
        )
}

fn priced(property: &PricedProperty, settings: &PricingSettings, request: &QuoteRequest) -> Quote {
    quote(property, settings, request).unwrap_or_else(|e| panic!("no quote: {e}"))
}

proptest! {
    #[test]
    fn totals_equal_the_sum_of_their_lines(
        property in property(), settings in settings(), request in request()
    ) {
        let q = priced(&property, &settings, &request);
        let t = &q.totals;
        prop_assert_eq!(t.nights, q.nights.iter().map(|n| n.amount).sum::<Money>());
        prop_assert_eq!(t.supplements, q.supplement.as_ref().map_or(Money::ZERO, |s| s.amount));
        prop_assert_eq!(t.discounts, q.discounts.iter().map(|d| d.amount).sum::<Money>());
        prop_assert_eq!(t.stay, t.nights + t.supplements - t.discounts);
        prop_assert_eq!(t.charges, q.charges.iter().map(|c| c.amount).sum::<Money>());
        prop_assert_eq!(t.tourist_tax, q.tourist_tax.iter().map(|l| l.amount).sum::<Money>());
        prop_assert_eq!(t.vat, q.vat.iter().map(|v| v.vat).sum::<Money>());
        prop_assert_eq!(t.total, t.stay + t.charges + t.tourist_tax);
        prop_assert_eq!(t.excluding_vat + t.vat, t.stay + t.charges);
        prop_assert_eq!(q.nights.len() as i64, request.stay.nights());
        prop_assert!(t.stay >= Money::ZERO);
    }

    #[test]
    fn quotes_are_deterministic_whatever_the_order_of_seasons(
        property in property(), settings in settings(), request in request()
    ) {
        let first = priced(&property, &settings, &request);
        prop_assert_eq!(&first, &priced(&property, &settings, &request));
        let mut reversed = property.clone();
        reversed.tariff.seasons.reverse();
        prop_assert_eq!(&first, &priced(&reversed, &settings, &request));
        let mut rotated = property.clone();
        if !rotated.tariff.seasons.is_empty() {
            rotated.tariff.seasons.rotate_left(1);
        }
        prop_assert_eq!(&first, &priced(&rotated, &settings, &request));
    }

    #[test]
    fn the_most_expensive_season_prices_each_night(
        property in property(), request in request()
    ) {
        let settings = PricingSettings { manual_discount_enabled: true, ..PricingSettings::default() };
        let q = priced(&property, &settings, &request);
        let weekly_stay = request.stay.nights() >= 7;
        for line in q.nights.iter().filter(|l| l.basis == NightBasis::Nightly) {
            // No covering season offers a dearer nightly-basis night than the one chosen.
            if let Some(name) = &line.season {
                let dearest = property.tariff.seasons.iter()
                    .filter(|s| s.covers(line.night) && !(weekly_stay && s.rates.weekly.is_some()))
                    .filter(|s| s.rates.weekend.is_none())
                    .map(|s| s.rates.nightly)
                    .max();
                if let Some(dearest) = dearest {
                    prop_assert!(line.amount >= dearest, "{} {:?}", name, line);
                }
            }
        }
    }

    #[test]
    fn a_forfait_replaces_exactly_the_stay_price(
        property in property(), settings in settings(), request in request(),
        forfait in money()
    ) {
        let computed = priced(&property, &settings, &request);
        let mut fixed = request.clone();
        fixed.forfait = Some(forfait);
        let q = priced(&property, &settings, &fixed);
        prop_assert_eq!(q.totals.stay, forfait);
        prop_assert_eq!(&q.charges, &computed.charges);
        prop_assert_eq!(&q.nights, &computed.nights);
        prop_assert!(q.discounts.is_empty());
        prop_assert_eq!(q.totals.total, forfait + q.totals.charges + q.totals.tourist_tax);
    }

    #[test]
    fn discounts_apply_only_to_discountable_nights_and_their_supplements(
        property in property(), settings in settings(), request in request()
    ) {
        let q = priced(&property, &settings, &request);
        let mut undiscounted = request.clone();
        undiscounted.manual_discount = Percent::ZERO;
        let no_discount_settings = PricingSettings { duration_discounts: vec![], ..settings.clone() };
        let plain = priced(&property, &no_discount_settings, &undiscounted);
        // Options and flat fees never change with discounts.
        prop_assert_eq!(&q.charges, &plain.charges);
        // The discount base is exactly the discountable nights and their supplements.
        let discountable: Vec<_> = q.nights.iter().filter(|n| n.discountable).collect();
        let base = discountable.iter().map(|n| n.amount).sum::<Money>()
            + q.supplement.as_ref().map_or(Money::ZERO, |s| {
                s.unit * i64::from(s.extra_guests) * discountable.len() as i64
            });
        if let Some(first) = q.discounts.first() {
            prop_assert_eq!(first.base, base);
        }
        prop_assert!(q.totals.discounts <= base);
        // Weekly-priced nights and "no discount" seasons are never discountable.
        for night in &q.nights {
            let in_no_discount_season = night.season.as_ref().is_some_and(|name| {
                property.tariff.seasons.iter().any(|s| &s.name == name && s.covers(night.night)
                    && s.no_discounts)
                    && property.tariff.seasons.iter().filter(|s| &s.name == name
                        && s.covers(night.night)).all(|s| s.no_discounts)
            });
            if night.basis == NightBasis::WeeklyShare || in_no_discount_season {
                prop_assert!(!night.discountable);
            }
        }
        // A fixed tourist tax does not move with discounts either.
        let fixed_only = property.tourist_taxes.iter()
            .all(|t| matches!(t.method, TaxMethod::PerAdultNight(_)));
        if fixed_only {
            prop_assert_eq!(&q.tourist_tax, &plain.tourist_tax);
        }
    }
}
