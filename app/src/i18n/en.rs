//! English texts.

use super::{Lang, Texts};
use crate::domain::field::FieldError;
use crate::domain::role::Role;

fn not_built_body(screen: &str) -> String {
    format!("The “{screen}” screen is not built yet. It will come in a later version; nothing is simulated here meanwhile.")
}

fn guests(n: u16) -> String {
    if n > 1 {
        format!("{n} guests")
    } else {
        format!("{n} guest")
    }
}

fn stars(n: u8) -> String {
    if n > 1 {
        format!("{n} stars")
    } else {
        format!("{n} star")
    }
}

fn delete_question(name: &str, bookings: i64) -> String {
    match bookings {
        0 => format!("Delete “{name}”? It has no bookings."),
        1 => format!("Delete “{name}”? Its booking will be deleted too."),
        n => format!("Delete “{name}”? Its {n} bookings will be deleted too."),
    }
}

fn temporary_password(name: &str, password: &str) -> String {
    format!(
        "Account created for {name}. Temporary password: {password} — pass it on now, it will not be shown \
         again. It must be changed at first login."
    )
}

fn signed_in_as(name: &str, role: &str) -> String {
    format!("{name} ({role})")
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Administrator",
        Role::Manager => "Manager",
        Role::Owner => "Owner",
        Role::Provider => "Service provider",
    }
}

fn field_error(error: &FieldError) -> String {
    match error {
        FieldError::Required => "This field is required.".into(),
        FieldError::TooLong { max } => format!("At most {max} characters."),
        FieldError::TooShort { min } => format!("At least {min} characters."),
        FieldError::NotAWholeNumber => "Enter a whole number.".into(),
        FieldError::OutOfRange { min, max } => format!("Enter a number between {min} and {max}."),
        FieldError::NotADate => "Enter a date, for example 07/05/2027.".into(),
        FieldError::EndBeforeStart => "This date must come after the first one.".into(),
        FieldError::Duplicate => "This value is already in the list.".into(),
        FieldError::NotAPercentage => "Enter a percentage, for example 10 or 10.5.".into(),
        FieldError::NotAnAmount => "Enter an amount in euros, for example 95 or 95.50.".into(),
        FieldError::TooManyDecimals => "At most two decimals (cents).".into(),
        FieldError::Negative => "The amount cannot be negative.".into(),
        FieldError::InvalidEmail => "Invalid email address, for example mary@example.com.".into(),
        FieldError::InvalidPhone => "Invalid phone number, for example +33 6 12 34 56 78 (several: separate them with commas).".into(),
        FieldError::PasswordsDiffer => "The two passwords differ.".into(),
        FieldError::PasswordUnchanged => "The new password must differ from the current one.".into(),
        FieldError::WrongPassword => "Current password is wrong.".into(),
        FieldError::EmailTaken => "This email address is already used by an account.".into(),
        FieldError::AccountLinked => "This account is already linked to another provider.".into(),
        FieldError::InvalidRegistrationNumber => {
            "A registration number has 13 characters: the commune's INSEE code (5) then 8 digits or letters, \
             for example 7505612345678."
                .into()
        }
        FieldError::UnknownChoice => "This choice no longer exists. Pick one from the list.".into(),
        FieldError::InvalidChoice => "Pick a value from the list.".into(),
        FieldError::InvalidColor => "Enter a colour as #rrggbb (for example #1d4ed8).".into(),
        FieldError::InvalidRecipient { address } => {
            format!("“{address}” is not a valid email address (separate addresses with commas).")
        }
        FieldError::TooManyRecipients { max } => format!("At most {max} recipients."),
        FieldError::UnknownPlaceholders { unknown, valid } => format!(
            "{}: {}. Available fields: {}.",
            if unknown.len() > 1 { "Unknown fields" } else { "Unknown field" },
            super::braced(unknown),
            super::braced(valid)
        ),
        FieldError::InvalidFeedUrl => "Invalid calendar address: paste the iCal link (https://…) the platform gives.".into(),
        FieldError::InvalidHost => "Invalid server name, for example smtp.example.com.".into(),
        FieldError::NotANumber => "Enter a number, for example 3 or 1.5.".into(),
        FieldError::AboveRemaining { remaining } => format!(
            "The payment is more than what remains to be paid ({}).",
            remaining.format_en()
        ),
    }
}

/// The English texts.
pub static TEXTS: Texts = Texts {
    lang: Lang::En,
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_planning: "Planning",
    nav_bookings: "Bookings",
    nav_properties: "Properties",
    nav_invoices: "Invoices",
    nav_reports: "Reports",
    nav_settings: "Settings",
    nav_account: "My account",
    logout: "Log out",
    switch_language: "Français",
    switch_language_label: "Passer en français",
    loading: "Loading…",
    not_built_title: "Screen in preparation",
    not_built_body,
    page_not_found: "This page does not exist.",
    back_home: "Back to the home page",
    form_has_errors: "Some fields need correcting: see the message under each. Nothing was saved.",
    bad_parameters: "Invalid parameters.",
    field_tourist_tax: "Tourist tax",
    bookings: &super::bookings::en::TEXTS,
    rates: &super::rates::en::TEXTS,
    customers: &super::customers::en::TEXTS,
    mail: &super::mail::en::TEXTS,
    invoices: &super::invoices::en::TEXTS,
    contracts: &super::contracts::en::TEXTS,
    sync: &super::sync::en::TEXTS,
    public: &super::public::en::TEXTS,
    providers: &super::providers::en::TEXTS,
    save: "Save",
    cancel: "Cancel",
    setup_title: "Welcome to Saison",
    setup_intro:
        "Create your organisation and the first administrator account. You can then add your \
                  properties and invite other users.",
    organisation_name: "Organisation name",
    admin_name: "Your name",
    email: "Email address",
    password: "Password",
    password_confirmation: "Confirm password",
    password_hint: "At least 10 characters.",
    setup_submit: "Create the organisation",
    setup_done: "Saison is already set up. Please log in.",
    login_title: "Log in",
    login_submit: "Log in",
    login_failed: "Wrong email address or password.",
    login_throttled: "Too many login attempts. Wait a minute before trying again.",
    properties_title: "Properties",
    property_add: "Add a property",
    properties_empty: "No properties yet. Add your first property →",
    col_name: "Name",
    col_owner: "Owner",
    col_capacity: "Capacity",
    col_price: "Rate",
    col_bookings: "Bookings",
    col_public: "Listed",
    col_actions: "Actions",
    yes: "Yes",
    no: "No",
    per_night: "/ night",
    fixed_price_label: "Fixed",
    guests,
    edit: "Edit",
    delete: "Delete",
    property_new_title: "New property",
    property_edit_title: "Edit property",
    field_name: "Property name",
    field_address: "Address",
    field_capacity: "Capacity (guests)",
    field_owner: "Owner",
    no_owner: "— None —",
    field_pricing: "Pricing",
    pricing_plan: "By a rate plan",
    pricing_fixed: "Fixed price per night",
    field_rate_plan: "Rate plan",
    choose_rate_plan: "— Choose a rate plan —",
    field_fixed_price: "Price per night (€)",
    field_security_deposit: "Security deposit (€)",
    field_description: "Description for contracts",
    description_hint: "Annexed to contracts: rooms, equipment, area…",
    field_registration_number: "Registration number",
    registration_hint:
        "Issued by the town hall (loi Le Meur); shown on public pages and contracts.",
    field_classification: "Classification",
    unclassified: "Unclassified",
    stars,
    field_principal_residence: "Owner's principal residence",
    principal_residence_hint: "Rented nights are then capped (120 a year, or 90 in some communes).",
    field_public_listing: "Shown on public pages (calendar and search)",
    property_saved: "Property saved.",
    property_created: "Property added.",
    property_deleted: "Property deleted.",
    delete_question,
    delete_confirm: "Delete permanently",
    settings_title: "Settings",
    users_title: "Users",
    user_add_title: "Add a user",
    user_name: "Name",
    user_role: "Role",
    user_add_submit: "Add the user",
    temporary_password,
    users_admin_only: "Only an administrator can manage users.",
    organisation_title: "Organisation",
    language_title: "Language",
    account_title: "My account",
    change_password_title: "Change password",
    current_password: "Current password",
    new_password: "New password",
    change_password_submit: "Change password",
    password_changed: "Password changed.",
    must_change_password: "Your password is temporary: choose a new one.",
    signed_in_as,
    err_unauthenticated: "Your session has expired or you are not logged in. Please log in again.",
    err_forbidden: "Your role does not allow this. Ask an administrator.",
    err_not_found: "This item does not exist or was deleted.",
    err_conflict:
        "Someone else has just changed this property. Reload the page to see its current version, \
                   then make your change again.",
    err_internal: "An unexpected error occurred; nothing was changed. Try again in a moment.",
    err_cross_site: "Request refused: it does not come from Saison.",
    err_network: "Saison is not answering. Check your connection and try again.",
    role_name,
    field_error,
};
