//! The input side of the transport: a reader that ends the input after the
//! `exit` notification.
//!
//! tower-lsp 0.20 handles `exit` itself but keeps reading its input until
//! end of file, so a client that sends `exit` and keeps the pipe open would
//! leave the server running. [`ExitWatch`] follows the Content-Length
//! framing of what it passes through and reports end of file right after
//! the message that says `exit`.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// Bodies longer than this are not kept: an `exit` message is short.
const SMALL_BODY: usize = 256;

pub struct ExitWatch<R> {
    inner: R,
    scanner: Scanner,
    done: bool,
    shutdown: Arc<AtomicBool>,
    exit: Arc<AtomicBool>,
}

impl<R> ExitWatch<R> {
    /// `shutdown` is set once a `shutdown` request has been read, even if
    /// `exit` cancels it before the server runs it; `exit` once `exit` has.
    pub fn new(inner: R, shutdown: Arc<AtomicBool>, exit: Arc<AtomicBool>) -> Self {
        ExitWatch {
            inner,
            scanner: Scanner::default(),
            done: false,
            shutdown,
            exit,
        }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for ExitWatch<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.done {
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let seen = this.scanner.feed(&buf.filled()[before..]);
                if seen.shutdown {
                    this.shutdown.store(true, Ordering::SeqCst);
                }
                if seen.exit {
                    tracing::debug!("exit notification read; ending input");
                    this.exit.store(true, Ordering::SeqCst);
                    this.done = true;
                }
                Poll::Ready(Ok(()))
            }
            other => other,
        }
    }
}

#[derive(Default)]
struct Scanner {
    in_body: bool,
    line: Vec<u8>,
    content_length: Option<usize>,
    remaining: usize,
    body: Vec<u8>,
}

/// What a piece of input held.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Seen {
    shutdown: bool,
    exit: bool,
}

impl Scanner {
    /// Follows the framing over `bytes`: which of `shutdown` and `exit`
    /// messages ended in it.
    fn feed(&mut self, mut bytes: &[u8]) -> Seen {
        let mut seen = Seen::default();
        while !bytes.is_empty() {
            if self.in_body {
                let n = self.remaining.min(bytes.len());
                if self.body.len() + n <= SMALL_BODY {
                    self.body.extend_from_slice(&bytes[..n]);
                } else {
                    self.body.clear();
                    self.body.push(b'x'); // too long to be `exit`
                }
                self.remaining -= n;
                bytes = &bytes[n..];
                if self.remaining == 0 {
                    match method(&self.body) {
                        Some(Method::Exit) => seen.exit = true,
                        Some(Method::Shutdown) => seen.shutdown = true,
                        None => {}
                    }
                    self.in_body = false;
                    self.body.clear();
                }
                continue;
            }
            let (byte, rest) = (bytes[0], &bytes[1..]);
            bytes = rest;
            if byte != b'\n' {
                if self.line.len() < 1024 {
                    self.line.push(byte);
                }
                continue;
            }
            let line = std::mem::take(&mut self.line);
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            if line.is_empty() {
                if let Some(n) = self.content_length.take() {
                    self.in_body = n > 0;
                    self.remaining = n;
                }
            } else if let Some(n) = content_length(line) {
                self.content_length = Some(n);
            }
        }
        seen
    }
}

fn content_length(line: &[u8]) -> Option<usize> {
    let line = std::str::from_utf8(line).ok()?;
    let (name, value) = line.split_once(':')?;
    if !name.trim().eq_ignore_ascii_case("content-length") {
        return None;
    }
    value.trim().parse().ok()
}

enum Method {
    Shutdown,
    Exit,
}

/// `exit` (a notification) or `shutdown` (a request), from a message body.
fn method(body: &[u8]) -> Option<Method> {
    #[derive(serde::Deserialize)]
    struct Message {
        method: Option<String>,
        id: Option<serde_json::Value>,
    }
    let m = serde_json::from_slice::<Message>(body).ok()?;
    match (m.method.as_deref(), m.id.is_some()) {
        (Some("exit"), false) => Some(Method::Exit),
        (Some("shutdown"), true) => Some(Method::Shutdown),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn finds_exit_across_chunk_boundaries() {
        let init = frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"x":"exit"}}"#);
        let exit = frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let shutdown = frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#);
        let all = format!("{init}{shutdown}{exit}");
        for cut in 0..all.len() {
            let mut s = Scanner::default();
            let a = s.feed(&all.as_bytes()[..cut]);
            let b = s.feed(&all.as_bytes()[cut..]);
            assert!(!a.exit || cut == all.len());
            assert!(a.exit || b.exit, "cut at {cut}");
            assert!(a.shutdown || b.shutdown, "cut at {cut}");
        }
        let mut s = Scanner::default();
        assert_eq!(s.feed(init.as_bytes()), Seen::default());
    }
}
