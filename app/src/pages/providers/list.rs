//! The providers' table: name, service, properties served, contact, account, and per provider
//! "Modifier", "Liens" (the secret page and .ics addresses, copy, renew after confirmation — the old
//! addresses then answer 404) and "Supprimer" after confirmation.

use super::PageNotices;
use crate::api::providers::{DeleteProvider, RenewProviderLink};
use crate::components::language::use_texts;
use crate::domain::ids::ProviderId;
use crate::domain::provider::{Provider, ProvidersOverview};
use leptos::prelude::*;

/// The names of the properties `provider` serves.
fn served(overview: &ProvidersOverview, provider: &Provider) -> Vec<String> {
    overview
        .properties
        .iter()
        .filter(|p| provider.properties.iter().any(|id| id.to_string() == p.id))
        .map(|p| p.label.clone())
        .collect()
}

/// The table.
#[component]
pub fn ProviderTable(
    overview: StoredValue<ProvidersOverview>,
    notices: PageNotices,
    editing: RwSignal<Option<Provider>>,
) -> impl IntoView {
    let t = use_texts();
    let p = t.providers;
    let providers = overview.with_value(|o| o.providers.clone());
    let delete = ServerAction::<DeleteProvider>::new();
    let asking = RwSignal::new(None::<ProviderId>);
    Effect::new(move |_| {
        if let Some(result) = delete.value().get() {
            asking.set(None);
            match result {
                Ok(()) => {
                    editing.set(None);
                    notices.done.run(p.deleted.to_string());
                }
                Err(error) => notices.fail.run(error.display(t)),
            }
        }
    });
    view! {
        <section class="panel" aria-labelledby="providers-title">
            <h2 id="providers-title" class="sr-only">{p.title}</h2>
            {providers.is_empty().then(|| view! { <p class="hint" data-testid="no-providers">{p.empty}</p> })}
            {(!providers.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="list providers" data-testid="providers">
                        <thead><tr>
                            <th scope="col">{p.col_name}</th>
                            <th scope="col">{p.col_kind}</th>
                            <th scope="col">{p.col_properties}</th>
                            <th scope="col">{p.col_contact}</th>
                            <th scope="col">{p.col_account}</th>
                            <th scope="col"><span class="sr-only">{p.col_actions}</span></th>
                        </tr></thead>
                        <tbody>
                            {providers.into_iter().map(|provider| {
                                let names = overview.with_value(|o| served(o, &provider));
                                let account = provider.user.and_then(|u| overview.with_value(|o| {
                                    o.accounts.iter().find(|a| a.id == u.to_string()).map(|a| a.label.clone())
                                }));
                                let contact = [provider.email.clone(), provider.phone.clone()]
                                    .into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
                                let id = provider.id;
                                let version = provider.version;
                                let name = provider.name.clone();
                                let for_edit = provider.clone();
                                let links_open = RwSignal::new(false);
                                view! {
                                    <tr data-testid="provider-row">
                                        <th scope="row">{name.clone()}</th>
                                        <td>{(p.kind_name)(provider.kind)}</td>
                                        <td>{if names.is_empty() { p.no_properties.to_string() } else { names.join(", ") }}</td>
                                        <td>{contact}</td>
                                        <td>{account.unwrap_or_else(|| p.no_account.to_string())}</td>
                                        <td class="actions">
                                            <button type="button" class="small" aria-label=(p.edit)(&name)
                                                on:click=move |_| editing.set(Some(for_edit.clone()))>{t.edit}</button>
                                            <button type="button" class="small" aria-expanded=move || links_open.get().to_string()
                                                aria-label=(p.links)(&name) data-testid="provider-links-button"
                                                on:click=move |_| links_open.update(|o| *o = !*o)>
                                                {p.links_button}
                                            </button>
                                            <button type="button" class="small danger" aria-label=(p.delete)(&name) aria-haspopup="dialog"
                                                on:click=move |_| asking.set(Some(id))>{t.delete}</button>
                                            {
                                                let name = name.clone();
                                                move || (asking.get() == Some(id)).then(|| view! {
                                                    <div class="confirm" role="alertdialog" aria-label=p.delete_confirm aria-modal="false">
                                                        <p>{(p.delete_question)(&name)}</p>
                                                        <button type="button" class="button danger" autofocus disabled=move || delete.pending().get()
                                                            on:click=move |_| { delete.dispatch(DeleteProvider { id, version }); }>{p.delete_confirm}</button>
                                                        <button type="button" class="button" on:click=move |_| asking.set(None)>{t.cancel}</button>
                                                    </div>
                                                })
                                            }
                                        </td>
                                    </tr>
                                    {
                                        let provider = provider.clone();
                                        move || links_open.get().then(|| view! {
                                            <tr class="provider-links-row"><td colspan="6">
                                                <ProviderLinks provider=provider.clone() notices/>
                                            </td></tr>
                                        })
                                    }
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}

/// The secret page and .ics addresses of a provider, copy buttons, and renewal.
#[component]
fn ProviderLinks(provider: Provider, notices: PageNotices) -> impl IntoView {
    let t = use_texts();
    let p = t.providers;
    let token = RwSignal::new(provider.token.clone());
    let origin = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Ok(here) = window().location().origin() {
            origin.set(here);
        }
    });
    let asking = RwSignal::new(false);
    let renew = ServerAction::<RenewProviderLink>::new();
    Effect::new(move |_| match renew.value().get() {
        Some(Ok(renewed)) => {
            token.set(renewed.token);
            asking.set(false);
            notices.done.run(p.renewed.to_string());
        }
        Some(Err(error)) => notices.fail.run(error.display(t)),
        None => {}
    });
    let id = provider.id;
    let base = format!("provider-link-{id}");
    let page_id = format!("{base}-page");
    let ics_id = format!("{base}-ics");
    let page_url = move || format!("{}/prestataire/{}", origin.get(), token.get());
    let ics_url = move || format!("{}/prestataire/{}.ics", origin.get(), token.get());
    let copy = move |input_id: String| {
        move |_| {
            use wasm_bindgen::JsCast;
            let document = document();
            if let Some(input) = document
                .get_element_by_id(&input_id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.select();
                if let Ok(html) = document.dyn_into::<web_sys::HtmlDocument>() {
                    if html.exec_command("copy").unwrap_or(false) {
                        notices.told.run(p.copied.to_string());
                    }
                }
            }
        }
    };
    view! {
        <div class="provider-links" data-testid="provider-links">
            <div class="field-row export-link">
                <label for=page_id.clone()>{p.page_link}</label>
                <input id=page_id.clone() type="text" readonly class="link" data-testid="provider-page-url" prop:value=page_url/>
                <button type="button" class="small" on:click=copy(page_id.clone())>{p.copy}</button>
            </div>
            <div class="field-row export-link">
                <label for=ics_id.clone()>{p.ics_link}</label>
                <input id=ics_id.clone() type="text" readonly class="link" data-testid="provider-ics-url" prop:value=ics_url/>
                <button type="button" class="small" on:click=copy(ics_id.clone())>{p.copy}</button>
            </div>
            <button type="button" class="small danger" aria-label=(p.renew)(&provider.name) aria-haspopup="dialog"
                data-testid="provider-renew" on:click=move |_| asking.set(true)>{p.renew_confirm}</button>
            {move || asking.get().then(|| view! {
                <div class="confirm" role="alertdialog" aria-label=p.renew_confirm aria-modal="false">
                    <p>{p.renew_question}</p>
                    <button type="button" class="button danger" autofocus disabled=move || renew.pending().get()
                        data-testid="provider-renew-confirm"
                        on:click=move |_| { renew.dispatch(RenewProviderLink { id }); }>{p.renew_confirm}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(false)>{t.cancel}</button>
                </div>
            })}
        </div>
    }
}
