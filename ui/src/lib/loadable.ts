import type { IpcError } from "../ipc";

/** Data fetched from the backend, as a screen sees it over time. */
export type Loadable<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "error"; error: IpcError };
