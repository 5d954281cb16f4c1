// The vote panel against a mocked backend: opening a vote on a stage's pain points, the QR code
// and short link, typed votes (and a refusal shown as it came), closing with a decision.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OpenVote } from "../../ipc/workshop";
import { fixtureIds as ids, fixtureMap } from "../../test/fixtures";
import VotePanel from "./VotePanel.svelte";

const PAIN = "00000000-0000-4000-8000-000000000042";
let calls: { cmd: string; args: Record<string, unknown> }[];
let refuse: string | null;

function openVote(cards: string[], dots: number[]): OpenVote {
  return {
    map: ids.map,
    vote: { id: "vote-1", name: "Which first?", cards, dots_per_person: 3, status: "open", voters: 0, tallies: [], decision: "" },
    tallies: cards.map((card, i) => ({ card, dots: dots[i] ?? 0 })),
    voters: dots.filter((d) => d > 0).length,
    ranking: cards.map((card, i) => ({ rank: 1, card, dots: dots[i] ?? 0 })),
    typed: [],
    room: { url: "http://192.168.1.20:41234/v/0123456789abcdef0123456789abcdef/", qr_svg: "<svg xmlns='http://www.w3.org/2000/svg'/>", loopback_only: false },
  };
}

const applied = (revision: number) => ({ id: ids.map, revision, summary: "x", saved_at: "2026-03-01T09:00:00Z", can_undo: true, can_redo: false });

beforeEach(() => {
  calls = [];
  refuse = null;
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "plugin:event|listen":
        return 1;
      case "plugin:event|unlisten":
        return null;
      case "workshop_status":
        return { vote: null, round: null, interrupted: null, busy_elsewhere: false };
      case "workshop_vote_open":
        return { applied: applied(8), vote: openVote(args.cards as string[], []) };
      case "workshop_vote_type":
        if (refuse) throw { code: "invalid", message: refuse };
        return openVote([PAIN], [args.dots as number]);
      case "workshop_vote_close":
        return applied(9);
      case "workshop_vote_results":
        return [{ rank: 1, card: PAIN, dots: 2 }];
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

const callOf = (cmd: string) => calls.filter((c) => c.cmd === cmd);

describe("VotePanel", () => {
  it("opens a vote on a stage's pain points and shows the room's QR code and link", async () => {
    const onApplied = vi.fn();
    render(VotePanel, { mapId: ids.map, map: fixtureMap, onApplied });
    const stage = await screen.findByRole("combobox", { name: "Stage" });
    await fireEvent.change(stage, { target: { value: ids.purchase } });
    await waitFor(() => expect(screen.getByText(/in the vote$/).textContent).toBe("1 card in the vote"));
    await fireEvent.input(screen.getByLabelText("Dots per person"), { target: { value: "3" } });
    await fireEvent.click(screen.getByRole("button", { name: "Open the vote" }));
    await screen.findByRole("img", { name: /QR code of the voting link 192\.168\.1\.20:41234\/v\// } );
    expect(callOf("workshop_vote_open")[0]!.args).toMatchObject({ map: ids.map, cards: [PAIN], dotsPerPerson: 3 });
    expect(screen.getByText("192.168.1.20:41234/v/0123456789abcdef0123456789abcdef/")).toBeTruthy();
    expect(onApplied).toHaveBeenCalledWith(8);
  });

  it("refuses to open a vote with no cards, saying why, without asking the backend", async () => {
    render(VotePanel, { mapId: ids.map, map: fixtureMap });
    const stage = await screen.findByRole("combobox", { name: "Stage" });
    await fireEvent.change(stage, { target: { value: ids.awareness } });
    await fireEvent.click(screen.getByRole("button", { name: "Open the vote" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/no cards of that kind/);
    expect(callOf("workshop_vote_open")).toHaveLength(0);
  });

  it("types votes, shows a refusal as the backend gave it, and closes with the decision", async () => {
    const onApplied = vi.fn();
    render(VotePanel, { mapId: ids.map, map: fixtureMap, onApplied });
    const stage = await screen.findByRole("combobox", { name: "Stage" });
    await fireEvent.change(stage, { target: { value: ids.purchase } });
    await fireEvent.click(screen.getByRole("button", { name: "Open the vote" }));
    const voter = await screen.findByLabelText("Voter");
    await fireEvent.input(voter, { target: { value: "Ana" } });
    await fireEvent.input(screen.getByLabelText("Dots"), { target: { value: "2" } });
    await fireEvent.click(screen.getByRole("button", { name: "Set dots" }));
    await screen.findByText("Ana: 2 dots on “Unsure about the size”");
    expect(callOf("workshop_vote_type")[0]!.args).toEqual({ map: ids.map, voter: "Ana", card: PAIN, dots: 2 });
    expect(screen.getByRole("list", { name: "Live tally of Which first?" }).textContent).toContain("2 dots");

    refuse = "this device has placed 3 of its 3 dots: 1 more would exceed its budget";
    await fireEvent.input(screen.getByLabelText("Voter"), { target: { value: "Ben" } });
    await fireEvent.input(screen.getByLabelText("Dots"), { target: { value: "3" } });
    await fireEvent.click(screen.getByRole("button", { name: "Set dots" }));
    expect((await screen.findByRole("alert")).textContent).toContain("would exceed its budget");

    await fireEvent.input(screen.getByLabelText("Decision"), { target: { value: "Fix sizing first" } });
    await fireEvent.click(screen.getByRole("button", { name: "Close the vote" }));
    await screen.findByRole("heading", { name: "Result: Which first?" });
    expect(callOf("workshop_vote_close")[0]!.args).toEqual({ map: ids.map, decision: "Fix sizing first" });
    expect(screen.getByText("Fix sizing first")).toBeTruthy();
    expect(onApplied).toHaveBeenLastCalledWith(9);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Close the vote" })).toBeNull());
  });
});
