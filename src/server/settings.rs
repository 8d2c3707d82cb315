//! The settings editors send (`initializationOptions`, `workspace/
//! configuration` section `dossier`, `workspace/didChangeConfiguration`):
//!
//! ```json
//! { "files": ["**/*.txt"], "lints": { "unreferenced-footnote": "off", "placeholder-source": "error" } }
//! ```
//!
//! `lints` sets a diagnostic code's severity or turns it off; `files` is
//! the editors' business (which files are dossiers) and kept for the
//! workspace index.

use std::collections::HashMap;

use serde_json::Value;

use crate::lints::{Severity, LINTS, OFF_BY_DEFAULT};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub files: Option<Vec<String>>,
    pub lints: HashMap<String, Level>,
}

impl Settings {
    /// Reads settings from `{ "dossier": {...} }` or `{...}`; `None` when
    /// the value holds no settings at all. Also returns what was not
    /// understood, for the user's log.
    pub fn from_json(value: &Value) -> Option<(Settings, Vec<String>)> {
        let v = match value.get("dossier") {
            Some(inner) if inner.is_object() => inner,
            _ => value,
        };
        let obj = v.as_object()?;
        if !obj.contains_key("lints") && !obj.contains_key("files") {
            return None;
        }
        let mut settings = Settings::default();
        let mut problems = Vec::new();
        if let Some(files) = obj.get("files").and_then(Value::as_array) {
            settings.files = Some(
                files
                    .iter()
                    .filter_map(|f| f.as_str().map(str::to_owned))
                    .collect(),
            );
        }
        match obj.get("lints") {
            None | Some(Value::Null) => {}
            Some(Value::Object(lints)) => {
                for (code, level) in lints {
                    if !LINTS.iter().any(|(c, _)| c == code) {
                        problems.push(format!("unknown lint code `{code}`"));
                        continue;
                    }
                    match level.as_str().and_then(parse_level) {
                        Some(level) => {
                            settings.lints.insert(code.clone(), level);
                        }
                        None => problems.push(format!(
                            "lint `{code}`: `{level}` is not one of error, warning, information, hint, off"
                        )),
                    }
                }
            }
            // Neovim sends an empty table as `[]`.
            Some(Value::Array(a)) if a.is_empty() => {}
            Some(other) => problems.push(format!("`lints` should be an object, not {other}")),
        }
        Some((settings, problems))
    }

    /// The severity to publish a diagnostic with, or `None` when it is off
    /// (set so, or off by default and not set).
    pub fn level(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.lints.get(code) {
            Some(Level::Off) => None,
            Some(Level::On(s)) => Some(*s),
            None if OFF_BY_DEFAULT.contains(&code) => None,
            None => Some(default),
        }
    }
}

fn parse_level(s: &str) -> Option<Level> {
    Some(match s.trim().to_ascii_lowercase().as_str() {
        "off" | "none" | "false" => Level::Off,
        "error" => Level::On(Severity::Error),
        "warning" | "warn" => Level::On(Severity::Warning),
        "information" | "info" => Level::On(Severity::Information),
        "hint" => Level::On(Severity::Hint),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_both_shapes_and_reports_what_it_does_not_know() {
        let (s, problems) = Settings::from_json(&json!({"dossier": {"lints": {
            "unreferenced-footnote": "off", "placeholder-source": "Error",
            "no-such-lint": "off", "citation-format": "loud"}}}))
        .unwrap();
        assert_eq!(
            s.level("unreferenced-footnote", Severity::Information),
            None
        );
        assert_eq!(
            s.level("placeholder-source", Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            s.level("citation-format", Severity::Hint),
            Some(Severity::Hint)
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        let (s, problems) =
            Settings::from_json(&json!({"files": ["**/*.txt"], "lints": []})).unwrap();
        assert!(problems.is_empty());
        assert_eq!(s.files.as_deref(), Some(&["**/*.txt".to_owned()][..]));
        assert!(Settings::from_json(&json!(null)).is_none());
        // Off by default until turned on.
        let quiet = Settings::default();
        assert_eq!(
            quiet.level("citation-not-in-workspace", Severity::Information),
            None
        );
        let (on, _) =
            Settings::from_json(&json!({"lints": {"citation-not-in-workspace": "hint"}})).unwrap();
        assert_eq!(
            on.level("citation-not-in-workspace", Severity::Information),
            Some(Severity::Hint)
        );
        assert!(Settings::from_json(&json!({"other": 1})).is_none());
    }
}
