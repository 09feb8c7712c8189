//! Customer server functions (SPEC C4): the list with its search, one customer with their bookings,
//! and saving their details from the version opened. Reading needs a role that may view bookings;
//! editing needs one that may manage them. The export is a plain download route of the server
//! (`server/src/routes/customer_export.rs`).

use crate::domain::booking::CustomerForm;
use crate::domain::customers::{CustomerDetails, CustomerPage};
use crate::domain::ids::CustomerId;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::api::guard::*;
#[cfg(feature = "ssr")]
use crate::domain::role::Role;

/// Longest search text kept, in characters.
pub const SEARCH_MAX: usize = 100;

/// Page `page` (from 0) of the customers whose name, email or phone contains `search`.
#[server(endpoint = "list_customers", input = Json)]
pub async fn list_customers(search: String, page: i64) -> Result<CustomerPage, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            let search: String = search.chars().take(SEARCH_MAX).collect();
            services()?
                .customers
                .list(user.organisation_id, &search, page.max(0))
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// One customer with their bookings.
#[server(endpoint = "get_customer", input = Json)]
pub async fn get_customer(id: CustomerId) -> Result<CustomerDetails, AppError> {
    respond(
        async {
            let user = require(Role::can_view_properties).await?;
            services()?
                .customers
                .get(user.organisation_id, id)
                .await
                .map_err(from_port)
        }
        .await,
    )
}

/// Saves the details of the customer `id` edited from `version`; returns the new version. Fields
/// are checked as in the booking form (`customer_name`, `customer_emails`, …); the name is required.
#[server(endpoint = "update_customer", input = Json)]
pub async fn update_customer(
    id: CustomerId,
    version: i64,
    form: CustomerForm,
) -> Result<i64, AppError> {
    respond(
        async {
            let user = require(Role::can_manage_bookings).await?;
            let texts = request_texts();
            let form = CustomerForm {
                id: id.to_string(),
                ..form
            };
            let input = form
                .validate()
                .map_err(|fields| AppError::invalid(texts, &fields))?
                .ok_or_else(|| {
                    AppError::invalid(
                        texts,
                        &vec![(
                            "customer_name".into(),
                            crate::domain::field::FieldError::Required,
                        )],
                    )
                })?;
            services()?
                .customers
                .update(user.organisation_id, id, version, &input)
                .await
                .map_err(from_port)
        }
        .await,
    )
}
