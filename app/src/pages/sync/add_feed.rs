//! Adding a platform's calendar: the property, the platform (which picks the usual status for its
//! stays), the iCal link, the statuses of stays and blocks, how often to check. Checked as typed with
//! the server's rules; on success the feed is synchronised at once and the outcome shown.

use super::PageNotices;
use crate::api::sync::{AddFeed, UpdateFeed};
use crate::components::field::{FormState, SelectField, TextField};
use crate::components::language::use_texts;
use crate::domain::sync::view::{FeedHealth, SyncOverview};
use crate::domain::sync::{FeedForm, Platform};
use leptos::prelude::*;

/// The status a new feed of `platform` gives its stays: the one named after the platform if the
/// organisation has it, else the first.
fn status_for(overview: &SyncOverview, platform: Platform) -> String {
    let named = platform.default_status_name().and_then(|name| {
        overview
            .statuses
            .iter()
            .find(|status| status.name.eq_ignore_ascii_case(name))
    });
    named
        .or(overview.statuses.first())
        .map(|status| status.id.to_string())
        .unwrap_or_default()
}

/// The status of blocked nights: "Indisponible" if the organisation has it, else the first.
fn block_status(overview: &SyncOverview) -> String {
    overview
        .statuses
        .iter()
        .find(|status| status.name.eq_ignore_ascii_case("Indisponible"))
        .or(overview.statuses.first())
        .map(|status| status.id.to_string())
        .unwrap_or_default()
}

fn blank(overview: &SyncOverview) -> FeedForm {
    FeedForm {
        property: overview
            .properties
            .first()
            .map(|p| p.id.clone())
            .unwrap_or_default(),
        platform: Platform::Airbnb.code().into(),
        url: String::new(),
        status: status_for(overview, Platform::Airbnb),
        block_status: block_status(overview),
        interval_minutes: crate::domain::sync::settings::INTERVAL_MINUTES
            .2
            .to_string(),
    }
}

/// The form: adds a feed, or changes the one `editing` names (chosen in the table above).
#[component]
pub fn AddFeedForm(
    overview: StoredValue<SyncOverview>,
    notices: PageNotices,
    editing: RwSignal<Option<FeedHealth>>,
) -> impl IntoView {
    let t = use_texts();
    let s = t.sync;
    let form = FormState::new(overview.with_value(blank), |f: &FeedForm| {
        f.validate().err().unwrap_or_default()
    });
    Effect::new(move |_| match editing.get() {
        Some(feed) => {
            form.reset(feed.to_form());
            if let Some(section) = document().get_element_by_id("add-feed-title") {
                section.scroll_into_view();
            }
        }
        None => form.reset(overview.with_value(blank)),
    });
    let action = ServerAction::<AddFeed>::new();
    let update = ServerAction::<UpdateFeed>::new();
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            form.server_result(&result);
            match result {
                Ok((_, outcome)) => {
                    form.reset(overview.with_value(blank));
                    notices.done.run((s.added)(&outcome));
                }
                Err(error) if error.fields.is_empty() => notices.fail.run(error.display(t)),
                Err(_) => {}
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = update.value().get() {
            form.server_result(&result);
            match result {
                Ok(()) => notices.done.run(s.feed_saved.to_string()),
                Err(error) if error.fields.is_empty() => notices.fail.run(error.display(t)),
                Err(_) => {}
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(value) = form.submit() {
            match editing.get_untracked() {
                Some(feed) => {
                    update.dispatch(UpdateFeed {
                        id: feed.id,
                        version: feed.version,
                        form: value,
                    });
                }
                None => {
                    action.dispatch(AddFeed { form: value });
                }
            }
        }
    };
    let pending = move || action.pending().get() || update.pending().get();
    let properties = Signal::derive(move || {
        overview.with_value(|o| {
            o.properties
                .iter()
                .map(|p| (p.id.clone(), p.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let platforms = Signal::derive(move || {
        Platform::ALL
            .iter()
            .map(|p| (p.code().to_string(), p.name().to_string()))
            .collect::<Vec<_>>()
    });
    let statuses = Signal::derive(move || {
        overview.with_value(|o| {
            o.statuses
                .iter()
                .map(|status| (status.id.to_string(), status.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // Choosing a platform picks its usual status for the stays.
    let platform_binding = form.text("platform", |f| f.platform.clone(), |f, x| f.platform = x);
    let (platform_value, set_platform) = platform_binding;
    let choose_platform = Callback::new(move |code: String| {
        set_platform.run(code.clone());
        if let Some(platform) = Platform::from_code(&code) {
            let status = overview.with_value(|o| status_for(o, platform));
            form.value.update(|f| f.status = status);
        }
    });
    view! {
        <section class="panel" aria-labelledby="add-feed-title">
            <h2 id="add-feed-title">{move || if editing.get().is_some() { s.edit_title } else { s.add_title }}</h2>
            <p class="hint">{s.add_intro}</p>
            <form on:submit=on_submit novalidate data-testid="add-feed">
                <div class="row">
                    <SelectField label=s.field_property name="property" options=properties
                        binding=form.text("property", |f| f.property.clone(), |f, x| f.property = x) error=form.error("property")/>
                    <SelectField label=s.field_platform name="platform" options=platforms
                        binding=(platform_value, choose_platform) error=form.error("platform")/>
                </div>
                <TextField label=s.field_url name="url" input_type="url" hint=s.url_hint required=true
                    binding=form.text("url", |f| f.url.clone(), |f, x| f.url = x) error=form.error("url")/>
                <div class="row">
                    <SelectField label=s.field_status name="status" options=statuses
                        binding=form.text("status", |f| f.status.clone(), |f, x| f.status = x) error=form.error("status")/>
                    <SelectField label=s.field_block_status name="block_status" options=statuses
                        binding=form.text("block_status", |f| f.block_status.clone(), |f, x| f.block_status = x) error=form.error("block_status")/>
                    <TextField label=s.field_interval name="interval_minutes" inputmode="numeric" hint=s.interval_hint
                        binding=form.text("interval_minutes", |f| f.interval_minutes.clone(), |f, x| f.interval_minutes = x)
                        error=form.error("interval_minutes")/>
                </div>
                <button type="submit" class="button primary" disabled=pending>
                    {move || match (pending(), editing.get().is_some()) {
                        (true, _) => s.syncing,
                        (false, true) => s.save_feed,
                        (false, false) => s.add_button,
                    }}
                </button>
                {move || editing.get().is_some().then(|| view! {
                    <button type="button" class="button" on:click=move |_| editing.set(None)>{t.cancel}</button>
                })}
            </form>
        </section>
    }
}
