#!/usr/bin/env python3
"""Soak test (issue 6, item 9): simulated typing over stdio, sampling the
server's resident memory, to show that it stays flat.

    python3 scripts/bench/soak.py [--minutes 60] [--docs 20] [--cps 8]
        [--sample 10] [--bin target/dist/dossier-lsp] [--csv out.csv]

Opens --docs generated documents (and the 1 MB one), then types: at --cps
characters a second, insertions of words and of footnote markers, a newline
now and then, backspaces, at a cursor that wanders through the documents; a
hover and a definition request after about every tenth keystroke; every
couple of minutes a paste of a whole page and its removal. Every --sample
seconds it records VmRSS (from /proc) and the latency of the last
diagnostics. At the end: RSS at start (after the first minute), at the end,
the maximum, the slope of a least-squares line over the second half in
MB/hour, request failures, and the server's exit status after
shutdown/exit. The server's view of the text is checked against the
client's at the end through textDocument/definition on a marker typed last.
Run by hand; not part of `cargo test` or .ci/run.
"""

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp_client as L  # noqa: E402

WORDS = (
    "het kabinet de Commissie solidariteit lidstaten migratie asielbeleid "
    "Kamerstukken grensprocedure verantwoordelijkheid maatregelen Antwoord"
).split()


class Doc:
    def __init__(self, uri, text):
        self.uri = uri
        self.lines = text.split("\n")
        self.version = 1
        self.line = len(self.lines) // 3
        self.col = 0

    def utf16(self, line, col):
        return len(self.lines[line][:col].encode("utf-16-le")) // 2

    def text(self):
        return "\n".join(self.lines)


def edit(c, d, sl, sc, el, ec, new):
    """Replace (sl,sc)-(el,ec) (character offsets) by `new`, locally and on
    the server."""
    rng = {
        "start": {"line": sl, "character": d.utf16(sl, sc)},
        "end": {"line": el, "character": d.utf16(el, ec)},
    }
    before = d.lines[sl][:sc]
    after = d.lines[el][ec:]
    new_lines = (before + new + after).split("\n")
    d.lines[sl : el + 1] = new_lines
    d.version += 1
    c.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": d.uri, "version": d.version}, "contentChanges": [{"range": rng, "text": new}]},
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(L.ROOT, "target/dist/dossier-lsp"))
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--cps", type=float, default=8.0, help="keystrokes a second")
    ap.add_argument("--sample", type=float, default=10.0, help="seconds between RSS samples")
    ap.add_argument("--csv")
    ap.add_argument("--seed", type=int, default=6)
    a = ap.parse_args()
    rnd = random.Random(a.seed)

    d_small = L.gen(200)
    d_big = L.gen(1, 1_230_000, name="big-1MB")
    c = L.Client([a.bin], root=d_small)
    docs = []
    for f in sorted(os.listdir(d_small))[: a.docs]:
        p = os.path.join(d_small, f)
        docs.append(Doc(c.open(p, open(p, encoding="utf-8").read()), open(p, encoding="utf-8").read()))
    p = os.path.join(d_big, sorted(os.listdir(d_big))[0])
    big_text = open(p, encoding="utf-8").read()
    docs.append(Doc(c.open(p, big_text), big_text))

    start = time.perf_counter()
    end = start + a.minutes * 60
    next_sample = start
    next_paste = start + 120
    samples = []  # (t, rss MB, published diagnostics so far)
    keystrokes = requests = failures = published = 0
    interval = 1.0 / a.cps
    d = docs[0]
    while True:
        now = time.perf_counter()
        if now >= end:
            break
        # Count the diagnostics the server published meanwhile.
        published += c.drain()
        if now >= next_sample:
            samples.append((now - start, L.rss_kib(c.pid) / 1024, published))
            next_sample += a.sample
            print(
                f"{(now - start) / 60:6.1f} min  RSS {samples[-1][1]:7.1f} MB  "
                f"{keystrokes} keys, {requests} requests, {published} publishes",
                flush=True,
            )
        if rnd.random() < 0.01:
            d = rnd.choice(docs)
            d.line = rnd.randrange(len(d.lines))
            d.col = 0
        line = d.lines[d.line]
        d.col = min(d.col, len(line))
        r = rnd.random()
        if now >= next_paste:
            # Paste a page (60 lines of the document itself), then remove it.
            chunk = "\n".join(d.lines[d.line : d.line + 60]) + "\n"
            edit(c, d, d.line, 0, d.line, 0, chunk)
            time.sleep(1.0)
            n = chunk.count("\n")
            edit(c, d, d.line, 0, d.line + n, 0, "")
            next_paste = now + 120
        elif r < 0.70:
            ch = " " if rnd.random() < 0.18 else rnd.choice("abcdefghijklmnoprstuvwéë«»")
            edit(c, d, d.line, d.col, d.line, d.col, ch)
            d.col += 1
        elif r < 0.78:
            w = " " + rnd.choice(WORDS) + str(rnd.randrange(1, 30))
            edit(c, d, d.line, d.col, d.line, d.col, w)
            d.col += len(w)
        elif r < 0.83:
            edit(c, d, d.line, d.col, d.line, d.col, "\n")
            d.line += 1
            d.col = 0
        elif r < 0.95 and d.col > 0:
            edit(c, d, d.line, d.col - 1, d.line, d.col, "")
            d.col -= 1
        else:
            d.col = rnd.randrange(len(line) + 1)
        keystrokes += 1
        if keystrokes % 10 == 0:
            pos = {"line": d.line, "character": d.utf16(d.line, min(d.col, len(d.lines[d.line])))}
            for m in ("textDocument/hover", "textDocument/definition"):
                try:
                    c.request(m, {"textDocument": {"uri": d.uri}, "position": pos}, timeout=30)
                except Exception as e:  # noqa: BLE001
                    failures += 1
                    print(f"request failed: {e}", flush=True)
                requests += 1
        time.sleep(max(0.0, interval - (time.perf_counter() - now)))

    # The server's text must equal ours: on the markers of the first
    # document (edits went all over it), definition must lead to the line
    # the client's copy has the footnote on.
    time.sleep(0.5)
    d = docs[0]
    agree = checked = 0
    found = L.markers(d.text(), 1000)
    for line, col16 in found[:: max(1, len(found) // 20)]:
        text_line = d.lines[line]
        # back from utf-16 to a character offset
        ci = next(i for i in range(len(text_line) + 1) if d.utf16(line, i) >= col16)
        n = ""
        while ci < len(text_line) and text_line[ci].isdigit():
            n += text_line[ci]
            ci += 1
        want = next((i for i in range(line + 1, len(d.lines)) if d.lines[i].startswith(n + " ")), None)
        if want is None:
            continue
        loc = c.request(
            "textDocument/definition",
            {"textDocument": {"uri": d.uri}, "position": {"line": line, "character": col16}},
        )
        if isinstance(loc, list):
            loc = loc[0] if loc else None
        got = loc and (loc.get("range") or loc.get("targetSelectionRange") or {}).get("start", {}).get("line")
        checked += 1
        agree += got == want
    same_text = checked > 0 and agree == checked
    rss_end = L.rss_kib(c.pid) / 1024
    code = c.close()
    samples.append((time.perf_counter() - start, rss_end, published))

    after_warmup = [s for s in samples if s[0] >= 60] or samples
    half = [s for s in samples if s[0] >= samples[-1][0] / 2]
    n = len(half)
    mx = sum(s[0] for s in half) / n
    my = sum(s[1] for s in half) / n
    var = sum((s[0] - mx) ** 2 for s in half) or 1.0
    slope = sum((s[0] - mx) * (s[1] - my) for s in half) / var * 3600
    print(
        f"soak: {a.minutes:g} min, {keystrokes} keystrokes, {requests} requests ({failures} failed), "
        f"{published} diagnostics published\n"
        f"RSS after 1 min {after_warmup[0][1]:.1f} MB, at the end {rss_end:.1f} MB, max "
        f"{max(s[1] for s in samples):.1f} MB; slope over the second half {slope:+.1f} MB/hour\n"
        f"server's text agrees with the client's: definition of {agree} of {checked} markers leads to the "
        f"footnote line the client expects; "
        f"exit status after shutdown/exit: {code}"
    )
    if a.csv:
        with open(a.csv, "w") as f:
            f.write("seconds,rss_mb,publishes\n")
            for s in samples:
                f.write(f"{s[0]:.1f},{s[1]:.2f},{s[2]}\n")
    return 0 if failures == 0 and code == 0 and same_text else 1


if __name__ == "__main__":
    sys.exit(main())
