//! The customer list: a page of the customers whose name, email or phone contains the search
//! (case-insensitive, matched literally with the booking form's own LIKE escaping), and their total.

use crate::db::bookings::customers::like_pattern;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db, Db};
use app::domain::booking::CustomerSummary;
use app::domain::customers::{CustomerPage, CUSTOMER_PAGE_SIZE};
use app::domain::ids::OrganisationId;
use app::ports::PortResult;

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    name: String,
    address: String,
    email: String,
    phone: String,
    bookings: i64,
}

const MATCHING: &str = "FROM customers c WHERE c.organisation_id = $1 \
     AND (LOWER(c.name) LIKE $2 ESCAPE '\\' OR LOWER(c.email) LIKE $2 ESCAPE '\\' OR c.phone LIKE $2 ESCAPE '\\')";

/// Page `page` (from 0; a page past the end is empty) of the customers matching `search`, by name.
pub async fn page(
    db: &Db,
    organisation: OrganisationId,
    search: &str,
    page: i64,
) -> PortResult<CustomerPage> {
    let org = organisation.to_string();
    let pattern = like_pattern(search);
    let page = page.max(0);
    let offset = page.saturating_mul(CUSTOMER_PAGE_SIZE);
    let list_sql = format!(
        "SELECT c.id, c.name, c.address, c.email, c.phone, \
             (SELECT COUNT(*) FROM bookings b WHERE b.organisation_id = c.organisation_id AND b.customer_id = c.id) AS bookings \
         {MATCHING} ORDER BY c.name, c.id LIMIT $3 OFFSET $4"
    );
    let count_sql = format!("SELECT COUNT(*) {MATCHING}");
    let (rows, total): (Vec<Row>, i64) = on_db!(db, pool => async {
        let rows = sqlx::query_as(&list_sql)
            .bind(&org)
            .bind(&pattern)
            .bind(CUSTOMER_PAGE_SIZE)
            .bind(offset)
            .fetch_all(pool)
            .await?;
        let total = sqlx::query_scalar(&count_sql)
            .bind(&org)
            .bind(&pattern)
            .fetch_one(pool)
            .await?;
        Ok::<_, sqlx::Error>((rows, total))
    }.await)
    .map_err(internal)?;
    let customers = rows
        .into_iter()
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
        .collect::<PortResult<Vec<_>>>()?;
    Ok(CustomerPage {
        customers,
        total,
        page,
    })
}
