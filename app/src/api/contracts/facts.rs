//! What a booking's contract is written from: the lessor (the property's owner or the manager, as
//! for invoices), the guest, each home of the group, the stay, the price and options as sold, the
//! deposits typed on the bookings.

use crate::api::guard::{from_port, services};
use crate::domain::contract::{ContractFacts, HomeFacts, OptionFacts, Party};
use crate::domain::field::date;
use crate::domain::ids::{BookingId, OrganisationId, PropertyId};
use crate::domain::money::Money;
use crate::domain::pricing::Guests;
use crate::error::AppError;

/// The facts of `booking` (and its group); `manual_deposit` is the security deposit typed on the
/// contract screen.
pub async fn facts_of(
    organisation: OrganisationId,
    booking: BookingId,
    manual_deposit: Money,
) -> Result<ContractFacts, AppError> {
    let services = services()?;
    let members = crate::api::members::booking_and_group(organisation, booking).await?;
    let (billing, _) = services
        .invoices
        .billing_settings(organisation)
        .await
        .map_err(from_port)?;
    let lessor = services
        .invoices
        .issuer(organisation, Some(booking), &billing)
        .await
        .map_err(from_port)?;
    let catalogue = services
        .pricing
        .list_options(organisation)
        .await
        .map_err(from_port)?;
    let count = |raw: &str| raw.trim().parse::<u16>().unwrap_or(0);
    let money = |raw: &str| Money::parse_non_negative(raw).unwrap_or(Money::ZERO);
    let mut homes = Vec::new();
    let mut guests = Guests::default();
    let mut options = Vec::new();
    for member in &members {
        let property: PropertyId = member
            .form
            .stay
            .property
            .parse()
            .map_err(|_| crate::api::guard::internal("a booking without its property"))?;
        let fields = services
            .properties
            .get(organisation, property)
            .await
            .map_err(from_port)?
            .fields;
        homes.push(HomeFacts {
            name: fields.name,
            address: fields.address,
            capacity: fields.capacity,
            registration: fields.registration_number,
            security_deposit: fields.security_deposit,
            description: fields.description,
        });
        guests.adults += count(&member.form.stay.adults);
        guests.children += count(&member.form.stay.children);
        guests.others += count(&member.form.stay.others);
        // Options taken, at the price they were sold at; options offered (quantity 0) at the
        // catalogue's price, shown without a total.
        if let Some(quote) = &member.quote {
            options.extend(
                quote
                    .charges
                    .iter()
                    .filter(|c| !c.flat_fee)
                    .map(|c| OptionFacts {
                        label: c.label.to_string(),
                        unit_price: c.unit_price,
                        quantity: c.quantity,
                    }),
            );
        }
        for offered in member
            .form
            .options
            .iter()
            .filter(|o| o.quantity.trim() == "0")
        {
            if let Some(option) = catalogue
                .iter()
                .find(|c| c.id.to_string() == offered.option)
            {
                options.push(OptionFacts {
                    label: option.charge.label.to_string(),
                    unit_price: option.charge.unit_price,
                    quantity: 0,
                });
            }
        }
    }
    let first = &members[0];
    Ok(ContractFacts {
        lessor: Party {
            name: lessor.name,
            address: lessor.address,
        },
        billing_address: billing.manager_address,
        tenant: Party {
            name: first.form.customer.name.clone(),
            address: first.form.customer.address.clone(),
        },
        homes,
        arrival: date(&first.form.stay.arrival).unwrap_or_default(),
        departure: date(&first.form.stay.departure).unwrap_or_default(),
        guests,
        total: members.iter().map(|m| m.price).sum(),
        options,
        booking_deposit: members.iter().map(|m| money(&m.form.deposit)).sum(),
        manual_security_deposit: manual_deposit,
        message: first.form.contract_message.clone(),
    })
}
