// Dot votes as the UI shows them: which cards a vote can be opened on, each card's text, the
// dots to draw on the board, the ranked results. The counting itself is the backend's
// (crates/core/src/workshop/vote.rs); this only reads what it sent.

import type { JourneyMap, LaneKind } from "../ipc";
import type { OpenVote, Ranked, Tally } from "../ipc/workshop";

/** A card a vote can name: a lane card or a touchpoint. */
export interface VoteCard {
  id: string;
  text: string;
  stage: string;
  stageName: string;
  /** The lane's title, or "Touchpoints". */
  laneTitle: string;
  laneKind: LaneKind;
}

/** Ready-made choices of cards for a new vote. */
export type Preset = "stage_pains" | "opportunities" | "chosen";

/** Every card of the map a vote can name, in stage order, touchpoints first in each stage. */
export function voteCards(map: JourneyMap): VoteCard[] {
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const out: VoteCard[] = [];
  for (const stage of map.stages) {
    for (const tp of map.touchpoints) {
      if (tp.stage !== stage.id) continue;
      out.push({ id: tp.id, text: tp.title, stage: stage.id, stageName: stage.name, laneTitle: "Touchpoints", laneKind: "touchpoints" });
    }
    for (const card of map.lane_cards) {
      if (card.stage !== stage.id) continue;
      const lane = lanes.get(card.lane);
      if (!lane) continue;
      out.push({ id: card.id, text: card.text, stage: stage.id, stageName: stage.name, laneTitle: lane.title, laneKind: lane.kind });
    }
  }
  return out;
}

/** The cards of a preset: a stage's pain points, or every opportunity of the map. */
export function presetCards(map: JourneyMap, preset: Preset, stage: string | null): string[] {
  const cards = voteCards(map);
  if (preset === "stage_pains") return cards.filter((c) => c.laneKind === "pain_points" && c.stage === stage).map((c) => c.id);
  if (preset === "opportunities") return cards.filter((c) => c.laneKind === "opportunities").map((c) => c.id);
  return [];
}

/** The card's text as the map has it now ("(card removed)" when it is gone). */
export function cardText(map: JourneyMap, id: string): string {
  const card = map.lane_cards.find((c) => c.id === id);
  if (card) return card.text;
  const tp = map.touchpoints.find((t) => t.id === id);
  return tp ? tp.title : "(card removed)";
}

/**
 * The dots to draw on the board's cards: the open vote's live tally when one runs, otherwise
 * the latest closed vote's. Cards without a dot are left out.
 */
export function boardDots(map: JourneyMap, live: OpenVote | null): ReadonlyMap<string, number> {
  let tallies: Tally[] = [];
  if (live) {
    tallies = live.tallies;
  } else {
    const closed = (map.votes ?? []).filter((v) => v.status === "closed");
    tallies = closed.length > 0 ? closed[closed.length - 1]!.tallies : [];
  }
  // The same dots for the same tallies: an edit that leaves the votes alone hands the board the
  // same object, so no card draws its dots again.
  let dots = dotsCache.get(tallies);
  if (!dots) {
    const made = new Map(tallies.filter((t) => t.dots > 0).map((t) => [t.card, t.dots]));
    dots = made.size === 0 ? NO_DOTS : made;
    dotsCache.set(tallies, dots);
  }
  return dots;
}

const NO_DOTS: ReadonlyMap<string, number> = new Map();
const dotsCache = new WeakMap<Tally[], ReadonlyMap<string, number>>();

/** A row of a ranked result. */
export interface ResultRow {
  rank: number;
  card: string;
  text: string;
  dots: number;
  /** The share of the leader's dots, 0 to 1 (for the bar). */
  share: number;
}

/** The ranked results with each card's text. */
export function resultRows(map: JourneyMap, ranking: Ranked[]): ResultRow[] {
  const top = ranking.reduce((m, r) => Math.max(m, r.dots), 0);
  return ranking.map((r) => ({ rank: r.rank, card: r.card, text: cardText(map, r.card), dots: r.dots, share: top > 0 ? r.dots / top : 0 }));
}

/** "1 dot", "3 dots". */
export function dotsText(n: number): string {
  return n === 1 ? "1 dot" : `${n} dots`;
}

/** "1 voter", "3 voters". */
export function votersText(n: number): string {
  return n === 1 ? "1 voter" : `${n} voters`;
}

/** The URL without its scheme, for reading aloud and typing. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, "");
}
