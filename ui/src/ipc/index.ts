// The one door to the backend. Architecture invariant: this is the only module that imports the
// generated bindings; components call the functions below and see plain data or an IpcError.

import { commands } from "../bindings";
import type {
  AppError,
  Contact,
  Control,
  CorridorStep_Serialize,
  Department,
  ErrorCode,
  Friction,
  JourneyMap_Serialize,
  LaneCard_Serialize,
  LaneKind,
  Lane_Serialize,
  MapSummary_Serialize,
  Persona_Serialize,
  ScoreScale,
  Stage_Serialize,
  TouchpointChannel,
  Touchpoint_Serialize,
} from "../bindings";

// The shapes the backend sends (the `_Serialize` side: every field present).
export type JourneyMap = JourneyMap_Serialize;
export type MapSummary = MapSummary_Serialize;
export type Stage = Stage_Serialize;
export type Touchpoint = Touchpoint_Serialize;
export type Lane = Lane_Serialize;
export type LaneCard = LaneCard_Serialize;
export type CorridorStep = CorridorStep_Serialize;
export type Persona = Persona_Serialize;
export type {
  Contact,
  Control,
  Department,
  ErrorCode,
  Friction,
  LaneKind,
  ScoreScale,
  TouchpointChannel,
};

/** `ipc_failure`: the backend could not be reached or answered with something unexpected. */
export type IpcErrorCode = ErrorCode | "ipc_failure";

/** An error from a backend command, with the code the UI branches on. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = "IpcError";
    this.code = code;
  }
}

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.message === "string";
}

/** Turns whatever a failed call produced into an IpcError. */
export function toIpcError(value: unknown): IpcError {
  if (value instanceof IpcError) return value;
  if (isAppError(value)) return new IpcError(value.code, value.message);
  if (value instanceof Error) return new IpcError("ipc_failure", value.message);
  if (typeof value === "string" && value.trim() !== "") return new IpcError("ipc_failure", value);
  return new IpcError("ipc_failure", "The backend gave no answer that Corridor understands.");
}

async function unwrap<T>(call: () => Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await call();
  } catch (err) {
    // The bindings rethrow JavaScript errors (no Tauri runtime, a broken bridge).
    throw toIpcError(err);
  }
  if (result.status === "ok") return result.data;
  throw toIpcError(result.error);
}

/** Every map in the workspace, most recently saved first. */
export function listMaps(): Promise<MapSummary[]> {
  return unwrap(() => commands.mapsList());
}

/** One map, whole. */
export function getMap(id: string): Promise<JourneyMap> {
  return unwrap(() => commands.mapsGet(id));
}
