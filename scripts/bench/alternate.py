#!/usr/bin/env python3
"""`check` over one folder with several binaries, their runs alternated, for
a noisy machine: each round runs every binary once (in turn, the order
reversed every other round), so that a slow minute of the host falls on all
of them alike; medians and quartiles per binary, each median against
the first binary's, and the median user and system CPU time (the kernel's
share varies most from run to run on a VM).

    python3 scripts/bench/alternate.py [--rounds 30] [--folder DIR] BIN...

DIR defaults to /tmp/dossier-bench/corpus-2000/txt (compare.sh makes it).
hyperfine runs one command's runs back to back; on this project's VMs the
host's load drifts by ±10 % over a minute, which that turns into a
difference between binaries. Run by hand; not part of `cargo test` or
.ci/run.
"""

import argparse
import os
import statistics
import sys
import time


def run(binary, folder):
    """Wall, user and system time of one `check`, in ms."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.execv(binary, [binary, "check", folder])
    _, _, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - started) * 1e3
    return wall, usage.ru_utime * 1e3, usage.ru_stime * 1e3


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=30)
    p.add_argument("--folder", default="/tmp/dossier-bench/corpus-2000/txt")
    p.add_argument("binaries", nargs="+")
    a = p.parse_args()
    if not os.path.isdir(a.folder):
        sys.exit(f"no folder {a.folder} (scripts/bench/compare.sh generates it)")
    for b in a.binaries:
        if not os.access(b, os.X_OK):
            sys.exit(f"not an executable: {b}")
    # Warm the page cache and each binary's pages.
    for b in a.binaries:
        run(b, a.folder)
        run(b, a.folder)
    times = {b: [] for b in a.binaries}
    for r in range(a.rounds):
        order = a.binaries if r % 2 == 0 else a.binaries[::-1]
        for b in order:
            times[b].append(run(b, a.folder))
    first = statistics.median(w for w, _, _ in times[a.binaries[0]])
    print(f"check {a.folder}, {a.rounds} alternated rounds (ms)")
    for b in a.binaries:
        t = [w for w, _, _ in times[b]]
        q1, median, q3 = statistics.quantiles(t, n=4)
        user = statistics.median(u for _, u, _ in times[b])
        system = statistics.median(k for _, _, k in times[b])
        print(
            f"{b:40} median {median:7.1f}  quartiles {q1:7.1f} {q3:7.1f}"
            f"  min {min(t):7.1f}  {100 * (median / first - 1):+6.1f} %"
            f"  user {user:6.1f}  sys {system:5.1f}"
        )


if __name__ == "__main__":
    main()
