//! The customer search of the booking form: by name, email or phone, case-insensitive.

use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::booking::CustomerSummary;
use app::domain::ids::OrganisationId;
use app::ports::PortResult;

#[derive(sqlx::FromRow)]
struct CustomerRow {
    id: String,
    name: String,
    address: String,
    email: String,
    phone: String,
    bookings: i64,
}

/// Escapes `%`, `_` and `\` so the search text matches literally inside a LIKE pattern.
pub(crate) fn like_pattern(search: &str) -> String {
    let mut pattern = String::from("%");
    for c in search.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Up to `limit` customers matching `search`, by name.
pub async fn search(
    db: &Db,
    organisation: OrganisationId,
    search: &str,
    limit: i64,
) -> PortResult<Vec<CustomerSummary>> {
    let rows: Vec<CustomerRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT c.id, c.name, c.address, c.email, c.phone, \
             (SELECT COUNT(*) FROM bookings b WHERE b.organisation_id = c.organisation_id AND b.customer_id = c.id) AS bookings \
         FROM customers c \
         WHERE c.organisation_id = $1 \
           AND (LOWER(c.name) LIKE $2 ESCAPE '\\' OR LOWER(c.email) LIKE $2 ESCAPE '\\' OR c.phone LIKE $2 ESCAPE '\\') \
         ORDER BY c.name, c.id LIMIT $3")
        .bind(organisation.to_string())
        .bind(like_pattern(search))
        .bind(limit)
        .fetch_all(pool)
        .await)
    .map_err(internal)?;
    rows.into_iter()
        .map(|row| {
            Ok(CustomerSummary {
                id: parse_id(&row.id)?,
                name: row.name,
                address: row.address,
                emails: row.email,
                phones: row.phone,
                bookings: row.bookings,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn search_text_matches_literally() {
        assert_eq!(like_pattern(" Du_pont 100% "), "%du\\_pont 100\\%%");
    }
}
