// The one door to the backend. Architecture invariant: this is the only module that imports the
// generated bindings; components call the functions below and see plain data or an IpcError.

import { getCurrentWindow } from "@tauri-apps/api/window";
import { commands, events } from "../bindings";
import type {
  AppError,
  Applied,
  Change,
  Contact,
  Control,
  CorridorStep_Serialize,
  DatasetInfo_Serialize,
  Department,
  Edit_Deserialize,
  ErrorCode,
  Friction,
  HistoryEntry,
  History_Serialize,
  Item_Deserialize,
  ItemKind,
  JourneyMap_Serialize,
  LaneCard_Serialize,
  LaneKind,
  Lane_Serialize,
  LibraryChange,
  LibraryChanged,
  MapChanged,
  MapDiff,
  MapState_Serialize,
  MapSummary_Serialize,
  Persona_Serialize,
  SalvageReport_Serialize,
  ScoreScale,
  SnapshotInfo_Serialize,
  Stage_Serialize,
  Template,
  TemplateInfo,
  TouchpointChannel,
  Touchpoint_Serialize,
  WorkspaceChanged_Serialize,
  WorkspaceInfo_Serialize,
  ExportKind as ExportKindBinding,
  Opened_Serialize as OpenedBinding,
  RecentFile as RecentFileBinding,
  Written as WrittenBinding,
  Filter_Deserialize as GapFilterBinding,
  GapReport_Serialize,
  PriorityItem as PriorityItemBinding,
  RollUp_Serialize,
  StageReport_Serialize,
  StageStatus as StageStatusBinding,
  TouchpointGap_Serialize,
  VariantReport as VariantReportBinding,
  WindowComparison_Serialize,
  WindowTouchpointChange_Serialize,
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
export type MapState = MapState_Serialize;
export type History = History_Serialize;
export type SnapshotInfo = SnapshotInfo_Serialize;
export type DatasetInfo = DatasetInfo_Serialize;
export type WorkspaceInfo = WorkspaceInfo_Serialize;
export type SalvageReport = SalvageReport_Serialize;
export type WorkspaceChanged = WorkspaceChanged_Serialize;
// What the UI sends (the `_Deserialize` side: fields with defaults may be left out).
export type Edit = Edit_Deserialize;
export type Item = Item_Deserialize;
export type {
  Applied,
  Change,
  Contact,
  Control,
  Department,
  ErrorCode,
  Friction,
  HistoryEntry,
  ItemKind,
  LaneKind,
  LibraryChange,
  LibraryChanged,
  MapChanged,
  MapDiff,
  ScoreScale,
  Template,
  TemplateInfo,
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

/** One map to edit: its content, the revision to make the next edit against, undo and redo. */
export function openMap(id: string): Promise<MapState> {
  return unwrap(() => commands.mapsOpen(id));
}

/** The templates a new map can start from, in the order to offer them. */
export function listTemplates(): Promise<TemplateInfo[]> {
  return unwrap(() => commands.templatesList());
}

/** Store a new map laid out by `template`; an empty title fails with code `invalid`. */
export function createMapFromTemplate(template: Template, title: string): Promise<MapSummary> {
  return unwrap(() => commands.mapsCreateFromTemplate(template, title));
}

/** Store a copy of a map as it is now ("<title> (copy)", no history of its own). */
export function duplicateMap(id: string): Promise<MapSummary> {
  return unwrap(() => commands.mapsDuplicate(id));
}

/** Remove a map with its history and datasets. Cannot be undone: ask first. */
export async function deleteMap(id: string): Promise<void> {
  await unwrap(() => commands.mapsDelete(id));
}

/**
 * Apply an edit made against `baseRevision`. Durable when the promise resolves ("saved"); an
 * edit made against a revision that is no longer the latest fails with code `conflict`.
 */
export function applyEdit(id: string, baseRevision: number, edit: Edit): Promise<Applied> {
  return unwrap(() => commands.mapsEdit(id, baseRevision, edit));
}

/** Undo the map's latest change (`nothing_to_undo` when there is none). */
export function undo(id: string, baseRevision: number): Promise<Applied> {
  return unwrap(() => commands.mapsUndo(id, baseRevision));
}

/** Redo the map's latest undone change (`nothing_to_redo` when there is none). */
export function redo(id: string, baseRevision: number): Promise<Applied> {
  return unwrap(() => commands.mapsRedo(id, baseRevision));
}

/**
 * The edit that removes an item together with whatever points at it (a stage's touchpoints and
 * lane cards, a touchpoint's corridor steps, ...), worked out by the backend on the map as it is
 * now. Changes nothing: send it with `applyEdit`.
 */
export function removalEdit(id: string, kind: ItemKind, itemId: string): Promise<Edit> {
  return unwrap(() => commands.mapsRemoval(id, kind, itemId)) as Promise<Edit>;
}

/** The map's latest `limit` revisions, what undo and redo would do, and its snapshots. */
export function getHistory(id: string, limit = 50): Promise<History> {
  return unwrap(() => commands.historyGet(id, limit));
}

/** The map's snapshots, newest first. */
export function listSnapshots(id: string): Promise<SnapshotInfo[]> {
  return unwrap(() => commands.snapshotsList(id));
}

/** Name the map's current revision ("after the March workshop"). */
export function createSnapshot(id: string, name: string): Promise<SnapshotInfo> {
  return unwrap(() => commands.snapshotsCreate(id, name));
}

/** The map as it was at `revision`, to show read-only. */
export function getRevision(id: string, revision: number): Promise<JourneyMap> {
  return unwrap(() => commands.revisionsGet(id, revision));
}

/** What changed from `revision` to now: touchpoints added, removed, changed, and more. */
export function diffRevision(id: string, revision: number): Promise<MapDiff> {
  return unwrap(() => commands.revisionsDiff(id, revision));
}

/** Put the map back as it was at `revision`; undo takes the restore back. */
export function restoreRevision(id: string, baseRevision: number, revision: number): Promise<Applied> {
  return unwrap(() => commands.revisionsRestore(id, baseRevision, revision));
}

/** The datasets stored beside a map, oldest import first. */
export function listDatasets(mapId: string): Promise<DatasetInfo[]> {
  return unwrap(() => commands.datasetsList(mapId));
}

/** One dataset's description. */
export function getDataset(id: string): Promise<DatasetInfo> {
  return unwrap(() => commands.datasetsGet(id));
}

/** Remove a dataset and its stored bytes. */
export async function deleteDataset(id: string): Promise<void> {
  await unwrap(() => commands.datasetsDelete(id));
}

/** Where the workspace is, and why it did not open if it did not. */
export function workspaceInfo(): Promise<WorkspaceInfo> {
  return unwrap(() => commands.workspaceInfo());
}

/** Open a new, empty workspace beside the one that cannot be opened (left as it is). */
export function openFreshWorkspace(): Promise<WorkspaceInfo> {
  return unwrap(() => commands.workspaceOpenFresh());
}

/** Write every readable map of the workspace as files into a new folder beside it (or `folder`). */
export function salvageWorkspace(folder: string | null = null): Promise<SalvageReport> {
  return unwrap(() => commands.workspaceSalvage(folder));
}

/** This window's label: the `origin` of the changes it makes. */
export function currentWindowLabel(): string {
  return getCurrentWindow().label;
}

/** Stops listening. */
export type Unlisten = () => void;

/** An unlisten that never throws: at teardown the bridge may be gone already. */
function quietly(stop: () => unknown): Unlisten {
  return () => {
    try {
      void Promise.resolve(stop()).catch(() => {});
    } catch {
      // Nothing left to stop.
    }
  };
}

/**
 * Calls `handler` for every change to a map made by another window. This window's own changes
 * (its echo) are left out: it already knows them from the command's answer.
 */
export async function onMapChanged(handler: (change: MapChanged) => void): Promise<Unlisten> {
  const own = currentWindowLabel();
  const stop = await events.mapChanged.listen((event) => {
    if (event.payload.origin !== own) handler(event.payload);
  });
  return quietly(stop);
}

/** Calls `handler` when another window switches the app to another workspace. */
export async function onWorkspaceChanged(handler: (change: WorkspaceChanged) => void): Promise<Unlisten> {
  const own = currentWindowLabel();
  const stop = await events.workspaceChanged.listen((event) => {
    if (event.payload.origin !== own) handler(event.payload);
  });
  return quietly(stop);
}
export * from "./story";
export * from "./workshop";

// Files at paths the user picks in the system's dialogs (the backend opens the dialog; the UI
// never names a path to write).
export type ExportKind = ExportKindBinding;
export type Opened = OpenedBinding;
export type RecentFile = RecentFileBinding;
export type Written = WrittenBinding;

/** Open… a native file into the workspace; `null` when the dialog was cancelled. */
export function openFile(): Promise<Opened | null> {
  return unwrap(() => commands.fileOpen());
}

/** Open one of the recent files again. */
export function openRecentFile(path: string): Promise<Opened> {
  return unwrap(() => commands.fileOpenRecent(path));
}

/** The file the app was started with, once (`null` when there was none). */
export function launchFile(): Promise<Opened | null> {
  return unwrap(() => commands.fileLaunch());
}

/** The files opened or saved lately, newest first. */
export function recentFiles(): Promise<RecentFile[]> {
  return unwrap(() => commands.filesRecent());
}

/** Save As… (`{kind: "native"}`) or export a map through a save dialog; `null` when cancelled. */
export function exportMap(mapId: string, kind: ExportKind): Promise<Written | null> {
  return unwrap(() => commands.mapExport(mapId, kind));
}

/** Calls `handler` when another window adds a map to the workspace or deletes one. */
export async function onLibraryChanged(handler: (change: LibraryChanged) => void): Promise<Unlisten> {
  const own = currentWindowLabel();
  const stop = await events.libraryChanged.listen((event) => {
    if (event.payload.origin !== own) handler(event.payload);
  });
  return quietly(stop);
}

// The gap report: a map held against its observed data (docs/gaps.md), computed off the main
// thread. `null` when the map has no dataset yet.
export type GapFilter = GapFilterBinding;
export type GapReport = GapReport_Serialize;
export type TouchpointGap = TouchpointGap_Serialize;
export type StageReport = StageReport_Serialize;
export type StageStatus = StageStatusBinding;
export type PriorityItem = PriorityItemBinding;
export type RollUp = RollUp_Serialize;
export type VariantReport = VariantReportBinding;
export type WindowComparison = WindowComparison_Serialize;
export type WindowTouchpointChange = WindowTouchpointChange_Serialize;

/** The gap report of `mapId` against all its datasets, read through `filter`. */
export function gapsReport(mapId: string, filter: GapFilter): Promise<GapReport | null> {
  return unwrap(() => commands.gapsReport(mapId, filter));
}

/** Two filters (time windows) of the same data side by side, with the change per touchpoint. */
export function gapsCompare(mapId: string, before: GapFilter, after: GapFilter): Promise<WindowComparison | null> {
  return unwrap(() => commands.gapsCompare(mapId, before, after));
}

// Present mode (docs/workshop.md): the presentation lives in the backend; every window hears
// each change as `PresentChanged`, its own included (news older than what a window shows is
// dropped by the sequence number).
import type {
  CardTag,
  PresentChanged_Serialize,
  PresentView_Serialize,
  Presentation_Serialize,
  SpotlightMove,
  StageMove,
  TimerAction,
  Timer_Serialize,
} from "../bindings";
export type PresentView = PresentView_Serialize;
export type Presentation = Presentation_Serialize;
export type PresentTimer = Timer_Serialize;
export type PresentChanged = PresentChanged_Serialize;
export type { CardTag, SpotlightMove, StageMove, TimerAction };

/** Present `mapId` from the stage at position `stage` (full screen, or on a second display). */
export function presentStart(mapId: string, stage = 0): Promise<PresentView> {
  return unwrap(() => commands.presentStart(mapId, stage));
}

/** The presentation running now, or null. */
export function presentGet(): Promise<PresentView | null> {
  return unwrap(() => commands.presentGet());
}

export function presentGo(to: StageMove): Promise<PresentView> {
  return unwrap(() => commands.presentGo(to));
}

export function presentSpotlight(to: SpotlightMove): Promise<PresentView> {
  return unwrap(() => commands.presentSpotlight(to));
}

export function presentDetails(shown: boolean): Promise<PresentView> {
  return unwrap(() => commands.presentDetails(shown));
}

export function presentBlank(blank: boolean): Promise<PresentView> {
  return unwrap(() => commands.presentBlank(blank));
}

export function presentTimer(action: TimerAction): Promise<PresentView> {
  return unwrap(() => commands.presentTimer(action));
}

/** Note a lane card captured while presenting (its edit has landed), for the workshop summary. */
export function presentCaptured(card: string): Promise<PresentView> {
  return unwrap(() => commands.presentCaptured(card));
}

/** Open or close the audience window. */
export function presentAudience(open: boolean): Promise<PresentView> {
  return unwrap(() => commands.presentAudience(open));
}

/** This window into full screen, or out of it; whether it is now. */
export function presentFullscreen(): Promise<boolean> {
  return unwrap(() => commands.presentFullscreen());
}

/** Leave present mode (every present window goes back to the board or closes). */
export async function presentStop(): Promise<void> {
  await unwrap(() => commands.presentStop());
}

/** Calls `handler` for every change to the presentation, this window's own included. */
export async function onPresentChanged(handler: (change: PresentChanged) => void): Promise<Unlisten> {
  const stop = await events.presentChanged.listen((event) => handler(event.payload as PresentChanged));
  return quietly(stop);
}
export * from "./imports";
