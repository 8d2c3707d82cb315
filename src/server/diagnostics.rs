//! Push diagnostics: after an edit and a quiet time, analyse the document
//! and publish what the lints found, unless a newer edit came meanwhile.

use std::sync::Arc;
use std::time::Duration;

use tower_lsp::lsp_types::{Diagnostic, MessageType, NumberOrString, Url};
use tower_lsp::Client;

use super::documents::{self, Analysis};
use super::settings::Settings;
use super::{convert, Shared};
use crate::text::PositionEncoding;

/// Publishes the diagnostics of `generation` of `uri` after `delay`, if no
/// newer generation supersedes it by then.
pub fn schedule(shared: &Arc<Shared>, client: &Client, uri: Url, generation: u64, delay: Duration) {
    let shared = shared.clone();
    let client = client.clone();
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let Some(snapshot) = shared.store.snapshot(&uri) else {
            return;
        };
        if snapshot.generation != generation {
            return; // superseded
        }
        match snapshot.analysis(&shared.options.analyzer).await {
            Ok(analysis) => {
                if shared.store.generation(&uri) != Some(generation) {
                    return;
                }
                let diagnostics = to_lsp(&analysis, shared.encoding(), &shared.settings());
                tracing::debug!("publish {} diagnostics for {uri}", diagnostics.len());
                client
                    .publish_diagnostics(uri, diagnostics, Some(analysis.version))
                    .await;
            }
            Err(e) if e == documents::CANCELLED => {}
            Err(e) => {
                client
                    .log_message(
                        MessageType::ERROR,
                        format!(
                            "dossier-lsp: the analysis of {uri} failed ({e}); your text is kept"
                        ),
                    )
                    .await;
            }
        }
    });
}

/// The analysis's diagnostics as LSP's, with the user's lint levels.
pub fn to_lsp(analysis: &Analysis, enc: PositionEncoding, settings: &Settings) -> Vec<Diagnostic> {
    analysis
        .diagnostics
        .iter()
        .filter_map(|d| Some((d, settings.level(d.code, d.severity)?)))
        .map(|(d, severity)| Diagnostic {
            range: convert::range(&analysis.text, &analysis.line_index, &d.span, enc),
            severity: Some(convert::severity(severity)),
            code: Some(NumberOrString::String(d.code.to_owned())),
            source: Some("dossier-lsp".to_owned()),
            message: d.message.clone(),
            ..Default::default()
        })
        .collect()
}
