#!/usr/bin/env bash
# Sets up what test/e2e/*.test.ts needs to drive statusdoc in a real editor: code-server (the browser build of VS Code,
# from npm) with its native modules built here, playwright-core, and Debian's chromium, ripgrep and a CJK font.
#
# Idempotent: a finished setup leaves a stamp, and a re-run with the same versions only checks it (a second or so).
# Nothing goes into the project's package.json: everything lives in the cache folder
#   $STATUSDOC_E2E_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/statusdoc-e2e
# which the test finds the same way. Only the network steps (apt-get, npm install) are retried; any other failure
# stops the script with the step's name and the end of its log.
#
# Why by hand: code-server's postinstall downloads prebuilt binaries (ripgrep, argon2, kerberos, ...), which this
# network does not allow. So: install with --ignore-scripts, then do what the postinstall would, from source.
set -Eeuo pipefail

CODE_SERVER_VERSION=4.100.3   # the newest code-server that runs on Node 20 (VS Code 1.100.3)
PLAYWRIGHT_VERSION=1.65.1
NODE_MAJOR_REQUIRED=20
APT_PACKAGES=(chromium ripgrep libkrb5-dev fonts-wqy-microhei)
# code-server's own native modules (lib/vscode/node_modules), built with node-gyp against this Node.
NATIVE_MODULES=(@parcel/watcher @vscode/spdlog native-watchdog node-pty @vscode/deviceid kerberos)

CACHE="${STATUSDOC_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/statusdoc-e2e}"
LOGS="$CACHE/logs"
STAMP="$CACHE/.ready"
CS="$CACHE/node_modules/code-server"
VSCODE="$CS/lib/vscode"

started=$(date +%s)
say() { printf '[setup-code-server] %s\n' "$*"; }
die() { printf '[setup-code-server] FAILED: %s\n' "$*" >&2; exit 1; }

# run STEP-NAME CMD...: runs CMD with its output in $LOGS/STEP-NAME.log; on failure prints the log's end and stops.
run() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  if ! "$@" >"$log" 2>&1; then
    printf '[setup-code-server] FAILED at step "%s": %s\n--- last lines of %s ---\n' "$name" "$*" "$log" >&2
    tail -n 40 "$log" >&2 || true
    exit 1
  fi
}

# first_error LOG: the line of LOG that says best what went wrong.
first_error() { grep -m1 -E 'npm error (code|[A-Z][a-z]+Error)|^E: |rror' "$1" || tail -n 1 "$1"; }

# retry STEP-NAME CMD...: like run, for network/install steps only: up to 3 tries, 5 s then 15 s apart.
retry() {
  local name="$1"; shift
  local log="$LOGS/$name.log" try=1 delays=(5 15)
  until "$@" >"$log" 2>&1; do
    if (( try >= 3 )); then
      printf '[setup-code-server] FAILED at step "%s" after %d tries: %s\n--- last lines of %s ---\n' \
        "$name" "$try" "$*" "$log" >&2
      tail -n 40 "$log" >&2 || true
      exit 1
    fi
    say "step \"$name\" failed (try $try of 3), retrying in ${delays[try-1]}s: $(first_error "$log")"
    sleep "${delays[try-1]}"
    try=$((try + 1))
  done
}

# in_dir DIR CMD...: CMD in DIR, in a subshell (the script's own directory stays).
in_dir() ( cd "$1" && shift && "$@" )

trap 'die "unexpected failure (exit $?) at line $LINENO: $BASH_COMMAND"' ERR
mkdir -p "$LOGS"

# --- Node ---------------------------------------------------------------------------------------------------------
command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"
node_version="$(node -p process.versions.node)"
node_major="${node_version%%.*}"
[[ "$node_major" == "$NODE_MAJOR_REQUIRED" ]] ||
  die "code-server $CODE_SERVER_VERSION needs Node $NODE_MAJOR_REQUIRED; this is Node $node_version"

# --- Debian packages (needs root, or sudo without a password) -------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if (( ${#missing[@]} > 0 )); then
  command -v apt-get >/dev/null || die "missing Debian packages ${missing[*]} and no apt-get to install them"
  SUDO=()
  if [[ "$(id -u)" != 0 ]]; then
    sudo -n true 2>/dev/null || die "missing Debian packages ${missing[*]}: run as root, or: sudo apt-get install ${missing[*]}"
    SUDO=(sudo -n)
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  retry apt-update "${SUDO[@]}" apt-get update -q
  retry apt-install "${SUDO[@]}" apt-get install -y -q -o DPkg::Lock::Timeout=300 "${missing[@]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after installing the chromium package"
RG="$(command -v rg)" || die "rg (ripgrep) is missing after installing the ripgrep package"

# --- Already set up? ----------------------------------------------------------------------------------------------
# The stamp names everything that the build depends on: a change of any of them builds again.
fingerprint="code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_VERSION node=$node_version abi=$(node -p process.versions.modules) script=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)"
check_installed() {
  [[ -x "$CACHE/node_modules/.bin/code-server" ]] &&
    [[ -f "$CACHE/node_modules/playwright-core/package.json" ]] &&
    [[ -x "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" ]] &&
    [[ -e "$VSCODE/node_modules.asar" ]] &&
    [[ -f "$VSCODE/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]] &&
    [[ -f "$VSCODE/node_modules/node-pty/build/Release/pty.node" ]]
}
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$fingerprint" ]] && check_installed; then
  say "ready (cached): $CACHE  [$fingerprint]"
  exit 0
fi
rm -f "$STAMP"
say "setting up code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION in $CACHE (logs: $LOGS)"

# --- Node headers for node-gyp: the ones Node came with, or the nodedir npm is set to, or node-gyp's own cache --------
headers_ok() { [[ -f "$1/include/node/node.h" && -f "$1/include/node/common.gypi" ]] &&
  grep -q "define NODE_MAJOR_VERSION $node_major\$" "$1/include/node/node_version.h"; }
NODEDIR=""
for candidate in "$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")" \
                 "$(npm config get nodedir 2>/dev/null || true)" \
                 "${XDG_CACHE_HOME:-$HOME/.cache}/node-gyp/$node_version"; do
  if [[ -n "$candidate" && "$candidate" != undefined && "$candidate" != null ]] && headers_ok "$candidate"; then
    NODEDIR="$candidate"; break
  fi
done
[[ -n "$NODEDIR" ]] || die "no Node $node_major headers found for node-gyp (looked for include/node/node.h beside node, in \`npm config get nodedir\` and in ~/.cache/node-gyp/$node_version); on Debian they come with the nodejs package"
NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || die "npm's bundled node-gyp not found at $NODE_GYP"
NODE_GYP="$(readlink -f "$NODE_GYP")"
for tool in make g++ python3; do command -v "$tool" >/dev/null || die "$tool is needed to build native modules"; done
export npm_config_nodedir="$NODEDIR" npm_config_node_gyp="$NODE_GYP"
say "node $node_version, headers from $NODEDIR, node-gyp $(node "$NODE_GYP" --version)"

# --- npm: code-server and playwright-core, scripts off (code-server's postinstall downloads) ------------------------
cat >"$CACHE/package.json" <<JSON
{
  "name": "statusdoc-e2e-cache",
  "private": true,
  "description": "Written by statusdoc's test/e2e/setup-code-server.sh; not part of the project.",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_VERSION"
  }
}
JSON
say "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION"
NPM_INSTALL=(npm install --ignore-scripts --no-audit --no-fund --loglevel=warn)
retry npm-install in_dir "$CACHE" "${NPM_INSTALL[@]}"
[[ -f "$VSCODE/package.json" ]] || die "code-server's package has no lib/vscode: $VSCODE"

say "npm install in code-server's lib/vscode and lib/vscode/extensions (--omit=dev)"
retry npm-install-vscode in_dir "$VSCODE" "${NPM_INSTALL[@]}" --omit=dev
retry npm-install-vscode-extensions in_dir "$VSCODE/extensions" "${NPM_INSTALL[@]}" --omit=dev

# --- native modules --------------------------------------------------------------------------------------------------
jobs_flag="-j$(nproc 2>/dev/null || echo 2)"
for module in "${NATIVE_MODULES[@]}"; do
  dir="$VSCODE/node_modules/$module"
  [[ -f "$dir/binding.gyp" ]] || die "$module is missing from code-server's lib/vscode/node_modules (looked in $dir)"
  say "node-gyp rebuild $module"
  run "build-${module//\//-}" in_dir "$dir" node "$NODE_GYP" rebuild --nodedir="$NODEDIR" "$jobs_flag"
done

# argon2 (code-server's password hashing; loaded at start even with --auth none): from source, not the prebuilt.
ARGON2="$(node -e "console.log(require('path').dirname(require.resolve('argon2/package.json', { paths: [process.argv[1]] })))" "$CS")" ||
  die "argon2 (a dependency of code-server) is not installed"
PRE_GYP="$(node -e "console.log(require.resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp', { paths: [process.argv[1]] }))" "$ARGON2")" ||
  die "@mapbox/node-pre-gyp (argon2's build tool) is not installed"
say "node-pre-gyp rebuild argon2 (from source)"
run build-argon2 in_dir "$ARGON2" node "$PRE_GYP" rebuild --build-from-source --nodedir="$NODEDIR"

# --- what code-server's postinstall does besides installing ---------------------------------------------------------
say "ripgrep from Debian, node_modules.asar, bin scripts"
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
install -m 0755 "$RG" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSCODE/node_modules.asar"
ln -sfn code-linux.sh "$VSCODE/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSCODE/bin/helpers/browser.sh"

# --- check it loads --------------------------------------------------------------------------------------------------
say "checking that the native modules load and code-server starts"
run check-native node -e '
  const { createRequire } = require("module");
  const vscodeRequire = createRequire(process.argv[1] + "/package.json");
  for (const m of ["@vscode/spdlog", "node-pty", "native-watchdog", "kerberos", "@parcel/watcher"]) {
    vscodeRequire(m); console.log("loaded", m);
  }
  createRequire(process.argv[2] + "/package.json")("argon2"); console.log("loaded argon2");
' "$VSCODE" "$CS"
run check-rg "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" --version
# --config: so that code-server does not write a default config into ~/.config/code-server.
run check-code-server "$CACHE/node_modules/.bin/code-server" --config "$CACHE/config.yaml" --version
grep -q "^$CODE_SERVER_VERSION " "$LOGS/check-code-server.log" ||
  die "code-server --version did not print $CODE_SERVER_VERSION: $(tail -n 1 "$LOGS/check-code-server.log")"
run check-playwright node -e 'console.log(require(process.argv[1] + "/node_modules/playwright-core/package.json").version)' "$CACHE"

check_installed || die "setup finished but the installation check failed (see $LOGS)"
printf '%s' "$fingerprint" >"$STAMP"
say "ready: $CACHE in $(( $(date +%s) - started ))s"
