//! "Paramètres › Site web" (SPEC C10): the public site's addresses, whether it answers, the statuses
//! of requests and instant bookings, the homes booked instantly, the conditions; renewing its key.
//! Admins and managers.

use crate::domain::booking::BookingStatus;
use crate::domain::ids::PropertyId;
use crate::domain::public::PublicSiteForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// A home as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteHome {
    /// Id.
    pub id: PropertyId,
    /// Name.
    pub name: String,
    /// Listed publicly (else not on the public pages at all).
    pub listed: bool,
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicSitePage {
    /// The key in the public addresses.
    pub token: String,
    /// The settings.
    pub form: PublicSiteForm,
    /// The organisation's statuses.
    pub statuses: Vec<BookingStatus>,
    /// The organisation's homes.
    pub homes: Vec<SiteHome>,
}

#[cfg(feature = "ssr")]
async fn page_of(site: crate::domain::public::PublicSite) -> Result<PublicSitePage, AppError> {
    let user = require(Role::can_manage_properties).await?;
    let services = services()?;
    let statuses = services
        .bookings
        .statuses(user.organisation_id)
        .await
        .map_err(from_port)?;
    let homes = services
        .properties
        .list(user.organisation_id)
        .await
        .map_err(from_port)?
        .into_iter()
        .map(|p| SiteHome {
            id: p.id,
            name: p.name,
            listed: p.public_listing,
        })
        .collect();
    Ok(PublicSitePage {
        token: site.token,
        form: site.settings.to_form(site.version),
        statuses,
        homes,
    })
}

/// The public site (created on first visit).
#[server(endpoint = "public_site", input = Json)]
pub async fn public_site() -> Result<PublicSitePage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let site = services()?
                .public_site
                .site(user.organisation_id)
                .await
                .map_err(from_port)?;
            page_of(site).await
        }
        .await,
    )
}

/// Saves the settings edited from `form.version`; answers them with their new version.
#[server(endpoint = "save_public_site", input = Json)]
pub async fn save_public_site(form: PublicSiteForm) -> Result<PublicSiteForm, AppError> {
    use crate::domain::field::FieldError;
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let texts = request_texts();
            let settings = form
                .validate()
                .map_err(|fields| AppError::invalid(texts, &fields))?;
            let services = services()?;
            let statuses = services
                .bookings
                .statuses(user.organisation_id)
                .await
                .map_err(from_port)?;
            let known = |id: Option<crate::domain::ids::StatusId>| {
                id.is_none_or(|id| statuses.iter().any(|s| s.id == id))
            };
            let mut refused = Vec::new();
            if !known(settings.request_status) {
                refused.push(("request_status".to_string(), FieldError::UnknownChoice));
            }
            if !known(settings.instant_status) {
                refused.push(("instant_status".to_string(), FieldError::UnknownChoice));
            }
            let homes = services
                .properties
                .list(user.organisation_id)
                .await
                .map_err(from_port)?;
            if settings
                .instant_properties
                .iter()
                .any(|id| !homes.iter().any(|h| h.id == *id))
            {
                refused.push(("instant_properties".to_string(), FieldError::UnknownChoice));
            }
            if !refused.is_empty() {
                return Err(AppError::invalid(texts, &refused));
            }
            let version = services
                .public_site
                .save(user.organisation_id, &settings, form.version)
                .await
                .map_err(from_port)?;
            Ok(settings.to_form(version))
        }
        .await,
    )
}

/// Gives the public site a new key: the addresses given out so far answer 404.
#[server(endpoint = "renew_public_site", input = Json)]
pub async fn renew_public_site() -> Result<PublicSitePage, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_properties).await?;
            let site = services()?
                .public_site
                .renew(user.organisation_id)
                .await
                .map_err(from_port)?;
            page_of(site).await
        }
        .await,
    )
}
