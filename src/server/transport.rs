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
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// Bodies longer than this are not kept: an `exit` message is short.
const SMALL_BODY: usize = 256;

pub struct ExitWatch<R> {
    inner: R,
    scanner: Scanner,
    done: bool,
}

impl<R> ExitWatch<R> {
    pub fn new(inner: R) -> Self {
        ExitWatch {
            inner,
            scanner: Scanner::default(),
            done: false,
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
                if this.scanner.feed(&buf.filled()[before..]) {
                    tracing::debug!("exit notification read; ending input");
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

impl Scanner {
    /// Follows the framing over `bytes`; true once an `exit` message ended.
    fn feed(&mut self, mut bytes: &[u8]) -> bool {
        let mut exit = false;
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
                    exit |= is_exit(&self.body);
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
        exit
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

fn is_exit(body: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Message {
        method: Option<String>,
        id: Option<serde_json::Value>,
    }
    match serde_json::from_slice::<Message>(body) {
        Ok(m) => m.method.as_deref() == Some("exit") && m.id.is_none(),
        Err(_) => false,
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
        let all = format!("{init}{exit}");
        for cut in 0..all.len() {
            let mut s = Scanner::default();
            let a = s.feed(&all.as_bytes()[..cut]);
            let b = s.feed(&all.as_bytes()[cut..]);
            assert!(!a || cut == all.len());
            assert!(a || b, "cut at {cut}");
        }
        let mut s = Scanner::default();
        assert!(!s.feed(init.as_bytes()));
    }
}
