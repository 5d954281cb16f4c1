#!/usr/bin/env bash
# Retake docs/screenshot.png and the other pictures in docs/: the real app under Xvfb, on a fresh workspace, showing the
# largest example's board, light and dark (the WebDriver test opens it and saves the window's
# contents), and
# the Story view and its timeline of the retail example, and present mode's two windows.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build)
cargo build -p corridor-app --features custom-protocol
(cd tests/e2e && CORRIDOR_SCREENSHOT="$PWD/../../docs/screenshot.png" \
  CORRIDOR_SCREENSHOT_DARK="$PWD/../../docs/board-dark.png" \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test specs/library.test.js)
(cd tests/e2e && CORRIDOR_STORY_SCREENSHOTS="$PWD/../../docs" \
  xvfb-run -a -s "-screen 0 1280x800x24" node --test specs/story.test.js)
# Present mode: the audience window (1280x720, light, and dark with details) and the presenter
# view beside it.
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x800x24" node present-shots.js "$PWD/../../docs")
echo "wrote docs/screenshot.png, docs/board-dark.png, docs/story-view.png, docs/story-timeline.png,"
echo "docs/present-audience.png, docs/present-audience-dark.png and docs/present-presenter.png"
