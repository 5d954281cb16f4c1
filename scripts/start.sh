#!/usr/bin/env bash
# Quick start, part one: install what is missing, build Corridor, and launch the app on the
# sample workspace (the example maps are seeded into a new workspace on first launch).
#   CORRIDOR_WORKSPACE=DIR scripts/start.sh   uses another workspace directory
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_deps

printf '\033[1;34m==>\033[0m %s\n' "building the UI and the app (the first build takes a few minutes)"
(cd ui && npm run build)
cargo build -p corridor-app -p corridor-cli --features corridor-app/custom-protocol

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting Corridor under Xvfb (headless). Stop it with Ctrl+C." >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" target/debug/corridor-app
fi
exec target/debug/corridor-app
