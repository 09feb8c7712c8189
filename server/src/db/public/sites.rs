//! The public site of an organisation: found by its secret key (the address the owner's website
//! embeds), created on first use with default settings, its settings saved from their version, its
//! key renewed (the old addresses then answer 404).

use crate::db::sync::exports::new_token;
use crate::db::{internal, on_db, settings_row, Db};
use app::domain::ids::OrganisationId;
use app::domain::public::PublicSiteSettings;
use app::ports::PortResult;

/// An organisation's public site.
#[derive(Clone, Debug)]
pub struct Site {
    /// Its organisation.
    pub organisation: OrganisationId,
    /// The organisation's name (page titles).
    pub organisation_name: String,
    /// The key in its public addresses.
    pub token: String,
    /// Its settings.
    pub settings: PublicSiteSettings,
    /// Their version.
    pub version: i64,
}

type SiteRow = (String, String, String, String, i64);

fn site(row: SiteRow) -> PortResult<Site> {
    let (organisation, organisation_name, token, settings, version) = row;
    Ok(Site {
        organisation: crate::db::rows::parse_id(&organisation)?,
        organisation_name,
        token,
        settings: serde_json::from_str(&settings).map_err(internal)?,
        version,
    })
}

/// The site whose key is `token`, if any.
pub async fn by_token(db: &Db, token: &str) -> PortResult<Option<Site>> {
    let row: Option<SiteRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT s.organisation_id, o.name, s.token, s.settings, s.version FROM public_sites s \
         JOIN organisations o ON o.id = s.organisation_id WHERE s.token = $1")
        .bind(token)
        .fetch_optional(pool)
        .await)
    .map_err(internal)?;
    row.map(site).transpose()
}

/// The organisation's site, created with a new key and default settings on first use.
pub async fn of(db: &Db, organisation: OrganisationId) -> PortResult<Site> {
    let org = organisation.to_string();
    let defaults = serde_json::to_string(&PublicSiteSettings::default()).map_err(internal)?;
    on_db!(db, pool => sqlx::query(
        "INSERT INTO public_sites (organisation_id, token, settings, version) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (organisation_id) DO NOTHING")
        .bind(&org)
        .bind(new_token())
        .bind(&defaults)
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    let row: SiteRow = on_db!(db, pool => sqlx::query_as(
        "SELECT s.organisation_id, o.name, s.token, s.settings, s.version FROM public_sites s \
         JOIN organisations o ON o.id = s.organisation_id WHERE s.organisation_id = $1")
        .bind(&org)
        .fetch_one(pool)
        .await)
    .map_err(internal)?;
    site(row)
}

/// Saves the settings if they are still at `version`; answers the new version.
pub async fn save(
    db: &Db,
    organisation: OrganisationId,
    settings: &PublicSiteSettings,
    version: i64,
) -> PortResult<i64> {
    of(db, organisation).await?;
    let json = serde_json::to_string(settings).map_err(internal)?;
    settings_row::save(db, "public_sites", organisation, &json, version.max(1)).await
}

/// Gives the site a new key: every address with the old one answers 404 from now on.
pub async fn renew(db: &Db, organisation: OrganisationId) -> PortResult<Site> {
    of(db, organisation).await?;
    on_db!(db, pool => sqlx::query("UPDATE public_sites SET token = $2 WHERE organisation_id = $1")
        .bind(organisation.to_string())
        .bind(new_token())
        .execute(pool)
        .await
        .map(|done| done.rows_affected()))
    .map_err(internal)?;
    of(db, organisation).await
}
