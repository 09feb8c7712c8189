//! The property screens (SPEC C2): list, create, edit, delete.

mod delete;
mod edit;
mod form;
mod list;
mod new;

pub use edit::PropertyEditPage;
pub use list::PropertyListPage;
pub use new::PropertyNewPage;
