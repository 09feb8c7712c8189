//! Every rule of SPEC C5 as a test, with the worked examples of seed 004 quoted verbatim.

use super::*;
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::stay::Stay;
use chrono::NaiveDate;

fn euros(amount: i64) -> Money {
    Money::from_cents(amount * 100)
}

/// 2027: 7 May is a Friday.
fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, month, d).unwrap_or_default()
}

fn stay(from: NaiveDate, to: NaiveDate) -> Stay {
    Stay::new(from, to).unwrap_or_else(|_| panic!("bad test stay"))
}

fn plan(nightly: i64) -> Tariff {
    Tariff {
        name: "Gîte".into(),
        base: Rates::nightly(euros(nightly)),
        guests_included: 4,
        extra_guest_fee: Money::ZERO,
        minimum_stay: None,
        seasons: vec![],
        flat_fees: vec![],
    }
}

fn season(name: &str, first: NaiveDate, last: NaiveDate, nightly: i64) -> Season {
    Season {
        name: name.into(),
        first_night: first,
        last_night: last,
        rates: Rates::nightly(euros(nightly)),
        minimum_stay: None,
        no_discounts: false,
    }
}

fn property(tariff: Tariff) -> PricedProperty {
    PricedProperty {
        name: "Les Mimosas".into(),
        capacity: 6,
        tariff,
        tourist_taxes: vec![],
    }
}

/// The seed's examples apply manual discounts: the setting that allows them is on.
fn settings() -> PricingSettings {
    PricingSettings {
        minimum_stay: 1,
        manual_discount_enabled: true,
        ..PricingSettings::default()
    }
}

fn request(stay: Stay, adults: u16, children: u16) -> QuoteRequest {
    QuoteRequest {
        stay,
        guests: Guests {
            adults,
            children,
            others: 0,
        },
        manual_discount: Percent::ZERO,
        options: vec![],
        forfait: None,
        tax_collected_by_platform: false,
    }
}

fn price(property: &PricedProperty, settings: &PricingSettings, request: &QuoteRequest) -> Quote {
    quote(property, settings, request).unwrap_or_else(|e| panic!("no quote: {e}"))
}

#[test]
fn weekly_price_ten_nights_at_700_a_week_cost_1000() {
    // "pour un séjour de 10 jours avec un tarif journalier à 200€ et un tarif semaine à 700€, le
    // logiciel calcule 700 + (700 / 7 x 3) = 1000€."
    let mut tariff = plan(200);
    tariff.base.weekly = Some(euros(700));
    let q = price(
        &property(tariff),
        &settings(),
        &request(stay(day(7, 1), day(7, 11)), 2, 0),
    );
    assert_eq!(q.totals.stay, euros(1000));
    assert!(q.nights.iter().all(|n| n.basis == NightBasis::WeeklyShare));
}

#[test]
fn weekly_price_is_not_used_below_seven_nights() {
    // "Si aucun tarif à la semaine n'est défini, le logiciel utilise toujours le tarif journalier."
    // and the weekly price is "proposé pour les séjours de 7 jours et plus".
    let mut tariff = plan(200);
    tariff.base.weekly = Some(euros(700));
    let q = price(
        &property(tariff),
        &settings(),
        &request(stay(day(7, 1), day(7, 7)), 2, 0),
    );
    assert_eq!(q.totals.stay, euros(1200));
}

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
fn tourist_tax_percentage_seed_example() {
    // "taxe de séjour à 5% avec un plafond à 2,30€ pour un séjour de 3 jours pour 2 adultes et 2
    // enfants facturé 432€TTC => prix journalier HT = (432 - 72)/3 = 120 => prix journalier par
    // personne = 120 / (2 adultes + 2 enfants) = 30 => taxe unitaire = 30 x 5% = 1,50€ => le
    // plafond de 2,30€ ne s'applique pas => taxe totale = 1,50 x 2 adultes x 3 nuits = 9€"
    let mut property = property(plan(144));
    property.tourist_taxes = vec![TouristTax {
        name: "Taxe de séjour 5 %".into(),
        method: TaxMethod::Percentage {
            rate: Percent::points(5),
            cap: Money::from_cents(230),
        },
        surcharges: vec![],
    }];
    let settings = PricingSettings {
        vat: VatSettings {
            enabled: true,
            stay_rate: Percent::points(20),
        },
        ..settings()
    };
    let q = price(
        &property,
        &settings,
        &request(stay(day(3, 1), day(3, 4)), 2, 2),
    );
    assert_eq!(q.totals.stay, euros(432));
    assert_eq!(q.totals.vat, euros(72));
    assert_eq!(q.totals.excluding_vat, euros(360));
    assert_eq!(q.tourist_tax[0].unit, Money::from_cents(150));
    assert_eq!(q.totals.tourist_tax, euros(9));
    // "Dans les factures, la taxe de séjour n'est incluse ni dans le montant HT, ni dans le montant
    // de la TVA. La taxe de séjour est incluse dans le montant total ou le montant TTC."
    assert_eq!(q.totals.total, euros(441));
}

#[test]
fn tourist_tax_is_computed_without_services() {
    // "Les services éventuels (repas, boissons, ménage...) et la TVA sont à retirer de la base de
    // calcul."
    let mut tariff = plan(120);
    tariff.flat_fees = vec![Charge {
        label: "Ménage de sortie".into(),
        unit_price: euros(60),
        vat_rate: Percent::ZERO,
    }];
    let mut property = property(tariff);
    property.tourist_taxes = vec![TouristTax {
        name: "Taxe de séjour".into(),
        method: TaxMethod::Percentage {
            rate: Percent::points(5),
            cap: Money::from_cents(230),
        },
        surcharges: vec![],
    }];
    let q = price(
        &property,
        &settings(),
        &request(stay(day(3, 1), day(3, 4)), 2, 2),
    );
    assert_eq!(q.totals.tourist_tax, euros(9));
}

#[test]
fn platform_collected_tax_gives_no_tax_line() {
    let mut property = property(plan(100));
    property.tourist_taxes = vec![TouristTax {
        name: "Taxe de séjour".into(),
        method: TaxMethod::PerAdultNight(Money::from_cents(100)),
        surcharges: vec![],
    }];
    let mut asked = request(stay(day(3, 1), day(3, 4)), 2, 0);
    assert_eq!(
        price(&property, &settings(), &asked).totals.tourist_tax,
        euros(6)
    );
    asked.tax_collected_by_platform = true;
    let q = price(&property, &settings(), &asked);
    assert!(q.tourist_tax.is_empty());
    assert_eq!(q.totals.total, euros(300));
}

#[test]
fn minimum_stay_on_the_may_bridge() {
    // "en définissant une durée minimum de 3 jours pour le pont du 07 au 10 mai, une réservation du
    // 07 au 10 sera acceptée, mais pas une réservation du 06 au 09."
    let mut bridge = season("Pont de mai", day(5, 7), day(5, 10), 150);
    bridge.minimum_stay = Some(3);
    let mut tariff = plan(100);
    tariff.seasons = vec![bridge];
    let property = property(tariff);
    let settings = settings();
    let accepted = price(
        &property,
        &settings,
        &request(stay(day(5, 7), day(5, 10)), 2, 0),
    );
    assert!(accepted.is_accepted());
    let refused = price(
        &property,
        &settings,
        &request(stay(day(5, 6), day(5, 9)), 2, 0),
    );
    assert_eq!(
        refused.refusals,
        vec![Refusal::MinimumStay {
            required: 3,
            actual: 2,
            season: Some("Pont de mai".into()),
        }]
    );
}

#[test]
fn the_global_minimum_applies_outside_seasons_with_their_own() {
    // "La durée minimum des séjours est définie globalement"; a seasonal one "sera utilisée à la
    // place du réglage global".
    let mut low = season("Basse saison", day(11, 1), day(11, 30), 60);
    low.minimum_stay = Some(1);
    let mut tariff = plan(100);
    tariff.seasons = vec![low];
    let property = property(tariff);
    let settings = PricingSettings {
        minimum_stay: 2,
        ..settings()
    };
    let in_low = price(
        &property,
        &settings,
        &request(stay(day(11, 5), day(11, 6)), 2, 0),
    );
    assert!(in_low.is_accepted());
    let outside = price(
        &property,
        &settings,
        &request(stay(day(10, 5), day(10, 6)), 2, 0),
    );
    assert_eq!(
        outside.refusals,
        vec![Refusal::MinimumStay {
            required: 2,
            actual: 1,
            season: None
        }]
    );
}

#[test]
fn the_most_expensive_season_wins_where_they_overlap() {
    // "Si deux tarifs saisonniers sont définis pour une même période, le tarif le plus cher est
    // retenu (exemple : une période "très haute saison" est superposée à une période "haute
    // saison")."
    let mut tariff = plan(100);
    tariff.seasons = vec![
        season("Très haute saison", day(8, 1), day(8, 15), 250),
        season("Haute saison", day(7, 1), day(8, 31), 180),
    ];
    let q = price(
        &property(tariff),
        &settings(),
        &request(stay(day(7, 30), day(8, 3)), 2, 0),
    );
    let seasons: Vec<_> = q.nights.iter().map(|n| n.season.as_deref()).collect();
    assert_eq!(
        seasons,
        vec![
            Some("Haute saison"),
            Some("Haute saison"),
            Some("Très haute saison"),
            Some("Très haute saison")
        ]
    );
    assert_eq!(q.totals.stay, euros(180 * 2 + 250 * 2));
}

#[test]
fn a_stay_across_seasons_follows_them_night_by_night() {
    // "Le logiciel utilise le tarif défini jour par jour, en suivant les périodes tarifaires
    // successives."
    let mut tariff = plan(100);
    tariff.seasons = vec![season("Haute saison", day(7, 1), day(8, 31), 180)];
    let q = price(
        &property(tariff),
        &settings(),
        &request(stay(day(6, 29), day(7, 2)), 2, 0),
    );
    assert_eq!(q.nights[0].season, None);
    assert_eq!(q.totals.stay, euros(100 + 100 + 180));
}

#[test]
fn weekend_price_applies_to_friday_and_saturday_nights() {
    // "Un tarif optionnel est proposé pour les nuits du vendredi soir et du samedi soir."
    let mut tariff = plan(100);
    tariff.base.weekend = Some(euros(130));
    // Thursday 6 May to Monday 10 May 2027: Thu, Fri, Sat, Sun nights.
    let q = price(
        &property(tariff),
        &settings(),
        &request(stay(day(5, 6), day(5, 10)), 2, 0),
    );
    let bases: Vec<_> = q.nights.iter().map(|n| n.basis).collect();
    assert_eq!(
        bases,
        vec![
            NightBasis::Nightly,
            NightBasis::Weekend,
            NightBasis::Weekend,
            NightBasis::Nightly
        ]
    );
    assert_eq!(q.totals.stay, euros(460));
}

#[test]
fn extra_guests_are_adults_and_children_beyond_those_included() {
    // "Ce supplément est appliqué au delà du nombre de voyageurs défini par le tarif. Le nombre de
    // voyageurs est l'addition des voyageurs Adultes et Enfants. Les voyageurs "Autres" ne sont pas
    // pris en compte."
    let mut tariff = plan(100);
    tariff.guests_included = 2;
    tariff.extra_guest_fee = euros(15);
    let mut asked = request(stay(day(3, 1), day(3, 4)), 2, 1);
    asked.guests.others = 2;
    let q = price(&property(tariff), &settings(), &asked);
    assert_eq!(q.supplement.as_ref().map(|s| s.extra_guests), Some(1));
    assert_eq!(q.totals.supplements, euros(45));
    assert_eq!(q.totals.stay, euros(345));
}

#[test]
fn flat_fees_are_charged_once_whatever_the_length_and_guests() {
    // "Les frais forfaitaires sont appliqués une seule fois, quels que soient la durée du séjour et
    // le nombre de voyageurs."
    let mut tariff = plan(100);
    tariff.flat_fees = vec![Charge {
        label: "Ménage de sortie".into(),
        unit_price: euros(70),
        vat_rate: Percent::ZERO,
    }];
    let property = property(tariff);
    for (nights, adults) in [(1, 1), (9, 5)] {
        let q = price(
            &property,
            &settings(),
            &request(stay(day(3, 1), day(3, 1 + nights)), adults, 0),
        );
        assert_eq!(q.totals.charges, euros(70));
    }
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

#[test]
fn a_forfait_replaces_the_stay_price() {
    // "le prix calculé est modifiable en cochant la case "Forfait" du formulaire de réservation.
    // Définissez alors le prix forfaitaire à appliquer à la réservation."
    let mut tariff = plan(100);
    tariff.flat_fees = vec![Charge {
        label: "Ménage".into(),
        unit_price: euros(50),
        vat_rate: Percent::ZERO,
    }];
    let mut asked = request(stay(day(3, 1), day(3, 8)), 2, 0);
    asked.forfait = Some(euros(555));
    let q = price(&property(tariff), &settings(), &asked);
    assert_eq!(q.totals.stay, euros(555));
    assert_eq!(q.totals.total, euros(605));
}

#[test]
fn too_many_guests_is_refused_with_the_capacity() {
    let q = price(
        &property(plan(100)),
        &settings(),
        &request(stay(day(3, 1), day(3, 3)), 5, 2),
    );
    assert_eq!(
        q.refusals,
        vec![Refusal::TooManyGuests {
            guests: 7,
            capacity: 6
        }]
    );
}

#[test]
fn vat_is_given_per_rate() {
    // "Si nécessaire, vous pouvez modifier le taux de TVA" — each line keeps its own rate.
    let settings = PricingSettings {
        vat: VatSettings {
            enabled: true,
            stay_rate: Percent::points(10),
        },
        ..settings()
    };
    let mut asked = request(stay(day(3, 1), day(3, 3)), 2, 0);
    asked.options = vec![ChosenOption {
        charge: Charge {
            label: "Panier repas".into(),
            unit_price: euros(24),
            vat_rate: Percent::points(20),
        },
        quantity: 1,
    }];
    let q = price(&property(plan(110)), &settings, &asked);
    assert_eq!(q.vat.len(), 2);
    assert_eq!(q.vat[0].vat, euros(20));
    assert_eq!(q.vat[1].vat, euros(4));
    assert_eq!(q.totals.excluding_vat, euros(220));
}

#[test]
fn a_fixed_price_property_is_priced_libre() {
    let q = price(
        &property(Tariff::fixed(euros(85))),
        &settings(),
        &request(stay(day(3, 1), day(3, 3)), 2, 0),
    );
    assert_eq!(&*q.tariff, "Libre");
    assert_eq!(q.totals.total, euros(170));
}

#[test]
fn impossible_input_is_an_error() {
    let long = request(stay(day(1, 1), day(1, 1) + chrono::Days::new(731)), 2, 0);
    assert_eq!(
        quote(&property(plan(100)), &settings(), &long),
        Err(QuoteError::StayTooLong)
    );
    let mut generous = request(stay(day(1, 1), day(1, 3)), 2, 0);
    generous.manual_discount = Percent::points(101);
    assert_eq!(
        quote(&property(plan(100)), &settings(), &generous),
        Err(QuoteError::DiscountTooHigh)
    );
    // The setting that hides the field is also enforced: a discount typed anyway is refused.
    let mut hidden = request(stay(day(1, 1), day(1, 3)), 2, 0);
    hidden.manual_discount = Percent::points(10);
    let off = PricingSettings {
        manual_discount_enabled: false,
        ..settings()
    };
    assert_eq!(
        quote(&property(plan(100)), &off, &hidden),
        Err(QuoteError::DiscountDisabled)
    );
}
