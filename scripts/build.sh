#!/usr/bin/env bash
# Release build of the static site into dist/ (wasm-opt included), with precompressed .gz files
# beside the assets, and the default programme's first view pre-rendered into index.html. Tools
# come from scripts/tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# Trunk builds offline (Trunk.toml), so the crates must be in cargo's cache first.
cargo fetch --locked >/dev/null
trunk build --release
# scripts/post-build.mjs (Trunk's hook) has minified the scripts with terser and named every
# script, wasm and stylesheet after its final content: nothing below changes a file served.
scripts/precompress.sh dist
# Last: the page's pre-rendered first view, drawn natively by the app's components, with what
# depends on it (index.html, programme.json, sw.js's version and their .gz): the very command a
# publisher runs for a new programme (README, "Publishing a new programme").
cargo run --locked --offline --quiet -p agenda-check -- --publish public/programme.json dist
