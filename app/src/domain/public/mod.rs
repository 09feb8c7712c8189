//! The public side (SPEC C10): what guests who never log in see and send — a property's availability
//! calendar, the booking search over the organisation's public homes, and the booking request.
//!
//! Pure, like the rest of the domain: the server reads the data, renders the pages and writes the
//! booking. Nothing here can reveal who booked what: availability is made of taken nights only.

pub mod availability;
pub mod embed;
pub mod request;
pub mod search;
pub mod site;

pub use availability::{CalendarDay, CalendarMonth, DayState};
pub use embed::EmbedStyle;
pub use request::{BookingRequest, RequestForm};
pub use search::{Offer, Search, SearchForm};
pub use site::{PublicSite, PublicSiteForm, PublicSiteSettings};
