//! A customer's bookings, latest arrival first: property, stay (opens the booking on the planning),
//! status (colour and name) and price.

use crate::components::language::use_texts;
use crate::domain::customers::CustomerBooking;
use crate::pages::planning::booking_link;
use leptos::prelude::*;
use leptos_router::components::A;

/// The table of a customer's bookings.
#[component]
pub fn CustomerBookings(bookings: Vec<CustomerBooking>) -> impl IntoView {
    let t = use_texts();
    let c = t.customers;
    view! {
        <section class="panel" aria-labelledby="customer-bookings-title">
            <h2 id="customer-bookings-title">{c.bookings_title}</h2>
            {if bookings.is_empty() {
                view! { <p class="empty">{c.no_bookings}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="list">
                            <thead><tr>
                                <th scope="col">{c.col_property}</th>
                                <th scope="col">{c.col_stay}</th>
                                <th scope="col">{c.col_status}</th>
                                <th scope="col" class="num">{c.col_price}</th>
                            </tr></thead>
                            <tbody>
                                {bookings.into_iter().map(|booking| view! {
                                    <tr>
                                        <th scope="row"><A href=format!("/logements/{}", booking.property_id)>{booking.property_name.clone()}</A></th>
                                        <td><A href=booking_link(booking.id, booking.stay.arrival())>{(c.stay)(booking.stay.arrival(), booking.stay.departure())}</A></td>
                                        <td><span class="swatch" aria-hidden="true" style=format!("background:{}", booking.status.color)></span>
                                            {booking.status.name.clone()}</td>
                                        <td class="num">{t.money(booking.price)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
