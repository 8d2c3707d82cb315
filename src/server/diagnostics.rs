//! Push diagnostics. After an edit and a quiet time, the new generation
//! of a document is analysed and its summary sent to the owner of the
//! state ([`analyse`]); once the index holds it, the owner has its
//! diagnostics published ([`publish`]): the analysis's own lints and those
//! that compare it with the other documents, against that state, unless a
//! newer generation came meanwhile.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tower_lsp::lsp_types::{Diagnostic, MessageType, NumberOrString, Url};
use tower_lsp::Client;

use super::documents::{self, Analysis, Document};
use super::owner::Message;
use super::state::key_of;
use super::{convert, Shared};
use crate::i18n::Lang;
use crate::lints::{self, LintLevels};
use crate::project::{baseline, ProjectFile};
use crate::text::{LineIndex, PositionEncoding};
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
                        summary: Box::new(summary),
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
            let texts = state.clone();
            let job = tokio::task::spawn_blocking(move || {
                catch_unwind(AssertUnwindSafe(|| {
                    // This generation's summary, in the index already: not
                    // made again. A quoted document's passage index is
                    // built from its text the first time it is needed.
                    let made;
                    let own = match ws.get(&key) {
                        Some(own) => own.as_ref(),
                        None => {
                            made = DocumentSummary::new(&key, &a.text, &a.dossier);
                            &made
                        }
                    };
                    let levels = lints::LintLevels::everything();
                    let read = |k: &str| texts.text_of(k);
                    lints::workspace_lints_reading(&key, own, &a.text, &ws, &levels, &read)
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
        // The project file's levels under the editor's; its baseline.
        let project = shared.project_of(&uri);
        publish_fresh_project_files(&shared, &client).await;
        let mut levels = match &project {
            Some((file, _)) => match uri.to_file_path() {
                Ok(path) => file.levels_for(&path),
                Err(_) => file.lints.clone(),
            },
            None => LintLevels::default(),
        };
        levels.overlay(&settings.lints);
        let mut found: Vec<lints::Diagnostic> = analysis.diagnostics.clone();
        found.extend(across);
        if let (Some((file, _)), Ok(path)) = (&project, uri.to_file_path()) {
            if let Some(accepted) = &file.accepted {
                let mut accepted = accepted.for_file(&baseline::relative(&file.root, &path));
                found.retain(|d| {
                    let line = analysis
                        .line_index
                        .line_of(d.span.start.min(analysis.text.len()));
                    let text = analysis
                        .line_index
                        .line_span(&analysis.text, line)
                        .and_then(|s| analysis.text.get(s))
                        .unwrap_or("");
                    !accepted.accepts(d.code, text)
                });
            }
        }
        let diagnostics = convert_all(&analysis, &found, shared.encoding(), &levels, lang);
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
/// edit asks for the same within `quiet` ([`OthersRelint`]).
fn republish_others(shared: &Arc<Shared>, client: &Client, changed: &Url, quiet: Duration) {
    let ticket = shared.others_relint.ask(changed);
    let (shared, client) = (shared.clone(), client.clone());
    tokio::spawn(async move {
        tokio::time::sleep(quiet).await;
        if shared.exited.load(Ordering::SeqCst) {
            return;
        }
        // A later request runs instead, with what this one asked for.
        let Some(skip) = shared.others_relint.take(ticket) else {
            return;
        };
        let state = shared.state();
        for (uri, doc) in state.docs.iter() {
            if skip.as_ref() != Some(uri) {
                refresh(&shared, &client, uri.clone(), doc);
            }
        }
    });
}

/// The pending request to publish the other open documents again after an
/// edit. Only the last request runs. Each leaves out the document it came
/// from, but requests from two documents merge into one that leaves out
/// neither: each is a document the other's request would have published
/// again (a quotation's source opened while the quoting document was being
/// published).
#[derive(Default)]
pub struct OthersRelint {
    /// The last request's ticket, and the document the pending one leaves
    /// out: `None` when none is pending, `Some(None)` for none left out.
    pending: Mutex<(u64, Option<Option<Url>>)>,
}

impl OthersRelint {
    /// Asks to publish every open document but `changed` again; the ticket
    /// to [`Self::take`] the request with.
    pub fn ask(&self, changed: &Url) -> u64 {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let (ticket, skip) = &mut *pending;
        *skip = match skip.take() {
            None => Some(Some(changed.clone())),
            Some(Some(earlier)) if earlier == *changed => Some(Some(earlier)),
            Some(_) => Some(None),
        };
        *ticket += 1;
        *ticket
    }

    /// The document the request of `ticket` leaves out (`Some(None)`:
    /// none), or `None` when a later request has taken its place or it ran.
    pub fn take(&self, ticket: u64) -> Option<Option<Url>> {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let (last, skip) = &mut *pending;
        match *last == ticket {
            true => skip.take(),
            false => None,
        }
    }
}

/// The analysis's diagnostics as LSP's, with the user's lint levels.
pub fn to_lsp(
    analysis: &Analysis,
    enc: PositionEncoding,
    levels: &LintLevels,
    lang: Lang,
) -> Vec<Diagnostic> {
    convert_all(analysis, &analysis.diagnostics, enc, levels, lang)
}

fn convert_all(
    analysis: &Analysis,
    found: &[lints::Diagnostic],
    enc: PositionEncoding,
    levels: &LintLevels,
    lang: Lang,
) -> Vec<Diagnostic> {
    found
        .iter()
        .filter_map(|d| Some((d, levels.level(d.code, d.severity)?)))
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

/// The project file at `uri`, read again, and its mistakes published on
/// it (none when it went: that clears them).
pub fn publish_project_file(shared: &Arc<Shared>, client: &Client, uri: &Url) {
    let (shared, client, uri) = (shared.clone(), client.clone(), uri.clone());
    tokio::spawn(async move {
        let Ok(path) = uri.to_file_path() else {
            return;
        };
        if !path.exists() {
            if !shared.exited.load(Ordering::SeqCst) {
                client.publish_diagnostics(uri, Vec::new(), None).await;
            }
            return;
        }
        // Read again (the cache was cleared), then shown with any other
        // project file read meanwhile.
        let _ = shared.projects().of_reading(&path);
        publish_fresh_project_files(&shared, &client).await;
    });
}

/// The mistakes of the project files read since the last call.
pub async fn publish_fresh_project_files(shared: &Shared, client: &Client) {
    let fresh = shared.projects().take_fresh();
    for file in fresh {
        publish_project_file_now(shared, client, &file).await;
    }
}

/// A project file's mistakes as `project-file` diagnostics on it.
async fn publish_project_file_now(shared: &Shared, client: &Client, file: &ProjectFile) {
    let Ok(uri) = Url::from_file_path(&file.path) else {
        return;
    };
    if shared.exited.load(Ordering::SeqCst) {
        return;
    }
    let text = std::fs::read(&file.path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let index = LineIndex::new(&text);
    let (lang, enc, settings) = (shared.lang(), shared.encoding(), shared.settings());
    let Some(severity) = settings
        .lints
        .level(lints::PROJECT_FILE.code, lints::PROJECT_FILE.severity)
    else {
        return;
    };
    let diagnostics = file
        .problems
        .iter()
        .map(|p| Diagnostic {
            range: convert::range(&text, &index, &p.span, enc),
            severity: Some(convert::severity(severity)),
            code: Some(NumberOrString::String(lints::PROJECT_FILE.code.to_owned())),
            source: Some("dossier-lsp".to_owned()),
            message: p.message.render(lang),
            ..Default::default()
        })
        .collect();
    tracing::debug!("project file {uri}: {} problems", file.problems.len());
    client.publish_diagnostics(uri, diagnostics, None).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(name: &str) -> Url {
        Url::parse(&format!("file:///ws/{name}")).unwrap()
    }

    #[test]
    fn only_the_last_request_to_publish_the_others_runs() {
        let relint = OthersRelint::default();
        let (seed, fiche) = (uri("000_seed.txt"), uri("kst-22112-2955.txt"));

        // Two edits of one document: the later request leaves it out.
        let first = relint.ask(&seed);
        let second = relint.ask(&seed);
        assert_eq!(relint.take(first), None);
        assert_eq!(relint.take(second), Some(Some(seed.clone())));
        assert_eq!(relint.take(second), None, "a request runs once");

        // The quoting document, then its source: neither is left out.
        let _ = relint.ask(&seed);
        let last = relint.ask(&fiche);
        assert_eq!(relint.take(last), Some(None));

        // A third document after a merge still leaves out none.
        let _ = relint.ask(&seed);
        let _ = relint.ask(&fiche);
        let last = relint.ask(&uri("notities.txt"));
        assert_eq!(relint.take(last), Some(None));

        // Once run, the next request starts afresh.
        let next = relint.ask(&fiche);
        assert_eq!(relint.take(next), Some(Some(fiche)));
    }
}
