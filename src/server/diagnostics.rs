//! Push diagnostics: after an edit and a quiet time, analyse the document
//! and publish what the lints found, unless a newer edit came meanwhile.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp::lsp_types::{Diagnostic, MessageType, NumberOrString, Url};
use tower_lsp::Client;

use super::documents::{self, Analysis};
use super::settings::Settings;
use super::{convert, workspace, Shared};
use crate::lints;
use crate::text::PositionEncoding;

/// Publishes the diagnostics of `generation` of `uri` after `delay`, if no
/// newer generation supersedes it by then.
pub fn schedule(shared: &Arc<Shared>, client: &Client, uri: Url, generation: u64, delay: Duration) {
    publish(shared, client, uri, generation, delay, false);
}

/// As [`schedule`], for an edit of `uri`: once its diagnostics are out
/// (and the index holds its new summary), the workspace lints of the other
/// open documents are published again, after a quiet time that later
/// edits (of any document) extend.
pub fn schedule_edit(
    shared: &Arc<Shared>,
    client: &Client,
    uri: Url,
    generation: u64,
    delay: Duration,
) {
    publish(shared, client, uri, generation, delay, true);
}

/// Publishes the other open documents' diagnostics again, unless another
/// edit asks for the same within `quiet`.
fn republish_others(shared: &Arc<Shared>, client: &Client, changed: &Url, quiet: Duration) {
    let epoch = shared.others_epoch.fetch_add(1, Ordering::SeqCst) + 1;
    let (shared, client, changed) = (shared.clone(), client.clone(), changed.clone());
    tokio::spawn(async move {
        tokio::time::sleep(quiet).await;
        if shared.others_epoch.load(Ordering::SeqCst) != epoch
            || shared.exited.load(Ordering::SeqCst)
        {
            return;
        }
        for (uri, generation) in shared.store.open_documents() {
            if uri != changed {
                schedule(&shared, &client, uri, generation, Duration::ZERO);
            }
        }
    });
}

fn publish(
    shared: &Arc<Shared>,
    client: &Client,
    uri: Url,
    generation: u64,
    delay: Duration,
    cascade: bool,
) {
    let shared = shared.clone();
    let client = client.clone();
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let Some(current) = shared.store.current(&uri) else {
            return;
        };
        if current.generation != generation {
            return; // superseded
        }
        match current.analysis(&shared.options.analyzer).await {
            Ok(analysis) => {
                if shared.store.generation(&uri) != Some(generation) {
                    return;
                }
                // Feed the workspace index; lint against the other documents.
                let (index, a, u) = (shared.workspace.clone(), analysis.clone(), uri.clone());
                let job = tokio::task::spawn_blocking(move || {
                    catch_unwind(AssertUnwindSafe(|| {
                        workspace::update_and_lint(&index, &u, &a)
                    }))
                });
                let across = match job.await {
                    Ok(Ok(found)) => found,
                    Ok(Err(panic)) => {
                        let msg = documents::panic_message(&*panic);
                        tracing::error!("workspace lints of {uri} panicked: {msg}");
                        Vec::new()
                    }
                    Err(_) => return, // stopping
                };
                if shared.store.generation(&uri) != Some(generation) {
                    return;
                }
                if shared.exited.load(Ordering::SeqCst) {
                    return;
                }
                let settings = shared.settings();
                let mut diagnostics = to_lsp(&analysis, shared.encoding(), &settings);
                diagnostics.extend(convert_all(
                    &analysis,
                    &across,
                    shared.encoding(),
                    &settings,
                ));
                tracing::debug!("publish {} diagnostics for {uri}", diagnostics.len());
                client
                    .publish_diagnostics(uri.clone(), diagnostics, Some(analysis.version))
                    .await;
                if cascade {
                    let quiet = shared.options.debounce.max(Duration::from_millis(50));
                    republish_others(&shared, &client, &uri, quiet);
                }
            }
            Err(e) if e == documents::CANCELLED => {}
            Err(_) if shared.exited.load(Ordering::SeqCst) => {}
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
    convert_all(analysis, &analysis.diagnostics, enc, settings)
}

fn convert_all(
    analysis: &Analysis,
    found: &[lints::Diagnostic],
    enc: PositionEncoding,
    settings: &Settings,
) -> Vec<Diagnostic> {
    found
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
