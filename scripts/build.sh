#!/usr/bin/env bash
# Release build of the static site into dist/ (wasm-opt included), with precompressed .gz files
# beside the assets. Tools come from scripts/tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# Trunk builds offline (Trunk.toml), so the crates must be in cargo's cache first.
cargo fetch --locked >/dev/null
trunk build --release
# Trunk minifies the CSS and HTML but not wasm-bindgen's JS glue: terser (npm, pinned) does, about
# 1.5 KB less over the wire. The page's glue is an ES module (its exports keep their names); the
# worker's is a classic script whose global `wasm_bindgen` the loader calls, so its top level is
# left as it is (as are sw.js's and embed.js's).
for js in dist/*.js; do
  case "$js" in
    # Classic scripts: the workers' glue, the service worker, and embed.js (which runs in
    # partners' pages, inside a function of its own).
    *worker*|*tools*|*/sw.js|*/embed.js) mode=() ;;
    *) mode=(--module) ;;
  esac
  terser "$js" "${mode[@]}" --compress --mangle --output "$js.min" && mv "$js.min" "$js"
done
scripts/precompress.sh dist
