//! The public pages in English.

use super::{PublicTexts, RequestNotice};
use crate::domain::money::Money;
use crate::domain::stay::Stay;
use crate::i18n::count_en;
use chrono::NaiveDate;

fn date(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

fn nights(count: i64) -> String {
    count_en(count, "night", "nights")
}

fn persons(adults: u16, children: u16) -> String {
    let adults_text = if adults == 1 {
        "1 adult".to_string()
    } else {
        format!("{adults} adults")
    };
    match children {
        0 => adults_text,
        1 => format!("{adults_text}, 1 child"),
        n => format!("{adults_text}, {n} children"),
    }
}

fn calendar_title(name: &str) -> String {
    format!("Availability — {name}")
}

fn registration(number: &str) -> String {
    format!("Registration number: {number}")
}

fn capacity(count: u16) -> String {
    if count == 1 {
        "1 guest".into()
    } else {
        format!("Up to {count} guests")
    }
}

fn minimum_stay_run(first: NaiveDate, last: NaiveDate, count: u16) -> String {
    format!(
        "Arrivals {} to {}: {} minimum",
        first.format("%-d %b"),
        last.format("%-d %b"),
        nights(i64::from(count))
    )
}

fn results(count: usize, stay: Stay) -> String {
    let homes = if count == 1 {
        "1 home available".to_string()
    } else {
        format!("{count} homes available")
    };
    format!(
        "{homes} from {} to {} ({})",
        date(stay.arrival()),
        date(stay.departure()),
        nights(stay.nights())
    )
}

fn total_for(count: i64) -> String {
    format!("Total for {}", nights(count))
}

fn request_title(name: &str) -> String {
    format!("Your request — {name}")
}

fn your_stay(stay: Stay, adults: u16, children: u16) -> String {
    format!(
        "{} → {} · {} · {}",
        date(stay.arrival()),
        date(stay.departure()),
        nights(stay.nights()),
        persons(adults, children)
    )
}

fn received_body(email: &str) -> String {
    format!("Thank you! Your request has arrived. A summary is on its way to {email}; the owner will answer shortly. These dates are held for you meanwhile.")
}

fn confirmed_body(email: &str) -> String {
    format!("Thank you! Your booking is confirmed. A summary is on its way to {email}.")
}

fn notice_subject(notice: &RequestNotice) -> String {
    let kind = if notice.instant {
        "New online booking"
    } else {
        "New booking request"
    };
    format!(
        "{kind}: {} from {} to {}",
        notice.property,
        notice.stay.arrival().format("%d/%m/%Y"),
        notice.stay.departure().format("%d/%m/%Y")
    )
}

fn notice_body(notice: &RequestNotice) -> String {
    let (name, email, phone) = &notice.guest;
    let message = if notice.message.is_empty() {
        "(no message)".to_string()
    } else {
        notice.message.clone()
    };
    format!(
        "{} — {}, {}.\n\nGuest: {name}\nEmail: {email}\nPhone: {phone}\nPrice quoted: {}\n\nMessage:\n{message}\n\nThe booking is on the planning with the status “{}”.",
        notice.property,
        your_stay(notice.stay, notice.guests.0, notice.guests.1),
        if notice.instant { "booked online" } else { "requested online" },
        Money::format_en(notice.total),
        notice.status
    )
}

/// The English texts.
pub const TEXTS: PublicTexts = PublicTexts {
    date,
    calendar_title,
    registration,
    capacity,
    legend: "Legend",
    state_free: "Available",
    state_taken: "Booked",
    state_arrival: "Arrival possible (a stay ends that morning)",
    state_departure: "Departure possible (a stay starts that afternoon)",
    state_past: "Past",
    weekdays: ["M", "T", "W", "T", "F", "S", "S"],
    weekdays_long: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    minimum_stay_run,
    earlier: "← Earlier months",
    later: "Later months →",
    book_this: "See prices and book",
    search_title: "Find a stay",
    search_intro: "Choose your dates and the number of guests: the available homes show with their exact price.",
    search_submit: "Search",
    results,
    no_result: "No home is available on these dates for this many guests (or the stay is shorter than the minimum). Try other dates.",
    total_for,
    request_button: "Request to book",
    instant_button: "Book",
    instant_badge: "Instant booking",
    request_title,
    request_intro: "Send your request: the owner answers by email. Nothing to pay now.",
    instant_intro: "This home books instantly: your booking is confirmed as soon as you send it.",
    your_stay,
    name: "Full name",
    email: "Email",
    phone: "Phone",
    message: "Message to the owner",
    message_hint: "Arrival time, questions… (optional)",
    conditions_title: "Rental conditions",
    conditions_label: "I have read and accept the rental conditions",
    conditions_required: "Tick this box to accept the rental conditions.",
    honeypot_label: "Leave this field empty",
    send_request: "Send the request",
    send_instant: "Confirm the booking",
    form_errors: "Check the fields marked: nothing was sent.",
    taken_now: "These dates are no longer available: another guest has just booked them. Choose other dates.",
    refused_intro: "This stay does not meet the home's rules:",
    received_title: "Request sent",
    received_body,
    confirmed_title: "Booking confirmed",
    confirmed_body,
    back_to_search: "← Back to the search",
    throttled: "Too many requests from your connection: try again in a minute.",
    not_found: "This page does not exist or is no longer published.",
    unavailable: "The service is unavailable for a moment. Try again shortly.",
    powered_by: "Online booking with Saison",
    notice_subject,
    notice_body,
    settings_title: "Website and online booking",
    settings_intro: "The availability calendar and the booking search for your website: only homes marked “listed” appear.",
    enabled_label: "Public pages on (off, their addresses answer “not found”)",
    addresses_title: "Addresses to share",
    search_address: "Booking search (every listed home)",
    calendar_address: "Calendar",
    no_listed_home: "No home is listed: tick “Listed” on a home's page.",
    embed_title: "Embed in your website",
    embed_hint: "Paste one of these lines in a page of your site. Add couleur=rrggbb, fond=rrggbb, texte=rrggbb, lang=en or mois=1 to 12 to the address to dress it.",
    embed_script: "One script line (inserts and sizes the frame)",
    embed_iframe: "Or a frame (iframe)",
    copy: "Copy",
    copied: "Copied",
    statuses_title: "Statuses of online bookings",
    request_status: "Status of a request",
    instant_status: "Status of an instant booking",
    default_request_status: "Default: “Option”",
    default_instant_status: "Default: “Arrhes payées”",
    instant_title: "Instant booking",
    instant_hint: "Ticked homes book without waiting for your answer; the others send a request.",
    conditions_field: "Rental conditions (the guest accepts them before sending)",
    saved: "Website settings saved.",
    renew: "Change the addresses…",
    renew_question: "The current addresses will stop working (not found): you will have to put the new ones on your site. Go on?",
    renew_confirm: "Change the addresses",
    renewed: "New addresses made; the old ones answer “not found”.",
    more_results: "More homes →",
    settings_link: "Website and online booking",
};
