//! The interface language: read from the `saison_lang` cookie on the server and from `<html lang>` in
//! the browser (which the server wrote from the same cookie), so rendering and hydration agree.

use crate::i18n::{texts, Lang, Texts, LANG_COOKIE};
use leptos::prelude::*;

/// The language of the page being rendered.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::api::guard::lang()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .map(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
}

/// Makes the texts of `lang` available to every component below.
pub fn provide_texts(lang: Lang) {
    provide_context(texts(lang));
}

/// The texts of the page's language.
pub fn use_texts() -> &'static Texts {
    use_context::<&'static Texts>().unwrap_or_else(|| texts(Lang::Fr))
}

/// Remembers `lang` for a year and reloads the page in it.
pub fn switch_to(lang: Lang) {
    use wasm_bindgen::JsCast;
    if let Ok(html_document) = document().dyn_into::<web_sys::HtmlDocument>() {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        let _ = html_document.set_cookie(&cookie);
        let _ = window().location().reload();
    }
}

/// A button that switches between French and English.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let t = use_texts();
    let other = if t.lang == Lang::Fr {
        Lang::En
    } else {
        Lang::Fr
    };
    let hreflang = other.code();
    view! {
        <button type="button" class="link-button" lang=hreflang aria-label=t.switch_language_label
            on:click=move |_| switch_to(other)>
            {t.switch_language}
        </button>
    }
}
