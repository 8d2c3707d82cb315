#!/usr/bin/env bash
# Runs editors/nvim/test/e2e.lua in a real headless Neovim 0.11, twice: with
# Neovim's default position encodings (it offers utf-8 first) and offering only
# utf-16. Each run opens the seed and then the Markdown draft concept-brief.md. Each run gets a scratch XDG_CONFIG_HOME holding exactly what the README
# tells a user to install: lsp/dossier.lua and `vim.lsp.enable('dossier')`.
# The server is found on PATH as `dossier-lsp`, as a user's would be.
#
# Environment: NVIM (the nvim binary), DOSSIER_LSP_BIN (the server), SEED
# (default: the bundled seed), ARTIFACTS (default: editors/nvim/test-artifacts).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
nvim_dir=$(dirname "$here")
repo=$(cd "$nvim_dir/../.." && pwd)
: "${NVIM:?NVIM not set}" "${DOSSIER_LSP_BIN:?DOSSIER_LSP_BIN not set}"
SEED=${SEED:-$repo/seeds/000_0dbf1fc7ba84b8b6.txt}
ARTIFACTS=${ARTIFACTS:-$nvim_dir/test-artifacts}
rm -rf "$ARTIFACTS"; mkdir -p "$ARTIFACTS"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-e2e-nvim-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin"
ln -s "$(realpath "$DOSSIER_LSP_BIN")" "$scratch/bin/dossier-lsp"

"$NVIM" --version | head -1
status=0
for mode in default utf-16; do
  home=$scratch/$mode
  mkdir -p "$home/config/nvim/lsp" "$home/data" "$home/state" "$home/cache" "$home/workspace/.git"
  cp "$nvim_dir/lsp/dossier.lua" "$home/config/nvim/lsp/dossier.lua"
  cp "$SEED" "$home/workspace/"
  cp "$here/concept-brief.md" "$home/workspace/"
  {
    echo "-- what editors/README.md tells a user to add"
    echo "vim.lsp.enable('dossier')"
    if [ "$mode" = utf-16 ]; then
      cat <<'LUA'
-- this run: offer only utf-16, as clients without utf-8 support do
vim.lsp.config('dossier', {
  before_init = function(params)
    params.capabilities.general = params.capabilities.general or {}
    params.capabilities.general.positionEncodings = { 'utf-16' }
  end,
  -- and a user's lint settings, as editors/README.md shows them
  settings = { dossier = { lints = { ['unreferenced-footnote'] = 'off', ['placeholder-source'] = 'error' } } },
})
LUA
    fi
    echo "vim.lsp.log.set_level(vim.log.levels.INFO)"
  } > "$home/config/nvim/init.lua"
  expect=utf-8; [ "$mode" = utf-16 ] && expect=utf-16
  results=$ARTIFACTS/results-$mode.txt
  : > "$results"
  rc=0
  ( cd "$home/workspace" &&
    env PATH="$scratch/bin:$PATH" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
      XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache" \
      SEED="$home/workspace/$(basename "$SEED")" DRAFT="$home/workspace/concept-brief.md" EXPECT_ENCODING=$expect TEST_LABEL=$mode \
      EXPECT_LINT_SETTINGS=$([ "$mode" = utf-16 ] && echo 1 || echo 0) \
      RESULTS="$results" ARTIFACTS="$ARTIFACTS" \
      timeout 120 "$NVIM" --headless -i NONE -n \
        -c "luafile $here/e2e.lua" </dev/null >"$ARTIFACTS/nvim-$mode.log" 2>&1 ) || rc=$?
  cat "$results"
  [ -f "$home/state/nvim/lsp.log" ] && cp "$home/state/nvim/lsp.log" "$ARTIFACTS/lsp-$mode.log"
  if [ "$rc" -ne 0 ]; then
    echo "nvim ($mode) exited with $rc; see $ARTIFACTS/nvim-$mode.log"
    status=1
  fi
  grep -q ' 0 failed$' "$results" || status=1
done
exit $status
