//! The values a save writes, split the way a grouped booking shares them: [`SharedValues`] are the
//! same on every property of a group (dates, status, guest, origin, notes…), a [`BookingRow`] is one
//! property's own (guests, options, forfait, deposit, and the price it was sold at).

use crate::db::internal;
use crate::db::money::StoredMoney;
use app::domain::booking::{BookingInput, BookingQuotes};
use app::domain::ids::{BookingId, ChargeOptionId, CustomerId};
use app::domain::money::Money;
use app::domain::pricing::{Quote, QuoteRequest};
use app::ports::PortResult;
use chrono::NaiveDate;

/// What every booking of a group has in common.
pub struct SharedValues {
    /// The guest's customer id.
    pub customer: Option<String>,
    /// Status id.
    pub status: String,
    /// Arrival.
    pub arrival: NaiveDate,
    /// Departure.
    pub departure: NaiveDate,
    /// Notes.
    pub notes: String,
    /// Manual discount, hundredths of a percent.
    pub manual_discount: i64,
    /// The platform collects the tourist tax.
    pub tax_by_platform: bool,
    /// Origin code.
    pub origin: String,
    /// Contract message.
    pub contract_message: String,
}

impl SharedValues {
    /// The shared values of `booking`, whose guest is `customer`.
    pub fn of(booking: &BookingInput, customer: Option<CustomerId>) -> Self {
        SharedValues {
            customer: customer.map(|id| id.to_string()),
            status: booking.status.to_string(),
            arrival: booking.request.stay.arrival(),
            departure: booking.request.stay.departure(),
            notes: booking.notes.clone(),
            manual_discount: booking.request.manual_discount.hundredths(),
            tax_by_platform: booking.request.tax_collected_by_platform,
            origin: booking.origin.code().to_owned(),
            contract_message: booking.contract_message.clone(),
        }
    }
}

/// One property's own values.
pub struct BookingRow {
    /// Property id.
    pub property: String,
    /// Adults.
    pub adults: i64,
    /// Children.
    pub children: i64,
    /// Others.
    pub others: i64,
    /// The price sold at.
    pub price: StoredMoney,
    /// Forfait.
    pub forfait: Option<StoredMoney>,
    /// Deposit.
    pub deposit: StoredMoney,
    /// Options as JSON.
    pub options: String,
    /// Saved although the rules refused the stay.
    pub forced: bool,
    /// The quote as JSON.
    pub quote: String,
}

impl BookingRow {
    fn of(
        property: String,
        request: &QuoteRequest,
        options: &[(ChargeOptionId, u32)],
        deposit: Money,
        quote: &Quote,
        force: bool,
    ) -> PortResult<Self> {
        Ok(BookingRow {
            property,
            adults: i64::from(request.guests.adults),
            children: i64::from(request.guests.children),
            others: i64::from(request.guests.others),
            price: StoredMoney(quote.totals.total),
            forfait: request.forfait.map(StoredMoney),
            deposit: StoredMoney(deposit),
            options: serde_json::to_string(options).map_err(internal)?,
            forced: force && !quote.is_accepted(),
            quote: serde_json::to_string(quote).map_err(internal)?,
        })
    }
}

/// Everything one save writes: the booking opened, the other properties of its group (with their
/// stored id and version when they are members already), and the members taken out.
pub struct GroupWrite {
    /// The booking opened.
    pub main: BookingRow,
    /// The booking opened stays or becomes grouped.
    pub grouped: bool,
    /// The other members.
    pub members: Vec<(Option<(BookingId, i64)>, BookingRow)>,
    /// Members taken out, with their versions.
    pub leaving: Vec<(BookingId, i64)>,
    /// Every stored member the form knew of, as stored ids.
    pub known: Vec<String>,
}

impl GroupWrite {
    /// The rows of `booking` sold at `quotes`.
    pub fn of(booking: &BookingInput, quotes: &BookingQuotes) -> PortResult<Self> {
        let main = BookingRow::of(
            booking.property.to_string(),
            &booking.request,
            &booking.options,
            booking.deposit,
            &quotes.main,
            booking.force,
        )?;
        if quotes.members.len() != booking.group.members.len() {
            return Err(internal("one quote per member of the group"));
        }
        let members = booking
            .group
            .members
            .iter()
            .zip(&quotes.members)
            .map(|(member, quote)| {
                let row = BookingRow::of(
                    member.property.to_string(),
                    &member.request,
                    &member.options,
                    member.deposit,
                    quote,
                    booking.force,
                )?;
                Ok((member.existing, row))
            })
            .collect::<PortResult<_>>()?;
        Ok(GroupWrite {
            main,
            grouped: booking.group.grouped,
            members,
            leaving: booking.group.leaving.clone(),
            known: booking
                .group
                .known
                .iter()
                .map(ToString::to_string)
                .collect(),
        })
    }
}
