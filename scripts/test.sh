#!/usr/bin/env bash
# Quick start, part two: every test Corridor has. Installs what is missing first.
# Order: the fastest checks first, so a mistake shows early.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n\033[1;34m==> %s\033[0m  (%ss)\n' "$*" "$(($(date +%s) - start))"; }

source scripts/lib.sh
# A CI run builds everything once: incremental compilation data would only cost time and disk.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi
ensure_deps
features=(--features corridor-app/custom-protocol)

step "rustfmt"
cargo fmt --all -- --check

step "UI: install, type-check (svelte-check), unit tests (vitest), build"
(cd ui && npm run check && npm test && npm run build)

step "clippy -D warnings"
cargo clippy --workspace --all-targets "${features[@]}" -- -D warnings

step "Rust tests (with the bindings and JSON Schema freshness checks)"
cargo test --workspace "${features[@]}"

step "the built UI in Chromium, IPC mocked (Playwright)"
(cd ui && npm run test:e2e)

step "the real app through tauri-driver and WebKitWebDriver, under Xvfb"
# `cargo test` above built target/debug/corridor-app (the app's integration tests need it) with
# the UI embedded; it is reused as is. A `cargo build` here would resolve features without the
# dev-dependencies and recompile part of the Tauri tree for nothing.
test -x target/debug/corridor-app || { echo "target/debug/corridor-app is missing" >&2; exit 1; }
if [ ! -x target/tools/bin/tauri-driver ]; then
  cargo install tauri-driver --locked --version 2.1.0 --root target/tools
fi
ensure_npm tests/e2e
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x800x24" npm test)

step "all tests passed in $(($(date +%s) - start)) s"
