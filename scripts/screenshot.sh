#!/usr/bin/env bash
# Retake docs/screenshot.png: the real app under Xvfb, on a fresh workspace, showing the
# largest example's board, light and dark (the WebDriver test opens it and saves the window's
# contents), and
# the Story view and its timeline of the retail example, and the gap views (the board with
# "Show gaps" and the Gaps view's charts) on a workspace whose retail map has a generated dataset
# imported with `corridor import-data`.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build)
cargo build -p corridor-app --features custom-protocol
cargo build -p corridor-cli
(cd tests/e2e && CORRIDOR_SCREENSHOT="$PWD/../../docs/screenshot.png" \
  CORRIDOR_SCREENSHOT_DARK="$PWD/../../docs/board-dark.png" \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test specs/library.test.js)
(cd tests/e2e && CORRIDOR_STORY_SCREENSHOTS="$PWD/../../docs" \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test specs/story.test.js)
# The gap views: a workspace holding the retail example and 2,500 generated events for it (the
# generator of crates/core/src/gap/generate.rs, seed fixed).
GAPWS="$(mktemp -d)"
trap 'rm -rf "$GAPWS"' EXIT
cargo run -q -p corridor-core --example gap_scale -- 2500 "csv-out=$GAPWS/events.csv" >/dev/null
export CORRIDOR_WORKSPACE="$GAPWS/ws"
retail_id="$(target/debug/corridor list | awk '/Northwind/ {print $1; exit}')"
[ -n "$retail_id" ] || retail_id="$(target/debug/corridor import examples/retail-omnichannel.corridor.json | awk '{print $NF; exit}')"
target/debug/corridor import-data "$retail_id" "$GAPWS/events.csv"
unset CORRIDOR_WORKSPACE
(cd tests/e2e && CORRIDOR_GAP_WORKSPACE="$GAPWS/ws" CORRIDOR_GAP_SCREENSHOTS="$PWD/../../docs" \
  xvfb-run -a -s "-screen 0 1440x900x24" node tools/gap-screens.js)
echo "wrote docs/screenshot.png, docs/board-dark.png, docs/story-view.png, docs/story-timeline.png and the gap views (docs/gap-*.png, docs/gaps-view.png)"
