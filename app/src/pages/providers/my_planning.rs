//! "Mon planning" (`/prestataire`): the page a logged-in user with the role provider lands on —
//! their own confidential planning, the provider linked to their account.

use super::planning_view::PlanningView;
use crate::api::providers::my_provider_planning;
use crate::components::language::use_texts;
use crate::error::ErrorKind;
use leptos::prelude::*;
use leptos_meta::Title;

/// The page.
#[component]
pub fn MyPlanningPage() -> impl IntoView {
    let t = use_texts();
    let p = t.providers;
    let planning = Resource::new(|| (), |_| my_provider_planning());
    view! {
        <Title text=p.nav_my_planning/>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match planning.await {
                    Ok((planning, token)) => {
                        let ics = format!("/prestataire/{token}.ics");
                        view! { <PlanningView planning ics/> }.into_any()
                    }
                    Err(error) if error.kind == ErrorKind::NotFound => view! {
                        <h1>{p.nav_my_planning}</h1>
                        <p class="notice info" data-testid="planning-not-linked">{p.not_linked}</p>
                    }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
