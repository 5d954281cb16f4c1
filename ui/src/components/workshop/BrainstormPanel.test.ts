// The private round's panel against a mocked backend: opened for a stage and lane, only the
// count shown (never an idea), the reveal sent by the facilitator and the board reloaded.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fixtureIds as ids, fixtureMap } from "../../test/fixtures";
import BrainstormPanel from "./BrainstormPanel.svelte";

let calls: { cmd: string; args: Record<string, unknown> }[];
let listeners: Map<string, number>;

beforeEach(() => {
  calls = [];
  listeners = new Map();
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "plugin:event|listen":
        listeners.set(String(args.event), Number(args.handler));
        return 1;
      case "plugin:event|unlisten":
        return null;
      case "workshop_status":
        return { vote: null, round: null, interrupted: null, busy_elsewhere: false };
      case "workshop_round_open":
        return {
          map: ids.map,
          stage: args.stage,
          lane: args.lane,
          prompt: args.prompt,
          count: 0,
          room: { url: "http://10.0.0.5:5000/v/00112233445566778899aabbccddeeff/", qr_svg: "<svg xmlns='http://www.w3.org/2000/svg'/>", loopback_only: false },
        };
      case "workshop_round_reveal":
        return { id: ids.map, revision: 12, summary: "x", saved_at: "2026-03-01T09:00:00Z", can_undo: true, can_redo: false };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("BrainstormPanel", () => {
  it("opens a round, shows only the count as ideas arrive, and reveals", async () => {
    const onApplied = vi.fn();
    render(BrainstormPanel, { mapId: ids.map, map: fixtureMap, stage: ids.purchase, onApplied });
    const openButton = (await screen.findByRole("button", { name: "Open the round" })) as HTMLButtonElement;
    await waitFor(() => expect(openButton.disabled).toBe(false));
    await fireEvent.click(openButton);
    await screen.findByRole("img", { name: /QR code of the brainstorm link 10\.0\.0\.5:5000\/v\// });
    const open = calls.find((c) => c.cmd === "workshop_round_open")!.args;
    expect(open).toMatchObject({ map: ids.map, stage: ids.purchase, lane: ids.lanePains });
    expect(screen.getByTestId("idea-count").textContent).toBe("0");

    // The backend's event carries a count, and the panel shows it.
    const handler = listeners.get("ideas-changed");
    expect(handler).toBeDefined();
    (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, p: unknown) => void } }).__TAURI_INTERNALS__.runCallback(handler!, {
      event: "ideas-changed",
      id: 0,
      payload: { map: ids.map, count: 3 },
    });
    await screen.findByText("3");
    expect(screen.getByRole("status").textContent).toMatch(/3 ideas in, hidden until the reveal/);

    await fireEvent.click(screen.getByRole("button", { name: "Reveal the ideas" }));
    await screen.findByText("3 ideas revealed onto the board.");
    expect(onApplied).toHaveBeenCalledWith(12);
    expect(calls.filter((c) => c.cmd === "workshop_round_reveal")).toHaveLength(1);
  });
});
