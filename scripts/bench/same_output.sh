#!/usr/bin/env bash
# Before a speed change lands: is check's output the same as a baseline
# binary's, and how many instructions does check take now?
#
#   scripts/bench/same_output.sh BASELINE_BIN [WORK]
#
# Compares `check` (human) on WORK/corpus-2000/txt and `check --format json`
# on tests/corpus and seeds, byte for byte, between BASELINE_BIN and
# target/dist/dossier-lsp (build it first); then counts the instructions
# of `check WORK/corpus-200/txt` with callgrind (load-independent). WORK
# defaults to /tmp/dossier-bench (compare.sh and gen_corpus make the
# corpora). Run by hand; needs valgrind.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASE=$1
WORK=${2:-/tmp/dossier-bench}
NEW=$ROOT/target/dist/dossier-lsp
status=0
(cd "$WORK" && "$BASE" check corpus-2000/txt > /tmp/same-old.out 2>&1; "$NEW" check corpus-2000/txt > /tmp/same-new.out 2>&1)
if cmp -s /tmp/same-old.out /tmp/same-new.out; then echo "corpus-2000: same"; else echo "corpus-2000: DIFFERENT"; diff /tmp/same-old.out /tmp/same-new.out | head -20; status=1; fi
(cd "$ROOT" && "$BASE" check --format json tests/corpus seeds > /tmp/same-old.json 2>&1; "$NEW" check --format json tests/corpus seeds > /tmp/same-new.json 2>&1)
if cmp -s /tmp/same-old.json /tmp/same-new.json; then echo "tests/corpus: same"; else echo "tests/corpus: DIFFERENT"; diff /tmp/same-old.json /tmp/same-new.json | head -20 | cut -c1-300; status=1; fi
(cd "$WORK" && valgrind --tool=callgrind --callgrind-out-file=/tmp/same-check.callgrind "$NEW" check corpus-200/txt 2>&1 > /dev/null | awk '/refs:/ {print "check corpus-200: " $NF " instructions"}')
exit $status
