//! A small JSON reader: a tree of values with objects kept in file order, and errors that say
//! where (line and column) and whether the file was cut short.
//!
//! The programme readers walk this tree; what the agenda writes and reads back itself goes through
//! serde. Why not `serde_json::Value` here (measured, docs/json-reader-decision.md): objects keep
//! the file's order (a frab day's rooms), numbers keep their source text (ids such as `20000`,
//! coordinates as written), and syntax errors say line and column in characters; serde_json's
//! `Value` parses about 1–2 ms faster per 1000 sessions natively. It accepts exactly RFC 8259 JSON;
//! the differential test against serde_json keeps it honest.

use std::fmt;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written in the file (already checked to be a valid JSON number).
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, kept as its source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A JSON object: its members in file order. A key written twice reads as its first value, as
/// a reader looking at the file top to bottom would expect.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> (&'a String, &'a Value),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.get(key),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A non-negative integer (`12`, not `12.5` nor `-1`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.0.parse().ok(),
            _ => None,
        }
    }

    /// An integer (`-3`, not `1e3`).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.0.parse().ok(),
            _ => None,
        }
    }

    /// What kind of value this is, for messages ("null", "a list"…).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Appends `s` as a JSON string literal (quotes and escapes included): the one writer of JSON text
/// the project has (favourites in storage, the converter).
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Where and why a text is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// The text ended in the middle of a value (a truncated download, typically).
    pub eof: bool,
}

/// Nesting deeper than this is refused rather than risking the stack on hostile input.
const MAX_DEPTH: usize = 256;

/// Parses a complete JSON text.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        text,
    };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error());
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn error(&self) -> Error {
        self.error_at(self.i)
    }

    fn error_at(&self, at: usize) -> Error {
        let at = at.min(self.s.len());
        let before = &self.s[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        // Count characters, not bytes; `at` may sit inside a multi-byte character.
        let column = self
            .text
            .get(line_start..at)
            .map_or(at - line_start, |l| l.chars().count())
            + 1;
        Error {
            line,
            column,
            eof: at >= self.s.len(),
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn literal(&mut self, word: &[u8], v: Value) -> Result<Value, Error> {
        for (k, &b) in word.iter().enumerate() {
            match self.s.get(self.i + k) {
                Some(&c) if c == b => {}
                _ => return Err(self.error_at(self.i + k)),
            }
        }
        self.i += word.len();
        Ok(v)
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(self.error());
        }
        match self.peek() {
            None => Err(self.error()),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        self.i += 1;
        let mut members: Vec<(String, Value)> = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(Map(members)));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.error());
            }
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error());
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth + 1)?;
            if !members.iter().any(|(k, _)| *k == key) {
                members.push((key, v));
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(Map(members)));
                }
                _ => return Err(self.error()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error()),
            }
        }
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while let Some(b'0'..=b'9') = p.peek() {
                p.i += 1;
            }
            p.i > from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error()),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !digits(self) {
                return Err(self.error());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.error());
            }
        }
        // The bytes are ASCII digits and signs, so this slice is valid UTF-8.
        Ok(Value::Number(Number(self.text[start..self.i].to_owned())))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.error())?;
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Error> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once.
            let run_start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The run stops at an ASCII byte or the end, so it ends on a character boundary.
            out.push_str(&self.text[run_start..self.i]);
            match self.peek() {
                None => return Err(self.error()),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let at = self.i;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                // A surrogate pair: the low half must follow.
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err(self.error());
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error_at(self.i - 4));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.error_at(at))?);
                            continue;
                        }
                        _ => return Err(self.error()),
                    };
                    out.push(c);
                    self.i += 1;
                }
                // A raw control character inside a string.
                Some(_) => return Err(self.error()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Value {
        match parse(s) {
            Ok(v) => v,
            Err(e) => panic!("{s}: {e:?}"),
        }
    }

    #[test]
    fn reads_values() {
        let v = ok(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "é\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#,
        );
        assert_eq!(
            v.get("a").and_then(|a| if let Value::Array(a) = a {
                a.first().and_then(Value::as_u64)
            } else {
                None
            }),
            Some(1)
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("é\"\\/\né😀"));
        assert_eq!(v.get("c"), Some(&Value::Object(Map::default())));
        assert_eq!(ok("20000").as_u64(), Some(20000));
        assert_eq!(ok("-7").as_i64(), Some(-7));
        assert_eq!(ok("1.5").as_u64(), None);
        if let Value::Number(n) = ok("48.8397") {
            assert_eq!(n.as_str(), "48.8397");
        } else {
            panic!("number");
        }
    }

    #[test]
    fn written_strings_read_back() {
        for s in [
            "plain",
            "quote \" back \\ slash",
            "line\nbreak\ttab\r",
            "\u{1}\u{1f}",
            "é😀",
        ] {
            let mut out = String::new();
            write_string(s, &mut out);
            assert_eq!(
                parse(&out).ok().as_ref().and_then(Value::as_str),
                Some(s),
                "{out}"
            );
        }
    }

    #[test]
    fn keeps_file_order_and_first_duplicate() {
        let Value::Object(m) = ok(r#"{"z": 1, "a": 2, "z": 3}"#) else {
            panic!("object")
        };
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["z", "a"]);
        assert_eq!(m.get("z").and_then(Value::as_u64), Some(1));
    }

    #[test]
    fn says_where_it_breaks() {
        assert_eq!(
            parse("{\n  \"a\": 1,,\n}"),
            Err(Error {
                line: 2,
                column: 10,
                eof: false
            })
        );
        assert_eq!(
            parse("{\"a\": [1, 2"),
            Err(Error {
                line: 1,
                column: 12,
                eof: true
            })
        );
        assert_eq!(
            parse(""),
            Err(Error {
                line: 1,
                column: 1,
                eof: true
            })
        );
        assert_eq!(parse("\"é\u{1}\"").map_err(|e| e.column), Err(3));
        assert!(parse("[1] x").is_err());
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("-").is_err());
        assert!(parse("tru").is_err_and(|e| e.eof));
        assert!(parse("\"\\ud800\"").is_err());
        assert!(parse("\"\\x\"").is_err());
        assert!(parse("{\"a\" 1}").is_err());
        assert!(parse("{,}").is_err());
        assert!(parse("[1,]").is_err());
    }

    #[test]
    fn refuses_absurd_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).is_err());
        let fine = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(parse(&fine).is_ok());
    }

    /// Whatever serde_json accepts, this reader accepts with the same content, and the other way
    /// round, over the real fixtures and a set of tricky texts.
    #[test]
    fn agrees_with_serde_json() {
        fn same(a: &Value, b: &serde_json::Value) -> bool {
            match (a, b) {
                (Value::Null, serde_json::Value::Null) => true,
                (Value::Bool(x), serde_json::Value::Bool(y)) => x == y,
                (Value::Number(x), serde_json::Value::Number(y)) => {
                    x.as_str().parse::<f64>().ok() == y.as_f64()
                }
                (Value::String(x), serde_json::Value::String(y)) => x == y,
                (Value::Array(x), serde_json::Value::Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
                }
                (Value::Object(x), serde_json::Value::Object(y)) => {
                    x.len() == y.len()
                        && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
                }
                _ => false,
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        assert!(texts.len() >= 4, "fixtures found in {}", dir.display());
        for t in [
            "0",
            "-0",
            "1e5",
            "1E+2",
            "0.5e-3",
            "[]",
            "{}",
            "\"\"",
            "[[[]]]",
            "{\"\": null}",
            "\"\\u0000\"",
            " \t\r\n1",
            "nul",
            "[01]",
            "\"\t\"",
            "{\"a\":1,}",
            "1 2",
            "\u{feff}1",
            "[\"\\uDFFF\"]",
            "-01",
            "2.",
            ".5",
            "+1",
        ] {
            texts.push(t.to_owned());
        }
        for t in &texts {
            let ours = parse(t);
            let theirs: Result<serde_json::Value, _> = serde_json::from_str(t);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => assert!(same(a, b), "differs on {t:.80}"),
                (Err(_), Err(_)) => {}
                _ => panic!(
                    "disagree on {t:.80}: ours {:?}, serde_json {:?}",
                    ours.is_ok(),
                    theirs.is_ok()
                ),
            }
        }
    }
}
