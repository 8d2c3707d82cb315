#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md in one sitting (sections 1-3), for a
# quiet machine: stages, criterion, the whole-process comparison and the
# server budgets. About five minutes once the corpora exist. Run by hand.
#
#   scripts/bench/all.sh > /tmp/bench.log 2>&1
cd "$(dirname "$0")/../.."
echo "=== start $(date -u +%H:%M:%S) $(git log --oneline -1) load $(cut -d' ' -f1-3 /proc/loadavg)"
cargo build -q --profile dist --bin dossier-lsp --example stages --example gen_corpus
echo "=== stages (median of 7 rounds of 1000 calls), seed"
for i in 1 2 3 4 5; do ./target/dist/examples/stages seeds/000_0dbf1fc7ba84b8b6.txt 1000 | tr '\n' ' ' | sed 's/  */ /g'; echo; done
echo "=== criterion $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
cargo bench --bench analysis -- --warm-up-time 2 --measurement-time 5 2>&1 | grep -E "^[a-z+A-Z0-9/_-]+ *$|time:|thrpt:" 
echo "=== compare $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
scripts/bench/compare.sh 2000 10 2>&1 | tail -30
echo "=== stages, generated doc-00006 (19.5 KB)"
for i in 1 2 3; do ./target/dist/examples/stages ${WORK:-/tmp/dossier-bench}/corpus-2000/txt/doc-00006.txt 500 | tr '\n' ' ' | sed 's/  */ /g'; echo; done
echo "=== lsp_client $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/bench/lsp_client.py --json /tmp/lsp-final.json 2>&1 | tail -20
echo "=== end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
