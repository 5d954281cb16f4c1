import { describe, expect, it } from "vitest";
import type { JourneyMap } from "../ipc";
import type { OpenVote } from "../ipc/workshop";
import { fixtureIds as ids, fixtureMap } from "../test/fixtures";
import { boardDots, cardText, dotsText, presetCards, resultRows, shortUrl, voteCards } from "./vote";

const PAIN = "00000000-0000-4000-8000-000000000042";
const ACTION = "00000000-0000-4000-8000-000000000041";

function withVotes(): JourneyMap {
  const map = structuredClone(fixtureMap);
  map.votes = [
    { id: "v1", name: "Old", cards: [PAIN, ids.ad], dots_per_person: 2, status: "closed", voters: 2, tallies: [{ card: PAIN, dots: 1 }, { card: ids.ad, dots: 3 }], decision: "" },
    { id: "v2", name: "Newer", cards: [ACTION, ids.ad], dots_per_person: 2, status: "closed", voters: 1, tallies: [{ card: ACTION, dots: 2 }, { card: ids.ad, dots: 0 }], decision: "" },
    { id: "v3", name: "Open", cards: [PAIN], dots_per_person: 2, status: "open", voters: 0, tallies: [], decision: "" },
  ];
  return map;
}

describe("vote cards", () => {
  it("lists touchpoints then lane cards, stage by stage, with their lane", () => {
    const cards = voteCards(fixtureMap);
    const purchase = cards.filter((c) => c.stage === ids.purchase).map((c) => [c.id, c.laneTitle]);
    expect(purchase).toEqual([
      [ids.page, "Touchpoints"],
      [ids.checkout, "Touchpoints"],
      [PAIN, "Pain points"],
      ["00000000-0000-4000-8000-000000000043", "Backstage"],
    ]);
    expect(cards[0]!.stage).toBe(ids.awareness);
    expect(cards).toHaveLength(fixtureMap.touchpoints.length + fixtureMap.lane_cards.length);
  });

  it("picks a stage's pain points, or none for a stage without", () => {
    expect(presetCards(fixtureMap, "stage_pains", ids.purchase)).toEqual([PAIN]);
    expect(presetCards(fixtureMap, "stage_pains", ids.awareness)).toEqual([]);
    expect(presetCards(fixtureMap, "opportunities", null)).toEqual([]);
    expect(presetCards(fixtureMap, "chosen", ids.purchase)).toEqual([]);
  });

  it("names a card by its text or title, and says when it is gone", () => {
    expect(cardText(fixtureMap, PAIN)).toBe("Unsure about the size");
    expect(cardText(fixtureMap, ids.checkout)).toBe("Checkout");
    expect(cardText(fixtureMap, "nope")).toBe("(card removed)");
  });
});

describe("dots on the board", () => {
  it("draws the latest closed vote's dots, leaving out cards without one", () => {
    expect([...boardDots(withVotes(), null)]).toEqual([[ACTION, 2]]);
    expect(boardDots(fixtureMap, null).size).toBe(0);
    // An edit that leaves the votes alone gives the board the same dots (nothing draws again).
    const map = withVotes();
    expect(boardDots({ ...map, title: "Renamed" }, null)).toBe(boardDots(map, null));
    expect(boardDots({ ...fixtureMap, title: "Renamed" }, null)).toBe(boardDots(fixtureMap, null));
  });

  it("draws the open vote's live tally while it runs", () => {
    const live = { tallies: [{ card: PAIN, dots: 4 }] } as unknown as OpenVote;
    expect([...boardDots(withVotes(), live)]).toEqual([[PAIN, 4]]);
  });
});

describe("results", () => {
  it("keeps the backend's ranks and sizes the bars against the leader", () => {
    const rows = resultRows(fixtureMap, [
      { rank: 1, card: ids.ad, dots: 4 },
      { rank: 2, card: PAIN, dots: 2 },
      { rank: 2, card: ids.checkout, dots: 2 },
      { rank: 4, card: ids.call, dots: 0 },
    ]);
    expect(rows.map((r) => [r.rank, r.text, r.share])).toEqual([
      [1, "Spring campaign", 1],
      [2, "Unsure about the size", 0.5],
      [2, "Checkout", 0.5],
      [4, fixtureMap.touchpoints.find((t) => t.id === ids.call)!.title, 0],
    ]);
    expect(resultRows(fixtureMap, [{ rank: 1, card: PAIN, dots: 0 }])[0]!.share).toBe(0);
  });

  it("words counts and links", () => {
    expect(dotsText(1)).toBe("1 dot");
    expect(dotsText(0)).toBe("0 dots");
    expect(shortUrl("http://192.168.1.20:41234/v/abc/")).toBe("192.168.1.20:41234/v/abc/");
  });
});
