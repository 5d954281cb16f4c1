//! The `key` and `value` of XES attribute elements, read from the raw tag.

use std::borrow::Cow;

use quick_xml::events::BytesStart;

use crate::data::report::ImportError;

/// The `key` and `value` attributes of an element, unescaped; every other attribute is
/// checked for entities. A small scanner of `name="value"` pairs: quick-xml has checked the
/// tag's quotes; the values need only unescaping, and only when they hold `&` or a line end.
pub type KeyValue<'a> = (Option<Cow<'a, str>>, Option<Cow<'a, str>>);

pub fn attributes<'a>(e: &'a BytesStart<'_>) -> Result<KeyValue<'a>, ValueError> {
    let raw = e.attributes_raw();
    let b = raw.as_bytes();
    let name = e.local_name();
    let malformed = |what: &str| {
        ValueError::Xml(format!(
            "malformed attributes in <{}>: {what}",
            name.as_ref()
        ))
    };
    let (mut key, mut value) = (None, None);
    let mut i = 0;
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if i >= b.len() {
            return Ok((key, value));
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|&c| c != b'=' && !c.is_ascii_whitespace())
        {
            i += 1;
        }
        let name = &raw[name_start..i];
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            return Err(malformed("a name without '='"));
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let quote = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(malformed("a value without quotes")),
        };
        let len =
            memchr::memchr(quote, &b[i + 1..]).ok_or_else(|| malformed("an unclosed quote"))?;
        let text = unescape(&raw[i + 1..i + 1 + len])?;
        i += len + 2;
        match name {
            "key" => key = Some(text),
            "value" => value = Some(text),
            _ => {}
        }
    }
}

/// An attribute value as XML reads it: line ends and tabs become spaces, the five predefined
/// entities and character references are replaced; any other entity is an error.
fn unescape(raw: &str) -> Result<Cow<'_, str>, ValueError> {
    // Without short-circuit, so that it vectorises: values are short, and rarely need work.
    let special = raw
        .bytes()
        .fold(false, |any, c| any | (c == b'&') | (c < b' '));
    if !special {
        return Ok(Cow::Borrowed(raw));
    }
    if raw.contains('<') {
        return Err(ValueError::Xml("'<' in an attribute value".into()));
    }
    let spaced = raw.replace("\r\n", " ").replace(['\r', '\n', '\t'], " ");
    match quick_xml::escape::unescape(&spaced) {
        Ok(text) => Ok(Cow::Owned(text.into_owned())),
        Err(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            Err(ValueError::Entity(name))
        }
        Err(other) => Err(ValueError::Xml(other.to_string())),
    }
}

/// Why an attribute value could not be read (its position is added by the caller).
pub enum ValueError {
    Entity(String),
    Xml(String),
}

impl ValueError {
    pub fn at(self, (line, column): (u64, u64)) -> ImportError {
        match self {
            ValueError::Entity(name) => ImportError::Entity { line, column, name },
            ValueError::Xml(reason) => ImportError::Xml {
                line,
                column,
                reason,
            },
        }
    }
}
