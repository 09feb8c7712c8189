//! Words of the customers screen, the customer-list export and the status settings, in French and
//! English.

pub mod en;
pub mod fr;

use crate::domain::booking::StatusUses;
use chrono::NaiveDate;

/// Every string of the customers screen and the status settings, in one language.
#[allow(missing_docs)]
pub struct CustomersTexts {
    pub nav_customers: &'static str,
    pub customers_title: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub customers_empty: &'static str,
    pub none_found: fn(&str) -> String,
    pub customer_count: fn(i64) -> String,
    pub page_of: fn(i64, i64) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub col_name: &'static str,
    pub col_contact: &'static str,
    pub col_bookings: &'static str,
    pub customer_title: &'static str,
    pub details_title: &'static str,
    pub back_to_list: &'static str,
    pub customer_saved: &'static str,
    pub bookings_title: &'static str,
    pub no_bookings: &'static str,
    pub col_property: &'static str,
    pub col_stay: &'static str,
    pub col_status: &'static str,
    pub col_price: &'static str,
    pub stay: fn(NaiveDate, NaiveDate) -> String,
    pub export_title: &'static str,
    pub export_intro: &'static str,
    pub export_year: &'static str,
    pub export_property: &'static str,
    pub export_status: &'static str,
    pub all_properties: &'static str,
    pub all_statuses: &'static str,
    pub export_csv: &'static str,
    pub export_xlsx: &'static str,
    /// The export's column titles, in order.
    pub export_columns: [&'static str; 7],
    /// The export's date format (chrono), e.g. `%d/%m/%Y`.
    pub export_date_format: &'static str,
    /// The sheet's name in the XLSX file.
    pub export_sheet: &'static str,
    /// The downloaded file's name without extension, for a year.
    pub export_file: fn(i32) -> String,
    pub statuses_title: &'static str,
    pub statuses_intro: &'static str,
    pub status_count: fn(usize, usize) -> String,
    pub col_color: &'static str,
    pub col_status_name: &'static str,
    pub col_used: &'static str,
    pub status_name: &'static str,
    pub status_color: &'static str,
    pub status_color_hex: &'static str,
    pub status_color_hint: &'static str,
    pub status_new_title: &'static str,
    pub status_edit_title: fn(&str) -> String,
    pub status_add: &'static str,
    pub status_added: &'static str,
    pub status_saved: &'static str,
    pub status_deleted: &'static str,
    pub status_moved: &'static str,
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub edit_status: fn(&str) -> String,
    pub delete_status: fn(&str) -> String,
    pub delete_question: fn(&str) -> String,
    pub delete_confirm: &'static str,
    pub status_limit: fn(usize) -> String,
    /// Why a status cannot be deleted.
    pub status_in_use: fn(StatusUses) -> String,
    /// What uses a status, for its cell in the list ("3 réservations, 1 calendrier").
    pub status_uses: fn(StatusUses) -> String,
    pub cannot_move: &'static str,
}

/// "`n` `one`" or "`n` `many`", `None` for zero.
fn counted(n: i64, one: &str, many: &str) -> Option<String> {
    (n != 0).then(|| super::count_en(n, one, many))
}

/// What uses a status in words: the bookings and the feeds counted with their nouns (singular,
/// plural), joined by `and`; `None` when nothing does.
fn uses_in_words(
    uses: StatusUses,
    booking: (&str, &str),
    feed: (&str, &str),
    and: &str,
) -> Option<String> {
    match (
        counted(uses.bookings, booking.0, booking.1),
        counted(uses.feeds, feed.0, feed.1),
    ) {
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => Some(one),
        (Some(bookings), Some(feeds)) => Some(format!("{bookings} {and} {feeds}")),
    }
}
