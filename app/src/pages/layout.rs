//! The logged-in shell: organisation name, navigation, account menu, language switch. Visitors who are
//! not logged in are sent to the login page (or to the first-run setup when Saison is empty).

use crate::api::auth::{get_session_state, logout};
use crate::components::language::{use_texts, LanguageSwitch};
use crate::domain::account::{CurrentUser, SessionState};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

/// The layout around every logged-in page; provides [`CurrentUser`] to the pages.
#[component]
pub fn AppLayout() -> impl IntoView {
    let t = use_texts();
    let state = Resource::new(|| (), |_| get_session_state());
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match state.await {
                    Ok(SessionState::LoggedIn(user)) => view! { <Shell user/> }.into_any(),
                    Ok(SessionState::NeedsSetup) => view! { <Redirect path="/configuration"/> }.into_any(),
                    Ok(SessionState::LoggedOut) => view! { <Redirect path="/connexion"/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Shell(user: CurrentUser) -> impl IntoView {
    let t = use_texts();
    let role = (t.role_name)(user.role);
    let signed_in = (t.signed_in_as)(&user.name, role);
    let must_change = user.must_change_password;
    let organisation = user.organisation_name.clone();
    provide_context(user);
    let log_out = Action::new(|_: &()| logout());
    Effect::new(move |_| {
        if log_out.value().get().is_some() {
            let _ = window().location().assign("/connexion");
        }
    });
    let nav = [
        ("/", t.nav_planning),
        ("/reservations", t.nav_bookings),
        ("/clients", t.customers.nav_customers),
        ("/logements", t.nav_properties),
        ("/tarifs", t.rates.nav_rates),
        ("/factures", t.nav_invoices),
        ("/rapports", t.nav_reports),
        ("/parametres", t.nav_settings),
    ];
    view! {
        <a class="skip-link" href="#contenu">{t.skip_to_content}</a>
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◐"</span>
                <span class="organisation" data-testid="organisation-name">{organisation}</span>
            </div>
            <nav aria-label=t.nav_label class="mainnav">
                <ul>
                    {nav.into_iter().map(|(href, label)| view! {
                        <li><A href=href exact=href == "/">{label}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
            <div class="usermenu">
                <A href="/compte" attr:class="who">{signed_in}</A>
                <LanguageSwitch/>
                <button type="button" class="link-button" on:click=move |_| { log_out.dispatch(()); }>
                    {t.logout}
                </button>
            </div>
        </header>
        {must_change.then(|| view! {
            <p class="notice warning banner"><A href="/compte">{t.must_change_password}</A></p>
        })}
        <main id="contenu" tabindex="-1">
            <Outlet/>
        </main>
    }
}

/// The logged-in user, provided by the layout.
pub fn use_current_user() -> Option<CurrentUser> {
    use_context::<CurrentUser>()
}
