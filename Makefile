# The two commands a new user needs: `make serve` and `make test`. Each installs what it needs
# first (pinned, idempotent: see scripts/tools.sh), so they work on a fresh machine.
.PHONY: serve build test test-core test-browser bench tools clean

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# Trunk never downloads a tool (Trunk.toml sets offline and pins versions); this stops its
# update check against crates.io as well.
export TRUNK_SKIP_VERSION_CHECK := true

## serve: build and serve the agenda with its default programme on http://127.0.0.1:8080
serve:
	scripts/tools.sh serve
	cargo fetch --locked
	trunk serve --address 127.0.0.1 --port 8080

## build: the deployable static site, release build with wasm-opt, in dist/
build:
	scripts/tools.sh build
	scripts/build.sh

## test: every test: the pure core natively, then the built site in a real Chromium
test:
	scripts/test.sh

test-core:
	cargo test --locked -p agenda-core -p agenda-view -p agenda
	cargo test --locked -p agenda-check
	cargo test --locked -p agenda --no-default-features --features ssr --lib

test-browser: build
	scripts/tools.sh browser
	node --test --test-concurrency=1 tests/e2e/

## bench: sizes, render times, interactions, long tasks, memory and Lighthouse, beside the
## plain-JS agenda (not a test). BENCH_ARGS="--quick" for one run, "--strict" to fail on a miss.
bench:
	scripts/tools.sh bench
	scripts/build.sh
	node bench/bench.mjs $(BENCH_ARGS)

tools:
	scripts/tools.sh all

clean:
	rm -rf dist target
