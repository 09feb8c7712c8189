//! The document around every public page: language, title, the embedding site's colours (six hex
//! digits each, checked by [`EmbedStyle`]), the page's own small stylesheet, and the script that
//! tells an embedding page how tall the page is.

use crate::domain::public::EmbedStyle;
use leptos::prelude::*;

const STYLE: &str = include_str!("public.css");

/// Reports the page's height to the page embedding it (`public/embed.js` sizes the iframe). The
/// root element's own height, not `scrollHeight`, which never goes below the frame's height.
const HEIGHT_SCRIPT: &str = "(function(){if(parent===window)return;function s(){parent.postMessage({saison:'height',height:Math.ceil(document.documentElement.getBoundingClientRect().height)},'*')}addEventListener('load',s);if(window.ResizeObserver){new ResizeObserver(s).observe(document.body)}})();";

/// A public page titled `title`, dressed in `style`.
#[component]
pub fn PublicShell(title: String, style: EmbedStyle, children: Children) -> impl IntoView {
    let colours = format!(
        ":root{{--accent:{};--bg:{};--text:{}}}",
        style.accent, style.background, style.text
    );
    let texts = crate::components::language::use_texts();
    view! {
        <html lang=style.lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="robots" content="noindex"/>
                <title>{title}</title>
                <style inner_html=colours/>
                <style inner_html=STYLE/>
            </head>
            <body>
                <main>{children()}</main>
                <footer><p>{texts.public.powered_by}</p></footer>
                <script inner_html=HEIGHT_SCRIPT/>
            </body>
        </html>
    }
}
