//! The rate screens in English.

use super::RatesTexts;
use crate::domain::money::Money;
use crate::domain::percent::Percent;
use crate::domain::pricing::{QuoteError, Refusal, MAX_NIGHTS};
use crate::i18n::count_en;
use chrono::NaiveDate;

fn plan_delete_question(name: &str) -> String {
    format!("Delete the rate plan “{name}” and its seasons?")
}

fn plan_in_use(count: usize) -> String {
    match count {
        1 => "One property uses this rate plan: give it another one before deleting.".into(),
        n => format!("{n} properties use this rate plan: give them another one before deleting."),
    }
}

fn date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

fn date_range(first: NaiveDate, last: NaiveDate) -> String {
    format!("{} to {}", date(first), date(last))
}

fn nights(count: i64) -> String {
    count_en(count, "night", "nights")
}

fn q_supplement(extra: u16, unit: Money, count: i64) -> String {
    format!(
        "Supplement: {extra} extra guest(s) × {} × {}",
        unit.format_en(),
        nights(count)
    )
}

fn q_discount_duration(from: u16, percent: Percent) -> String {
    format!("Discount for {from} nights or more ({percent})")
}

fn q_discount_manual(percent: Percent) -> String {
    format!("Manual discount ({percent})")
}

fn q_on_base(base: Money) -> String {
    format!("on {}", base.format_en())
}

fn q_quantity(quantity: u32, unit: Money) -> String {
    format!("{quantity} × {}", unit.format_en())
}

fn q_tax_adults(persons: u16, count: i64, unit: Money) -> String {
    format!(
        "{persons} adult(s) × {} × {}",
        nights(count),
        unit.format_en()
    )
}

fn q_tax_children(persons: u16, count: i64) -> String {
    format!("{persons} child(ren) × {}: exempt", nights(count))
}

fn q_tax_surcharge(label: &str, rate: Percent, persons: u16, count: i64, unit: Money) -> String {
    format!(
        "{label} ({rate}): {persons} adult(s) × {} × {}",
        nights(count),
        unit.format_en()
    )
}

fn q_vat_line(rate: Percent, including: Money) -> String {
    format!("VAT {rate} on {} incl. VAT", including.format_en())
}

fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::MinimumStay {
            required,
            actual,
            season: Some(season),
        } => format!(
            "Minimum stay of {} in the period “{season}”: this stay has only {} in it.",
            nights(i64::from(*required)),
            nights(*actual)
        ),
        Refusal::MinimumStay {
            required,
            actual,
            season: None,
        } => format!(
            "Minimum stay of {}: this stay has only {actual}.",
            nights(i64::from(*required))
        ),
        Refusal::TooManyGuests { guests, capacity } => {
            format!("Too many guests: {guests} adults and children for a property for {capacity}.")
        }
    }
}

fn quote_error(error: &QuoteError) -> String {
    match error {
        QuoteError::StayTooLong => format!("A stay has at most {MAX_NIGHTS} nights."),
        QuoteError::DiscountTooHigh => "The discount cannot exceed 100 %.".into(),
        QuoteError::DiscountDisabled => {
            "Manual discounts are turned off (Settings › Pricing).".into()
        }
    }
}

fn tax_summary_fixed(amount: Money) -> String {
    format!("{} per adult per night", amount.format_en())
}

fn tax_summary_percentage(rate: Percent, cap: Money) -> String {
    format!(
        "{rate} of the price per person, capped at {}",
        cap.format_en()
    )
}

/// The English rate texts.
pub static TEXTS: RatesTexts = RatesTexts {
    nav_rates: "Rates",
    plans_title: "Rate plans",
    plans_intro: "A rate plan sets the base nightly price, seasons, supplements and fees. Each property \
                  uses a rate plan or a fixed price (“Libre”).",
    plan_add: "New rate plan",
    plans_empty: "No rate plan yet. Create one so prices compute themselves.",
    col_base_price: "Base price",
    col_seasons: "Seasons",
    col_properties: "Properties",
    plan_new_title: "New rate plan",
    plan_base_title: "Base rate",
    plan_name: "Rate plan name",
    nightly: "Price per night (€)",
    weekly: "Weekly price (€)",
    weekly_hint: "Optional. For stays of 7 nights or more each night costs 1/7 of it, with no % discount.",
    weekend: "Weekend price (€)",
    weekend_hint: "Optional. Friday and Saturday nights.",
    guests_included: "Guests included",
    extra_guest_fee: "Supplement per extra guest per night (€)",
    extra_guest_hint: "Adults and children beyond those included; “others” do not count.",
    plan_minimum_stay: "Minimum stay (nights)",
    plan_minimum_hint: "Optional. Empty: the global minimum of the settings applies.",
    tourist_tax: "Tourist tax",
    no_tax: "None",
    flat_fees: "Flat fees",
    flat_fees_hint: "Charged once per stay, whatever its length and the number of guests.",
    no_options_yet: "No predefined option yet: create some in Settings › Options and tourist taxes.",
    plan_saved: "Rate plan saved.",
    plan_deleted: "Rate plan deleted.",
    plan_delete: "Delete this rate plan",
    plan_delete_question,
    plan_in_use,
    plan_unused: "No property uses this rate plan: choose it on a property's page.",
    plan_properties: "Properties on this rate plan",
    seasons_title: "Seasons",
    seasons_help: "Drag across days to create a season, click a season to edit it. Where two seasons \
                   overlap, the more expensive applies.",
    seasons_empty: "No season: the base price applies all year.",
    season_add: "Add a season",
    season_new_title: "New season",
    season_edit_title: "Edit the season",
    season_name: "Season name",
    first_night: "First night",
    last_night: "Last night",
    season_minimum: "Minimum stay in the period (nights)",
    no_discounts: "No discount in this period",
    season_saved: "Season saved.",
    season_deleted: "Season deleted.",
    season_delete: "Delete the season",
    overlap: "Overlap",
    previous_year: "Previous year",
    next_year: "Next year",
    col_dates: "Period",
    col_minimum: "Minimum",
    base_price_legend: "Base price",
    month_names: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    weekday_initials: ["M", "T", "W", "T", "F", "S", "S"],
    date,
    date_range,
    nights,
    try_title: "Try a stay",
    try_hint: "The price is computed in your browser with the server's rules.",
    arrival: "Arrival",
    departure: "Departure",
    adults: "Adults",
    children: "Children",
    others: "Others",
    others_hint: "Babies…: counted neither in capacity nor in prices.",
    manual_discount: "Manual discount (%)",
    forfait: "Fixed total (€)",
    platform_tax: "Tourist tax collected by the platform",
    q_nights: "Nights",
    q_basis_nightly: "nightly price",
    q_basis_weekend: "weekend price",
    q_basis_weekly: "1/7 of the weekly price",
    q_supplement,
    q_discount_duration,
    q_discount_manual,
    q_on_base,
    q_forfait: "Fixed total (replaces the computed price)",
    q_computed: "Computed price",
    q_flat_fee: "flat fee",
    q_quantity,
    q_tax_adults,
    q_tax_children,
    q_tax_surcharge,
    q_tax_platform: "Tourist tax collected by the platform: no tax line.",
    q_vat_line,
    q_stay: "Stay",
    q_charges: "Fees and options",
    q_tax: "Tourist tax",
    q_excl_vat: "Total excl. VAT",
    q_vat: "VAT",
    q_total_incl_vat: "Total incl. VAT",
    q_total: "Total",
    q_show_detail: "Show the breakdown",
    q_hide_detail: "Hide the breakdown",
    q_accepted: "The stay follows the rate plan's rules.",
    refusal,
    quote_error,
    pricing_title: "Pricing",
    global_minimum: "Global minimum stay (nights)",
    manual_discount_enabled: "Offer a % discount field on bookings",
    vat_enabled: "Apply VAT",
    vat_rate: "VAT rate of the stay (%)",
    vat_hint: "Prices are entered including VAT. The tourist tax is never subject to VAT.",
    discounts_title: "Discounts by length of stay",
    discounts_hint: "A threshold applies to every stay of at least that many nights, up to the next \
                     threshold (2 to 120 nights). Discounts never apply to options, tourist tax or nights \
                     at the weekly price.",
    from_nights: "From (nights)",
    percent: "Discount (%)",
    discount_add: "Add a threshold",
    remove: "Remove",
    pricing_saved: "Pricing settings saved.",
    catalogue_title: "Options and tourist taxes",
    options_title: "Predefined options",
    options_hint: "Cleaning, linen, meals… to offer on bookings or as a rate plan's flat fees.",
    options_empty: "No predefined option.",
    option_label: "Designation",
    unit_price: "Unit price (€)",
    option_vat: "VAT (%)",
    option_add: "Add the option",
    option_saved: "Option saved.",
    deleted: "Deleted.",
    taxes_title: "Tourist taxes",
    taxes_hint: "One tax per commune or classification, chosen on the rate plan or the property. Only \
                 adults pay it; children are exempt, “others” do not count.",
    taxes_empty: "No tourist tax.",
    tax_name: "Name",
    tax_method: "Method",
    method_fixed: "Fixed amount per adult per night",
    method_percentage: "Percentage of the price per person (unclassified homes)",
    tax_amount: "Amount or cap (€)",
    tax_amount_hint: "Amount per adult per night, or the cap per person per night for the percentage.",
    tax_rate: "Rate (%)",
    departmental: "Departmental additional tax (%)",
    regional: "Regional additional tax (%)",
    regional_hint: "For example 15 %, 34 % or 200 % depending on the region.",
    tax_add: "Add the tax",
    tax_saved: "Tourist tax saved.",
    tax_in_use: "A rate plan or a property uses this tax: remove it there first.",
    tax_summary_fixed,
    tax_summary_percentage,
    rates_settings_title: "Rates and taxes",
    rates_settings_intro: "Minimum stay, discounts, VAT, predefined options and tourist taxes.",
    property_tax_from_plan: "The rate plan's",
};
