//! Tests of the poll plan: SPEC C9's rules, one by one.

use super::*;
use uuid::Uuid;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn stay(arrival: &str, departure: &str) -> Stay {
    Stay::new(day(arrival), day(departure)).unwrap_or_else(|e| panic!("{e}"))
}

fn event(uid: &str, arrival: &str, departure: &str, kind: EventKind) -> FeedEvent {
    FeedEvent {
        uid: uid.into(),
        stay: stay(arrival, departure),
        kind,
        summary: "Reserved".into(),
        reservation_url: None,
        phone_digits: None,
    }
}

fn imported_from(index: u128, event: &FeedEvent) -> Imported {
    Imported {
        booking: BookingId(Uuid::from_u128(index)),
        uid: event.uid.clone(),
        fingerprint: fingerprint(event),
        stay: event.stay,
        blocked: event.kind == EventKind::Blocked,
    }
}

const TODAY: &str = "2027-03-01";

fn feed_of_three() -> Vec<FeedEvent> {
    vec![
        event("a", "2027-03-10", "2027-03-15", EventKind::Reservation),
        event("b", "2027-04-01", "2027-04-05", EventKind::Reservation),
        event("c", "2027-05-01", "2027-05-08", EventKind::Reservation),
    ]
}

fn imported(events: &[FeedEvent]) -> Vec<Imported> {
    events
        .iter()
        .zip(1..)
        .map(|(event, index)| imported_from(index, event))
        .collect()
}

#[test]
fn an_unchanged_feed_changes_nothing() {
    let events = feed_of_three();
    let plan = plan_sync(&imported(&events), &events, day(TODAY), false);
    assert_eq!(plan.changes, vec![]);
    assert_eq!(plan.held, vec![]);
    assert_eq!(plan.unchanged, 3);
}

#[test]
fn new_events_are_added() {
    let events = feed_of_three();
    let plan = plan_sync(&[], &events, day(TODAY), false);
    assert_eq!(plan.changes.len(), 3);
    assert!(matches!(&plan.changes[0], Change::Add(added) if added.uid == "a"));
}

#[test]
fn dates_changed_under_the_same_uid_move_the_booking() {
    let before = feed_of_three();
    let mut now = before.clone();
    now[1].stay = stay("2027-04-02", "2027-04-06");
    let plan = plan_sync(&imported(&before), &now, day(TODAY), false);
    assert_eq!(
        plan.changes,
        vec![Change::Update {
            booking: BookingId(Uuid::from_u128(2)),
            previous: before[1].stay,
            event: now[1].clone(),
        }]
    );
    assert_eq!(plan.unchanged, 2);
}

#[test]
fn a_gone_event_cancels_its_booking() {
    let before = feed_of_three();
    let plan = plan_sync(&imported(&before), &before[..2], day(TODAY), false);
    assert_eq!(
        plan.changes,
        vec![Change::Cancel {
            booking: BookingId(Uuid::from_u128(3)),
            uid: "c".into(),
            stay: before[2].stay,
        }]
    );
}

#[test]
fn past_stays_dropped_by_the_platform_are_left_alone() {
    let mut before = feed_of_three();
    before.push(event(
        "old",
        "2027-01-02",
        "2027-01-09",
        EventKind::Reservation,
    ));
    let plan = plan_sync(&imported(&before), &before[..3], day(TODAY), false);
    assert_eq!(plan.changes, vec![]);
    assert_eq!(plan.held, vec![]);
}

#[test]
fn an_empty_feed_cancels_nothing_until_confirmed() {
    let before = feed_of_three();
    let plan = plan_sync(&imported(&before), &[], day(TODAY), false);
    assert_eq!(plan.changes, vec![]);
    assert_eq!(plan.held.len(), 3);
    let confirmed = plan_sync(&imported(&before), &[], day(TODAY), true);
    assert_eq!(confirmed.changes.len(), 3);
    assert_eq!(confirmed.held, vec![]);
}

#[test]
fn losing_more_than_half_of_the_future_is_held() {
    let before = feed_of_three();
    let plan = plan_sync(&imported(&before), &before[..1], day(TODAY), false);
    assert_eq!(plan.changes, vec![]);
    assert_eq!(plan.held.len(), 2);
}

#[test]
fn losing_exactly_half_is_applied() {
    let mut before = feed_of_three();
    before.push(event(
        "d",
        "2027-06-01",
        "2027-06-03",
        EventKind::Reservation,
    ));
    let plan = plan_sync(&imported(&before), &before[..2], day(TODAY), false);
    assert_eq!(plan.changes.len(), 2);
    assert_eq!(plan.held, vec![]);
}

#[test]
fn airbnb_rolling_window_stays_one_block() {
    let yesterday = event("block-1", "2027-11-21", "2028-01-01", EventKind::Blocked);
    let today = event("block-2", "2027-11-22", "2028-01-01", EventKind::Blocked);
    let plan = plan_sync(
        &[imported_from(9, &yesterday)],
        std::slice::from_ref(&today),
        day(TODAY),
        false,
    );
    assert_eq!(
        plan.changes,
        vec![Change::Update {
            booking: BookingId(Uuid::from_u128(9)),
            previous: yesterday.stay,
            event: today,
        }]
    );
}

#[test]
fn a_new_reservation_next_to_a_gone_block_is_not_the_block() {
    let block = event("block", "2027-03-10", "2027-03-12", EventKind::Blocked);
    let stay_after = event("r", "2027-03-12", "2027-03-14", EventKind::Reservation);
    let plan = plan_sync(
        &[imported_from(1, &block)],
        std::slice::from_ref(&stay_after),
        day(TODAY),
        true,
    );
    assert_eq!(plan.changes.len(), 2);
    assert_eq!(plan.changes[0], Change::Add(stay_after));
    assert!(matches!(plan.changes[1], Change::Cancel { .. }));
}

#[test]
fn labels_show_a_name_or_the_platform() {
    let mut reserved = event("a", "2027-03-10", "2027-03-15", EventKind::Reservation);
    assert_eq!(guest_label(&reserved, Platform::Airbnb), "Airbnb");
    reserved.summary = "Réservée - Marie".into();
    assert_eq!(guest_label(&reserved, Platform::Vrbo), "Marie");
    reserved.summary = "CLOSED - Not available".into();
    assert_eq!(guest_label(&reserved, Platform::BookingCom), "Booking.com");
    let block = event("b", "2027-03-10", "2027-03-15", EventKind::Blocked);
    assert_eq!(
        guest_label(&block, Platform::Airbnb),
        "Airbnb (indisponible)"
    );
}
