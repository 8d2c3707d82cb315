#!/usr/bin/env bash
# Instructions per call of one analysis stage, without the one-time regex
# compilation: callgrind totals of `examples/stages FILE N STAGE` at N=5 and
# N=15 (seven rounds each), the difference divided by the 70 extra calls.
# With FUNCTION, only the instructions inside that (not inlined) function.
#
#   scripts/bench/instructions.sh STAGE [FILE] [FUNCTION]
#   scripts/bench/instructions.sh analyze
#   scripts/bench/instructions.sh analyze seeds/000_0dbf1fc7ba84b8b6.txt dossier_lsp::dossier::structure::find
#
# STAGE: layout, citations, analyze or lint. Needs valgrind. Run by hand.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
STAGE=$1
FILE=${2:-$ROOT/seeds/000_0dbf1fc7ba84b8b6.txt}
TOGGLE=()
if [ -n "${3:-}" ]; then TOGGLE=("--toggle-collect=$3"); fi
(cd "$ROOT" && cargo build --profile dist --quiet --example stages)
BIN=$ROOT/target/dist/examples/stages
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "${TOGGLE[@]}" "$BIN" "$FILE" "$1" "$STAGE" 2>&1 |
    awk '/refs:/ {gsub(",", "", $NF); print $NF}'
}
a=$(count 5)
b=$(count 15)
echo "$STAGE${3:+ ($3)}: $(((b - a) / 70)) instructions per call"
