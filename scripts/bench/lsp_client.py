#!/usr/bin/env python3
"""Server budgets over stdio (issue 6, item 3), measured by a small LSP client.

    python3 scripts/bench/lsp_client.py [--bin target/dist/dossier-lsp]
        [--open 200] [--requests 2000] [--index 10000] [--changes 15]
        [--busy 2000] [--rounds 5]

Phases, each in a fresh server process:
  1. latency: a workspace of --open generated seed-sized documents, all
     opened with didOpen; hover and definition on footnote markers, one
     request at a time; p50/p99/max per request kind.
  2. didChange on a 1 MB document: time from sending the change to the
     publishDiagnostics for that version, minus the server's debounce
     (200 ms, `Options::debounce` in src/server/mod.rs).
  3. indexing: a server started on a workspace folder of --index generated
     documents; time from `initialized` to the "indexed N documents" log
     message, and the resident memory (VmRSS from /proc) after it, against
     the folder's text size.
  4. latency while indexing (issue 14): a server started on a workspace
     folder of --busy generated documents, --rounds times; right after
     `initialized` one document of the folder is opened and hover and
     definition on its footnote markers are sent one at a time, without
     pause, until the "indexed N documents" log message arrives; then
     --requests more of each on the indexed workspace. p50/p99/max for
     each kind, during and after. The first request of each round (it
     waits for the opened document's analysis) is left out.
Also the RSS of phase 1 against the open documents' text size.

Corpora are generated under $WORK (default /tmp/dossier-bench) with
`examples/gen_corpus`. Run by hand; not part of `cargo test` or .ci/run.
The `Client` class is reused by soak.py.
"""

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEBOUNCE = 0.200  # src/server/mod.rs: Options::default().debounce


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Client:
    """A minimal LSP client over a child's stdio. Messages from the server
    are timestamped on arrival by a reader thread; requests from the server
    (workspace/configuration, client/registerCapability, …) are answered."""

    def __init__(self, argv, root=None, utf8=False, env=None, progress=False):
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # LSP_STDERR=FILE keeps the server's log (with
            # DOSSIER_LSP_LOG=debug: its timings).
            stderr=open(os.environ["LSP_STDERR"], "a") if "LSP_STDERR" in os.environ else subprocess.DEVNULL,
            env=env,
        )
        self.pid = self.proc.pid
        self.next_id = 0
        self.lock = threading.Lock()
        self.responses = {}
        self.cond = threading.Condition()
        self.notifications = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        caps = {
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "definition": {"linkSupport": False},
                "publishDiagnostics": {"versionSupport": True},
                "synchronization": {"dynamicRegistration": False},
            },
            "workspace": {"configuration": True, "workspaceFolders": True},
            "general": {"positionEncodings": ["utf-8", "utf-16"] if utf8 else ["utf-16"]},
        }
        if progress:
            # The server then asks window/workDoneProgress/create (answered
            # with null below) and sends $/progress while it indexes.
            caps["window"] = {"workDoneProgress": True}
        params = {"processId": os.getpid(), "capabilities": caps, "rootUri": None}
        if root:
            uri = "file://" + os.path.abspath(root)
            params["rootUri"] = uri
            params["workspaceFolders"] = [{"uri": uri, "name": "bench"}]
        self.init_result = self.request("initialize", params)
        self.notify("initialized", {})
        self.initialized_at = time.perf_counter()

    def _send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode()
        with self.lock:
            try:
                self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                self.proc.stdin.flush()
            except (BrokenPipeError, ValueError):
                pass  # the server has gone; the caller sees its exit status

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            t = time.perf_counter()
            msg = json.loads(body)
            if "method" in msg and "id" in msg:
                self._answer(msg)
            elif "method" in msg:
                self.notifications.put((t, msg))
            else:
                with self.cond:
                    self.responses[msg["id"]] = (t, msg)
                    self.cond.notify_all()

    def _answer(self, msg):
        m = msg["method"]
        if m == "workspace/configuration":
            result = [None for _ in msg["params"]["items"]]
        else:
            result = None
        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def request(self, method, params, timeout=120):
        with self.cond:
            self.next_id += 1
            rid = self.next_id
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self._send(msg)
        with self.cond:
            ok = self.cond.wait_for(lambda: rid in self.responses, timeout)
            if not ok:
                raise TimeoutError(f"{method} unanswered after {timeout} s")
            _, msg = self.responses.pop(rid)
        if "error" in msg:
            raise RuntimeError(f"{method}: {msg['error']}")
        return msg.get("result")

    def timed_request(self, method, params):
        t = time.perf_counter()
        self.request(method, params)
        return time.perf_counter() - t

    def notify(self, method, params):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self._send(msg)

    def wait_notification(self, pred, timeout=60):
        """The first notification (time, msg) that `pred` accepts; the ones
        before it are dropped."""
        end = time.perf_counter() + timeout
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                raise TimeoutError("notification not received")
            t, msg = self.notifications.get(timeout=left)
            if pred(msg):
                return t, msg

    def drain(self):
        n = 0
        while True:
            try:
                self.notifications.get_nowait()
                n += 1
            except queue.Empty:
                return n

    def open(self, path, text, version=1):
        uri = "file://" + os.path.abspath(path)
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}},
        )
        return uri

    def close(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        return self.proc.returncode


MARKER = re.compile(r"(?<=[a-zé.»?])(\d{1,3})(?=[\s.,;:]|$)")


def markers(text, limit=50):
    """(line, utf-16 column) of footnote markers in running text."""
    found = []
    for ln, line in enumerate(text.split("\n")):
        if line[:1].isdigit():
            continue  # a footnote definition
        for m in MARKER.finditer(line):
            col = len(line[: m.start()].encode("utf-16-le")) // 2
            found.append((ln, col))
            if len(found) >= limit:
                return found
    return found


def gen(n, bytes_=None, name=None):
    work = os.environ.get("WORK", "/tmp/dossier-bench")
    d = os.path.join(work, name or f"corpus-{n}", "txt")
    if not os.path.isdir(d):
        exe = os.path.join(ROOT, "target/dist/examples/gen_corpus")
        if not os.path.exists(exe):
            subprocess.run(["cargo", "build", "--profile", "dist", "--example", "gen_corpus"], cwd=ROOT, check=True)
        args = [exe, d, str(n)]
        if bytes_:
            args += ["--bytes", str(bytes_), "--seed", "1"]
        subprocess.run(args, check=True)
    return d


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def summary(name, xs):
    ms = [x * 1e3 for x in xs]
    return (
        f"{name}: n={len(ms)} p50 {pct(ms, 50):.2f} ms, p99 {pct(ms, 99):.2f} ms, "
        f"max {max(ms):.2f} ms, mean {statistics.mean(ms):.2f} ms"
    )


def is_diag(uri, version=None):
    def pred(msg):
        if msg.get("method") != "textDocument/publishDiagnostics":
            return False
        p = msg["params"]
        return p["uri"] == uri and (version is None or p.get("version") == version)

    return pred


def phase_latency(binary, n_open, n_requests, report):
    d = gen(n_open)
    files = sorted(os.listdir(d))[:n_open]
    c = Client([binary], root=d)
    texts = {}
    size = 0
    for f in files:
        text = open(os.path.join(d, f), encoding="utf-8").read()
        size += len(text.encode())
        uri = c.open(os.path.join(d, f), text)
        texts[uri] = text
    # Wait until every opened document has had its diagnostics published.
    pending = set(texts)
    t0 = time.perf_counter()
    while pending:
        _, msg = c.wait_notification(lambda m: m.get("method") == "textDocument/publishDiagnostics", 120)
        pending.discard(msg["params"]["uri"])
    settle = time.perf_counter() - t0
    time.sleep(1.0)
    c.drain()
    targets = [(uri, pos) for uri, text in texts.items() for pos in markers(text, 10)]
    hover, definition, hits = [], [], 0
    for i in range(n_requests):
        uri, (line, col) = targets[(i * 7919) % len(targets)]
        params = {"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}
        t = time.perf_counter()
        r = c.request("textDocument/hover", params)
        hover.append(time.perf_counter() - t)
        hits += r is not None
        t = time.perf_counter()
        r = c.request("textDocument/definition", params)
        definition.append(time.perf_counter() - t)
    rss = rss_kib(c.pid) * 1024
    code = c.close()
    report["open"] = {
        "documents": len(files),
        "text_bytes": size,
        "diagnostics_settled_s": settle,
        "hover_hits": hits,
        "hover_ms": {p: pct(hover, p) * 1e3 for p in (50, 99)} | {"max": max(hover) * 1e3},
        "definition_ms": {p: pct(definition, p) * 1e3 for p in (50, 99)} | {"max": max(definition) * 1e3},
        "rss_bytes": rss,
        "exit": code,
    }
    print(f"[latency] {len(files)} documents open ({size / 1e6:.1f} MB), all diagnostics in {settle:.2f} s")
    print("  " + summary("hover", hover) + f" ({hits} of {n_requests} with a result)")
    print("  " + summary("definition", definition))
    print(f"  RSS {rss / 1e6:.1f} MB = {rss / size:.1f}x the open text; exit status {code}")


def phase_change(binary, n_changes, report):
    d = gen(1, 1_230_000, name="big-1MB")
    path = os.path.join(d, sorted(os.listdir(d))[0])
    text = open(path, encoding="utf-8").read()
    c = Client([binary])
    uri = c.open(path, text, 1)
    c.wait_notification(is_diag(uri, 1), 60)
    lines = text.split("\n")
    lats = []
    version = 1
    for i in range(n_changes):
        time.sleep(0.5)
        c.drain()
        version += 1
        ln = (i * 997) % len(lines)
        change = {
            "range": {"start": {"line": ln, "character": 0}, "end": {"line": ln, "character": 0}},
            "text": "x",
        }
        t = time.perf_counter()
        c.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )
        tp, msg = c.wait_notification(is_diag(uri, version), 30)
        lats.append(tp - t - DEBOUNCE)
    rss = rss_kib(c.pid) * 1024
    code = c.close()
    report["change_1MB"] = {
        "bytes": len(text.encode()),
        "after_debounce_ms": {p: pct(lats, p) * 1e3 for p in (50, 99)} | {"max": max(lats) * 1e3},
        "median_ms": statistics.median(lats) * 1e3,
        "rss_bytes": rss,
        "diagnostics": len(msg["params"]["diagnostics"]),
    }
    print(f"[didChange] {len(text.encode()) / 1e6:.2f} MB document, {n_changes} single-character edits")
    print("  " + summary("diagnostics after the debounce", lats) + f" ({len(msg['params']['diagnostics'])} diagnostics)")
    print(f"  RSS {rss / 1e6:.1f} MB; exit status {code}")


def phase_index(binary, n_index, report):
    d = gen(n_index)
    size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
    base = Client([binary])
    base_rss = rss_kib(base.pid) * 1024
    base.close()
    c = Client([binary], root=d, progress=True)
    progress = []

    def indexed(m):
        if m.get("method") == "$/progress":
            progress.append((time.perf_counter(), m["params"]["value"]))
        return m.get("method") == "window/logMessage" and "indexed" in m["params"]["message"]

    t, msg = c.wait_notification(indexed, 300)
    wall = t - c.initialized_at
    time.sleep(0.5)
    while not c.notifications.empty():
        indexed(c.notifications.get_nowait()[1])
    kinds = [v.get("kind") for _, v in progress]
    rss = rss_kib(c.pid) * 1024
    code = c.close()
    report["index"] = {
        "documents": n_index,
        "text_bytes": size,
        "wall_s": wall,
        "message": msg["params"]["message"],
        "rss_bytes": rss,
        "rss_empty_server_bytes": base_rss,
        "progress": {
            "begin": kinds.count("begin"),
            "report": kinds.count("report"),
            "end": kinds.count("end"),
            "last": progress[-1][1] if progress else None,
        },
    }
    print(f"[index] {n_index} documents ({size / 1e6:.1f} MB): {wall:.2f} s from initialized to the log message")
    print(f"  server says: {msg['params']['message']}")
    print(
        f"  $/progress: {kinds.count('begin')} begin, {kinds.count('report')} reports, "
        f"{kinds.count('end')} end; last: {progress[-1][1] if progress else None}"
    )
    print(
        f"  RSS {rss / 1e6:.1f} MB = {rss / size:.2f}x the workspace text "
        f"(an empty server: {base_rss / 1e6:.1f} MB); exit status {code}"
    )


def phase_busy(binary, n_files, n_rounds, n_after, report):
    d = gen(n_files)
    files = sorted(os.listdir(d))
    during = {"hover": [], "definition": []}
    after = {"hover": [], "definition": []}
    index_s = []
    for rnd in range(n_rounds):
        c = Client([binary], root=d)
        path = os.path.join(d, files[(rnd * 389) % len(files)])
        text = open(path, encoding="utf-8").read()
        uri = c.open(path, text)
        targets = markers(text, 10)

        def indexed(m):
            return m.get("method") == "window/logMessage" and "indexed" in m["params"]["message"]

        done = None
        i = 0
        first = True
        while done is None:
            line, col = targets[i % len(targets)]
            i += 1
            params = {"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}
            for kind, method in (("hover", "textDocument/hover"), ("definition", "textDocument/definition")):
                t = time.perf_counter()
                c.request(method, params)
                lat = time.perf_counter() - t
                if not first:
                    during[kind].append(lat)
                first = False
            while done is None:
                try:
                    tm, msg = c.notifications.get_nowait()
                except queue.Empty:
                    break
                if indexed(msg):
                    done = tm
        index_s.append(done - c.initialized_at)
        time.sleep(0.5)
        for j in range(n_after // n_rounds):
            line, col = targets[(j * 7) % len(targets)]
            params = {"textDocument": {"uri": uri}, "position": {"line": line, "character": col}}
            for kind, method in (("hover", "textDocument/hover"), ("definition", "textDocument/definition")):
                after[kind].append(c.timed_request(method, params))
        c.close()

    def figures(xs):
        return {"n": len(xs), "p50": pct(xs, 50) * 1e3, "p99": pct(xs, 99) * 1e3, "max": max(xs) * 1e3}

    report["busy"] = {
        "documents": n_files,
        "rounds": n_rounds,
        "index_s": index_s,
        "during": {k: figures(v) for k, v in during.items()},
        "after": {k: figures(v) for k, v in after.items()},
    }
    print(
        f"[busy] {n_files} documents indexed {n_rounds} times, "
        f"{min(index_s):.2f}-{max(index_s):.2f} s from initialized to the log message"
    )
    for k in ("hover", "definition"):
        print("  while indexing: " + summary(k, during[k]))
    for k in ("hover", "definition"):
        print("  indexed:        " + summary(k, after[k]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/dist/dossier-lsp"))
    ap.add_argument("--open", type=int, default=200)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--changes", type=int, default=15)
    ap.add_argument("--index", type=int, default=10000)
    ap.add_argument("--busy", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", choices=["latency", "change", "index", "busy"])
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args()
    report = {"load_before": open("/proc/loadavg").read().split()[:3]}
    if a.only in (None, "latency"):
        phase_latency(a.bin, a.open, a.requests, report)
    if a.only in (None, "change"):
        phase_change(a.bin, a.changes, report)
    if a.only in (None, "index"):
        phase_index(a.bin, a.index, report)
    if a.only in (None, "busy"):
        phase_busy(a.bin, a.busy, a.rounds, a.requests, report)
    report["load_after"] = open("/proc/loadavg").read().split()[:3]
    print(f"load average before {report['load_before']}, after {report['load_after']} on {os.cpu_count()} cores")
    if a.json:
        json.dump(report, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    sys.exit(main())
