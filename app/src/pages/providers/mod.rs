//! The providers' screens (SPEC C11): "Prestataires" for admins and managers (the list with each
//! provider's properties, account and secret links, and the add / edit form), and "Mon planning"
//! for a logged-in provider ([`my_planning`]); [`planning_view`] renders a provider's planning for
//! both that page and the secret-link page.

mod form;
mod list;
pub mod my_planning;
pub mod planning_view;

pub use my_planning::MyPlanningPage;

use crate::api::providers::get_providers;
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::provider::Provider;
use leptos::prelude::*;
use leptos_meta::Title;

/// What every part of the page reports: a success or an error message (both reload the list).
#[derive(Clone, Copy)]
pub struct PageNotices {
    /// Shows a success and reloads the list.
    pub done: Callback<String>,
    /// Shows an error and reloads the list.
    pub fail: Callback<String>,
    /// Shows a success without reloading (a link copied).
    pub told: Callback<String>,
}

/// The page.
#[component]
pub fn ProvidersPage() -> impl IntoView {
    let t = use_texts();
    let p = t.providers;
    let overview = Resource::new(|| (), |_| get_providers());
    let notice = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let notices = PageNotices {
        done: Callback::new(move |message: String| {
            failure.set(None);
            notice.set(Some(message));
            overview.refetch();
        }),
        fail: Callback::new(move |message: String| {
            notice.set(None);
            failure.set(Some(message));
            overview.refetch();
        }),
        told: Callback::new(move |message: String| {
            failure.set(None);
            notice.set(Some(message));
        }),
    };
    let editing = RwSignal::new(None::<Provider>);
    view! {
        <Title text=p.title/>
        <div class="page-head"><h1>{p.title}</h1></div>
        <p class="hint">{p.intro}</p>
        <SuccessNotice message=notice/>
        <ErrorNotice message=failure/>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => {
                        let overview = StoredValue::new(overview);
                        view! {
                            <list::ProviderTable overview notices editing/>
                            <form::ProviderFormPanel overview notices editing/>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}
