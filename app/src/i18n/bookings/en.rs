//! The planning and the booking form in English.

use super::BookingsTexts;
use crate::domain::booking::Origin;
use chrono::NaiveDate;

fn short(day: NaiveDate) -> String {
    day.format("%d %b").to_string()
}

fn months(count: u32) -> String {
    if count == 1 {
        "1 month".into()
    } else {
        format!("{count} months")
    }
}

fn overbookings(count: usize) -> String {
    match count {
        0 => "No overbooking".into(),
        1 => "1 overbooking".into(),
        n => format!("{n} overbookings"),
    }
}

fn overbooking_line(property: &str, first: NaiveDate, end: NaiveDate) -> String {
    format!("{property}: nights from {} to {}", short(first), short(end))
}

fn bar_label(guest: &str, status: &str, arrival: NaiveDate, departure: NaiveDate) -> String {
    let who = if guest.is_empty() { status } else { guest };
    format!(
        "{who} — {status}, {} to {}",
        short(arrival),
        short(departure)
    )
}

fn free_cell(property: &str, day: NaiveDate) -> String {
    format!("New booking: {property}, arriving {}", short(day))
}

fn month_name(day: NaiveDate) -> String {
    day.format("%B %Y").to_string()
}

fn weekday_initial(day: NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["M", "T", "W", "T", "F", "S", "S"]
        .get(day.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or_default()
}

fn guest_found(name: &str, bookings: i64) -> String {
    match bookings {
        0 => name.to_owned(),
        1 => format!("{name} (1 booking)"),
        n => format!("{name} ({n} bookings)"),
    }
}

fn guest_picked(name: &str) -> String {
    format!("Existing customer: {name}. Changes to their details are saved to their record.")
}

fn option_quantity(label: &str, price: &str) -> String {
    format!("{label} ({price} each)")
}

fn origin_name(origin: Origin) -> &'static str {
    match origin {
        Origin::Unknown => "Not given",
        Origin::Direct => "Direct contact (phone, email)",
        Origin::Website => "Website",
        Origin::WordOfMouth => "Word of mouth",
        Origin::Returning => "Returning guest",
        Origin::Airbnb => "Airbnb",
        Origin::BookingCom => "Booking.com",
        Origin::Vrbo => "Vrbo",
        Origin::Other => "Other",
    }
}

fn member_refusal(property: &str, reason: &str) -> String {
    format!("{property}: {reason}")
}

fn group_moves_together(properties: usize) -> String {
    format!("Grouped booking: the new dates apply to the {properties} properties of the group.")
}

fn stay_refused(reasons: &[String]) -> String {
    format!(
        "This stay breaks your rules: {} Tick \"Save anyway\" to save it all the same.",
        reasons.join(" ")
    )
}

fn sold_at(price: &str) -> String {
    format!("Sold at {price}: this stays the booking's price even if your rates change, as long as you do not change the stay.")
}

fn ghost_nights(nights: i64) -> String {
    if nights == 1 {
        "1 night".into()
    } else {
        format!("{nights} nights")
    }
}

fn move_summary(guest: &str, property: &str, arrival: NaiveDate, departure: NaiveDate) -> String {
    let nights = (departure - arrival).num_days();
    format!(
        "{guest} — {property}, {} to {} ({})",
        arrival.format("%d/%m/%Y"),
        departure.format("%d/%m/%Y"),
        ghost_nights(nights)
    )
}

fn price_change(before: &str, after: &str) -> String {
    if before == after {
        format!("Price unchanged: {after}")
    } else {
        format!("Price: {before} → {after}")
    }
}

/// English.
pub static TEXTS: BookingsTexts = BookingsTexts {
    previous_month: "Previous month",
    next_month: "Next month",
    today: "Today",
    months_shown: "Months shown",
    months,
    zoom: "Zoom",
    zoom_levels: ["Compact", "Normal", "Large"],
    zoom_hint: "Ctrl + wheel to zoom",
    filter_owner: "Owner",
    all_owners: "All owners",
    filter_status: "Status",
    all_statuses: "All statuses",
    new_booking: "New booking",
    properties_column: "Properties",
    no_owner: "No owner",
    no_properties: "No property yet: the planning shows one row per property.",
    add_property: "Add your first property →",
    planning_hint: "Click a free day to book one night, or drag across several days; drag a booking to move it, its right edge to change its length. With the keyboard: the “New booking” button, or Enter on a booking.",
    loading: "Loading the planning…",
    legend: "Legend",
    overbooked: "Overbooking",
    overbookings,
    overbookings_title: "Overbookings in the period shown",
    no_overbookings: "No overbooking in the period shown.",
    overbooking_line,
    bar_label,
    free_cell,
    month_name,
    weekday_initial,
    form_new_title: "New booking",
    form_edit_title: "Edit booking",
    property: "Property",
    choose_property: "Choose a property",
    nights: "Nights",
    status: "Status",
    guest_title: "Guest",
    guest_search: "Find an existing guest",
    guest_search_hint: "Name, email or phone; or fill in the fields for a new guest.",
    guest_found,
    guest_none_found: "No guest found: fill in the fields and one is created.",
    guest_clear: "New guest",
    guest_picked,
    customer_name: "Guest name",
    customer_address: "Address",
    customer_emails: "Emails",
    customer_phones: "Phones",
    several_hint: "Several: separate them with commas.",
    guests_title: "Guests",
    price_title: "Price",
    options_title: "Options",
    option_quantity,
    forfait: "Fixed total",
    forfait_hint: "A total that replaces the computed stay price.",
    deposit: "Deposit",
    origin: "Origin",
    origin_name,
    more_title: "Details",
    notes: "Notes",
    notes_hint: "Exchanges with the guest, date the deposit arrived…",
    contract_message: "Contract message",
    contract_message_hint: "Printed in the contract's particular conditions (arrival time, special agreement…).",
    force: "Save anyway",
    force_hint: "Overrides the minimum stay or the capacity; recorded on the booking.",
    stay_refused,
    forced_badge: "Rules overridden",
    total: "Total",
    quote_pending: "The price shows as soon as the dates and guests are valid.",
    sold_at,
    saved: "Booking saved.",
    created: "Booking created.",
    deleted: "Booking deleted.",
    delete: "Delete",
    delete_question: "Delete this booking for good? It will disappear from the planning.",
    delete_confirm: "Yes, delete",
    close: "Close",
    conflict_reloaded: "Someone changed this booking while you were editing it: its new values are shown. Make your change again, then save.",
    ghost_nights,
    move_title: "Move the booking",
    resize_title: "Change the length of stay",
    move_summary,
    price_change,
    quoting: "Computing the new price…",
    confirm: "Confirm",
    moved: "Booking changed.",
    undo: "Undo",
    undone: "Change undone.",
    move_conflict: "Someone else changed this booking meanwhile: the planning is reloaded, please move it again.",
    member_refusal,
    grouped: "Grouped booking",
    grouped_hint: "Several properties on the same dates for one guest, one price (the sum). Unticking this box takes this property out of the group: its booking stays and its dates can then change on their own.",
    group_title: "Other properties of the group",
    group_total: "Total of the grouped booking",
    group_bar: "Grouped booking",
    group_moves_together,
};
