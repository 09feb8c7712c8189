//! Payments of an invoice (seed 004 "Enregistrer un paiement", "Suivi des règlements"): several per
//! invoice, each with a date, an amount and a mode. Typing only the date fills the amount that
//! remains; typing only the amount fills today's date.

use crate::domain::field::{date, FieldError};
use crate::domain::ids::PaymentId;
use crate::domain::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a guest paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentMode {
    /// Bank transfer (the default).
    #[default]
    Transfer,
    /// Cheque.
    Cheque,
    /// Cash.
    Cash,
    /// Bank card.
    Card,
    /// Holiday vouchers (chèques-vacances).
    HolidayVouchers,
    /// Paid out by a platform (Airbnb, Booking.com…).
    PlatformPayout,
    /// Anything else.
    Other,
}

impl PaymentMode {
    /// Every mode, in the order offered.
    pub const ALL: [PaymentMode; 7] = [
        PaymentMode::Transfer,
        PaymentMode::Cheque,
        PaymentMode::Cash,
        PaymentMode::Card,
        PaymentMode::HolidayVouchers,
        PaymentMode::PlatformPayout,
        PaymentMode::Other,
    ];

    /// Stable code used in forms and storage.
    pub fn code(self) -> &'static str {
        match self {
            PaymentMode::Transfer => "transfer",
            PaymentMode::Cheque => "cheque",
            PaymentMode::Cash => "cash",
            PaymentMode::Card => "card",
            PaymentMode::HolidayVouchers => "holiday_vouchers",
            PaymentMode::PlatformPayout => "platform_payout",
            PaymentMode::Other => "other",
        }
    }

    /// Parses [`PaymentMode::code`].
    pub fn from_code(code: &str) -> Option<PaymentMode> {
        PaymentMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// A recorded payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// Id.
    pub id: PaymentId,
    /// The day the money was received (the date tax regimes count).
    pub date: NaiveDate,
    /// Amount received.
    pub amount: Money,
    /// Mode.
    pub mode: PaymentMode,
}

/// A validated payment, before it is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaymentInput {
    /// Date.
    pub date: NaiveDate,
    /// Amount.
    pub amount: Money,
    /// Mode.
    pub mode: PaymentMode,
}

/// The payment form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentForm {
    /// Date ("2026-07-12" or "12/07/2026").
    pub date: String,
    /// Amount.
    pub amount: String,
    /// Mode code.
    pub mode: String,
}

impl PaymentForm {
    /// Fills the one missing field: a date alone gets the amount that `remaining`, an amount alone
    /// gets `today` (seed 004: « renseignez simplement la date de paiement, le logiciel remplira
    /// automatiquement le montant du paiement. L'inverse fonctionne aussi ! »).
    pub fn completed(&self, remaining: Money, today: NaiveDate) -> PaymentForm {
        let mut form = self.clone();
        let has_date = !form.date.trim().is_empty();
        let has_amount = !form.amount.trim().is_empty();
        if has_date && !has_amount && remaining > Money::ZERO {
            form.amount = remaining.to_input();
        } else if has_amount && !has_date {
            form.date = today.to_string();
        }
        form
    }

    /// Completes then checks the form against what `remaining`; refused fields are named `date`,
    /// `amount`, `mode`.
    pub fn validate(
        &self,
        remaining: Money,
        today: NaiveDate,
    ) -> Result<PaymentInput, Vec<(&'static str, FieldError)>> {
        let form = self.completed(remaining, today);
        let mut errors = Vec::new();
        let day = date(&form.date).map_err(|e| errors.push(("date", e))).ok();
        let amount = match Money::parse_non_negative(&form.amount) {
            Ok(amount) if amount.is_zero() => {
                errors.push((
                    "amount",
                    FieldError::OutOfRange {
                        min: 0,
                        max: 10_000_000,
                    },
                ));
                None
            }
            Ok(amount) if amount > remaining => {
                errors.push(("amount", FieldError::AboveRemaining { remaining }));
                None
            }
            Ok(amount) => Some(amount),
            Err(error) => {
                errors.push(("amount", error));
                None
            }
        };
        let mode = if form.mode.trim().is_empty() {
            Some(PaymentMode::default())
        } else {
            PaymentMode::from_code(form.mode.trim())
        };
        if mode.is_none() {
            errors.push(("mode", FieldError::InvalidChoice));
        }
        match (day, amount, mode) {
            (Some(date), Some(amount), Some(mode)) if errors.is_empty() => {
                Ok(PaymentInput { date, amount, mode })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 7, d).unwrap_or_default()
    }

    fn form(date: &str, amount: &str) -> PaymentForm {
        PaymentForm {
            date: date.into(),
            amount: amount.into(),
            mode: "cheque".into(),
        }
    }

    #[test]
    fn the_date_alone_fills_the_remaining_amount() {
        let paid = form("12/07/2026", "").validate(Money::from_cents(50_000), day(20));
        assert_eq!(
            paid,
            Ok(PaymentInput {
                date: day(12),
                amount: Money::from_cents(50_000),
                mode: PaymentMode::Cheque
            })
        );
    }

    #[test]
    fn the_amount_alone_fills_today() {
        let paid = form("", "200").validate(Money::from_cents(50_000), day(20));
        assert_eq!(paid.map(|p| p.date), Ok(day(20)));
    }

    #[test]
    fn more_than_what_remains_is_refused() {
        let remaining = Money::from_cents(10_000);
        let refused = form("12/07/2026", "150").validate(remaining, day(20));
        assert_eq!(
            refused,
            Err(vec![("amount", FieldError::AboveRemaining { remaining })])
        );
    }

    #[test]
    fn nothing_typed_names_both_fields() {
        let refused = form("", "").validate(Money::from_cents(100), day(20));
        assert_eq!(
            refused,
            Err(vec![
                ("date", FieldError::Required),
                ("amount", FieldError::Required)
            ])
        );
    }
}
