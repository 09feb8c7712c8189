//! The providers of an organisation as the manager's screen shows them, with the properties each
//! serves and the choices of the form (properties, accounts whose role is provider).

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::ids::{OrganisationId, PropertyId, ProviderId};
use app::domain::provider::{Choice, Provider, ProviderKind, ProvidersOverview};
use app::ports::{PortError, PortResult};

#[derive(sqlx::FromRow)]
struct ProviderRow {
    id: String,
    version: i64,
    name: String,
    kind: String,
    email: String,
    phone: String,
    user_id: Option<String>,
    token: String,
}

const SELECT: &str = "SELECT id, version, name, kind, email, phone, user_id, token FROM providers \
                      WHERE organisation_id = $1";

impl ProviderRow {
    fn into_provider(self, served: &[(String, String)]) -> PortResult<Provider> {
        let properties = served
            .iter()
            .filter(|(provider, _)| *provider == self.id)
            .map(|(_, property)| parse_id::<PropertyId>(property))
            .collect::<PortResult<_>>()?;
        Ok(Provider {
            id: parse_id(&self.id)?,
            version: self.version,
            kind: ProviderKind::from_code(&self.kind)
                .ok_or_else(|| internal(format!("stored provider kind {:?}", self.kind)))?,
            name: self.name,
            email: self.email,
            phone: self.phone,
            user: self.user_id.as_deref().map(parse_id).transpose()?,
            properties,
            token: self.token,
        })
    }
}

/// (provider, property) pairs of the organisation, by property name.
async fn served(db: &Db, organisation: OrganisationId) -> PortResult<Vec<(String, String)>> {
    on_db!(db, pool => sqlx::query_as(
        "SELECT pp.provider_id, pp.property_id FROM provider_properties pp \
         JOIN properties p ON p.organisation_id = pp.organisation_id AND p.id = pp.property_id \
         WHERE pp.organisation_id = $1 ORDER BY p.name, p.id")
        .bind(organisation.to_string())
        .fetch_all(pool)
        .await)
    .map_err(internal)
}

/// Every provider with the form's choices.
pub async fn overview(db: &Db, organisation: OrganisationId) -> PortResult<ProvidersOverview> {
    let org = organisation.to_string();
    let rows: Vec<ProviderRow> =
        on_db!(db, pool => sqlx::query_as(&format!("{SELECT} ORDER BY name, id"))
        .bind(&org)
        .fetch_all(pool)
        .await)
        .map_err(internal)?;
    let served = served(db, organisation).await?;
    let properties: Vec<(String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, name FROM properties WHERE organisation_id = $1 ORDER BY name, id")
        .bind(&org)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    let accounts: Vec<(String, String, String)> = on_db!(db, pool => sqlx::query_as(
        "SELECT id, name, email FROM users WHERE organisation_id = $1 AND role = 'provider' \
         ORDER BY name, email")
        .bind(&org)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    Ok(ProvidersOverview {
        providers: rows
            .into_iter()
            .map(|row| row.into_provider(&served))
            .collect::<PortResult<_>>()?,
        properties: properties
            .into_iter()
            .map(|(id, label)| Choice { id, label })
            .collect(),
        accounts: accounts
            .into_iter()
            .map(|(id, name, email)| Choice {
                id,
                label: format!("{name} ({email})"),
            })
            .collect(),
    })
}

/// One provider of the organisation.
pub async fn one(db: &Db, organisation: OrganisationId, id: ProviderId) -> PortResult<Provider> {
    let row: Option<ProviderRow> =
        on_db!(db, pool => sqlx::query_as(&format!("{SELECT} AND id = $2"))
        .bind(organisation.to_string())
        .bind(id.to_string())
        .fetch_optional(pool)
        .await)
        .map_err(internal)?;
    let row = row.ok_or(PortError::NotFound)?;
    let served = served(db, organisation).await?;
    row.into_provider(&served)
}
