//! The last change made on the planning and how to take it back: a move, a resize or an edit puts
//! the booking back as it was, a creation deletes it, a deletion creates it again. The notice that
//! says what was done carries the "Annuler" button; undoing goes through the same server functions
//! (re-priced, version-checked), so it cannot overwrite someone else's later change.

use crate::api::bookings::{delete_bookings, save_booking};
use crate::components::language::use_texts;
use crate::domain::booking::{BookingForm, SavedBooking};
use crate::domain::ids::BookingId;
use crate::error::AppError;
use leptos::prelude::*;

/// How to take a change back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// Save the booking as it was (after a move, a resize or an edit), its group's other members
    /// at their versions after the change.
    Restore {
        /// The booking.
        id: BookingId,
        /// Its version after the change.
        version: i64,
        /// The form before the change.
        form: BookingForm,
    },
    /// Delete the bookings just created (a grouped booking's properties together).
    Delete {
        /// The bookings with their versions after creation.
        bookings: Vec<(BookingId, i64)>,
    },
    /// Create again the booking just deleted (with a new id, on its own: the rest of its group has
    /// moved on).
    Recreate {
        /// The form of the deleted booking.
        form: BookingForm,
    },
}

impl Undo {
    /// How to take back a save of `saved` made from `before` (`None`: it was created). A save that
    /// added properties to a group is not undone (which of them to delete would be a guess).
    pub fn of_save(before: Option<BookingForm>, saved: &SavedBooking) -> Option<Undo> {
        let Some(mut form) = before else {
            let created =
                std::iter::once((saved.id, saved.version)).chain(saved.group.iter().copied());
            return Some(Undo::Delete {
                bookings: created.collect(),
            });
        };
        for (member, version) in &saved.group {
            match form
                .group
                .iter_mut()
                .find(|line| line.booking == Some(*member))
            {
                Some(line) => line.version = *version,
                None => return None,
            }
        }
        Some(Undo::Restore {
            id: saved.id,
            version: saved.version,
            form,
        })
    }

    /// Takes the change back. A stay that was allowed before is allowed again, even if the rules
    /// changed in between: restoring is forced (and recorded as such only if the rules refuse it).
    pub async fn run(self) -> Result<(), AppError> {
        match self {
            Undo::Restore { id, version, form } => save_booking(
                Some(id),
                version,
                BookingForm {
                    force: true,
                    ..form
                },
            )
            .await
            .map(|_| ()),
            Undo::Delete { bookings } => delete_bookings(bookings).await,
            Undo::Recreate { form } => save_booking(
                None,
                0,
                BookingForm {
                    force: true,
                    grouped: false,
                    group: Vec::new(),
                    ..form
                },
            )
            .await
            .map(|_| ()),
        }
    }
}

/// A change made on the planning.
#[derive(Clone, Debug, PartialEq)]
pub struct Done {
    /// What was done, in the user's language.
    pub message: String,
    /// How to take it back.
    pub undo: Option<Undo>,
}

/// The notice of the last change, with its "Annuler" button; `on_undone` runs once it is undone
/// (to reload the planning).
#[component]
pub fn DoneNotice(done: RwSignal<Option<Done>>, on_undone: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let b = t.bookings;
    let failure: RwSignal<Option<String>> = RwSignal::new(None);
    let undo = move |_| {
        let Some(Done {
            undo: Some(undo), ..
        }) = done.get_untracked()
        else {
            return;
        };
        failure.set(None);
        leptos::task::spawn_local(async move {
            match undo.run().await {
                Ok(()) => {
                    done.set(Some(Done {
                        message: b.undone.to_string(),
                        undo: None,
                    }));
                    on_undone.run(());
                }
                Err(error) => failure.set(Some(error.display(t))),
            }
        });
    };
    view! {
        <div role="status" aria-live="polite" class="notice-slot">
            {move || done.get().map(|d| view! {
                <p class="notice success">
                    <span>{d.message}</span>
                    {d.undo.is_some().then(|| view! {
                        " "<button type="button" class="link undo" on:click=undo>{b.undo}</button>
                    })}
                </p>
            })}
            {move || failure.get().map(|m| view! { <p class="notice error" role="alert">{m}</p> })}
        </div>
    }
}
