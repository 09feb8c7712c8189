//! The organisation's pricing settings as a form: global minimum stay, duration discounts (2 to 120
//! nights), the manual discount field, VAT.

use crate::domain::field::{collect, whole_number, FieldError, FieldErrors};
use crate::domain::percent::Percent;
use crate::domain::pricing::{
    DurationDiscount, PricingSettings, VatSettings, DURATION_DISCOUNT_NIGHTS,
};
use crate::domain::rates::MAX_MINIMUM_STAY;
use serde::{Deserialize, Serialize};

/// One duration discount as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DurationDiscountForm {
    /// From this many nights.
    pub from_nights: String,
    /// Percentage.
    pub percent: String,
}

/// The pricing settings as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricingSettingsForm {
    /// Global minimum stay.
    pub minimum_stay: String,
    /// Duration discounts (rows left blank are ignored).
    pub duration_discounts: Vec<DurationDiscountForm>,
    /// Offer a manual discount field on bookings.
    pub manual_discount_enabled: bool,
    /// Apply VAT.
    pub vat_enabled: bool,
    /// Default VAT rate of the stay.
    pub vat_rate: String,
}

impl PricingSettingsForm {
    /// Checks every field; errors of discount row `i` are reported under
    /// `duration_discounts.i.from_nights` / `.percent`.
    pub fn validate(&self) -> Result<PricingSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let minimum_stay = collect(
            &mut errors,
            "minimum_stay",
            whole_number(&self.minimum_stay, 1, MAX_MINIMUM_STAY),
        );
        let vat_rate = if self.vat_enabled || !self.vat_rate.trim().is_empty() {
            collect(&mut errors, "vat_rate", Percent::parse(&self.vat_rate, 100))
        } else {
            Some(Percent::ZERO)
        };
        let mut discounts: Vec<DurationDiscount> = Vec::new();
        for (index, row) in self.duration_discounts.iter().enumerate() {
            if row.from_nights.trim().is_empty() && row.percent.trim().is_empty() {
                continue;
            }
            let nights_field = format!("duration_discounts.{index}.from_nights");
            let from_nights = collect(
                &mut errors,
                &nights_field,
                whole_number(
                    &row.from_nights,
                    i64::from(*DURATION_DISCOUNT_NIGHTS.start()),
                    i64::from(*DURATION_DISCOUNT_NIGHTS.end()),
                ),
            );
            let percent = collect(
                &mut errors,
                &format!("duration_discounts.{index}.percent"),
                Percent::parse(&row.percent, 100),
            );
            if let (Some(from_nights), Some(percent)) = (from_nights, percent) {
                let from_nights = u16::try_from(from_nights).unwrap_or(0);
                if discounts.iter().any(|d| d.from_nights == from_nights) {
                    errors.push((nights_field, FieldError::Duplicate));
                } else {
                    discounts.push(DurationDiscount {
                        from_nights,
                        percent,
                    });
                }
            }
        }
        discounts.sort();
        match (minimum_stay, vat_rate) {
            (Some(minimum_stay), Some(stay_rate)) if errors.is_empty() => Ok(PricingSettings {
                minimum_stay: u16::try_from(minimum_stay).unwrap_or(1),
                duration_discounts: discounts,
                manual_discount_enabled: self.manual_discount_enabled,
                vat: VatSettings {
                    enabled: self.vat_enabled,
                    stay_rate,
                },
            }),
            _ => Err(errors),
        }
    }

    /// The form showing stored settings.
    pub fn from_settings(settings: &PricingSettings) -> PricingSettingsForm {
        PricingSettingsForm {
            minimum_stay: settings.minimum_stay.to_string(),
            duration_discounts: settings
                .duration_discounts
                .iter()
                .map(|d| DurationDiscountForm {
                    from_nights: d.from_nights.to_string(),
                    percent: d.percent.to_input(),
                })
                .collect(),
            manual_discount_enabled: settings.manual_discount_enabled,
            vat_enabled: settings.vat.enabled,
            vat_rate: settings.vat.stay_rate.to_input(),
        }
    }
}

/// The settings of an organisation that never saved any: no minimum, no discount, no VAT (10 %
/// offered as the rate of furnished tourist lets when VAT is switched on).
pub fn default_settings() -> PricingSettings {
    PricingSettings {
        minimum_stay: 1,
        duration_discounts: Vec::new(),
        manual_discount_enabled: true,
        vat: VatSettings {
            enabled: false,
            stay_rate: Percent::points(10),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(from: &str, percent: &str) -> DurationDiscountForm {
        DurationDiscountForm {
            from_nights: from.into(),
            percent: percent.into(),
        }
    }

    #[test]
    fn settings_round_trip_and_blank_rows_are_ignored() {
        let form = PricingSettingsForm {
            minimum_stay: "2".into(),
            duration_discounts: vec![row("7", "15"), row("", ""), row("3", "10")],
            manual_discount_enabled: true,
            vat_enabled: true,
            vat_rate: "10".into(),
        };
        let settings = form.validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(settings.duration_discounts[0].from_nights, 3);
        assert_eq!(
            PricingSettingsForm::from_settings(&settings).validate(),
            Ok(settings)
        );
    }

    #[test]
    fn thresholds_are_between_2_and_120_nights_and_unique() {
        let form = PricingSettingsForm {
            minimum_stay: "1".into(),
            duration_discounts: vec![row("1", "5"), row("121", "5"), row("3", "5"), row("3", "8")],
            ..PricingSettingsForm::default()
        };
        let errors = form.validate().err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "duration_discounts.0.from_nights",
                "duration_discounts.1.from_nights",
                "duration_discounts.3.from_nights"
            ]
        );
    }
}
