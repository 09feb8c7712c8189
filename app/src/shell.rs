//! The HTML document and the router: which page answers which URL.

use crate::components::language::{current_lang, provide_texts};
use crate::pages::account::AccountPage;
use crate::pages::contracts::editor::ContractPage;
use crate::pages::customers::{CustomerListPage, CustomerPage};
use crate::pages::invoices::editor::InvoicePage;
use crate::pages::invoices::list::InvoiceListPage;
use crate::pages::layout::AppLayout;
use crate::pages::login::LoginPage;
use crate::pages::mail::{MailSettingsPage, MailTemplatesPage, OutboxPage};
use crate::pages::not_built::{NotBuiltPage, NotFoundPage, Screen};
use crate::pages::planning::PlanningPage;
use crate::pages::properties::{PropertyEditPage, PropertyListPage, PropertyNewPage};
use crate::pages::providers::{MyPlanningPage, ProvidersPage};
use crate::pages::rates::{RatePlanListPage, RatePlanNewPage, RatePlanPage};
use crate::pages::settings::{
    BillingSettingsPage, CataloguePage, ContractSettingsPage, PricingSettingsPage,
    PublicSiteSettingsPage, SettingsPage, StatusesPage,
};
use crate::pages::setup::SetupPage;
use crate::pages::sync::SyncPage;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The whole HTML document rendered by the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = current_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: language, metadata and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_texts(current_lang());
    Effect::new(move |_| {
        // Tells browser tests (and nothing else) that the page is interactive. Suspended parts
        // hydrate in microtasks after this effect, from the data serialised in the page: the mark
        // waits for the next frame, when they are done.
        request_animation_frame(|| {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        });
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/saison.css"/>
        <Title formatter=|page: String| if page.is_empty() { "Saison".to_string() } else { format!("{page} · Saison") }/>
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/configuration") view=SetupPage ssr=SsrMode::Async/>
                <Route path=path!("/connexion") view=LoginPage ssr=SsrMode::Async/>
                <ParentRoute path=path!("") view=AppLayout ssr=SsrMode::Async>
                    <Route path=path!("") view=PlanningPage/>
                    <Route path=path!("reservations") view=|| view! { <NotBuiltPage screen=Screen::Bookings/> }/>
                    <Route path=path!("reservations/:id/contrat") view=ContractPage/>
                    <Route path=path!("clients") view=CustomerListPage/>
                    <Route path=path!("clients/:id") view=CustomerPage/>
                    <Route path=path!("logements") view=PropertyListPage/>
                    <Route path=path!("logements/nouveau") view=PropertyNewPage/>
                    <Route path=path!("logements/:id") view=PropertyEditPage/>
                    <Route path=path!("tarifs") view=RatePlanListPage/>
                    <Route path=path!("tarifs/nouveau") view=RatePlanNewPage/>
                    <Route path=path!("tarifs/:id") view=RatePlanPage/>
                    <Route path=path!("factures") view=InvoiceListPage/>
                    <Route path=path!("factures/:id") view=InvoicePage/>
                    <Route path=path!("rapports") view=|| view! { <NotBuiltPage screen=Screen::Reports/> }/>
                    <Route path=path!("parametres") view=SettingsPage/>
                    <Route path=path!("parametres/tarification") view=PricingSettingsPage/>
                    <Route path=path!("parametres/options") view=CataloguePage/>
                    <Route path=path!("parametres/facturation") view=BillingSettingsPage/>
                    <Route path=path!("parametres/contrat") view=ContractSettingsPage/>
                    <Route path=path!("parametres/site-web") view=PublicSiteSettingsPage/>
                    <Route path=path!("parametres/statuts") view=StatusesPage/>
                    <Route path=path!("parametres/messagerie") view=MailSettingsPage/>
                    <Route path=path!("parametres/modeles-email") view=MailTemplatesPage/>
                    <Route path=path!("envois") view=OutboxPage/>
                    <Route path=path!("synchronisation") view=SyncPage/>
                    <Route path=path!("prestataires") view=ProvidersPage/>
                    <Route path=path!("prestataire") view=MyPlanningPage/>
                    <Route path=path!("compte") view=AccountPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
