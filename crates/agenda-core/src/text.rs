//! Text helpers: folding for comparison (case and accents ignored), and turning the HTML that
//! frab and pretalx exports sometimes carry into plain text, which is all the agenda ever shows.

/// Lower-cases and removes accents, so that "Numérique", "NUMERIQUE" and "numerique" compare
/// equal. Covers the Latin letters of French and the other European languages written in Latin
/// script, and lower-cases Greek and Cyrillic; other scripts are left as written. (The standard
/// library's full Unicode case tables would add 12 KB to the wasm for scripts a French-speaking
/// agenda hardly meets.)
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match fold_char(c) {
            Some(f) => out.push_str(f),
            None => out.push(lower_greek_cyrillic(c)),
        }
    }
    out
}

/// Greek and Cyrillic capitals to small letters (their cases are at fixed distances).
fn lower_greek_cyrillic(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x391..=0x3A9 if n != 0x3A2 => n + 32, // Α–Ω
        0x386 => 0x3AC,                        // Ά
        0x388..=0x38A => n + 37,               // Έ Ή Ί
        0x38C => 0x3CC,                        // Ό
        0x38E..=0x38F => n + 63,               // Ύ Ώ
        0x410..=0x42F => n + 32,               // А–Я
        0x400..=0x40F => n + 80,               // Ѐ–Џ
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' | 'ă'
        | 'Ă' | 'ą' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => "c",
        'ď' | 'Ď' | 'đ' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ė' | 'Ė' | 'ę' | 'Ę' | 'ě'
        | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'į' | 'Į' | 'ı' | 'İ' => {
            "i"
        }
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'Ñ' | 'ń' | 'Ń' | 'ň' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' | 'Ō' | 'ő'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'Ŕ' | 'ř' | 'Ř' => "r",
        'ś' | 'Ś' | 'š' | 'Š' | 'ş' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'Ť' | 'ţ' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' | 'ů' | 'Ů' | 'ű' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'Ź' | 'ż' | 'Ż' | 'ž' | 'Ž' => "z",
        // Typographic apostrophes and dashes match their plain forms.
        '’' | '‘' | 'ʼ' => "'",
        '–' | '—' => "-",
        _ => return None,
    })
}

/// Turns text that may contain HTML markup into plain text: tags are dropped (their content
/// kept), `<br>` becomes a line break, block ends become paragraph breaks, list items start a line
/// with a bullet, entities are decoded. Text with neither `<` nor `&` comes back unchanged but for
/// trimmed blank lines. The result is always shown as text, never parsed as HTML.
pub fn html_to_text(s: &str) -> String {
    if !s.contains('<') && !s.contains('&') {
        return tidy_paragraphs(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                // A lone '<' (e.g. "a < b"): it is text.
                out.push('<');
                rest = &rest[1..];
                continue;
            };
            let tag = rest[1..end].trim().to_ascii_lowercase();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if tag.starts_with('!') {
                // A comment or doctype: not text.
                rest = &rest[end + 1..];
                continue;
            }
            if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // Not a tag ("<3", "< 5"): keep it as text.
                out.push('<');
                rest = &rest[1..];
                continue;
            }
            match name.as_str() {
                "br" => out.push('\n'),
                "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol"
                | "blockquote" | "pre" | "table" => out.push_str("\n\n"),
                "li" if !tag.starts_with('/') => out.push_str("\n• "),
                "tr" => out.push('\n'),
                "td" | "th" => out.push(' '),
                _ => {}
            }
            // Script and style content is code, not text.
            if (name == "script" || name == "style") && !tag.starts_with('/') {
                let close = format!("</{name}");
                let lower = rest.to_ascii_lowercase();
                rest = match lower.find(&close) {
                    Some(j) => &rest[j..],
                    None => "",
                };
                continue;
            }
            rest = &rest[end + 1..];
        } else {
            let (decoded, used) = decode_entity(rest);
            out.push_str(&decoded);
            rest = &rest[used..];
        }
    }
    out.push_str(rest);
    tidy_paragraphs(&out)
}

/// Decodes the entity at the start of `s` (which starts with '&'); returns the text and the
/// number of bytes used. An unknown or malformed entity is kept as it is.
fn decode_entity(s: &str) -> (String, usize) {
    let Some(semi) = s[1..].find(';').map(|i| i + 1).filter(|&i| i <= 12) else {
        return ("&".into(), 1);
    };
    let name = &s[1..semi];
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "rsquo" => Some('’'),
        "lsquo" => Some('‘'),
        "rdquo" => Some('”'),
        "ldquo" => Some('“'),
        "laquo" => Some('«'),
        "raquo" => Some('»'),
        "hellip" => Some('…'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "eacute" => Some('é'),
        "egrave" => Some('è'),
        "agrave" => Some('à'),
        "ccedil" => Some('ç'),
        _ => None,
    };
    let c = named.or_else(|| {
        let num = name.strip_prefix('#')?;
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
    });
    match c {
        Some(c) => (c.to_string(), semi + 1),
        None => ("&".into(), 1),
    }
}

/// Trims each line's end, joins runs of blank lines into one paragraph break, trims the whole.
fn tidy_paragraphs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.replace("\r\n", "\n").split('\n') {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line.trim_start_matches([' ', '\t']).trim_start());
    }
    out
}

/// The paragraphs of a plain text (separated by blank lines).
pub fn paragraphs(s: &str) -> impl Iterator<Item = &str> {
    s.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// `s` without surrounding white space, or `None` when nothing is left.
pub fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Numérique"), "numerique");
        assert_eq!(fold("MÉDIATHÈQUE"), "mediatheque");
        assert_eq!(fold("Loïc Dayot"), "loic dayot");
        assert_eq!(fold("Œuvre Ça"), "oeuvre ca");
        assert_eq!(fold("l’IGN"), "l'ign");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ΕΛΛΆΔΑ Ελλάδα"), "ελλάδα ελλάδα");
        assert_eq!(fold("МОСКВА Ёлка"), "москва ёлка");
        assert_eq!(fold("東京"), "東京");
    }

    #[test]
    fn html_becomes_text() {
        assert_eq!(html_to_text("a<br />b<br><br>c"), "a\nb\n\nc");
        assert_eq!(
            html_to_text("<p>One &amp; two</p><p>Three</p>"),
            "One & two\n\nThree"
        );
        assert_eq!(html_to_text("<ul><li>x</li><li>y</li></ul>"), "• x\n• y");
        assert_eq!(html_to_text("<script>alert(1)</script>safe"), "safe");
        assert_eq!(html_to_text("1 < 2 && 3 > 2"), "1 < 2 && 3 > 2");
        assert_eq!(html_to_text("&#233;t&#xE9; &unknown; &"), "été &unknown; &");
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>"), "");
        assert_eq!(html_to_text("plain\r\n\r\n\r\n  text  "), "plain\n\ntext");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let p: Vec<&str> = paragraphs("a\nb\n\n\nc\n\n").collect();
        assert_eq!(p, ["a\nb", "c"]);
    }
}
