//! Guests beyond those included, flat fees, forfaits, capacity, fixed prices and impossible input.

use super::*;

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
