//! Duration and manual discounts, and what they never touch (seed 004 "Réductions").

use super::*;

#[test]
fn duration_discount_100_a_night_10_percent_from_3_nights() {
    // "pour un tarif journalier de 100 € avec une réduction de 10% pour un séjour de 3 nuitées, le
    // tarif sera de 100 * 3 * (100% - 10%) = 270 €."
    let settings = PricingSettings {
        duration_discounts: vec![DurationDiscount {
            from_nights: 3,
            percent: Percent::points(10),
        }],
        ..settings()
    };
    let three = price(
        &property(plan(100)),
        &settings,
        &request(stay(day(3, 1), day(3, 4)), 2, 0),
    );
    assert_eq!(three.totals.stay, euros(270));
    // "la réduction de 10% sera appliquée pour tous les séjours de 3 nuitées et plus."
    let five = price(
        &property(plan(100)),
        &settings,
        &request(stay(day(3, 1), day(3, 6)), 2, 0),
    );
    assert_eq!(five.totals.stay, euros(450));
    let two = price(
        &property(plan(100)),
        &settings,
        &request(stay(day(3, 1), day(3, 3)), 2, 0),
    );
    assert_eq!(two.totals.stay, euros(200));
}

#[test]
fn a_higher_threshold_takes_over() {
    let settings = PricingSettings {
        duration_discounts: vec![
            DurationDiscount {
                from_nights: 7,
                percent: Percent::points(15),
            },
            DurationDiscount {
                from_nights: 3,
                percent: Percent::points(10),
            },
            DurationDiscount {
                from_nights: 14,
                percent: Percent::ZERO,
            },
        ],
        ..settings()
    };
    let q = price(
        &property(plan(100)),
        &settings,
        &request(stay(day(3, 1), day(3, 21)), 2, 0),
    );
    // 20 nights: the 14-night threshold is left at 0 %, so 15 % from 7 nights applies.
    assert_eq!(q.totals.stay, euros(1700));
}

#[test]
fn discounts_never_touch_options_tax_or_weekly_nights() {
    // "Les réductions sont calculées sur la base du tarif du séjour, hors options et hors taxe de
    // séjour." and "le tarif semaine sera utilisé en priorité, sans application de la réduction en
    // pourcentage."
    let mut tariff = plan(100);
    tariff.seasons = vec![Season {
        rates: Rates {
            nightly: euros(200),
            weekly: Some(euros(1050)),
            weekend: None,
        },
        ..season("Été", day(7, 1), day(7, 31), 200)
    }];
    let mut property = property(tariff);
    property.tourist_taxes = vec![TouristTax {
        name: "Taxe de séjour".into(),
        method: TaxMethod::PerAdultNight(euros(1)),
        surcharges: vec![],
    }];
    let settings = PricingSettings {
        duration_discounts: vec![DurationDiscount {
            from_nights: 2,
            percent: Percent::points(10),
        }],
        ..settings()
    };
    let mut asked = request(stay(day(6, 28), day(7, 5)), 2, 0);
    asked.options = vec![ChosenOption {
        charge: Charge {
            label: "Linge de lit".into(),
            unit_price: euros(12),
            vat_rate: Percent::ZERO,
        },
        quantity: 2,
    }];
    let q = price(&property, &settings, &asked);
    // 7 nights: 3 in June at the base nightly 100 € (discountable), 4 in July at 1050/7 = 150 €.
    assert_eq!(q.discounts[0].base, euros(300));
    assert_eq!(q.totals.discounts, euros(30));
    assert_eq!(q.totals.stay, euros(300 + 600 - 30));
    assert_eq!(q.totals.charges, euros(24));
    assert_eq!(q.totals.tourist_tax, euros(14));
}

#[test]
fn no_discount_in_a_season_marked_so() {
    // "Il est possible de désactiver les réductions pour certaines périodes tarifaires"
    let mut peak = season("Très haute saison", day(8, 1), day(8, 15), 250);
    peak.no_discounts = true;
    let mut tariff = plan(100);
    tariff.seasons = vec![peak];
    let mut asked = request(stay(day(8, 1), day(8, 4)), 2, 0);
    asked.manual_discount = Percent::points(20);
    let q = price(&property(tariff), &settings(), &asked);
    assert!(q.discounts.is_empty());
    assert_eq!(q.totals.stay, euros(750));
}

#[test]
fn both_discounts_apply_one_after_the_other_length_first() {
    // "Il est possible de cumuler les 2 types de réduction"
    let settings = PricingSettings {
        duration_discounts: vec![DurationDiscount {
            from_nights: 3,
            percent: Percent::points(10),
        }],
        manual_discount_enabled: true,
        ..settings()
    };
    let mut asked = request(stay(day(3, 1), day(3, 5)), 2, 0);
    asked.manual_discount = Percent::points(5);
    let q = price(&property(plan(100)), &settings, &asked);
    assert_eq!(q.discounts.len(), 2);
    assert_eq!(
        q.discounts[0].kind,
        DiscountKind::Duration { from_nights: 3 }
    );
    assert_eq!(q.discounts[1].base, euros(360));
    assert_eq!(q.discounts[1].amount, Money::from_cents(1800));
    assert_eq!(q.totals.stay, euros(342));
}
