//! `check --format sarif`: the findings as one SARIF 2.1.0 log, for code
//! scanning in CI (GitHub reads it with `upload-sarif`).
//!
//! Columns are counted in characters, as the other formats count them, so
//! the run says `columnKind: unicodeCodePoints` (SARIF's default is UTF-16
//! code units). A region's `endColumn` is the column just after its end.

use std::io::Write;

use serde_json::{json, Value};

use super::FileReport;
use crate::i18n::{Lang, Message};
use crate::lints::{Severity, LINTS};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF's level of a severity: information and hints are notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// A path as a URI reference: relative as given (with `/`), an absolute
/// one as a `file://` URI; bytes outside the unreserved set and `/`
/// percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let drive = path.as_bytes().get(1) == Some(&b':') && path.as_bytes()[0].is_ascii_alphabetic();
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for (i, b) in path.bytes().enumerate() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            b':' if drive && i == 1 => out.push(':'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The whole log: one run, the registry's rules, each report's findings;
/// `problems` (files that could not be read or checked) as the
/// invocation's notifications.
pub fn log(reports: &[FileReport], problems: &[Message], lang: Lang) -> Value {
    let rules: Vec<Value> = LINTS
        .iter()
        .map(|l| {
            json!({
                "id": l.code,
                "shortDescription": { "text": l.description().render(lang) },
                "defaultConfiguration": {
                    "level": level(l.severity),
                    "enabled": !l.off_by_default,
                },
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let uri = uri(&report.path);
        for f in &report.diagnostics {
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": { "text": f.message.render(lang) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    },
                }],
            });
            if let Some(i) = LINTS.iter().position(|l| l.code == f.code) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = problems
        .iter()
        .map(|m| json!({ "level": "error", "message": { "text": m.render(lang) } }))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "dossier-lsp",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                },
            },
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": problems.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    })
}

pub fn write(
    out: &mut impl Write,
    reports: &[FileReport],
    problems: &[Message],
    lang: Lang,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(reports, problems, lang))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("seeds/000.txt"), "seeds/000.txt");
        assert_eq!(uri("a map/nota (1).txt"), "a%20map/nota%20%281%29.txt");
        assert_eq!(uri("/tmp/x y.txt"), "file:///tmp/x%20y.txt");
        assert_eq!(uri("C:\\stukken\\a.txt"), "file:///C:/stukken/a.txt");
        assert_eq!(uri("brief-é.txt"), "brief-%C3%A9.txt");
    }
}
