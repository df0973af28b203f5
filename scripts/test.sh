#!/usr/bin/env bash
# Every test of the agenda: rustfmt and clippy (warnings are errors), the pure core natively
# (cargo test), then the release site in Debian's Chromium (node --test with playwright-core).
# Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

scripts/tools.sh all
cargo fetch --locked >/dev/null

echo "== lints: rustfmt and clippy"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings

echo "== core: cargo test"
# The app's crate in the browser's build (csr) and as agenda-check draws the page with it (ssr):
# two builds, never one (leptos runs effects in the first, which need the browser's executor).
cargo test --locked -p agenda-core -p agenda-view -p agenda
cargo test --locked -p agenda-check
cargo test --locked -p agenda --no-default-features --features ssr --lib

echo "== site: release build"
scripts/build.sh

echo "== browser: end-to-end tests in Chromium"
node --test --test-concurrency=1 tests/e2e/
