//! The export links: one secret link per property and one for all of them, shown on demand (created
//! the first time), with a variant per platform that leaves that platform's own stays out, a copy
//! button, and renewal after confirmation (the old link then answers 404). Below, which statuses the
//! exported calendars show as taken.

use super::PageNotices;
use crate::api::sync::{GetExportLink, SetExportedStatuses};
use crate::components::language::use_texts;
use crate::domain::ids::{PropertyId, StatusId};
use crate::domain::sync::view::SyncOverview;
use crate::domain::sync::Platform;
use leptos::prelude::*;

/// The address of a link for `platform` (`None`: every platform) on this site.
fn address(origin: &str, token: &str, platform: Option<Platform>) -> String {
    let option = platform.map_or(String::new(), |p| format!("?exclure={}", p.code()));
    format!("{origin}/ical/{token}.ics{option}")
}

/// The links and the exported statuses.
#[component]
pub fn ExportLinks(overview: StoredValue<SyncOverview>, notices: PageNotices) -> impl IntoView {
    let s = use_texts().sync;
    let rows: Vec<(Option<PropertyId>, String)> = overview.with_value(|o| {
        std::iter::once((None, s.organisation_link.to_string()))
            .chain(
                o.properties
                    .iter()
                    .filter_map(|p| Some((Some(p.id.parse().ok()?), p.label.clone()))),
            )
            .collect()
    });
    view! {
        <section class="panel" aria-labelledby="exports-title">
            <h2 id="exports-title">{s.exports_title}</h2>
            <p class="hint">{s.exports_intro}</p>
            <ul class="export-links">
                {rows.into_iter().map(|(property, name)| {
                    let token = overview.with_value(|o| o.links.iter().find(|l| l.property == property).map(|l| l.token.clone()));
                    view! { <ExportLinkRow property name token notices/> }
                }).collect_view()}
            </ul>
            <ExportedStatuses overview notices/>
        </section>
    }
}

/// One export link: shown on demand (created the first time), its platform variants, copy, renew.
#[component]
pub fn ExportLinkRow(
    property: Option<PropertyId>,
    name: String,
    token: Option<String>,
    notices: PageNotices,
) -> impl IntoView {
    let t = use_texts();
    let s = t.sync;
    let token = RwSignal::new(token);
    let shown = RwSignal::new(false);
    let variant = RwSignal::new(None::<Platform>);
    let asking = RwSignal::new(false);
    let origin = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Ok(here) = window().location().origin() {
            origin.set(here);
        }
    });
    let action = ServerAction::<GetExportLink>::new();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(link)) => {
            let renewed = token.get_untracked().is_some_and(|old| old != link.token);
            token.set(Some(link.token));
            shown.set(true);
            asking.set(false);
            if renewed {
                notices.done.run(s.renewed.to_string());
            }
        }
        Some(Err(error)) => notices.fail.run(error.display(t)),
        None => {}
    });
    let input_id = format!(
        "export-{}",
        property.map_or("all".to_string(), |p| p.to_string())
    );
    let url = move || {
        token
            .get()
            .map(|tk| address(&origin.get(), &tk, variant.get()))
            .unwrap_or_default()
    };
    let copy = {
        let input_id = input_id.clone();
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
                        notices.done.run(s.copied.to_string());
                    }
                }
            }
        }
    };
    let (show_label, renew_label) = ((s.show_link)(&name), (s.renew)(&name));
    view! {
        <li data-testid="export-link">
            <strong>{name.clone()}</strong>" "
            {move || (!shown.get()).then(|| view! {
                <button type="button" class="small" aria-label=show_label.clone()
                    on:click=move |_| {
                        if token.get_untracked().is_some() {
                            shown.set(true);
                        } else {
                            action.dispatch(GetExportLink { property, renew: false });
                        }
                    }>{s.show}</button>
            })}
            {
                let input_id = input_id.clone();
                let copy = copy.clone();
                let renew_label = renew_label.clone();
                move || shown.get().then(|| {
                    let input_id = input_id.clone();
                    let copy = copy.clone();
                    view! {
                        <div class="field-row export-link">
                            <label for=format!("{input_id}-for")>{s.link_for}</label>
                            <select id=format!("{input_id}-for") on:change=move |ev| variant.set(Platform::from_code(&event_target_value(&ev)))>
                                <option value="">{s.link_for_all}</option>
                                {[Platform::Airbnb, Platform::BookingCom, Platform::Vrbo].into_iter().map(|p| view! {
                                    <option value=p.code()>{(s.link_for_platform)(p.name())}</option>
                                }).collect_view()}
                            </select>
                            <input id=input_id.clone() type="text" readonly class="link" data-testid="export-url"
                                aria-label=name.clone() prop:value=url/>
                            <button type="button" class="small" on:click=copy>{s.copy}</button>
                            <button type="button" class="small danger" aria-label=renew_label.clone() aria-haspopup="dialog"
                                on:click=move |_| asking.set(true)>{s.renew_confirm}</button>
                        </div>
                    }
                })
            }
            {move || asking.get().then(|| view! {
                <div class="confirm" role="alertdialog" aria-label=s.renew_confirm aria-modal="false">
                    <p>{s.renew_question}</p>
                    <button type="button" class="button danger" autofocus disabled=move || action.pending().get()
                        on:click=move |_| { action.dispatch(GetExportLink { property, renew: true }); }>{s.renew_confirm}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(false)>{t.cancel}</button>
                </div>
            })}
        </li>
    }
}

#[component]
fn ExportedStatuses(overview: StoredValue<SyncOverview>, notices: PageNotices) -> impl IntoView {
    let t = use_texts();
    let s = t.sync;
    let chosen = RwSignal::new(overview.with_value(|o| o.exported_statuses.clone()));
    let action = ServerAction::<SetExportedStatuses>::new();
    Effect::new(move |_| match action.value().get() {
        Some(Ok(())) => notices.done.run(s.statuses_saved.to_string()),
        Some(Err(error)) => notices.fail.run(error.display(t)),
        None => {}
    });
    let statuses = overview.with_value(|o| o.statuses.clone());
    view! {
        <fieldset class="exported-statuses">
            <legend>{s.statuses_title}</legend>
            <p class="hint">{s.statuses_intro}</p>
            {statuses.into_iter().map(|status| {
                let id: StatusId = status.id;
                let input_id = format!("exported-{id}");
                let label_for = input_id.clone();
                let swatch = format!("background:{}", status.color);
                view! {
                    <label class="check" for=label_for>
                        <input type="checkbox" id=input_id prop:checked=move || chosen.with(|c| c.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|x| *x != id);
                                    if on { c.push(id); }
                                });
                            }/>
                        <span class="swatch" style=swatch aria-hidden="true"></span>{status.name.clone()}
                    </label>
                }
            }).collect_view()}
            <button type="button" class="button" disabled=move || action.pending().get()
                on:click=move |_| { action.dispatch(SetExportedStatuses { statuses: chosen.get_untracked() }); }>{s.save_statuses}</button>
        </fieldset>
    }
}
