//! A provider's confidential planning as HTML: the period, the properties served, and day by day
//! the departures (with the turnover until the next guests) and the arrivals, guest counts and the
//! notes for providers; a clear sentence when there is nothing. The same component renders the
//! logged-in provider's page and the secret-link page ([`standalone_document`]), which the server
//! sends without any script. It only ever receives a [`ProviderPlanning`]: nothing else to leak.

use crate::components::language::use_texts;
use crate::domain::provider::{ProviderPlanning, Task, TaskKind};
use leptos::prelude::*;

/// The planning; `ics` is the address of its .ics feed.
#[component]
pub fn PlanningView(planning: ProviderPlanning, ics: String) -> impl IntoView {
    let p = use_texts().providers;
    let days = planning.by_day();
    let empty = days.is_empty();
    let served = (p.served)(&planning.properties);
    let period = (p.period)(planning.from, planning.last_day());
    let no_property = planning.properties.is_empty();
    view! {
        <div class="provider-planning" data-testid="provider-planning">
            <div class="page-head">
                <h1>{(p.planning_title)(&planning.provider_name)}</h1>
            </div>
            <p class="hint">{(p.planning_for)(&planning.organisation_name)}" · "{period}</p>
            {(!no_property).then(|| view! { <p data-testid="served-properties">{served}</p> })}
            {if no_property {
                view! { <p class="notice info" data-testid="planning-empty">{p.no_property}</p> }.into_any()
            } else if empty {
                view! { <p class="notice info" data-testid="planning-empty">{p.nothing}</p> }.into_any()
            } else {
                view! {
                    <ol class="provider-days">
                        {days.into_iter().map(|(day, tasks)| view! {
                            <li class="panel provider-day" data-testid="provider-day" data-date=day.to_string()>
                                <h2>{(p.date)(day)}</h2>
                                <ul class="provider-tasks">
                                    {tasks.into_iter().map(|task| view! { <TaskItem task=task.clone()/> }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p class="hint">{p.subscribe}" "<a href=ics.clone() data-testid="provider-ics">{p.subscribe_link}</a></p>
        </div>
    }
}

#[component]
fn TaskItem(task: Task) -> impl IntoView {
    let p = use_texts().providers;
    let (label, class, detail, next) = match &task.kind {
        TaskKind::Arrival { departure } => {
            (p.arrival, "task arrival", (p.stay_until)(*departure), None)
        }
        TaskKind::Departure {
            turnover,
            next_guests,
        } => (
            p.departure,
            "task departure",
            (p.turnover)(*turnover),
            next_guests.map(|g| (p.next_guests)(g)),
        ),
    };
    let notes = (!task.notes.is_empty()).then(|| task.notes.clone());
    view! {
        <li class=class data-testid="provider-task">
            <p><strong class="task-kind">{label}</strong>" · "<strong>{task.property_name.clone()}</strong>
                " · "{(p.guests)(task.guests)}</p>
            <p class="hint">{detail}</p>
            {next.map(|n| view! { <p class="hint">{n}</p> })}
            {notes.map(|n| view! {
                <p class="task-note" data-testid="provider-note"><span class="sr-only">{p.note}" : "</span>
                    <span aria-hidden="true">"✎ "</span>{n}</p>
            })}
        </li>
    }
}

/// The secret-link page: a whole HTML document, rendered on the server with the planning's words
/// escaped by Leptos, the site's stylesheet and no script.
#[cfg(feature = "ssr")]
pub fn standalone_document(
    planning: ProviderPlanning,
    lang: crate::i18n::Lang,
    ics: String,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        crate::components::language::provide_texts(lang);
        let t = crate::i18n::texts(lang);
        let body = view! {
            <main id="contenu" class="provider-standalone">
                <PlanningView planning ics/>
            </main>
        }
        .to_html();
        format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"/>\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
             <meta name=\"color-scheme\" content=\"light\"/>\
             <meta name=\"robots\" content=\"noindex, nofollow\"/>\
             <title>{} · Saison</title>\
             <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"/>\
             <link rel=\"stylesheet\" href=\"/pkg/saison.css\"/></head><body>{body}</body></html>",
            lang.code(),
            t.providers.planning_page_title,
        )
    })
}

/// A short page for a secret that finds nothing (or a refusal), in the same light document.
#[cfg(feature = "ssr")]
pub fn message_document(lang: crate::i18n::Lang, message: &'static str) -> String {
    let t = crate::i18n::texts(lang);
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
         <meta name=\"robots\" content=\"noindex, nofollow\"/>\
         <title>{} · Saison</title>\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"/>\
         <link rel=\"stylesheet\" href=\"/pkg/saison.css\"/></head>\
         <body><main id=\"contenu\" class=\"provider-standalone\"><h1>{}</h1>\
         <p class=\"notice error\" role=\"alert\">{message}</p></main></body></html>",
        lang.code(),
        t.providers.planning_page_title,
        t.providers.planning_page_title,
    )
}
