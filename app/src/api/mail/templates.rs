//! "Paramètres › Modèles d'email": each purpose's subject and message, per language, with the
//! placeholders checked on save (the refusal lists the valid ones) and a way back to the default.

use crate::domain::mail::{Template, TemplatePurpose, TemplateSetting};
use crate::error::AppError;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// What the settings page shows for `purpose`: the stored template if any, else the default.
#[cfg(feature = "ssr")]
pub(super) fn setting(
    purpose: TemplatePurpose,
    lang: Lang,
    stored: Option<crate::domain::mail::StoredTemplate>,
) -> TemplateSetting {
    let default = (crate::i18n::texts(lang).mail.default_template)(purpose);
    match stored {
        Some(stored) => TemplateSetting {
            purpose,
            template: stored.template,
            version: stored.version,
            default,
        },
        None => TemplateSetting {
            purpose,
            template: default.clone(),
            version: 0,
            default,
        },
    }
}

/// Every purpose's template in use in `lang` (the organisation's own, or the default), in the
/// settings' order.
#[cfg(feature = "ssr")]
pub(super) async fn every_setting(
    organisation: crate::domain::ids::OrganisationId,
    lang: Lang,
) -> Result<Vec<TemplateSetting>, AppError> {
    let stored = services()?
        .mail
        .templates(organisation, lang)
        .await
        .map_err(from_port)?;
    Ok(TemplatePurpose::ALL
        .into_iter()
        .map(|purpose| {
            let own = stored
                .iter()
                .find(|(p, _)| *p == purpose)
                .map(|(_, s)| s.clone());
            setting(purpose, lang, own)
        })
        .collect())
}

/// Every purpose's template in `lang`, in the settings' order.
#[server(endpoint = "mail_templates", input = Json)]
pub async fn mail_templates(lang: Lang) -> Result<Vec<TemplateSetting>, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            every_setting(user.organisation_id, lang).await
        }
        .await,
    )
}

/// Stores the organisation's template for `purpose` in `lang`, edited from `version`.
#[server(endpoint = "save_mail_template", input = Json)]
pub async fn save_mail_template(
    purpose: TemplatePurpose,
    lang: Lang,
    template: Template,
    version: i64,
) -> Result<TemplateSetting, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let checked = template
                .validate(purpose)
                .map_err(|fields| AppError::invalid(request_texts(), &fields))?;
            let stored = services()?
                .mail
                .save_template(
                    user.organisation_id,
                    purpose,
                    lang,
                    &checked,
                    version,
                    chrono::Utc::now(),
                )
                .await
                .map_err(from_port)?;
            Ok(setting(purpose, lang, Some(stored)))
        }
        .await,
    )
}

/// Goes back to the default template for `purpose` in `lang` (the stored one must be at `version`).
#[server(endpoint = "reset_mail_template", input = Json)]
pub async fn reset_mail_template(
    purpose: TemplatePurpose,
    lang: Lang,
    version: i64,
) -> Result<TemplateSetting, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            services()?
                .mail
                .reset_template(user.organisation_id, purpose, lang, version)
                .await
                .map_err(from_port)?;
            Ok(setting(purpose, lang, None))
        }
        .await,
    )
}
