//! Tourist tax (per person or percentage, collected by the platform) and VAT per rate.

use super::*;

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
