//! Words of the public pages (SPEC C10) — the availability calendar, the booking search and the
//! booking request a guest sends — and of the manager's notice of a request, in French and English.

pub mod en;
pub mod fr;

use crate::domain::money::Money;
use crate::domain::stay::Stay;
use chrono::NaiveDate;

/// What the manager's notice of a guest's request says.
#[derive(Clone, Debug)]
pub struct RequestNotice {
    /// The property.
    pub property: String,
    /// The stay.
    pub stay: Stay,
    /// Adults and children.
    pub guests: (u16, u16),
    /// The guest's name, email and phone.
    pub guest: (String, String, String),
    /// The guest's message.
    pub message: String,
    /// The price quoted.
    pub total: Money,
    /// The status the booking got.
    pub status: String,
    /// Booked at once (instant booking) rather than asked.
    pub instant: bool,
}

/// Every string of the public pages, in one language.
#[allow(missing_docs)]
pub struct PublicTexts {
    /// A day written in full ("mer. 7 juil. 2027").
    pub date: fn(NaiveDate) -> String,
    pub calendar_title: fn(&str) -> String,
    pub registration: fn(&str) -> String,
    pub capacity: fn(u16) -> String,
    pub legend: &'static str,
    pub state_free: &'static str,
    pub state_taken: &'static str,
    pub state_arrival: &'static str,
    pub state_departure: &'static str,
    pub state_past: &'static str,
    pub weekdays: [&'static str; 7],
    pub weekdays_long: [&'static str; 7],
    pub minimum_stay_run: fn(NaiveDate, NaiveDate, u16) -> String,
    pub earlier: &'static str,
    pub later: &'static str,
    pub book_this: &'static str,
    pub search_title: &'static str,
    pub search_intro: &'static str,
    pub search_submit: &'static str,
    pub results: fn(usize, Stay) -> String,
    pub no_result: &'static str,
    pub total_for: fn(i64) -> String,
    pub request_button: &'static str,
    pub instant_button: &'static str,
    pub instant_badge: &'static str,
    pub request_title: fn(&str) -> String,
    pub request_intro: &'static str,
    pub instant_intro: &'static str,
    pub your_stay: fn(Stay, u16, u16) -> String,
    pub name: &'static str,
    pub email: &'static str,
    pub phone: &'static str,
    pub message: &'static str,
    pub message_hint: &'static str,
    pub conditions_title: &'static str,
    pub conditions_label: &'static str,
    pub conditions_required: &'static str,
    pub honeypot_label: &'static str,
    pub send_request: &'static str,
    pub send_instant: &'static str,
    pub form_errors: &'static str,
    pub taken_now: &'static str,
    pub refused_intro: &'static str,
    pub received_title: &'static str,
    pub received_body: fn(&str) -> String,
    pub confirmed_title: &'static str,
    pub confirmed_body: fn(&str) -> String,
    pub back_to_search: &'static str,
    pub throttled: &'static str,
    pub not_found: &'static str,
    pub unavailable: &'static str,
    pub powered_by: &'static str,
    pub notice_subject: fn(&RequestNotice) -> String,
    pub notice_body: fn(&RequestNotice) -> String,
    pub settings_title: &'static str,
    pub settings_intro: &'static str,
    pub enabled_label: &'static str,
    pub addresses_title: &'static str,
    pub search_address: &'static str,
    pub calendar_address: &'static str,
    pub no_listed_home: &'static str,
    pub embed_title: &'static str,
    pub embed_hint: &'static str,
    pub embed_script: &'static str,
    pub embed_iframe: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub statuses_title: &'static str,
    pub request_status: &'static str,
    pub instant_status: &'static str,
    pub default_request_status: &'static str,
    pub default_instant_status: &'static str,
    pub instant_title: &'static str,
    pub instant_hint: &'static str,
    pub conditions_field: &'static str,
    pub saved: &'static str,
    pub renew: &'static str,
    pub renew_question: &'static str,
    pub renew_confirm: &'static str,
    pub renewed: &'static str,
    pub more_results: &'static str,
    pub settings_link: &'static str,
}
