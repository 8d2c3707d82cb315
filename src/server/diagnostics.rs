//! Push diagnostics. After an edit and a quiet time, the new generation
//! of a document is analysed and its summary sent to the owner of the
//! state ([`analyse`]); once the index holds it, the owner has its
//! diagnostics published ([`publish`]): the analysis's own lints and those
//! that compare it with the other documents, against that state, unless a
//! newer generation came meanwhile.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp::lsp_types::{Diagnostic, MessageType, NumberOrString, Url};
use tower_lsp::Client;

use super::documents::{self, Analysis, Document};
use super::owner::Message;
use super::settings::Settings;
use super::state::key_of;
use super::{convert, Shared};
use crate::i18n::Lang;
use crate::lints;
use crate::text::PositionEncoding;
use crate::workspace::DocumentSummary;

/// Analyses `generation` of `uri` after `delay`, unless a newer generation
/// supersedes it by then, and sends its summary to the owner, which puts
/// it in the index and then asks for [`publish`].
pub fn analyse(
    shared: &Arc<Shared>,
    client: &Client,
    uri: Url,
    generation: u64,
    delay: Duration,
    cascade: bool,
) {
    let (shared, client) = (shared.clone(), client.clone());
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let Some(doc) = current(&shared, &uri, generation) else {
            return; // superseded
        };
        match doc.analysis(&shared.options.analyzer).await {
            Ok(analysis) => {
                if shared.state().generation(&uri) != Some(generation) {
                    return;
                }
                let name = uri
                    .path_segments()
                    .and_then(|mut s| s.next_back())
                    .unwrap_or("")
                    .to_owned();
                let a = analysis.clone();
                let job = tokio::task::spawn_blocking(move || {
                    catch_unwind(AssertUnwindSafe(|| {
                        DocumentSummary::new(&name, &a.text, &a.dossier)
                    }))
                });
                match job.await {
                    Ok(Ok(summary)) => shared.send(Message::Analysed {
                        uri,
                        generation,
                        summary,
                        cascade,
                    }),
                    Ok(Err(panic)) => {
                        let msg = documents::panic_message(&*panic);
                        tracing::error!("the summary of {uri} panicked: {msg}");
                        // Its own lints still go out, without the index.
                        publish(&shared, &client, uri, cascade);
                    }
                    Err(_) => {} // stopping
                }
            }
            Err(e) if e == documents::CANCELLED => {}
            Err(_) if shared.exited.load(Ordering::SeqCst) => {}
            Err(e) => {
                client
                    .log_message(
                        MessageType::ERROR,
                        crate::msg!("log-analysis-failed", uri = uri.to_string(), error = e)
                            .render(shared.lang()),
                    )
                    .await;
            }
        }
    });
}

/// The document's generation `generation`, if it is still the current one.
fn current(shared: &Shared, uri: &Url, generation: u64) -> Option<Document> {
    shared
        .state()
        .document(uri)
        .filter(|d| d.generation == generation)
        .cloned()
}

/// Publishes the diagnostics of `uri` as the current state has it (the
/// lints across documents only once the index holds this generation);
/// with `cascade`, then the other open documents' after a quiet time that
/// later edits (of any document) extend.
pub fn publish(shared: &Arc<Shared>, client: &Client, uri: Url, cascade: bool) {
    let (shared, client) = (shared.clone(), client.clone());
    tokio::spawn(async move {
        let state = shared.state();
        let Some(doc) = state.document(&uri).cloned() else {
            return;
        };
        // Computed already (its summary is in the index) or failed and said so.
        let Ok(analysis) = doc.analysis(&shared.options.analyzer).await else {
            return;
        };
        let across = if doc.indexed {
            let (ws, a, key) = (state.workspace.clone(), analysis.clone(), key_of(&uri));
            let job = tokio::task::spawn_blocking(move || {
                catch_unwind(AssertUnwindSafe(|| {
                    lints::workspace_lints(&key, &a.dossier, &a.text, &ws)
                }))
            });
            match job.await {
                Ok(Ok(found)) => found,
                Ok(Err(panic)) => {
                    let msg = documents::panic_message(&*panic);
                    tracing::error!("workspace lints of {uri} panicked: {msg}");
                    Vec::new()
                }
                Err(_) => return, // stopping
            }
        } else {
            Vec::new()
        };
        drop(state);
        if shared.state().generation(&uri) != Some(doc.generation)
            || shared.exited.load(Ordering::SeqCst)
        {
            return;
        }
        let settings = shared.settings();
        let lang = shared.lang();
        let mut diagnostics = to_lsp(&analysis, shared.encoding(), &settings, lang);
        diagnostics.extend(convert_all(
            &analysis,
            &across,
            shared.encoding(),
            &settings,
            lang,
        ));
        tracing::debug!("publish {} diagnostics for {uri}", diagnostics.len());
        client
            .publish_diagnostics(uri.clone(), diagnostics, Some(analysis.version))
            .await;
        if cascade {
            let quiet = shared.options.debounce.max(Duration::from_millis(50));
            republish_others(&shared, &client, &uri, quiet);
        }
    });
}

/// Publishes `uri`'s diagnostics again: at once if the index holds its
/// current generation, else once it does.
fn refresh(shared: &Arc<Shared>, client: &Client, uri: Url, doc: &Document) {
    if doc.indexed {
        publish(shared, client, uri, false);
    } else {
        analyse(shared, client, uri, doc.generation, Duration::ZERO, false);
    }
}

/// Every open document's diagnostics again (after indexing, after files
/// changed on disk).
pub fn publish_open(shared: &Arc<Shared>, client: &Client) {
    let state = shared.state();
    for (uri, doc) in state.docs.iter() {
        refresh(shared, client, uri.clone(), doc);
    }
}

/// As [`publish_open`], and the client asked to refresh its inlay hints
/// (after a settings change, after files changed on disk).
pub fn republish(shared: &Arc<Shared>, client: &Client) {
    if shared.refresh_inlay_hints() && !shared.exited.load(Ordering::SeqCst) {
        let client = client.clone();
        tokio::spawn(async move {
            if let Err(e) = client.inlay_hint_refresh().await {
                tracing::debug!("inlay hint refresh: {e}");
            }
        });
    }
    publish_open(shared, client);
}

/// A closed document's diagnostics cleared.
pub fn clear(shared: &Arc<Shared>, client: &Client, uri: Url) {
    if shared.exited.load(Ordering::SeqCst) {
        return;
    }
    let client = client.clone();
    tokio::spawn(async move { client.publish_diagnostics(uri, Vec::new(), None).await });
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
        let state = shared.state();
        for (uri, doc) in state.docs.iter() {
            if *uri != changed {
                refresh(&shared, &client, uri.clone(), doc);
            }
        }
    });
}

/// The analysis's diagnostics as LSP's, with the user's lint levels.
pub fn to_lsp(
    analysis: &Analysis,
    enc: PositionEncoding,
    settings: &Settings,
    lang: Lang,
) -> Vec<Diagnostic> {
    convert_all(analysis, &analysis.diagnostics, enc, settings, lang)
}

fn convert_all(
    analysis: &Analysis,
    found: &[lints::Diagnostic],
    enc: PositionEncoding,
    settings: &Settings,
    lang: Lang,
) -> Vec<Diagnostic> {
    found
        .iter()
        .filter_map(|d| Some((d, settings.level(d.code, d.severity)?)))
        .map(|(d, severity)| Diagnostic {
            range: convert::range(&analysis.text, &analysis.line_index, &d.span, enc),
            severity: Some(convert::severity(severity)),
            code: Some(NumberOrString::String(d.code.to_owned())),
            source: Some("dossier-lsp".to_owned()),
            message: d.message.render(lang),
            ..Default::default()
        })
        .collect()
}
