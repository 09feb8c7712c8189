//! "Paramètres › Site web" (SPEC C10): the addresses of the public search and of each listed home's
//! calendar, ready-to-paste lines to embed them (one script line, or an iframe), whether the pages
//! answer, the statuses of requests and instant bookings, the homes booked instantly, the conditions
//! a guest accepts — and renewing the addresses (the old ones then answer 404).

use crate::api::public_site::{public_site, PublicSitePage, RenewPublicSite, SavePublicSite};
use crate::components::field::{CheckboxField, FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::public::PublicSiteForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

/// The page.
#[component]
pub fn PublicSiteSettingsPage() -> impl IntoView {
    let t = use_texts();
    let p = t.public;
    let site = Resource::new(|| (), |_| public_site());
    view! {
        <Title text=p.settings_title/>
        <p><A href="/parametres">{t.settings_title}</A></p>
        <h1>{p.settings_title}</h1>
        <p>{p.settings_intro}</p>
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match site.await {
                    Ok(page) => view! { <PublicSiteForms page/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A read-only line to select and copy.
#[component]
fn CopyLine(id: String, label: String, value: Signal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" readonly class="link" prop:value=move || value.get()
                on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }/>
        </div>
    }
}

#[component]
fn PublicSiteForms(page: PublicSitePage) -> impl IntoView {
    let t = use_texts();
    let p = t.public;
    let token = RwSignal::new(page.token.clone());
    let origin = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Ok(here) = window().location().origin() {
            origin.set(here);
        }
    });
    let form = FormState::new(page.form.clone(), |f: &PublicSiteForm| {
        f.validate().err().unwrap_or_default()
    });
    let saved = RwSignal::new(None::<String>);
    let save = ServerAction::<SavePublicSite>::new();
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            form.server_result(&result);
            if let Ok(stored) = result {
                form.value.set(stored);
                saved.set(Some(p.saved.to_string()));
            }
        }
    });
    let renew = ServerAction::<RenewPublicSite>::new();
    let asking = RwSignal::new(false);
    let renew_error = RwSignal::new(None::<String>);
    Effect::new(move |_| match renew.value().get() {
        Some(Ok(renewed)) => {
            token.set(renewed.token);
            asking.set(false);
            saved.set(Some(p.renewed.to_string()));
        }
        Some(Err(error)) => renew_error.set(Some(error.display(t))),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if let Some(value) = form.submit() {
            save.dispatch(SavePublicSite { form: value });
        }
    };
    let search_url =
        Signal::derive(move || format!("{}/public/{}/recherche", origin.get(), token.get()));
    let embed = move |url: String| {
        (
            format!(
                "<script src=\"{}/embed.js\" data-saison=\"{url}\" async></script>",
                origin.get()
            ),
            format!(
                "<iframe src=\"{url}\" title=\"Saison\" style=\"width:100%;height:720px;border:0\" loading=\"lazy\"></iframe>"
            ),
        )
    };
    let statuses = page.statuses.clone();
    let status_options = move |default: &'static str| {
        let statuses = statuses.clone();
        Signal::derive(move || {
            std::iter::once((String::new(), default.to_string()))
                .chain(statuses.iter().map(|s| (s.id.to_string(), s.name.clone())))
                .collect::<Vec<_>>()
        })
    };
    let listed: Vec<_> = page.homes.iter().filter(|h| h.listed).cloned().collect();
    let calendars = listed.clone().into_iter().map(|home| {
        let id = home.id;
        let url = Signal::derive(move || format!("{}/public/{}/calendrier/{id}", origin.get(), token.get()));
        let script = Signal::derive(move || embed(url.get()).0);
        view! {
            <li data-testid="calendar-address">
                <h3>{home.name.clone()}</h3>
                <CopyLine id=format!("cal-{id}") label=p.calendar_address.to_string() value=url/>
                <CopyLine id=format!("cal-script-{id}") label=p.embed_script.to_string() value=script/>
            </li>
        }
    }).collect_view();
    let search_script = Signal::derive(move || embed(search_url.get()).0);
    let search_iframe = Signal::derive(move || embed(search_url.get()).1);
    let instant_boxes = listed
        .into_iter()
        .map(|home| {
            let id = home.id.to_string();
            let box_id = format!("instant-{id}");
            let checked = {
                let id = id.clone();
                move || form.value.with(|f| f.instant_properties.contains(&id))
            };
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let id = id.clone();
                form.value.update(|f| {
                    f.instant_properties.retain(|x| *x != id);
                    if on {
                        f.instant_properties.push(id);
                    }
                });
            };
            view! {
                <div class="field checkbox">
                    <input id=box_id.clone() type="checkbox" prop:checked=checked on:change=toggle/>
                    <label for=box_id>{home.name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let nothing_listed = page.homes.iter().all(|h| !h.listed);
    view! {
        <SuccessNotice message=saved/>
        <ErrorNotice message=renew_error/>
        <section class="panel" aria-labelledby="site-addresses">
            <h2 id="site-addresses">{p.addresses_title}</h2>
            {nothing_listed.then(|| view! { <p class="notice">{p.no_listed_home}</p> })}
            <CopyLine id="search-url".into() label=p.search_address.to_string() value=search_url/>
            <h3>{p.embed_title}</h3>
            <p class="hint">{p.embed_hint}</p>
            <CopyLine id="search-script".into() label=p.embed_script.to_string() value=search_script/>
            <CopyLine id="search-iframe".into() label=p.embed_iframe.to_string() value=search_iframe/>
            <ul class="plain">{calendars}</ul>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="renew-question">
                        <p id="renew-question">{p.renew_question}</p>
                        <button type="button" class="danger" on:click=move |_| { renew.dispatch(RenewPublicSite {}); }>{p.renew_confirm}</button>
                        " "<button type="button" on:click=move |_| asking.set(false)>{t.cancel}</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" on:click=move |_| asking.set(true)>{p.renew}</button> }.into_any()
            }}
        </section>
        <form on:submit=on_submit novalidate data-testid="public-site-form">
            <ErrorNotice message=form.summary()/>
            <section class="panel" aria-labelledby="site-settings">
                <h2 id="site-settings">{p.statuses_title}</h2>
                <CheckboxField label=p.enabled_label name="enabled"
                    binding=form.flag("enabled", |f| f.enabled, |f, x| f.enabled = x)/>
                <div class="row">
                    <SelectField label=p.request_status name="request_status" options=status_options(p.default_request_status)
                        binding=form.text("request_status", |f| f.request_status.clone(), |f, x| f.request_status = x) error=form.error("request_status")/>
                    <SelectField label=p.instant_status name="instant_status" options=status_options(p.default_instant_status)
                        binding=form.text("instant_status", |f| f.instant_status.clone(), |f, x| f.instant_status = x) error=form.error("instant_status")/>
                </div>
                <fieldset>
                    <legend>{p.instant_title}</legend>
                    <p class="hint">{p.instant_hint}</p>
                    {instant_boxes}
                </fieldset>
                <TextField label=p.conditions_field name="conditions" multiline=true
                    binding=form.text("conditions", |f| f.conditions.clone(), |f, x| f.conditions = x) error=form.error("conditions")/>
            </section>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
            </div>
        </form>
    }
}
