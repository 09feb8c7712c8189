//! The bookings a document covers: the booking opened and, when it is grouped, the other bookings of
//! its group (one invoice and one contract per group, seed 004).

use crate::api::guard::{from_port, services};
use crate::domain::booking::Booking;
use crate::domain::ids::{BookingId, OrganisationId};
use crate::error::AppError;

/// `booking` first, then the other members of its group.
pub async fn booking_and_group(
    organisation: OrganisationId,
    booking: BookingId,
) -> Result<Vec<Booking>, AppError> {
    let bookings = services()?.bookings;
    let opened = bookings
        .get(organisation, booking)
        .await
        .map_err(from_port)?;
    let others: Vec<BookingId> = opened
        .form
        .group
        .iter()
        .filter(|line| line.included)
        .filter_map(|line| line.booking)
        .filter(|id| *id != booking)
        .collect();
    let mut members = vec![opened];
    for id in others {
        members.push(bookings.get(organisation, id).await.map_err(from_port)?);
    }
    Ok(members)
}
