// The import wizard's backend (src-tauri/src/commands/imports.rs): a data file staged from the
// dialog or from a drop, previewed, imported with progress and cancel, then its unmatched names
// and the edit that confirms aliases. The UI never names a path: a staged file is a token.

import { commands, events } from "../bindings";
import type {
  AppError,
  BadRow_Serialize,
  BlindSpots_Serialize,
  ColumnMapping_Serialize,
  ConfirmedAlias,
  DataFormat,
  DatasetKind,
  DatasetsChanged,
  DateOrder,
  Edit_Serialize,
  ImportPhase,
  ImportPreview_Serialize,
  ImportProgress,
  ImportSettings_Serialize,
  Imported_Serialize,
  StagedFile,
  UnmatchedName_Serialize,
} from "../bindings";
import { IpcError, toIpcError } from "./index";

export type ImportPreview = ImportPreview_Serialize;
export type ImportSettings = ImportSettings_Serialize;
export type ColumnMapping = ColumnMapping_Serialize;
export type Imported = Imported_Serialize;
export type BadRow = BadRow_Serialize;
export type BlindSpots = BlindSpots_Serialize;
export type UnmatchedName = UnmatchedName_Serialize;
export type {
  ConfirmedAlias,
  DataFormat,
  DatasetKind,
  DatasetsChanged,
  DateOrder,
  ImportPhase,
  ImportProgress,
  StagedFile,
};

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

async function unwrap<T>(call: () => Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await call();
  } catch (err) {
    throw toIpcError(err);
  }
  if (result.status === "ok") return result.data;
  throw toIpcError(result.error);
}

/** Pick a data file in the system's dialog; `null` when the dialog was cancelled. */
export function pickDataFile(): Promise<StagedFile | null> {
  return unwrap(() => commands.importPick());
}

/** The size of one piece of a dropped file sent to the backend: 4 MiB. */
export const UPLOAD_PIECE = 4 << 20;

function base64(bytes: Uint8Array): string {
  const withNative = bytes as Uint8Array & { toBase64?: () => string };
  if (typeof withNative.toBase64 === "function") return withNative.toBase64();
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/**
 * Hand a dropped file to the backend (its bytes, in pieces: a drop gives the webview no path).
 * `onSent` hears the bytes sent so far.
 */
export async function uploadDroppedFile(file: File, onSent?: (sent: number) => void): Promise<StagedFile> {
  const staged = await unwrap(() => commands.importUploadBegin(file.name, file.size));
  let offset = 0;
  while (offset < file.size) {
    const piece = new Uint8Array(await file.slice(offset, offset + UPLOAD_PIECE).arrayBuffer());
    if (piece.length === 0) throw new IpcError("file_system", `${file.name} could not be read to its end.`);
    offset = await unwrap(() => commands.importUploadChunk(staged.file, offset, base64(piece)));
    onSent?.(offset);
  }
  return staged;
}

/** The first rows of a staged file with its layout and suggested settings (or `settings`'). */
export function previewImport(file: string, settings: ImportSettings | null = null): Promise<ImportPreview> {
  return unwrap(() => commands.importPreviewFile(file, settings)) as Promise<ImportPreview>;
}

/** Import a staged file beside a map; `importProgress` events tell how far it is. */
export function runImport(file: string, mapId: string, name: string, settings: ImportSettings): Promise<Imported> {
  return unwrap(() => commands.importRun(file, mapId, name, settings));
}

/** Ask a running import to stop (it then fails with code `cancelled`, storing nothing). */
export async function cancelImport(file: string): Promise<void> {
  await unwrap(() => commands.importCancel(file));
}

/** Forget a staged file (a dropped file's bytes are removed). */
export async function discardImport(file: string): Promise<void> {
  await unwrap(() => commands.importDiscard(file));
}

/** The map's unmatched observed names with counts and suggestions; `null` without datasets. */
export function unmatchedNames(mapId: string): Promise<BlindSpots | null> {
  return unwrap(() => commands.datasetsUnmatched(mapId));
}

/** The edit that confirms each name as an alias of its touchpoint (`null`: nothing changes). */
export function aliasesEdit(mapId: string, confirmed: ConfirmedAlias[]): Promise<Edit_Serialize | null> {
  return unwrap(() => commands.aliasesEdit(mapId, confirmed));
}

/** Calls `handler` with the progress of imports run from this window. */
export async function onImportProgress(handler: (file: string, progress: ImportProgress) => void): Promise<() => void> {
  const stop = await events.importProgressed.listen((event) => handler(event.payload.file, event.payload.progress));
  return () => {
    try {
      void Promise.resolve(stop()).catch(() => {});
    } catch {
      // The bridge is gone already.
    }
  };
}

/** Calls `handler` whenever a map's datasets change (an import, a deletion), in any window. */
export async function onDatasetsChanged(handler: (change: DatasetsChanged) => void): Promise<() => void> {
  const stop = await events.datasetsChanged.listen((event) => handler(event.payload));
  return () => {
    try {
      void Promise.resolve(stop()).catch(() => {});
    } catch {
      // The bridge is gone already.
    }
  };
}
