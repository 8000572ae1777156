/** How a task run by {@link LatestTask} ended. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs only the latest of a series of asynchronous tasks: each `schedule` call cancels the
 * previous one (its timer is cleared, its request aborted) and a cancelled task's outcome is
 * dropped even if it arrives, so a slow answer for an old input never overwrites a newer one.
 */
export class LatestTask {
  private _generation = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _controller: AbortController | undefined;

  /** Runs `task` after `delayMs` of quiet, then hands its outcome to `settle` if still the latest. */
  schedule<T>(delayMs: number, task: (signal: AbortSignal) => Promise<T>, settle: (outcome: TaskOutcome<T>) => void): void {
    this.cancel();
    const generation = this._generation;
    this._timer = setTimeout(() => {
      this._timer = undefined;
      const controller = new AbortController();
      this._controller = controller;
      task(controller.signal).then(
        (value) => this._settle(generation, controller, () => settle({ ok: true, value })),
        (error: unknown) => this._settle(generation, controller, () => settle({ ok: false, error })),
      );
    }, delayMs);
  }

  /** Drops the pending or running task, if any. */
  cancel(): void {
    this._generation += 1;
    clearTimeout(this._timer);
    this._timer = undefined;
    this._controller?.abort();
    this._controller = undefined;
  }

  private _settle(generation: number, controller: AbortController, report: () => void): void {
    if (generation !== this._generation) return;
    if (this._controller === controller) this._controller = undefined;
    report();
  }
}
