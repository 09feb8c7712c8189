//! "Paramètres": the organisation, the rates and booking statuses settings, the language, and (for
//! admins) the users.

mod billing;
mod catalogue;
mod contract;
mod pricing;
mod public_site;
mod status_form;
mod statuses;
mod users;

pub use billing::BillingSettingsPage;
pub use catalogue::CataloguePage;
pub use contract::ContractSettingsPage;
pub use pricing::PricingSettingsPage;
pub use public_site::PublicSiteSettingsPage;
pub use statuses::StatusesPage;

use crate::api::users::list_users;
use crate::components::language::{use_texts, LanguageSwitch};
use crate::pages::layout::use_current_user;
use leptos::prelude::*;
use leptos_meta::Title;
use users::UsersSection;

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = use_texts();
    let user = use_current_user();
    // Created here, not under the Suspense below (see `AppLayout`); a non-admin's call is refused
    // by the server and its section never shown.
    let users = Resource::new(|| (), |_| list_users());
    view! {
        <Title text=t.settings_title/>
        <h1>{t.settings_title}</h1>
        <section class="panel">
            <h2>{t.organisation_title}</h2>
            <Suspense fallback=|| ()>
                <p>{move || user.get().map(|u| u.organisation_name)}</p>
            </Suspense>
        </section>
        <section class="panel">
            <h2>{t.rates.rates_settings_title}</h2>
            <p>{t.rates.rates_settings_intro}</p>
            <ul class="links">
                <li><a href="/parametres/tarification">{t.rates.pricing_title}</a></li>
                <li><a href="/parametres/options">{t.rates.catalogue_title}</a></li>
                <li><a href="/tarifs">{t.rates.plans_title}</a></li>
            </ul>
        </section>
        <section class="panel">
            <h2>{t.customers.statuses_title}</h2>
            <p>{t.customers.statuses_intro}</p>
            <ul class="links">
                <li><a href="/parametres/statuts">{t.customers.statuses_title}</a></li>
            </ul>
        </section>
        <section class="panel">
            <h2>{t.mail.settings_title}</h2>
            <p>{t.mail.settings_intro}</p>
            <ul class="links">
                <li><a href="/parametres/messagerie">{t.mail.settings_link}</a></li>
                <li><a href="/parametres/modeles-email">{t.mail.templates_link}</a></li>
                <li><a href="/envois">{t.mail.outbox_link}</a></li>
            </ul>
        </section>
        <section class="panel">
            <h2>{t.invoices.billing_title}</h2>
            <p>{t.invoices.billing_intro}</p>
            <ul class="links">
                <li><a href="/parametres/facturation">{t.invoices.billing_title}</a></li>
                <li><a href="/parametres/contrat">{t.contracts.settings_link}</a></li>
                <li><a href="/factures">{t.invoices.invoices_title}</a></li>
            </ul>
        </section>
        <section class="panel">
            <h2>{t.public.settings_title}</h2>
            <p>{t.public.settings_intro}</p>
            <ul class="links">
                <li><a href="/parametres/site-web">{t.public.settings_link}</a></li>
            </ul>
        </section>
        <section class="panel">
            <h2>{t.language_title}</h2>
            <LanguageSwitch/>
        </section>
        <Suspense fallback=|| ()>
            {move || user.get().map(|user| if user.role.can_manage_users() {
                view! { <UsersSection users/> }.into_any()
            } else {
                view! { <section class="panel"><h2>{t.users_title}</h2><p>{t.users_admin_only}</p></section> }.into_any()
            })}
        </Suspense>
    }
}
