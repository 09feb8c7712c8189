//! A provider's tasks as an iCalendar feed (SPEC C11): one all-day event per arrival and per
//! departure (the departure says the turnover until the next guests), with guest counts and the
//! note for providers — nothing else: no price, no guest name or contact. Written with the export's
//! escaping and line folding; UIDs stable per booking and task.

use crate::sync::export::{escape, push_line, stamp};
use app::domain::provider::{ProviderPlanning, Task, TaskKind};
use app::i18n::providers::ProviderTexts;
use chrono::Duration;

fn event(out: &mut String, task: &Task, t: &ProviderTexts, uid_domain: &str) {
    let (kind, suffix, mut details) = match &task.kind {
        TaskKind::Arrival { departure } => (t.arrival, "arrival", vec![(t.stay_until)(*departure)]),
        TaskKind::Departure {
            turnover,
            next_guests,
        } => {
            let mut lines = vec![(t.turnover)(*turnover)];
            lines.extend(next_guests.map(|g| (t.next_guests)(g)));
            (t.departure, "departure", lines)
        }
    };
    if !task.notes.is_empty() {
        details.push(format!("{} : {}", t.note, task.notes));
    }
    let summary = format!(
        "{kind} – {} – {}",
        task.property_name,
        (t.guests)(task.guests)
    );
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}-{suffix}@{uid_domain}", task.booking));
    push_line(out, &format!("DTSTAMP:{}", stamp(task.changed_at)));
    push_line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", task.date.format("%Y%m%d")),
    );
    push_line(
        out,
        &format!(
            "DTEND;VALUE=DATE:{}",
            (task.date + Duration::days(1)).format("%Y%m%d")
        ),
    );
    push_line(out, &format!("SUMMARY:{}", escape(&summary)));
    push_line(out, &format!("DESCRIPTION:{}", escape(&details.join("\n"))));
    push_line(out, "TRANSP:TRANSPARENT");
    push_line(out, "END:VEVENT");
}

/// The feed of `planning`, worded with `t`, UIDs ending in `@uid_domain`.
pub fn render(planning: &ProviderPlanning, t: &ProviderTexts, uid_domain: &str) -> String {
    let mut out = String::with_capacity(256 + planning.tasks.len() * 300);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Saison//Planning prestataire//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&(t.ics_name)(&planning.provider_name))
        ),
    );
    for task in &planning.tasks {
        event(&mut out, task, t, uid_domain);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::ids::{BookingId, PropertyId};
    use app::domain::pricing::Guests;
    use app::domain::provider::{plan, ServedStay};
    use chrono::{DateTime, NaiveDate};
    use uuid::Uuid;

    #[test]
    fn tasks_become_all_day_events_with_escaped_text() {
        let day = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default();
        let stay = ServedStay {
            booking: BookingId(Uuid::from_u128(1)),
            property: PropertyId(Uuid::from_u128(2)),
            property_name: "Gîte; « les Pins », vue mer".into(),
            arrival: day(10),
            departure: day(12),
            guests: Guests {
                adults: 2,
                children: 0,
                others: 1,
            },
            notes: "Clés, boîte 3\nCode 1234".into(),
            changed_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
        };
        let planning = ProviderPlanning {
            provider_name: "Ménage, Express".into(),
            organisation_name: "Gîtes".into(),
            properties: vec![],
            from: day(1),
            days: 60,
            tasks: plan(&[stay], day(1), 60),
        };
        let t = app::i18n::texts(app::i18n::Lang::Fr).providers;
        let text = render(&planning, t, "saison.test");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(
            text.contains("\r\nUID:00000000-0000-0000-0000-000000000001-arrival@saison.test\r\n")
        );
        assert!(text.contains("\r\nDTSTART;VALUE=DATE:20270710\r\nDTEND;VALUE=DATE:20270711\r\n"));
        assert!(text.contains("X-WR-CALNAME:Saison – Ménage\\, Express"));
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "SUMMARY:Arrivée – Gîte\\; « les Pins »\\, vue mer – 2 adultes\\, 1 autre (bébé…)"
            ),
            "{unfolded}"
        );
        assert!(
            unfolded.contains("Note : Clés\\, boîte 3\\nCode 1234"),
            "{unfolded}"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
    }
}
