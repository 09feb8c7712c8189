//! The organisation's public site settings (Paramètres › Site web): whether the public pages answer,
//! the status a guest's request gets, the homes booked instantly and the status they get, and the
//! conditions a guest accepts. Which homes appear at all is each property's "public listing".

use crate::domain::booking::BookingStatus;
use crate::domain::field::{collect, optional_id, optional_text, FieldError, FieldErrors};
use crate::domain::ids::{PropertyId, StatusId};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Longest conditions text, in characters.
pub const MAX_CONDITIONS: usize = 4000;

/// The settings as stored and edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSiteSettings {
    /// The public calendar and search answer (off: 404, as an unknown address).
    pub enabled: bool,
    /// The status of a guest's request (`None`: the status named "Option", else the first).
    pub request_status: Option<StatusId>,
    /// The status of an instant booking (`None`: "Arrhes payées", else the request's).
    pub instant_status: Option<StatusId>,
    /// The homes a guest books at once, without the owner's answer.
    pub instant_properties: Vec<PropertyId>,
    /// The conditions the guest accepts before sending (shown on the request form).
    pub conditions: String,
}

impl Default for PublicSiteSettings {
    fn default() -> Self {
        PublicSiteSettings {
            enabled: true,
            request_status: None,
            instant_status: None,
            instant_properties: Vec::new(),
            conditions: String::new(),
        }
    }
}

/// The organisation's public site as stored: the key in its addresses, its settings and their
/// version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSite {
    /// The secret key in the public addresses (`/public/<key>/recherche`).
    pub token: String,
    /// The settings.
    pub settings: PublicSiteSettings,
    /// Their version.
    pub version: i64,
}

/// The settings as the page edits them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSiteForm {
    /// The public pages answer.
    pub enabled: bool,
    /// The request status's id, or empty for the default.
    pub request_status: String,
    /// The instant booking status's id, or empty for the default.
    pub instant_status: String,
    /// The ids of the homes booked instantly.
    pub instant_properties: Vec<String>,
    /// The conditions.
    pub conditions: String,
    /// The version the settings were read at.
    pub version: i64,
}

impl PublicSiteForm {
    /// Checks the form; errors are named after its fields.
    pub fn validate(&self) -> Result<PublicSiteSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let request_status = collect(
            &mut errors,
            "request_status",
            optional_id(&self.request_status),
        );
        let instant_status = collect(
            &mut errors,
            "instant_status",
            optional_id(&self.instant_status),
        );
        let instant_properties = collect(
            &mut errors,
            "instant_properties",
            self.instant_properties
                .iter()
                .map(|id| PropertyId::from_str(id).map_err(|_| FieldError::UnknownChoice))
                .collect::<Result<Vec<_>, _>>(),
        );
        let conditions = collect(
            &mut errors,
            "conditions",
            optional_text(&self.conditions, MAX_CONDITIONS),
        );
        match (
            request_status,
            instant_status,
            instant_properties,
            conditions,
        ) {
            (
                Some(request_status),
                Some(instant_status),
                Some(instant_properties),
                Some(conditions),
            ) if errors.is_empty() => Ok(PublicSiteSettings {
                enabled: self.enabled,
                request_status,
                instant_status,
                instant_properties,
                conditions,
            }),
            _ => Err(errors),
        }
    }
}

impl PublicSiteSettings {
    /// The form showing these settings read at `version`.
    pub fn to_form(&self, version: i64) -> PublicSiteForm {
        let id = |id: Option<StatusId>| id.map(|id| id.to_string()).unwrap_or_default();
        PublicSiteForm {
            enabled: self.enabled,
            request_status: id(self.request_status),
            instant_status: id(self.instant_status),
            instant_properties: self
                .instant_properties
                .iter()
                .map(ToString::to_string)
                .collect(),
            conditions: self.conditions.clone(),
            version,
        }
    }
}

fn named<'a>(statuses: &'a [BookingStatus], name: &str) -> Option<&'a BookingStatus> {
    statuses
        .iter()
        .find(|status| status.name.trim().eq_ignore_ascii_case(name))
}

impl PublicSiteSettings {
    /// The status a request for `property` gets, among the organisation's `statuses`, and whether
    /// the booking is instant (confirmed) rather than a request.
    pub fn status_for(
        &self,
        property: PropertyId,
        statuses: &[BookingStatus],
    ) -> Option<(StatusId, bool)> {
        let chosen =
            |id: Option<StatusId>| id.and_then(|id| statuses.iter().find(|status| status.id == id));
        let request = chosen(self.request_status)
            .or_else(|| named(statuses, "Option"))
            .or_else(|| statuses.first())?;
        if !self.instant_properties.contains(&property) {
            return Some((request.id, false));
        }
        let instant = chosen(self.instant_status)
            .or_else(|| named(statuses, "Arrhes payées"))
            .unwrap_or(request);
        Some((instant.id, true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn id_of(name: &str) -> u128 {
        name.bytes().fold(7u128, |acc, b| acc * 31 + u128::from(b))
    }

    fn status(name: &str) -> BookingStatus {
        BookingStatus {
            id: StatusId(Uuid::from_u128(id_of(name))),
            name: name.into(),
            color: "#888888".into(),
        }
    }

    #[test]
    fn requests_are_options_and_instant_homes_are_confirmed() {
        let statuses = vec![
            status("Indisponible"),
            status("Option"),
            status("Arrhes payées"),
        ];
        let home = PropertyId(Uuid::from_u128(99));
        let mut settings = PublicSiteSettings::default();
        assert_eq!(
            settings.status_for(home, &statuses),
            Some((statuses[1].id, false))
        );
        settings.instant_properties.push(home);
        assert_eq!(
            settings.status_for(home, &statuses),
            Some((statuses[2].id, true))
        );
        settings.instant_status = Some(statuses[0].id);
        assert_eq!(
            settings.status_for(home, &statuses),
            Some((statuses[0].id, true))
        );
        assert_eq!(settings.status_for(home, &[]), None);
    }

    #[test]
    fn the_form_round_trips_and_refuses_what_is_not_an_id() {
        let mut settings = PublicSiteSettings::default();
        settings
            .instant_properties
            .push(PropertyId(Uuid::from_u128(5)));
        settings.conditions = "Arrivée à partir de 16 h.".into();
        assert_eq!(settings.to_form(3).validate(), Ok(settings.clone()));
        let mut form = settings.to_form(3);
        form.request_status = "pas un id".into();
        form.instant_properties.push("?".into());
        let names: Vec<String> = form
            .validate()
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(names, ["request_status", "instant_properties"]);
    }
}
