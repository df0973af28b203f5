#!/usr/bin/env bash
# Installs everything the build, the tests and the benchmark need, at pinned versions, from the
# package registries only (crates.io, npm, Debian). Idempotent: what is already there at the right
# version is skipped, so a second run takes seconds. See ../shared/TOOLCHAIN.md for the pitfalls.
#
# usage: scripts/tools.sh [serve|build|browser|bench|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved, or the generated JS and
# the wasm disagree at run time.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
WANT=${1:-all}

log() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

need_apt=()
apt_install() {
  [ ${#need_apt[@]} -eq 0 ] && return 0
  log "apt-get install ${need_apt[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
}

install_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  # make test checks formatting and lints (cargo fmt --check, cargo clippy -D warnings).
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      log "rustup component add $component"
      rustup component add "$component"
    fi
  done

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "cargo install trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes, once)"
    if ! cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"; then
      # Its published lock file may pin a dependency the registry no longer serves (0.2.130 pins
      # webpki-roots 1.0.11): unpack the crate cargo just downloaded, relock only that package to
      # the newest one served, and install from the unpacked source, still --locked.
      log "relocking wasm-bindgen-cli $WASM_BINDGEN_VERSION's webpki-roots"
      local crate src
      crate=$(ls "$HOME"/.cargo/registry/cache/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION".crate | head -n1)
      src=$(mktemp -d)
      tar -xzf "$crate" -C "$src"
      (cd "$src/wasm-bindgen-cli-$WASM_BINDGEN_VERSION" &&
        cargo update -p webpki-roots --precise 1.0.10 &&
        cargo install --locked --path .)
      rm -rf "$src"
    fi
  fi

  # npm tools (wasm-opt from binaryen, terser, playwright-core, axe-core), pinned by package-lock.json.
  if [ ! -f node_modules/.stamp ] || [ package-lock.json -nt node_modules/.stamp ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules/.stamp
  fi
}

install_compressor() {
  # zopfli precompresses the site (scripts/precompress.sh). Without it (no root, no sudo) the
  # build still works, with gzip -9 instead: a warning, not a failure.
  command -v zopfli >/dev/null && return 0
  need_apt+=(zopfli)
  apt_install || log "zopfli could not be installed: the site is precompressed with gzip -9 instead"
  need_apt=()
}

install_browser() {
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
  apt_install
}

install_bench_tools() {
  # Lighthouse (pinned in bench/package-lock.json), in bench/node_modules only: `make test`'s
  # npm ci stays light. It runs on Debian's Chromium (install_browser); never a downloaded browser.
  if [ ! -f bench/node_modules/.stamp ] || [ bench/package-lock.json -nt bench/node_modules/.stamp ]; then
    log "npm ci --prefix bench (Lighthouse)"
    npm ci --prefix bench --no-audit --no-fund --loglevel=error
    touch bench/node_modules/.stamp
  fi
}

case "$WANT" in
  serve) install_build_tools ;;
  build) install_build_tools; install_compressor ;;
  browser | all) install_build_tools; install_compressor; install_browser ;;
  bench) install_build_tools; install_compressor; install_browser; install_bench_tools ;;
  *) echo "usage: $0 [serve|build|browser|bench|all]" >&2; exit 2 ;;
esac
