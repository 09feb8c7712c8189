//! "Paramètres › Modèles d'email": for each purpose and language, the subject and message with the
//! fields that can be inserted (at the cursor), a live preview with example values, unknown fields
//! refused as you type (and again by the server), save, and a way back to the default.

use crate::api::mail::templates::{mail_templates, ResetMailTemplate, SaveMailTemplate};
use crate::components::field::{FormState, TextField};
use crate::components::language::use_texts;
use crate::components::notice::{ErrorNotice, SuccessNotice};
use crate::domain::mail::template::insert_at_utf16;
use crate::domain::mail::{Placeholder, Template, TemplatePurpose, TemplateSetting};
use crate::i18n::Lang;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos_meta::Title;

/// The template being edited, with its purpose (the placeholders allowed depend on it).
#[derive(Clone, Debug, PartialEq)]
struct Editing {
    purpose: TemplatePurpose,
    template: Template,
}

fn check(editing: &Editing) -> crate::domain::field::FieldErrors {
    editing
        .template
        .validate(editing.purpose)
        .err()
        .unwrap_or_default()
}

/// The templates page.
#[component]
pub fn MailTemplatesPage() -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let lang = RwSignal::new(t.lang);
    let purpose = RwSignal::new(TemplatePurpose::Contract);
    let list = Resource::new(move || lang.get(), mail_templates);
    view! {
        <Title text=m.templates_title/>
        <h1>{m.templates_title}</h1>
        <p class="hint">{m.templates_intro}</p>
        <div class="field inline">
            <label for="field-template-lang">{m.template_language}</label>
            <select id="field-template-lang" on:change=move |ev| {
                lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Fr });
            }>
                <option value="fr" selected=move || lang.get() == Lang::Fr>"Français"</option>
                <option value="en" selected=move || lang.get() == Lang::En>"English"</option>
            </select>
        </div>
        <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(settings) => view! { <Editor settings purpose lang=lang.get_untracked() list/> }.into_any(),
                    Err(error) => view! { <p class="notice error" role="alert">{error.display(t)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Editor(
    settings: Vec<TemplateSetting>,
    purpose: RwSignal<TemplatePurpose>,
    lang: Lang,
    list: Resource<Result<Vec<TemplateSetting>, crate::error::AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let m = t.mail;
    let settings = StoredValue::new(settings);
    let current =
        move || settings.with_value(|all| all.iter().find(|s| s.purpose == purpose.get()).cloned());
    let editing_of = |setting: &TemplateSetting| Editing {
        purpose: setting.purpose,
        template: setting.template.clone(),
    };
    let first = current().map(|s| editing_of(&s)).unwrap_or(Editing {
        purpose: purpose.get_untracked(),
        template: Template::default(),
    });
    let form = FormState::new(first, check);
    let version = RwSignal::new(current().map_or(0, |s| s.version));
    let notice = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    // Choosing another purpose loads its template.
    Effect::new(move |previous: Option<TemplatePurpose>| {
        let chosen = purpose.get();
        if previous.is_some_and(|p| p != chosen) {
            if let Some(setting) = current() {
                form.reset(editing_of(&setting));
                version.set(setting.version);
                notice.set(None);
                failure.set(None);
            }
        }
        chosen
    });
    let save = ServerAction::<SaveMailTemplate>::new();
    let reset = ServerAction::<ResetMailTemplate>::new();
    let confirm_reset = RwSignal::new(false);
    let stored = move |setting: TemplateSetting, message: &'static str| {
        version.set(setting.version);
        form.reset(editing_of(&setting));
        notice.set(Some(message.to_string()));
        failure.set(None);
        settings.update_value(|all| {
            if let Some(slot) = all.iter_mut().find(|s| s.purpose == setting.purpose) {
                *slot = setting;
            }
        });
    };
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            form.server_result(&result);
            if let Ok(setting) = result {
                stored(setting, m.template_saved);
            }
        }
    });
    Effect::new(move |_| match reset.value().get() {
        Some(Ok(setting)) => {
            confirm_reset.set(false);
            stored(setting, m.template_reset);
        }
        Some(Err(error)) => {
            confirm_reset.set(false);
            failure.set(Some(error.display(t)));
            list.refetch();
        }
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        notice.set(None);
        if let Some(value) = form.submit() {
            save.dispatch(SaveMailTemplate {
                purpose: value.purpose,
                lang,
                template: value.template,
                version: version.get_untracked(),
            });
        }
    };
    let body_ref = NodeRef::<Textarea>::new();
    let insert = move |placeholder: Placeholder| {
        let text = format!("{{{}}}", placeholder.name());
        let selection = body_ref
            .get()
            .and_then(|area| Some((area.selection_start().ok()??, area.selection_end().ok()??)));
        form.value.update(|e| {
            let (start, end) = selection.unwrap_or((u32::MAX, u32::MAX));
            e.template.body = insert_at_utf16(&e.template.body, start, end, &text);
        });
    };
    let preview = move || form.value.with(|e| e.template.render(&m.sample));
    let is_default = move || version.get() == 0;
    view! {
        <div class="templates">
            <nav class="purposes" aria-label=m.templates_title>
                <ul>
                    {TemplatePurpose::ALL.into_iter().map(|p| view! {
                        <li><button type="button" class="link" data-purpose=p.code()
                            aria-current=move || (purpose.get() == p).then_some("true")
                            on:click=move |_| purpose.set(p)>{(m.purpose_name)(p)}</button></li>
                    }).collect_view()}
                </ul>
            </nav>
            <form on:submit=on_submit novalidate class="panel template-editor" data-testid="template-editor">
                <h2>{move || (m.purpose_name)(purpose.get())}
                    " "<span class="badge">{move || if is_default() { m.default_badge } else { m.customised_badge }}</span></h2>
                <SuccessNotice message=notice/>
                <ErrorNotice message=failure/>
                <ErrorNotice message=form.summary()/>
                <TextField label=m.subject name="subject" required=true
                    binding=form.text("subject", |e| e.template.subject.clone(), |e, v| e.template.subject = v)
                    error=form.error("subject")/>
                <div class="field" class:has-error=move || form.error("body").get().is_some()>
                    <label for="field-body">{m.body}<span aria-hidden="true" class="required">" *"</span></label>
                    <textarea id="field-body" name="body" rows="12" node_ref=body_ref
                        aria-invalid=move || form.error("body").get().is_some().then_some("true")
                        prop:value=move || form.value.with(|e| e.template.body.clone())
                        on:input=move |ev| form.value.update(|e| e.template.body = event_target_value(&ev))>
                    </textarea>
                    {move || form.error("body").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <fieldset class="placeholders">
                    <legend>{m.placeholders_title}</legend>
                    <p class="hint">{m.placeholders_hint}</p>
                    {move || purpose.get().placeholders().iter().map(|&p| view! {
                        <button type="button" class="chip" title=(m.placeholder_label)(p)
                            on:click=move |_| insert(p)>{format!("{{{}}}", p.name())}" · "{(m.placeholder_label)(p)}</button>
                    }).collect_view()}
                </fieldset>
                <section class="preview" aria-labelledby="preview-title">
                    <h3 id="preview-title">{m.preview_title}</h3>
                    <p class="preview-subject" data-testid="preview-subject">{move || preview().subject}</p>
                    <pre class="preview-body" data-testid="preview-body">{move || preview().body}</pre>
                </section>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || save.pending().get()>{t.save}</button>
                    {move || (!is_default()).then(|| if confirm_reset.get() {
                        view! {
                            <button type="button" class="danger" on:click=move |_| {
                                reset.dispatch(ResetMailTemplate { purpose: purpose.get_untracked(), lang, version: version.get_untracked() });
                            }>{m.reset_template}</button>
                            <button type="button" on:click=move |_| confirm_reset.set(false)>{t.cancel}</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" on:click=move |_| confirm_reset.set(true)>{m.reset_template}"…"</button> }.into_any()
                    })}
                </div>
            </form>
        </div>
    }
}
