//! A small HTML writer for the agenda's static markup (a day's cards, the event's header, a
//! session's view): one string set as `innerHTML` is much lighter in wasm than a typed view per
//! shape, and the fastest way a browser has to build many elements.
//!
//! Programme text can never become markup: [`Html::text`] and every attribute value are escaped,
//! and tag and attribute names are the caller's constants, never data. Links from the programme
//! come as [`crate::model::Url`], which only admits `http(s)` and `mailto`.

/// HTML being written. Start an element with [`Html::tag`], give it attributes with
/// [`Html::attr`], then its content, then [`Html::close`] it (void elements are not closed).
#[derive(Debug, Default)]
pub struct Html {
    out: String,
    /// A start tag is open for attributes: `>` is still to write.
    open: bool,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    fn finish_start(&mut self) {
        if self.open {
            self.out.push('>');
            self.open = false;
        }
    }

    /// Starts an element: `tag` is a constant of the caller's, never programme data.
    pub fn tag(&mut self, tag: &'static str) -> &mut Html {
        self.finish_start();
        self.out.push('<');
        self.out.push_str(tag);
        self.open = true;
        self
    }

    /// An attribute of the element just started; its value is escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Html {
        debug_assert!(self.open, "attribute {name} outside a start tag");
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape_into(&mut self.out, value);
        self.out.push('"');
        self
    }

    /// An attribute written only when there is a value.
    pub fn attr_some(&mut self, name: &'static str, value: Option<&str>) -> &mut Html {
        if let Some(v) = value {
            self.attr(name, v);
        }
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        self.finish_start();
        escape_into(&mut self.out, text);
        self
    }

    /// Markup the caller built with this writer or the core's escaping (e.g. search marks).
    pub fn html(&mut self, other: Html) -> &mut Html {
        self.finish_start();
        self.out.push_str(&other.into_string());
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.finish_start();
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// An element holding only text: `<tag class="class">text</tag>`.
    /// An element with a class (none when empty) and a text.
    pub fn text_el(&mut self, tag: &'static str, class: &str, text: &str) -> &mut Html {
        self.tag(tag)
            .attr_some("class", Some(class).filter(|c| !c.is_empty()))
            .text(text)
            .close(tag)
    }

    pub fn into_string(mut self) -> String {
        self.finish_start();
        self.out
    }
}

/// Escapes text for HTML content and for a double- or single-quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::new();
        h.tag("p")
            .attr("title", "a \"quoted\" <b>")
            .attr_some("lang", None)
            .attr_some("data-x", Some("'1'&"))
            .text("<script>alert(1)</script> & co")
            .close("p");
        assert_eq!(
            h.into_string(),
            "<p title=\"a &quot;quoted&quot; &lt;b&gt;\" data-x=\"&#39;1&#39;&amp;\">\
             &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"
        );
    }

    #[test]
    fn nesting_void_elements_and_text_elements() {
        let mut h = Html::new();
        h.tag("div").attr("class", "a");
        h.tag("input").attr("type", "checkbox");
        h.text_el("span", "b", "x>y").close("div");
        let mut outer = Html::new();
        outer.tag("section").html(h).close("section");
        assert_eq!(
            outer.into_string(),
            "<section><div class=\"a\"><input type=\"checkbox\"><span class=\"b\">x&gt;y</span></div></section>"
        );
        // An element left open for attributes is finished when the string is taken.
        let mut h = Html::new();
        h.tag("br");
        assert_eq!(h.into_string(), "<br>");
    }
}
