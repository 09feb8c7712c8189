//! The booking form (SPEC C4) as typed, and its validation into a [`BookingInput`]. The stay part is
//! a [`QuoteQuery`], so the form, the "try a stay" panel and `GET /api/quote` share one validation.

use crate::domain::booking::customer::{CustomerForm, CustomerInput};
use crate::domain::booking::group::{validate_group, GroupInput, GroupLine};
use crate::domain::booking::origin::Origin;
use crate::domain::field::{collect, optional_text, whole_number, FieldError, FieldErrors};
use crate::domain::ids::{ChargeOptionId, PropertyId, StatusId};
use crate::domain::money::Money;
use crate::domain::pricing::QuoteRequest;
use crate::domain::rates::QuoteQuery;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest notes and contract message, in characters.
pub const MAX_NOTES: usize = 5_000;

/// One predefined option offered by the form, with the quantity typed (empty or 0: not taken).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionQuantity {
    /// The option's id.
    pub option: String,
    /// Quantity typed.
    pub quantity: String,
}

/// The booking form as typed: nothing typed is lost on error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingForm {
    /// Property, dates, guests, manual discount, forfait, tax collected by the platform.
    pub stay: QuoteQuery,
    /// Status id.
    pub status: String,
    /// The guest.
    pub customer: CustomerForm,
    /// Options with quantities.
    pub options: Vec<OptionQuantity>,
    /// Deposit (arrhes).
    pub deposit: String,
    /// Origin code ([`Origin::code`]).
    pub origin: String,
    /// "Informations complémentaires".
    pub notes: String,
    /// Printed in the contract's particular conditions.
    pub contract_message: String,
    /// Save even though the stay breaks a rule (minimum stay, capacity): recorded.
    pub force: bool,
    /// "Réservation groupée" ticked.
    #[serde(default)]
    pub grouped: bool,
    /// The group's other properties ([`GroupLine`]).
    #[serde(default)]
    pub group: Vec<GroupLine>,
    /// "Note pour les prestataires": what the cleaning or linen provider should know (SPEC C11);
    /// the only text of the booking a provider sees.
    #[serde(default)]
    pub provider_notes: String,
}

/// A validated booking, before pricing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookingInput {
    /// The property.
    pub property: PropertyId,
    /// The stay to price (options are resolved from the catalogue by the caller).
    pub request: QuoteRequest,
    /// Options by id with their quantities (0: offered, not charged).
    pub options: Vec<(ChargeOptionId, u32)>,
    /// Status.
    pub status: StatusId,
    /// The guest, if any.
    pub customer: Option<CustomerInput>,
    /// Deposit (arrhes).
    pub deposit: Money,
    /// Origin.
    pub origin: Origin,
    /// Notes.
    pub notes: String,
    /// Contract message.
    pub contract_message: String,
    /// The owner forces a stay the rules refuse.
    pub force: bool,
    /// The group's other properties.
    pub group: GroupInput,
    /// The note for providers.
    pub provider_notes: String,
}

/// The options typed (a quantity of 0 is offered, not charged), by id.
pub(crate) fn options(lines: &[OptionQuantity]) -> Result<Vec<(ChargeOptionId, u32)>, FieldError> {
    let mut chosen = Vec::new();
    for line in lines {
        if line.quantity.trim().is_empty() {
            continue;
        }
        let quantity = whole_number(&line.quantity, 0, 999)?;
        let id = line
            .option
            .trim()
            .parse()
            .map_err(|_| FieldError::UnknownChoice)?;
        // A quantity of 0 typed on purpose is kept: the option is offered, not charged (the engine
        // prices only quantities above 0; the contract shows its price without a total, seed 004).
        chosen.push((id, u32::try_from(quantity).unwrap_or(0)));
    }
    Ok(chosen)
}

impl BookingForm {
    /// A new booking of `property` from `arrival`, one night by default (seed 004 "Planning").
    pub fn new_stay(property: PropertyId, arrival: NaiveDate, nights: i64, status: String) -> Self {
        BookingForm {
            stay: QuoteQuery {
                property: property.to_string(),
                arrival: arrival.to_string(),
                departure: (arrival + chrono::Duration::days(nights.max(1))).to_string(),
                adults: "2".into(),
                ..QuoteQuery::default()
            },
            status,
            ..BookingForm::default()
        }
    }

    /// The number of nights typed, when both dates are valid and in order.
    pub fn nights(&self) -> Option<i64> {
        let arrival = crate::domain::field::date(&self.stay.arrival).ok()?;
        let departure = crate::domain::field::date(&self.stay.departure).ok()?;
        let nights = (departure - arrival).num_days();
        (nights > 0).then_some(nights)
    }

    /// Sets the departure `nights` after the arrival (the "number of nights" field).
    pub fn set_nights(&mut self, raw: &str) {
        if let (Ok(arrival), Ok(nights)) = (
            crate::domain::field::date(&self.stay.arrival),
            whole_number(raw, 1, crate::domain::pricing::MAX_NIGHTS),
        ) {
            self.stay.departure = (arrival + chrono::Duration::days(nights)).to_string();
        }
    }

    /// Checks every field at once.
    pub fn validate(&self) -> Result<BookingInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let stay = self.stay.validate();
        if let Err(stay_errors) = &stay {
            errors.extend(stay_errors.iter().cloned());
        }
        let status = collect(
            &mut errors,
            "status",
            match crate::domain::field::optional_id(&self.status) {
                Ok(Some(id)) => Ok(id),
                Ok(None) => Err(FieldError::Required),
                Err(error) => Err(error),
            },
        );
        let customer = match self.customer.validate() {
            Ok(customer) => Some(customer),
            Err(customer_errors) => {
                errors.extend(customer_errors);
                None
            }
        };
        let options = collect(&mut errors, "options", options(&self.options));
        let deposit = collect(
            &mut errors,
            "deposit",
            Money::parse_optional(&self.deposit).map(Option::unwrap_or_default),
        );
        let origin = collect(
            &mut errors,
            "origin",
            Origin::from_code(&self.origin).ok_or(FieldError::InvalidChoice),
        );
        let notes = collect(&mut errors, "notes", optional_text(&self.notes, MAX_NOTES));
        let contract_message = collect(
            &mut errors,
            "contract_message",
            optional_text(&self.contract_message, MAX_NOTES),
        );
        let provider_notes = collect(
            &mut errors,
            "provider_notes",
            crate::domain::provider::form::provider_notes(&self.provider_notes),
        );
        let group = validate_group(self.grouped, &self.group, &self.stay, &mut errors);
        match (
            stay,
            status,
            customer,
            options,
            deposit,
            origin,
            notes,
            contract_message,
            group,
            provider_notes,
        ) {
            (
                Ok(stay),
                Some(status),
                Some(customer),
                Some(options),
                Some(deposit),
                Some(origin),
                Some(notes),
                Some(contract_message),
                Some(group),
                Some(provider_notes),
            ) if errors.is_empty() => Ok(BookingInput {
                property: stay.property,
                request: stay.request,
                options,
                status,
                customer,
                deposit,
                origin,
                notes,
                contract_message,
                force: self.force,
                group,
                provider_notes,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn form() -> BookingForm {
        BookingForm::new_stay(
            PropertyId(Uuid::from_u128(1)),
            NaiveDate::from_ymd_opt(2027, 5, 7).unwrap_or_default(),
            1,
            Uuid::from_u128(2).to_string(),
        )
    }

    #[test]
    fn a_click_on_the_planning_books_one_night_from_that_day() {
        let input = form().validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(input.request.stay.nights(), 1);
        assert_eq!(input.request.guests.adults, 2);
        assert!(input.customer.is_none());
        assert_eq!(input.origin, Origin::Unknown);
    }

    #[test]
    fn the_number_of_nights_moves_the_departure() {
        let mut form = form();
        form.set_nights("3");
        assert_eq!(form.stay.departure, "2027-05-10");
        assert_eq!(form.nights(), Some(3));
        form.set_nights("zéro");
        assert_eq!(form.nights(), Some(3));
    }

    #[test]
    fn options_with_no_quantity_are_not_taken_and_zero_is_offered() {
        let mut form = form();
        form.options = vec![
            OptionQuantity {
                option: Uuid::from_u128(3).to_string(),
                quantity: "2".into(),
            },
            OptionQuantity {
                option: Uuid::from_u128(4).to_string(),
                quantity: String::new(),
            },
            OptionQuantity {
                option: Uuid::from_u128(5).to_string(),
                quantity: "0".into(),
            },
        ];
        let input = form.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            input.options,
            vec![
                (ChargeOptionId(Uuid::from_u128(3)), 2),
                (ChargeOptionId(Uuid::from_u128(5)), 0)
            ]
        );
    }

    #[test]
    fn the_note_for_providers_is_kept_apart_and_checked() {
        let mut form = form();
        form.notes = "Client exigeant, prix négocié".into();
        form.provider_notes = " Lit bébé à installer ".into();
        let input = form.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(input.provider_notes, "Lit bébé à installer");
        assert_eq!(input.notes, "Client exigeant, prix négocié");
        form.provider_notes = "x".repeat(crate::domain::provider::MAX_PROVIDER_NOTES + 1);
        let errors = form.validate().err().unwrap_or_default();
        assert_eq!(
            errors.first().map(|(name, _)| name.as_str()),
            Some("provider_notes")
        );
        let old: BookingForm = serde_json::from_value(serde_json::json!({
            "stay": form.stay, "status": "", "customer": form.customer, "options": [], "deposit": "",
            "origin": "", "notes": "", "contract_message": "", "force": false
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            old.provider_notes, "",
            "a form sent without the field still reads"
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut form = form();
        form.stay.departure = "2027-05-01".into();
        form.status = String::new();
        form.deposit = "beaucoup".into();
        form.origin = "minitel".into();
        form.customer.emails = "x".into();
        let errors = form.validate().err().unwrap_or_default();
        let names: Vec<&str> = errors.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "departure",
                "status",
                "customer_name",
                "customer_emails",
                "deposit",
                "origin"
            ]
        );
    }
}
