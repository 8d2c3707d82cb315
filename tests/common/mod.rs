//! A small LSP client for the tests: Content-Length framing, requests with
//! ids, notifications kept in order, server→client requests answered with
//! `null`. It talks to the server in-process (over channels) or to the
//! built binary (over its stdin/stdout).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::pin::Pin;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use dossier_lsp::server::{Options, Outcome};

pub const SEED: &str = include_str!("../../seeds/000_0dbf1fc7ba84b8b6.txt");
pub const SEED_URI: &str = "file:///dossier/000_0dbf1fc7ba84b8b6.txt";

/// Long enough never to fail a healthy run, short enough not to hang.
pub const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct FrameParser {
    buf: Vec<u8>,
}

impl FrameParser {
    /// Takes bytes; returns the messages they complete.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<Value> {
        self.buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        while let Some(end) = find(&self.buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&self.buf[..end]).to_string();
            let len: usize = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim()
                        .eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse().ok())?
                })
                .expect("Content-Length header");
            if self.buf.len() < end + 4 + len {
                break;
            }
            let body = self.buf[end + 4..end + 4 + len].to_vec();
            self.buf.drain(..end + 4 + len);
            out.push(serde_json::from_slice(&body).expect("a JSON message"));
        }
        out
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub fn frame(msg: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(msg).unwrap();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body);
    out
}

type Writer = Box<dyn FnMut(&[u8]) + Send>;

pub struct Conn {
    write: Option<Writer>,
    rx: mpsc::Receiver<Value>,
    next_id: i64,
    /// Notifications from the server not yet taken, in arrival order.
    pub notifications: Vec<Value>,
    /// What `workspace/configuration` answers for each item (else `null`).
    pub configuration: Option<Value>,
}

impl Conn {
    pub fn new(write: Writer, rx: mpsc::Receiver<Value>) -> Conn {
        Conn {
            write: Some(write),
            rx,
            next_id: 0,
            notifications: Vec::new(),
            configuration: None,
        }
    }

    pub fn send(&mut self, msg: &Value) {
        let bytes = frame(msg);
        (self.write.as_mut().expect("input still open"))(&bytes);
    }

    /// Sends the messages in one write, as a client that has fallen behind
    /// flushes what it queued.
    pub fn send_all(&mut self, msgs: &[Value]) {
        let bytes: Vec<u8> = msgs.iter().flat_map(frame).collect();
        (self.write.as_mut().expect("input still open"))(&bytes);
    }

    /// Ends the server's input (end of file).
    pub fn close_input(&mut self) {
        self.write = None;
    }

    /// `Value::Null` params are left out, as editors do for `shutdown`
    /// and `exit` (tower-lsp refuses `"params": null` there).
    pub fn notify(&mut self, method: &str, params: Value) {
        let mut msg = json!({"jsonrpc": "2.0", "method": method});
        if !params.is_null() {
            msg["params"] = params;
        }
        self.send(&msg);
    }

    /// Sends a request and waits for its response (the whole message).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            msg["params"] = params;
        }
        self.send(&msg);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg = self
                .recv_until(deadline)
                .unwrap_or_else(|| panic!("no response to {method} (id {id}) within {TIMEOUT:?}"));
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
        }
    }

    /// A request that must succeed: its result.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Receives one message; answers server requests, keeps notifications.
    fn recv_until(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = self.rx.recv_timeout(left).ok()?;
        match (msg.get("method"), msg.get("id")) {
            (Some(method), Some(id)) => {
                let id = id.clone();
                let result = match (&self.configuration, method.as_str()) {
                    (Some(config), Some("workspace/configuration")) => {
                        let items = msg["params"]["items"].as_array().map_or(0, Vec::len);
                        Value::Array(vec![config.clone(); items])
                    }
                    _ => Value::Null,
                };
                self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
                self.notifications.push(msg.clone());
            }
            (Some(_), None) => self.notifications.push(msg.clone()),
            _ => {}
        }
        Some(msg)
    }

    /// Takes the first notification (already received or still to come)
    /// that satisfies `pred`.
    pub fn take_notification(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(i) = self.notifications.iter().position(&pred) {
                return self.notifications.remove(i);
            }
            if self.recv_until(deadline).is_none() {
                panic!("no {what} within {TIMEOUT:?}; got {:?}", self.notifications);
            }
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        self.take_notification("publishDiagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    /// Waits until the server has closed its output (or the timeout).
    pub fn wait_closed(&mut self) -> bool {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(msg) => {
                    if msg.get("method").is_some() && msg.get("id").is_none() {
                        self.notifications.push(msg);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return true,
                Err(mpsc::RecvTimeoutError::Timeout) => return false,
            }
        }
    }

    /// As a Dutch client: most users' editors send `locale: "nl"`.
    pub fn initialize(&mut self, capabilities: Value) -> Value {
        self.initialize_in("nl", capabilities)
    }

    pub fn initialize_in(&mut self, locale: &str, capabilities: Value) -> Value {
        let result = self.call(
            "initialize",
            json!({"processId": null, "rootUri": null, "locale": locale, "capabilities": capabilities}),
        );
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, uri: &str, language_id: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}}),
        );
    }
}

// ---- in-process ----------------------------------------------------------

/// The server's input: bytes from the test, end of file when the sender
/// is dropped.
struct ChanReader {
    rx: tokio::sync::mpsc::UnboundedReceiver<Vec<u8>>,
    buf: Vec<u8>,
    pos: usize,
}

impl tokio::io::AsyncRead for ChanReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        out: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.pos == self.buf.len() {
            match self.rx.poll_recv(cx) {
                Poll::Ready(Some(bytes)) => {
                    self.buf = bytes;
                    self.pos = 0;
                }
                Poll::Ready(None) => return Poll::Ready(Ok(())),
                Poll::Pending => return Poll::Pending,
            }
        }
        let n = out.remaining().min(self.buf.len() - self.pos);
        let pos = self.pos;
        out.put_slice(&self.buf[pos..pos + n]);
        self.pos += n;
        Poll::Ready(Ok(()))
    }
}

/// The server's output: parsed into messages for the test.
struct ChanWriter {
    parser: FrameParser,
    tx: mpsc::Sender<Value>,
}

impl tokio::io::AsyncWrite for ChanWriter {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        for msg in self.parser.push(bytes) {
            let _ = self.tx.send(msg);
        }
        Poll::Ready(Ok(bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// A server running in this process, on its own runtime.
pub struct InProcess {
    pub conn: Conn,
    runtime: tokio::runtime::Runtime,
    session: Option<tokio::task::JoinHandle<Outcome>>,
}

pub fn start(options: Options) -> InProcess {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (in_tx, in_rx) = tokio::sync::mpsc::unbounded_channel::<Vec<u8>>();
    let (out_tx, out_rx) = mpsc::channel();
    let reader = ChanReader {
        rx: in_rx,
        buf: Vec::new(),
        pos: 0,
    };
    let writer = ChanWriter {
        parser: FrameParser::default(),
        tx: out_tx,
    };
    let session = runtime.spawn(dossier_lsp::server::serve(reader, writer, options));
    let write: Writer = Box::new(move |bytes: &[u8]| {
        let _ = in_tx.send(bytes.to_vec());
    });
    InProcess {
        conn: Conn::new(write, out_rx),
        runtime,
        session: Some(session),
    }
}

impl InProcess {
    /// Waits for the session to end and says how.
    pub fn outcome(&mut self) -> Outcome {
        let session = self.session.take().expect("session still running");
        self.runtime
            .block_on(async { tokio::time::timeout(TIMEOUT, session).await })
            .expect("the session ended in time")
            .expect("the session did not panic")
    }
}

/// A server started with the default options and initialized, with
/// `positionEncodings` offered as given (`None`: the field is left out).
pub fn started(encodings: Option<&[&str]>) -> InProcess {
    let mut s = start(Options::default());
    s.conn.initialize(capabilities(encodings));
    s
}

pub fn capabilities(encodings: Option<&[&str]>) -> Value {
    let mut caps = json!({
        "textDocument": {
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
            "publishDiagnostics": {"versionSupport": true}
        }
    });
    if let Some(list) = encodings {
        caps["general"] = json!({ "positionEncodings": list });
    }
    caps
}

// ---- over stdio ----------------------------------------------------------

pub struct Process {
    pub conn: Conn,
    pub child: Child,
}

pub fn spawn_binary() -> Process {
    spawn_binary_with(&[])
}

pub fn spawn_binary_with(args: &[&str]) -> Process {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier-lsp"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .env("DOSSIER_LSP_LOG", "warn")
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut parser = FrameParser::default();
        let mut buf = [0u8; 8192];
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    for msg in parser.push(&buf[..n]) {
                        if tx.send(msg).is_err() {
                            return;
                        }
                    }
                }
            }
        }
    });
    let write: Writer = Box::new(move |bytes: &[u8]| {
        let _ = stdin.write_all(bytes);
        let _ = stdin.flush();
    });
    Process {
        conn: Conn::new(write, rx),
        child,
    }
}

impl Process {
    /// Waits for the process to end; its exit code.
    pub fn wait(&mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit within {TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

// ---- positions in the text -------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
}

impl Enc {
    pub fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Utf16 => "utf-16",
        }
    }

    /// A server negotiated to this encoding.
    pub fn server(self) -> InProcess {
        match self {
            Enc::Utf8 => started(Some(&["utf-8", "utf-16"])),
            Enc::Utf16 => started(None),
        }
    }
}

/// The LSP position of byte `offset` in `text` (lines end at `\n`).
pub fn pos(text: &str, offset: usize, enc: Enc) -> Value {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count();
    let col = match enc {
        Enc::Utf8 => offset - line_start,
        Enc::Utf16 => text[line_start..offset].encode_utf16().count(),
    };
    json!({"line": line, "character": col})
}

/// The byte offset of `needle` (the `nth` occurrence) plus `skip` bytes.
pub fn offset_of(text: &str, needle: &str, nth: usize, skip: usize) -> usize {
    let mut from = 0;
    for _ in 0..nth {
        from += text[from..].find(needle).expect("needle") + 1;
    }
    from + text[from..].find(needle).expect("needle") + skip
}

/// The zero-based line of the line that starts with `prefix`.
pub fn line_starting(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("a line starting with {prefix:?}"))
}

pub fn text_position(uri: &str, position: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position})
}

/// Every symbol in a documentSymbol answer, depth first, with its parent's
/// name.
pub fn flatten_symbols(symbols: &Value) -> Vec<(Option<String>, Value)> {
    fn walk(list: &Value, parent: Option<&str>, out: &mut Vec<(Option<String>, Value)>) {
        for s in list.as_array().into_iter().flatten() {
            out.push((parent.map(str::to_owned), s.clone()));
            if let Some(children) = s.get("children") {
                walk(children, s["name"].as_str(), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(symbols, None, &mut out);
    out
}

/// `(line, character)` of an LSP position, for comparisons.
pub fn lc(p: &Value) -> (u64, u64) {
    (
        p["line"].as_u64().unwrap(),
        p["character"].as_u64().unwrap(),
    )
}

pub fn range_contains(outer: &Value, inner: &Value) -> bool {
    lc(&outer["start"]) <= lc(&inner["start"]) && lc(&inner["end"]) <= lc(&outer["end"])
}
