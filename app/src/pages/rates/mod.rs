//! Rate management screens (SPEC C5): the list of rate plans, a plan with its seasons drawn on a
//! year view and a "try a stay" panel.

mod list;
mod new;
mod plan;
mod plan_form;
mod season_editor;
mod try_stay;
mod year_view;

pub use list::RatePlanListPage;
pub use new::RatePlanNewPage;
pub use plan::RatePlanPage;
