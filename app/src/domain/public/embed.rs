//! How the owner's website dresses the public pages it embeds, from the URL's parameters:
//! `couleur` (accent), `fond` (background), `texte` (text colour) as `rrggbb` hex (with or without
//! `#`), `lang=fr|en`, `mois` (months shown, 1–12). Anything else, or a value not of that shape, is
//! ignored — these values end up in CSS, so nothing but six hex digits passes.

use crate::domain::lang::Lang;

/// The colours, language and length an embedding site asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedStyle {
    /// Accent colour (links, buttons, selected days), `#rrggbb`.
    pub accent: String,
    /// Page background, `#rrggbb`.
    pub background: String,
    /// Text colour, `#rrggbb`.
    pub text: String,
    /// The page's language.
    pub lang: Lang,
    /// Months the calendar shows.
    pub months: u32,
}

impl Default for EmbedStyle {
    fn default() -> Self {
        EmbedStyle {
            accent: "#1f6f5c".into(),
            background: "#ffffff".into(),
            text: "#1d2430".into(),
            lang: Lang::Fr,
            months: 3,
        }
    }
}

/// `#rrggbb` if `raw` is six hex digits (a leading `#` allowed).
pub fn hex_colour(raw: &str) -> Option<String> {
    let digits = raw.trim().trim_start_matches('#');
    (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", digits.to_ascii_lowercase()))
}

impl EmbedStyle {
    /// The style asked for by decoded query pairs; unknown or malformed values keep the defaults.
    pub fn from_pairs(pairs: &[(String, String)]) -> EmbedStyle {
        let mut style = EmbedStyle::default();
        for (name, value) in pairs {
            match name.as_str() {
                "couleur" | "color" => style.accent = hex_colour(value).unwrap_or(style.accent),
                "fond" | "background" => {
                    style.background = hex_colour(value).unwrap_or(style.background)
                }
                "texte" | "text" => style.text = hex_colour(value).unwrap_or(style.text),
                "lang" => style.lang = Lang::from_code(value),
                "mois" | "months" => {
                    if let Ok(months @ 1..=12) = value.trim().parse::<u32>() {
                        style.months = months;
                    }
                }
                _ => {}
            }
        }
        style
    }

    /// The query string that carries this style to the next page (`couleur=…&fond=…`).
    pub fn query(&self) -> String {
        format!(
            "couleur={}&fond={}&texte={}&lang={}&mois={}",
            self.accent.trim_start_matches('#'),
            self.background.trim_start_matches('#'),
            self.text.trim_start_matches('#'),
            self.lang.code(),
            self.months
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn colours_are_six_hex_digits_or_ignored() {
        let style = EmbedStyle::from_pairs(&pairs(&[
            ("couleur", "C0392B"),
            ("fond", "#fafafa"),
            ("texte", "red;}body{display:none"),
            ("lang", "en"),
            ("mois", "6"),
        ]));
        assert_eq!(style.accent, "#c0392b");
        assert_eq!(style.background, "#fafafa");
        assert_eq!(style.text, EmbedStyle::default().text);
        assert_eq!(style.lang, Lang::En);
        assert_eq!(style.months, 6);
        assert_eq!(EmbedStyle::from_pairs(&pairs(&[("mois", "40")])).months, 3);
    }

    #[test]
    fn the_style_travels_to_the_next_page() {
        let style = EmbedStyle::from_pairs(&pairs(&[("couleur", "112233"), ("lang", "en")]));
        let back: Vec<(String, String)> = style
            .query()
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(EmbedStyle::from_pairs(&back), style);
    }
}
