//! Who hears of what happens without them: the report recipients of the email settings (seed 002
//! "Liste des Managers"), else the organisation's administrators and managers.

use crate::db::{internal, on_db, Db};
use app::domain::ids::OrganisationId;
use app::domain::mail::Recipients;
use app::ports::PortResult;

/// The managers to tell (`None`: nobody has an address).
pub async fn managers(db: &Db, organisation: OrganisationId) -> PortResult<Option<Recipients>> {
    let settings = crate::db::mail::settings::load(db, organisation).await?;
    let mut addresses: Vec<String> = settings
        .settings
        .report_recipients
        .iter()
        .map(|email| email.as_str().to_owned())
        .collect();
    if addresses.is_empty() {
        addresses = on_db!(db, pool => sqlx::query_scalar(
            "SELECT email FROM users WHERE organisation_id = $1 AND role IN ('admin', 'manager') \
             ORDER BY created_at LIMIT 10")
            .bind(organisation.to_string())
            .fetch_all(pool)
            .await)
        .map_err(internal)?;
    }
    Ok(Recipients::parse(&addresses.join(", ")).ok())
}
