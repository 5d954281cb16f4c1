// What the File menu needs to know of the screen around it, without props threaded through
// components it does not own: the map on screen, and how to open another one.

import type { MapSummary } from "../ipc";

export const session = $state<{ mapId: string | null; notice: string | null }>({ mapId: null, notice: null });

/** The File menu's last message, carried over to the menu of the map it opened. */
export function takeNotice(): string | null {
  const notice = session.notice;
  session.notice = null;
  return notice;
}

let opener: ((summary: MapSummary) => void) | null = null;

/** App registers how a map is opened; the File menu calls `openInApp`. */
export function setOpener(open: ((summary: MapSummary) => void) | null) {
  opener = open;
}

export function openInApp(summary: MapSummary) {
  opener?.(summary);
}
