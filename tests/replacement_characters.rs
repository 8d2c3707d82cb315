//! The server's analysis of a text the editor read in the wrong encoding.

use dossier_lsp::lints::{Diagnostic, Severity};

/// A document the editor read in the wrong encoding gets one finding, at
/// its first replacement character, from the server's analysis.
#[test]
fn a_text_with_replacement_characters_gets_one_finding() {
    let analyse = dossier_lsp::server::Options::default().analyzer;
    let (_, found) = analyse("De financi\u{FFFD}le \u{FFFD}garantie\u{FFFD}.\n");
    let replaced: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| d.code == "replacement-characters")
        .collect();
    assert_eq!(replaced.len(), 1, "{found:?}");
    assert_eq!(replaced[0].span, 10..13);
    assert_eq!(replaced[0].severity, Severity::Warning);
    assert!(replaced[0]
        .message
        .render(dossier_lsp::i18n::Lang::En)
        .contains("3 replacement character"));
    let (_, clean) = analyse("De financiële garantie.\n");
    assert!(clean.iter().all(|d| d.code != "replacement-characters"));
}
