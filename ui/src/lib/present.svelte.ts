// The presentation as this window knows it: the backend's `PresentView`, kept in step through
// `PresentChanged` (news older than what is shown is dropped by its sequence number), and a
// clock for the timer that ticks only while it runs. Every change is a command; the window shows
// the backend's answer.

import * as ipc from "../ipc";
import type { IpcError, PresentView, SpotlightMove, StageMove, TimerAction } from "../ipc";

/** The present commands this store calls (the ipc module; tests pass their own). */
export type PresentBackend = Pick<
  typeof ipc,
  | "presentStart"
  | "presentGet"
  | "presentGo"
  | "presentSpotlight"
  | "presentDetails"
  | "presentBlank"
  | "presentTimer"
  | "presentCaptured"
  | "presentAudience"
  | "presentFullscreen"
  | "presentStop"
>;

export class PresentSession {
  view = $state.raw<PresentView | null>(null);
  /** The latest refusal or failure, for people, until the next command succeeds. */
  error = $state.raw<IpcError | null>(null);
  /** The clock the timer reads (ms since the epoch); ticks while the timer runs. */
  now = $state(Date.now());

  private seq = 0;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private readonly backend: PresentBackend;

  constructor(backend: PresentBackend = ipc) {
    this.backend = backend;
  }

  /** Take news of the presentation, unless it is older than what is shown. */
  take(view: PresentView | null, seq: number) {
    if (seq < this.seq) return;
    this.seq = seq;
    this.view = view;
    this.now = Date.now();
    this.tick();
  }

  /**
   * Read the presentation from the backend (a window that opens while it runs). A failure here
   * only means none is known: nothing to show, and the next command says what is wrong.
   */
  async load(): Promise<void> {
    try {
      const view = await this.backend.presentGet();
      this.take(view, view?.seq ?? this.seq);
    } catch {
      // No presentation to join.
    }
  }

  private async run(call: () => Promise<PresentView>): Promise<boolean> {
    try {
      const view = await call();
      this.error = null;
      this.take(view, view.seq);
      return true;
    } catch (err) {
      this.error = ipc.toIpcError(err);
      return false;
    }
  }

  start(mapId: string, stage = 0): Promise<boolean> {
    return this.run(() => this.backend.presentStart(mapId, stage));
  }

  go(to: StageMove): Promise<boolean> {
    return this.run(() => this.backend.presentGo(to));
  }

  spotlight(to: SpotlightMove): Promise<boolean> {
    return this.run(() => this.backend.presentSpotlight(to));
  }

  details(shown: boolean): Promise<boolean> {
    return this.run(() => this.backend.presentDetails(shown));
  }

  /** Blank the audience's screen, or show it again. */
  blank(on: boolean): Promise<boolean> {
    return this.run(() => this.backend.presentBlank(on));
  }

  timer(action: TimerAction): Promise<boolean> {
    return this.run(() => this.backend.presentTimer(action));
  }

  captured(card: string): Promise<boolean> {
    return this.run(() => this.backend.presentCaptured(card));
  }

  audience(open: boolean): Promise<boolean> {
    return this.run(() => this.backend.presentAudience(open));
  }

  async toggleFullscreen(): Promise<void> {
    try {
      await this.backend.presentFullscreen();
    } catch (err) {
      this.error = ipc.toIpcError(err);
    }
  }

  async stop(): Promise<boolean> {
    try {
      await this.backend.presentStop();
      this.error = null;
      this.view = null;
      this.tick();
      return true;
    } catch (err) {
      this.error = ipc.toIpcError(err);
      return false;
    }
  }

  /** Listen to the backend's news; returns how to stop. */
  listen(): () => void {
    let stop: (() => void) | undefined;
    let stopped = false;
    ipc
      .onPresentChanged((change) => this.take(change.view, change.seq))
      .then((s) => (stopped ? s() : (stop = s)))
      .catch(() => {});
    return () => {
      stopped = true;
      stop?.();
      this.view = null;
      this.tick();
    };
  }

  /** Run the clock while the timer runs (four times a second: the seconds change on time). */
  private tick() {
    const running = this.view?.presentation.timer.deadline_ms != null;
    if (running && this.ticker === null) {
      this.ticker = setInterval(() => (this.now = Date.now()), 250);
    } else if (!running && this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
  }
}

/** The window's one presentation store. */
export const present = new PresentSession();
