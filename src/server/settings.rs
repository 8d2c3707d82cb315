//! The settings editors send (`initializationOptions`, `workspace/
//! configuration` section `dossier`, `workspace/didChangeConfiguration`):
//!
//! ```json
//! { "files": ["**/*.txt"],
//!   "lints": { "unreferenced-footnote": "off", "placeholder-source": "error" },
//!   "inlayHints": { "markers": true } }
//! ```
//!
//! `lints` sets a diagnostic code's severity or turns it off (read by
//! `lints::LintLevels`, as `check --lint` reads it); `files` is the
//! editors' business (which files are dossiers) and kept for the workspace
//! index; `inlayHints.markers` shows the first words of each marker's
//! footnote after it (off by default).

use serde_json::Value;

use crate::i18n::{Lang, Message};
use crate::lints::LintLevels;
use crate::msg;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub files: Option<Vec<String>>,
    pub lints: LintLevels,
    /// Inlay hints after footnote markers.
    pub marker_hints: bool,
    /// `language`: the session's language when set (else the client's
    /// locale).
    pub language: Option<Lang>,
}

impl Settings {
    /// Reads settings from `{ "dossier": {...} }` or `{...}`; `None` when
    /// the value holds no settings at all. Also returns what was not
    /// understood, for the user's log.
    pub fn from_json(value: &Value) -> Option<(Settings, Vec<Message>)> {
        let v = match value.get("dossier") {
            Some(inner) if inner.is_object() => inner,
            _ => value,
        };
        let obj = v.as_object()?;
        if !["lints", "files", "inlayHints", "language"]
            .iter()
            .any(|k| obj.contains_key(*k))
        {
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
                    let level = match level {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    if let Err(e) = settings.lints.set(&format!("{code}={level}")) {
                        problems.push(e);
                    }
                }
            }
            // Neovim sends an empty table as `[]`.
            Some(Value::Array(a)) if a.is_empty() => {}
            Some(other) => problems.push(msg!(
                "setting-not-an-object",
                key = "lints",
                value = other.to_string()
            )),
        }
        match obj.get("inlayHints") {
            None | Some(Value::Null) => {}
            Some(Value::Object(hints)) => match hints.get("markers") {
                None | Some(Value::Null) => {}
                Some(Value::Bool(b)) => settings.marker_hints = *b,
                Some(other) => problems.push(msg!(
                    "setting-not-a-boolean",
                    key = "inlayHints.markers",
                    value = other.to_string()
                )),
            },
            Some(Value::Array(a)) if a.is_empty() => {}
            Some(other) => problems.push(msg!(
                "setting-not-an-object",
                key = "inlayHints",
                value = other.to_string()
            )),
        }
        match obj.get("language") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.trim().is_empty() || s.trim() == "auto" => {}
            Some(Value::String(s)) if Lang::parse(s).is_some() => {
                settings.language = Lang::parse(s)
            }
            Some(other) => {
                problems.push(msg!("setting-language-unknown", value = other.to_string()))
            }
        }
        Some((settings, problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::Severity;
    use serde_json::json;

    #[test]
    fn reads_both_shapes_and_reports_what_it_does_not_know() {
        let (s, problems) = Settings::from_json(&json!({"dossier": {"lints": {
            "unreferenced-footnote": "off", "placeholder-source": "Error",
            "no-such-lint": "off", "citation-format": "loud"}}}))
        .unwrap();
        assert_eq!(
            s.lints
                .level("unreferenced-footnote", Severity::Information),
            None
        );
        assert_eq!(
            s.lints.level("placeholder-source", Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            s.lints.level("citation-format", Severity::Hint),
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
            quiet
                .lints
                .level("citation-not-in-workspace", Severity::Information),
            None
        );
        let (on, _) =
            Settings::from_json(&json!({"lints": {"citation-not-in-workspace": "hint"}})).unwrap();
        assert_eq!(
            on.lints
                .level("citation-not-in-workspace", Severity::Information),
            Some(Severity::Hint)
        );
        assert!(Settings::from_json(&json!({"other": 1})).is_none());
    }

    #[test]
    fn marker_hints_are_off_until_turned_on() {
        assert!(!Settings::default().marker_hints);
        let (on, problems) =
            Settings::from_json(&json!({"dossier": {"inlayHints": {"markers": true}}})).unwrap();
        assert!(on.marker_hints && problems.is_empty());
        let (off, problems) =
            Settings::from_json(&json!({"inlayHints": {"markers": "ja"}})).unwrap();
        assert!(!off.marker_hints);
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}
