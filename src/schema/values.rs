//! The JSON Schemas of the values folio reads with its own rules (a date, a number
//! written as text, one or many, a list entry with sub-items, a UI text with plural
//! forms): what their `Deserialize` implementations accept.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::content::dates::Date;
use crate::kinds::values::{ListItem, Number, OneOrMany};
use crate::render::plural::UiText;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A day (YYYY-MM-DD), a day and time (YYYY-MM-DD HH:MM) or RFC 3339.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}.*)?$"
        })
    }
}

impl JsonSchema for Number {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number, or a number written as text ('300').",
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}
            ]
        })
    }
}

impl JsonSchema for OneOrMany {
    fn schema_name() -> Cow<'static, str> {
        "OneOrMany".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}}
            ]
        })
    }
}

impl JsonSchema for ListItem {
    fn schema_name() -> Cow<'static, str> {
        "ListItem".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An entry (inline Markdown), or a one-key map of an entry to its sub-entries.",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "minProperties": 1,
                    "maxProperties": 1,
                    "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/ListItem"}}
                }
            ]
        })
    }
}

impl JsonSchema for UiText {
    fn schema_name() -> Cow<'static, str> {
        "UiText".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text, or its plural forms by CLDR category.",
            "anyOf": [
                {"type": ["string", "boolean", "number"]},
                {
                    "type": "object",
                    "propertyNames": {"enum": ["zero", "one", "two", "few", "many", "other"]},
                    "additionalProperties": {"type": "string"}
                }
            ]
        })
    }
}
