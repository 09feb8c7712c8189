//! The logged-in shell: organisation name, navigation, account menu, language switch. Visitors who are
//! not logged in are sent to the login page (or to the first-run setup when Saison is empty).

use crate::api::auth::{get_session_state, logout};
use crate::api::mail::outbox::failed_messages;
use crate::components::language::{use_texts, LanguageSwitch};
use crate::domain::account::{CurrentUser, SessionState};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

/// The session as the layout read it, for the pages that depend on the user ([`use_current_user`]).
#[derive(Clone, Copy)]
struct Session(Resource<Result<SessionState, AppError>>);

/// The layout around every logged-in page: the header once the session is known, and the page.
///
/// The page (`<Outlet/>`) is created once, outside the session's `Suspense`: children of a `Suspense`
/// are built again when its resources resolve on the server, and a page built twice created its
/// resources twice — the discarded copy lost its context mid-flight ("services missing from
/// context") and its error could be the value serialised for the browser, which then failed to
/// hydrate. Rule kept by every page: create resources at the top of the component, never inside a
/// `Suspense`'s children.
#[component]
pub fn AppLayout() -> impl IntoView {
    let t = use_texts();
    let state = Resource::new(|| (), |_| get_session_state());
    provide_context(Session(state));
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
        <main id="contenu" tabindex="-1">
            <Outlet/>
        </main>
    }
}

#[component]
fn Shell(user: CurrentUser) -> impl IntoView {
    let t = use_texts();
    let role = (t.role_name)(user.role);
    let signed_in = (t.signed_in_as)(&user.name, role);
    let must_change = user.must_change_password;
    let organisation = user.organisation_name.clone();
    let log_out = Action::new(|_: &()| logout());
    // Failed messages, counted beside "Envois" and read again on every page change so a refusal is
    // noticed wherever one is. Browser only (an effect): the server renders no count, so hydration
    // never disagrees.
    let failed = RwSignal::new(0_i64);
    // Feeds that failed or wait for a confirmation, beside "Synchronisation", the same way.
    let sync_alerts = RwSignal::new(0_i64);
    let location = leptos_router::hooks::use_location();
    let pathname = location.pathname;
    Effect::new(move |_| {
        location.pathname.track();
        leptos::task::spawn_local(async move {
            if let Ok(count) = failed_messages().await {
                failed.set(count);
            }
            if let Ok(count) = crate::api::sync::sync_alerts().await {
                sync_alerts.set(count);
            }
        });
    });
    Effect::new(move |_| {
        if log_out.value().get().is_some() {
            let _ = window().location().assign("/connexion");
        }
    });
    // A provider sees their own planning only (SPEC C11): one entry, and any other screen sends
    // them there (the server refuses those screens' data anyway).
    let is_provider = user.role.is_provider();
    let nav: Vec<(&'static str, &'static str)> = if is_provider {
        vec![("/prestataire", t.providers.nav_my_planning)]
    } else {
        vec![
            ("/", t.nav_planning),
            ("/reservations", t.nav_bookings),
            ("/clients", t.customers.nav_customers),
            ("/logements", t.nav_properties),
            ("/tarifs", t.rates.nav_rates),
            ("/factures", t.nav_invoices),
            ("/rapports", t.nav_reports),
            ("/synchronisation", t.sync.nav),
            ("/prestataires", t.providers.nav),
            ("/envois", t.mail.nav_outbox),
            ("/parametres", t.nav_settings),
        ]
    };
    let elsewhere = move || {
        let path = pathname.get();
        is_provider && path != "/prestataire" && path != "/compte"
    };
    view! {
        {move || elsewhere().then(|| view! { <Redirect path="/prestataire"/> })}
        <a class="skip-link" href="#contenu">{t.skip_to_content}</a>
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◐"</span>
                <span class="organisation" data-testid="organisation-name">{organisation}</span>
            </div>
            <nav aria-label=t.nav_label class="mainnav">
                <ul>
                    {nav.into_iter().map(|(href, label)| view! {
                        <li><A href=href exact=href == "/">{label}{move || {
                            let (n, suffix) = match href {
                                "/envois" => (failed.get(), t.mail.failed_suffix),
                                "/synchronisation" => (sync_alerts.get(), t.sync.alerts_suffix),
                                _ => (0, t.mail.failed_suffix),
                            };
                            let test_id = if href == "/envois" { "failed-messages" } else { "sync-alerts" };
                            (n > 0).then(|| view! {
                                " "<span class="nav-count" data-testid=test_id>{n}
                                    <span class="sr-only">{suffix(n)}</span></span>
                            })
                        }}</A></li>
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
    }
}

/// The logged-in user, from the layout's session. Read it inside a `Suspense` (the server then waits
/// for the session before rendering that part, as the browser does when it hydrates).
pub fn use_current_user() -> Signal<Option<CurrentUser>> {
    let session = use_context::<Session>();
    Signal::derive(move || match session?.0.get()? {
        Ok(SessionState::LoggedIn(user)) => Some(user),
        _ => None,
    })
}
