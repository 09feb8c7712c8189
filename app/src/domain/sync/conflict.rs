//! The email that tells the managers an imported stay overlaps another booking (sent once per stay
//! and dates, not at every poll).

use super::platform::Platform;
use crate::domain::stay::Stay;

/// An imported stay that overlaps another booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictNotice {
    /// The property's name.
    pub property: String,
    /// Where the stay comes from.
    pub platform: Platform,
    /// Its nights.
    pub stay: Stay,
    /// The platform's summary of it.
    pub summary: String,
}

/// For each of `stays`, whether it overlaps one of `others` — in O((n + m) log m), so that a first
/// import of thousands of stays is checked at once.
pub fn overlapping(stays: &[Stay], others: &[Stay]) -> Vec<bool> {
    let mut sorted: Vec<Stay> = others.to_vec();
    sorted.sort_by_key(|stay| stay.arrival());
    // The latest departure among the others arriving up to each position.
    let latest: Vec<_> = sorted
        .iter()
        .scan(None, |latest, stay| {
            let departure = stay.departure();
            *latest = Some(latest.map_or(departure, |d: chrono::NaiveDate| d.max(departure)));
            *latest
        })
        .collect();
    stays
        .iter()
        .map(|stay| {
            let arriving_before =
                sorted.partition_point(|other| other.arrival() < stay.departure());
            arriving_before > 0 && latest[arriving_before - 1] > stay.arrival()
        })
        .collect()
}

/// The subject and text of the email about `notices` (not empty), in French.
pub fn conflict_message(notices: &[ConflictNotice]) -> (String, String) {
    let properties: Vec<&str> = notices.iter().fold(Vec::new(), |mut names, notice| {
        if !names.contains(&notice.property.as_str()) {
            names.push(notice.property.as_str());
        }
        names
    });
    let subject = format!(
        "Saison : réservation importée en conflit ({})",
        properties.join(", ")
    );
    let mut body = String::from(
        "Bonjour,\n\nLa synchronisation des calendriers a importé un séjour qui chevauche une autre réservation :\n\n",
    );
    for notice in notices {
        body.push_str(&format!(
            "- {} : du {} au {} ({}, « {} »)\n",
            notice.property,
            notice.stay.arrival().format("%d/%m/%Y"),
            notice.stay.departure().format("%d/%m/%Y"),
            notice.platform.name(),
            notice.summary
        ));
    }
    body.push_str(
        "\nLe chevauchement est marqué en rouge sur le planning. Vérifiez les deux réservations et \
         prévenez le voyageur si nécessaire.\n\nCe message n'est envoyé qu'une fois pour ce séjour et ces dates.\n",
    );
    (subject, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn overlaps_are_found_whatever_the_order() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap_or_default();
        let stay = |a, b| Stay::new(day(a), day(b)).unwrap_or_else(|e| panic!("{e}"));
        let others = [stay(20, 25), stay(1, 15), stay(16, 17)];
        let stays = [
            stay(14, 16),
            stay(15, 16),
            stay(17, 20),
            stay(24, 26),
            stay(26, 28),
            stay(2, 3),
        ];
        assert_eq!(
            overlapping(&stays, &others),
            [true, false, false, true, false, true],
            "a departure day is free for the next arrival"
        );
        assert_eq!(overlapping(&stays[..1], &[]), [false]);
    }

    #[test]
    fn the_message_names_each_stay_in_french() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap_or_default();
        let notice = ConflictNotice {
            property: "Le Chalet".into(),
            platform: Platform::Airbnb,
            stay: Stay::new(day(10), day(15)).unwrap_or_else(|e| panic!("{e}")),
            summary: "Reserved".into(),
        };
        let (subject, body) = conflict_message(&[notice.clone(), notice]);
        assert_eq!(
            subject,
            "Saison : réservation importée en conflit (Le Chalet)"
        );
        assert!(body.contains("- Le Chalet : du 10/03/2027 au 15/03/2027 (Airbnb, « Reserved »)"));
    }
}
