//! Text synchronisation in the order the client sent it, by construction.
//!
//! tower-lsp reads the input one message at a time and, for each, calls
//! the service (`Service::call`) before it reads the next; the handlers'
//! futures then run concurrently, in no promised order. [`Ordered`] sits
//! in front of tower-lsp's service and, inside that call, turns
//! `didOpen`, `didChange`, `didClose` and `didChangeWatchedFiles` into
//! messages on the owner's channel (`owner::Message`): their order on the
//! channel is their order in the input, whatever runs when. Everything
//! else, and these notifications when tower-lsp would drop them (before
//! `initialize`, after `shutdown`) or when their parameters do not parse,
//! goes on to tower-lsp as before.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::Deserialize;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileChangeType,
};
use tower_service::Service;

use super::owner::Message;
use super::Shared;

pub struct Ordered<S> {
    inner: S,
    shared: Arc<Shared>,
    /// A `shutdown` request has been read: tower-lsp drops notifications.
    shut_down: AtomicBool,
}

impl<S> Ordered<S> {
    pub fn new(inner: S, shared: Arc<Shared>) -> Self {
        Ordered {
            inner,
            shared,
            shut_down: AtomicBool::new(false),
        }
    }

    /// The owner's message for a text synchronisation notification that
    /// tower-lsp would pass on, if `request` is one.
    fn message(&self, request: &Request) -> Option<Message> {
        if request.id().is_some()
            || !self.shared.initialized()
            || self.shut_down.load(Ordering::Relaxed)
        {
            return None;
        }
        let params = request.params()?;
        let message = match request.method() {
            "textDocument/didOpen" => {
                let p = DidOpenTextDocumentParams::deserialize(params).ok()?;
                let doc = p.text_document;
                // Any languageId: Neovim says `text`, VS Code `plaintext`.
                tracing::debug!(
                    "open {} ({}, version {})",
                    doc.uri,
                    doc.language_id,
                    doc.version
                );
                Message::Open {
                    uri: doc.uri,
                    version: doc.version,
                    text: doc.text,
                }
            }
            "textDocument/didChange" => {
                let p = DidChangeTextDocumentParams::deserialize(params).ok()?;
                Message::Change {
                    uri: p.text_document.uri,
                    version: p.text_document.version,
                    changes: p.content_changes,
                    enc: self.shared.encoding(),
                }
            }
            "textDocument/didClose" => {
                let p = DidCloseTextDocumentParams::deserialize(params).ok()?;
                Message::Close {
                    uri: p.text_document.uri,
                }
            }
            "workspace/didChangeWatchedFiles" => {
                let p = DidChangeWatchedFilesParams::deserialize(params).ok()?;
                Message::FilesChanged(
                    p.changes
                        .into_iter()
                        .map(|c| (c.uri, c.typ == FileChangeType::DELETED))
                        .collect(),
                )
            }
            _ => return None,
        };
        Some(message)
    }
}

impl<S> Service<Request> for Ordered<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Option<Response>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        self.shared.activity.touch();
        if let Some(message) = self.message(&request) {
            self.shared.sync(message);
            return Box::pin(std::future::ready(Ok(None)));
        }
        if request.method() == "shutdown" && self.shared.initialized() {
            self.shut_down.store(true, Ordering::Relaxed);
        }
        Box::pin(self.inner.call(request))
    }
}
