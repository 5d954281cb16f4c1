// Workshop mode (src-tauri/src/commands/workshop.rs): dot votes served to the phones by the room
// server or typed on the laptop, private brainstorm rounds, and the workshop's end. What lands in
// the map comes back as `Applied`: the caller reloads its map to that revision.

import { commands, events } from "../bindings";
import type {
  AppError,
  Applied,
  IdeasChanged,
  InterruptedVote_Serialize,
  OpenRound,
  OpenVote_Serialize,
  Ranked,
  RoomInfo,
  SnapshotInfo_Serialize,
  Tally,
  TypedVoter,
  VoteOpened_Serialize,
  Vote_Serialize,
  WorkshopStatus_Serialize,
  Written,
} from "../bindings";
import { toIpcError } from "./index";

export type Vote = Vote_Serialize;
export type OpenVote = OpenVote_Serialize;
export type InterruptedVote = InterruptedVote_Serialize;
export type WorkshopStatus = WorkshopStatus_Serialize;
export type VoteOpened = VoteOpened_Serialize;
export type { IdeasChanged, OpenRound, Ranked, RoomInfo, Tally, TypedVoter };

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

async function call<T>(run: () => Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await run();
  } catch (err) {
    throw toIpcError(err);
  }
  if (result.status === "ok") return result.data;
  throw toIpcError(result.error);
}

/** What runs for the map's workshop: an open vote, an open round, an interrupted vote. */
export function workshopStatus(map: string): Promise<WorkshopStatus> {
  return call(() => commands.workshopStatus(map));
}

/** Mark the start of the map's workshop (its summary lists what is captured from then on). */
export function startWorkshop(map: string): Promise<null> {
  return call(() => commands.workshopStart(map));
}

/** Open a dot vote on `cards`; the room server starts. */
export function openVote(map: string, name: string, cards: string[], dotsPerPerson: number): Promise<VoteOpened> {
  return call(() => commands.workshopVoteOpen(map, name, cards, dotsPerPerson));
}

/** Set the dots `voter` (named on the laptop) has on `card`. */
export function typeVote(map: string, voter: string, card: string, dots: number): Promise<OpenVote> {
  return call(() => commands.workshopVoteType(map, voter, card, dots));
}

/** Close the open vote with the decision noted; the room server stops. */
export function closeVote(map: string, decision: string): Promise<Applied> {
  return call(() => commands.workshopVoteClose(map, decision));
}

/** Take up an interrupted vote again with the dots its journal kept. */
export function resumeVote(map: string): Promise<OpenVote> {
  return call(() => commands.workshopVoteResume(map));
}

/** A closed vote's result, most dots first (ties share a rank). */
export function voteResults(map: string, vote: string): Promise<Ranked[]> {
  return call(() => commands.workshopVoteResults(map, vote));
}

/** Open a private brainstorm round for a stage and lane; the room server starts. */
export function openRound(map: string, stage: string, lane: string, prompt: string): Promise<OpenRound> {
  return call(() => commands.workshopRoundOpen(map, stage, lane, prompt));
}

/** Reveal the open round: its ideas land as lane cards without author. */
export function revealRound(map: string): Promise<Applied> {
  return call(() => commands.workshopRoundReveal(map));
}

/** End the workshop: a named snapshot of the map. */
export function endWorkshop(map: string, name: string): Promise<SnapshotInfo_Serialize> {
  return call(() => commands.workshopEnd(map, name));
}

/** The workshop summary as Markdown. */
export function workshopSummary(map: string): Promise<string> {
  return call(() => commands.workshopSummary(map));
}

/** Save the workshop summary through the save dialog; `null` when cancelled. */
export function exportWorkshopSummary(map: string): Promise<Written | null> {
  return call(() => commands.workshopSummaryExport(map));
}

type Stop = () => void;

function quiet(stop: () => unknown): Stop {
  return () => {
    try {
      void Promise.resolve(stop()).catch(() => {});
    } catch {
      // Nothing left to stop.
    }
  };
}

/** Calls `handler` with the open vote each time its tally changes (a phone, a typed vote). */
export async function onVoteChanged(handler: (vote: OpenVote) => void): Promise<Stop> {
  return quiet(await events.voteChanged.listen((e) => handler(e.payload.vote as OpenVote)));
}

/** Calls `handler` with the idea count of the open round each time an idea arrives. */
export async function onIdeasChanged(handler: (change: IdeasChanged) => void): Promise<Stop> {
  return quiet(await events.ideasChanged.listen((e) => handler(e.payload)));
}
