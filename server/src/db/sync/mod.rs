//! Calendar sync in the database: feeds and their health ([`feeds`]), the bookings a feed imported and
//! one poll's changes applied in one transaction ([`imported`], its new stays in one statement:
//! [`new_stays`]), the history ([`history`]), and the
//! export links with what they publish ([`exports`]). Every statement filters by organisation.

pub mod exports;
pub mod feeds;
pub mod history;
pub mod imported;
pub mod new_stays;
