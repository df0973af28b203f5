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
# scripts/post-build.mjs (Trunk's hook) has minified the scripts with terser and named every
# script, wasm and stylesheet after its final content: nothing below changes a file served.
scripts/precompress.sh dist
