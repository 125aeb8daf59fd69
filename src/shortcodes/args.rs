//! The arguments a shortcode takes, declared by its template's first comment:
//! `{# args: id:youtube, title, poster?:file, start?:number #}` — a `?` marks an
//! optional argument, `:type` its type (`text` when none): `text`, `number`, `bool`,
//! `file` (a file of the page's bundle, or of `static/` when it starts with `/`), or a
//! platform (`youtube`, `vimeo`, `tiktok`, `instagram`, `linkedin`: that platform's id).
//! A template without such a comment takes any arguments, unchecked.

use serde_json::Value;

use super::embeds::Platform;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Type {
    Text,
    Number,
    Bool,
    File,
    Id(Platform),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Param {
    pub name: String,
    pub required: bool,
    pub kind: Type,
}

/// The declared arguments of a shortcode template; `None` when it declares none.
pub(crate) fn declared(template: &str) -> Result<Option<Vec<Param>>, String> {
    let Some(start) = template.trim_start().strip_prefix("{#") else {
        return Ok(None);
    };
    let Some((comment, _)) = start.split_once("#}") else {
        return Ok(None);
    };
    let Some(list) = comment.trim().strip_prefix("args:") else {
        return Ok(None);
    };
    list.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(param)
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn param(text: &str) -> Result<Param, String> {
    let (name, kind) = match text.split_once(':') {
        Some((n, k)) => (n.trim(), k.trim()),
        None => (text, "text"),
    };
    let (name, required) = match name.strip_suffix('?') {
        Some(n) => (n, false),
        None => (name, true),
    };
    let kind = match kind {
        "text" => Type::Text,
        "number" => Type::Number,
        "bool" => Type::Bool,
        "file" => Type::File,
        other => Type::Id(Platform::named(other).ok_or_else(|| {
            format!("unknown argument type `{other}` (text, number, bool, file, youtube, vimeo, tiktok, instagram, linkedin)")
        })?),
    };
    Ok(Param {
        name: name.to_string(),
        required,
        kind,
    })
}

/// Why `value` does not fit `kind`, if it does not.
pub(crate) fn mismatch(kind: Type, value: &Value) -> Option<String> {
    let fits = match kind {
        Type::Text => value.is_string() || value.is_number(),
        Type::Number => value.is_number(),
        Type::Bool => value.is_boolean(),
        Type::File => value.is_string(),
        Type::Id(platform) => {
            return match value.as_str() {
                Some(id) if platform.valid_id(id) => None,
                _ => Some(format!(
                    "malformed {} id `{}`: expected {}",
                    platform.key(),
                    value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_string),
                    platform.id_shape()
                )),
            };
        }
    };
    let wanted = match kind {
        Type::Number => "a number",
        Type::Bool => "true or false",
        _ => "a \"string\"",
    };
    (!fits).then(|| format!("expected {wanted}, found `{value}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_declaration() {
        let params = declared("{# args: id:youtube, title?, start?:number #}\n<div>")
            .unwrap()
            .unwrap();
        assert_eq!(params.len(), 3);
        assert_eq!(params[0].kind, Type::Id(Platform::YouTube));
        assert!(params[0].required);
        assert_eq!(
            (params[1].name.as_str(), params[1].required),
            ("title", false)
        );
        assert_eq!(params[2].kind, Type::Number);
        assert_eq!(declared("<div>{{ id }}</div>").unwrap(), None);
        assert!(declared("{# args: x:colour #}").is_err());
    }

    #[test]
    fn says_what_a_value_should_be() {
        assert!(mismatch(Type::Number, &Value::from(3)).is_none());
        assert_eq!(
            mismatch(Type::Number, &Value::from("3")).unwrap(),
            "expected a number, found `\"3\"`"
        );
        let bad = mismatch(Type::Id(Platform::Vimeo), &Value::from("abc")).unwrap();
        assert!(bad.starts_with("malformed vimeo id `abc`"), "{bad}");
    }
}
