//! Bookings (réservations, SPEC C3–C4): the booking form and its validation, the guests kept as
//! customers, the statuses of the planning, and the planning's layout (rows, bars, lanes, overlaps).

pub mod customer;
pub mod form;
pub mod group;
pub mod origin;
pub mod planning;
pub mod status_form;
pub mod stored;

pub use customer::{CustomerForm, CustomerInput, CustomerSummary};
pub use form::{BookingForm, BookingInput, OptionQuantity};
pub use group::{BookingQuotes, GroupInput, GroupLine, MemberInput, MAX_GROUP};
pub use origin::Origin;
pub use planning::{lanes, Bar, Lanes, PlanningData, PlanningRow, PlanningWindow};
pub use status_form::{StatusForm, StatusInput, StatusRefusal, StatusSetting, StatusUses};
pub use stored::{Booking, BookingStatus, SavedBooking};
