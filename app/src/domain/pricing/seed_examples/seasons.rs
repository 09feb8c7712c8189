//! Nights: weekly and weekend prices, overlapping seasons, minimum stays (seed 004 "Tarifs").

use super::*;

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
