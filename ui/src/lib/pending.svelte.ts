// One backend call at a time from a panel: `busy` while it runs (buttons disabled), `failure`
// holding the message of the last one that failed, cleared when the next one starts.

import { toIpcError } from "../ipc";

export class Pending {
  busy = $state(false);
  failure = $state<string | null>(null);

  /** Run `work`; its result, or undefined when it failed (the message is in `failure`). */
  async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.failure = null;
    try {
      return await work();
    } catch (err) {
      this.failure = toIpcError(err).message;
      return undefined;
    } finally {
      this.busy = false;
    }
  }
}
