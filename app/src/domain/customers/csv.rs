//! CSV as French Excel opens it: UTF-8 with a byte-order mark (without it Excel reads the accents as
//! Windows-1252), fields separated by semicolons (the comma is the decimal separator in French), lines
//! ended by CRLF, and fields quoted when they hold a separator, a quote or a line break (RFC 4180).

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: char = '\u{feff}';

/// One field, quoted if needed. A field starting with `=` or `@` would be run as a formula by a
/// spreadsheet: it is prefixed with an apostrophe (phones starting with `+` are left alone).
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The whole document: the BOM, then each row on its own line.
pub fn document(rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        let line: Vec<String> = row.iter().map(|value| field(value)).collect();
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("Marie Dupont"), "Marie Dupont");
        assert_eq!(field("3 rue; Annecy"), "\"3 rue; Annecy\"");
        assert_eq!(field("Le \"Mas\""), "\"Le \"\"Mas\"\"\"");
        assert_eq!(field("1 rue\nAnnecy"), "\"1 rue\nAnnecy\"");
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+33 6 12 34 56 78"), "+33 6 12 34 56 78");
    }

    #[test]
    fn a_document_starts_with_the_bom_and_ends_lines_with_crlf() {
        let rows = vec![
            vec!["Nom".to_owned(), "Ville".to_owned()],
            vec!["Élise".to_owned(), "Sète".to_owned()],
        ];
        assert_eq!(document(&rows), "\u{feff}Nom;Ville\r\nÉlise;Sète\r\n");
    }
}
