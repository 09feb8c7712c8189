//! The customer-list export (seed 004, "Export de la liste des clients"): which guests it takes (at
//! least one booking arriving in the chosen year, optionally only on one property and with one
//! status), what it says about each, and the parameters of its URL.

use crate::domain::field::{optional_id, whole_number, FieldError, FieldErrors};
use crate::domain::ids::{PropertyId, StatusId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Earliest year the export accepts.
pub const FIRST_YEAR: i64 = 2000;
/// Latest year the export accepts.
pub const LAST_YEAR: i64 = 2100;

/// Which guests the export lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFilter {
    /// Guests with a booking arriving this year.
    pub year: i32,
    /// Only bookings of this property.
    pub property: Option<PropertyId>,
    /// Only bookings with this status.
    pub status: Option<StatusId>,
}

impl ExportFilter {
    /// Reads the URL parameters `year` (required), `property` and `status` (optional ids, empty
    /// means all). A repeated or unknown parameter is refused, each error named after its parameter.
    pub fn parse(pairs: &[(String, String)]) -> Result<ExportFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut seen: Vec<&str> = Vec::new();
        for (name, _) in pairs {
            if !["year", "property", "status"].contains(&name.as_str()) {
                errors.push((name.clone(), FieldError::InvalidChoice));
            } else if seen.contains(&name.as_str()) {
                errors.push((name.clone(), FieldError::Duplicate));
            } else {
                seen.push(name);
            }
        }
        let value = |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map_or("", |(_, value)| value.as_str())
        };
        let year = whole_number(value("year"), FIRST_YEAR, LAST_YEAR)
            .map_err(|e| errors.push(("year".into(), e)))
            .ok();
        let property = optional_id(value("property"))
            .map_err(|e| errors.push(("property".into(), e)))
            .ok();
        let status = optional_id(value("status"))
            .map_err(|e| errors.push(("status".into(), e)))
            .ok();
        match (year.and_then(|y| i32::try_from(y).ok()), property, status) {
            (Some(year), Some(property), Some(status)) if errors.is_empty() => Ok(ExportFilter {
                year,
                property,
                status,
            }),
            _ => Err(errors),
        }
    }

    /// The URL parameters of this filter (ids are URL-safe).
    pub fn query_string(&self) -> String {
        let id = |id: Option<String>| id.unwrap_or_default();
        format!(
            "year={}&property={}&status={}",
            self.year,
            id(self.property.map(|p| p.to_string())),
            id(self.status.map(|s| s.to_string()))
        )
    }

    /// The first day of the year and the first day of the next one.
    pub fn year_bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((
            NaiveDate::from_ymd_opt(self.year, 1, 1)?,
            NaiveDate::from_ymd_opt(self.year.checked_add(1)?, 1, 1)?,
        ))
    }
}

/// One guest of the export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRow {
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Emails, comma separated.
    pub emails: String,
    /// Phones, comma separated.
    pub phones: String,
    /// Their bookings arriving in the year (within the filter).
    pub bookings: i64,
    /// The first of those arrivals.
    pub first_arrival: NaiveDate,
    /// The properties of those bookings, by name, each once.
    pub properties: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_year_is_required_and_filters_are_optional() {
        let filter = ExportFilter::parse(&pairs(&[("year", "2027"), ("property", "")]));
        assert_eq!(
            filter,
            Ok(ExportFilter {
                year: 2027,
                property: None,
                status: None
            })
        );
        let names = |list: &[(&str, &str)]| -> Vec<(String, FieldError)> {
            ExportFilter::parse(&pairs(list)).err().unwrap_or_default()
        };
        assert_eq!(names(&[]), [("year".into(), FieldError::Required)]);
        assert_eq!(
            names(&[("year", "27"), ("status", "payé")]),
            [
                (
                    "year".into(),
                    FieldError::OutOfRange {
                        min: FIRST_YEAR,
                        max: LAST_YEAR
                    }
                ),
                ("status".into(), FieldError::UnknownChoice)
            ]
        );
        assert_eq!(
            names(&[("year", "2027"), ("year", "2028"), ("sort", "x")]),
            [
                ("year".into(), FieldError::Duplicate),
                ("sort".into(), FieldError::InvalidChoice)
            ]
        );
    }

    #[test]
    fn the_query_string_reads_back() {
        let filter = ExportFilter {
            year: 2027,
            property: Some(PropertyId(uuid::Uuid::nil())),
            status: None,
        };
        let text = filter.query_string();
        let back: Vec<(String, String)> = text
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(ExportFilter::parse(&back), Ok(filter));
    }
}
