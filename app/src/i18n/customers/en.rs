//! The customers screen, the export and the status settings in English.

use super::{uses_in_words, CustomersTexts};
use crate::domain::booking::StatusUses;
use chrono::NaiveDate;

fn stay(arrival: NaiveDate, departure: NaiveDate) -> String {
    format!(
        "{} → {}",
        arrival.format("%a %-d %b %Y"),
        departure.format("%a %-d %b %Y")
    )
}

fn none_found(search: &str) -> String {
    format!("No customer matches “{search}”. Try part of the name, email or phone.")
}

fn customer_count(count: i64) -> String {
    match count {
        0 => "No customers".into(),
        1 => "1 customer".into(),
        n => format!("{n} customers"),
    }
}

fn page_of(page: i64, pages: i64) -> String {
    format!("Page {page} of {pages}")
}

fn export_file(year: i32) -> String {
    format!("customers-{year}")
}

fn status_count(count: usize, max: usize) -> String {
    format!("{count} statuses of {max} possible.")
}

fn status_edit_title(name: &str) -> String {
    format!("Edit the status “{name}”")
}

fn move_up(name: &str) -> String {
    format!("Move “{name}” up")
}

fn move_down(name: &str) -> String {
    format!("Move “{name}” down")
}

fn edit_status(name: &str) -> String {
    format!("Edit “{name}”")
}

fn delete_status(name: &str) -> String {
    format!("Delete “{name}”")
}

fn delete_question(name: &str) -> String {
    format!("Delete the status “{name}”? No booking uses it.")
}

fn status_limit(max: usize) -> String {
    format!(
        "You already have {max} statuses, the maximum. Rename one, or delete one no booking uses."
    )
}

/// What uses a status, with `feed` as the noun for feeds (singular, plural).
fn uses_phrase(uses: StatusUses, feed: (&str, &str)) -> Option<String> {
    uses_in_words(uses, ("booking", "bookings"), feed, "and")
}

fn status_in_use(uses: StatusUses) -> String {
    let what =
        uses_phrase(uses, ("synchronised calendar", "synchronised calendars")).unwrap_or_default();
    let change = match (uses.bookings, uses.feeds) {
        (1, 0) => "change its status",
        (_, 0) => "change their status",
        (0, _) => "choose another status on the Synchronisation page",
        _ => "change their status (the calendars' on the Synchronisation page)",
    };
    format!("This status is used by {what}: {change} before deleting it, or rename it.")
}

fn status_uses(uses: StatusUses) -> String {
    uses_phrase(uses, ("calendar", "calendars")).unwrap_or_else(|| "none".into())
}

/// The English texts.
pub static TEXTS: CustomersTexts = CustomersTexts {
    nav_customers: "Customers",
    customers_title: "Customers",
    search_label: "Search customers",
    search_hint: "Name, email or phone.",
    customers_empty: "No customers yet. Customers are saved with their bookings, from the planning.",
    none_found,
    customer_count,
    page_of,
    previous_page: "Previous page",
    next_page: "Next page",
    col_name: "Name",
    col_contact: "Email and phone",
    col_bookings: "Bookings",
    customer_title: "Customer",
    details_title: "Contact details",
    back_to_list: "← All customers",
    customer_saved: "Details saved.",
    bookings_title: "Bookings",
    no_bookings: "No bookings for this customer.",
    col_property: "Property",
    col_stay: "Stay",
    col_status: "Status",
    col_price: "Price",
    stay,
    export_title: "Customer list export",
    export_intro: "Customers with at least one booking arriving in the chosen year, with their addresses, emails and phones. Filter by property or status.",
    export_year: "Year",
    export_property: "Property",
    export_status: "Status",
    all_properties: "All properties",
    all_statuses: "All statuses",
    export_csv: "Download as CSV (Excel)",
    export_xlsx: "Download as XLSX",
    export_columns: [
        "Name",
        "Address",
        "Emails",
        "Phones",
        "Bookings",
        "First arrival",
        "Properties",
    ],
    export_date_format: "%Y-%m-%d",
    export_sheet: "Customers",
    export_file,
    statuses_title: "Booking statuses",
    statuses_intro: "Statuses colour the planning's bookings and make up its legend, in this order. Rename them, change their colour, add up to 20. A status a booking or a synchronised calendar uses cannot be deleted.",
    status_count,
    col_color: "Colour",
    col_status_name: "Status",
    col_used: "Used by",
    status_name: "Status name",
    status_color: "Colour",
    status_color_hex: "Colour code",
    status_color_hint: "As #rrggbb, for example #16a34a.",
    status_new_title: "New status",
    status_edit_title,
    status_add: "Add the status",
    status_added: "Status added.",
    status_saved: "Status saved.",
    status_deleted: "Status deleted.",
    status_moved: "Status order saved.",
    move_up,
    move_down,
    edit_status,
    delete_status,
    delete_question,
    delete_confirm: "Delete the status",
    status_limit,
    status_in_use,
    status_uses,
    cannot_move: "This status is already at the end of the list.",
};
