import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { countFolder, type S3Connection, type S3Error } from '@s3-to-hf/core/s3';
import type { FolderCount } from '@s3-to-hf/core/selection';
import { asS3Error } from './describe-error.js';

/** A count in progress. */
export interface CountProgress {
  folders: number;
  /** Folders counted completely. */
  done: number;
  current: string;
  /** Totals so far, the current folder's partial totals included. */
  files: number;
  bytes: number;
}

/** How one {@link FolderCounter.count} call ended. */
export type CountOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled'; done: number }
  | { kind: 'failed'; folder: string; error: S3Error }
  /** `stop()` was called meanwhile: the tree it counted for is gone. */
  | { kind: 'stopped' };

/**
 * Counts folders recursively in S3, one folder after the other (each one fans out with
 * `concurrency` requests), reporting each finished folder and the running totals.
 */
export class FolderCounter implements ReactiveController {
  #run: (CountProgress & { controller: AbortController }) | undefined;
  #generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get progress(): CountProgress | undefined {
    return this.#run;
  }

  /**
   * Counts `folders`; `onCounted` receives each folder's totals as soon as it is done (not after a
   * `stop()`). Stops at the first failure. Resolves `stopped` at once while another count runs.
   */
  async count(
    connection: S3Connection,
    folders: readonly string[],
    options: { concurrency: number; onCounted: (folder: string, count: FolderCount) => void },
  ): Promise<CountOutcome> {
    if (this.#run) return { kind: 'stopped' }; // one count at a time; the running one goes on
    const generation = this.#generation;
    const run = { controller: new AbortController(), folders: folders.length, done: 0, current: folders[0], files: 0, bytes: 0 };
    this.#run = run;
    this.host.requestUpdate();
    let counted = { files: 0, bytes: 0 };
    try {
      for (const folder of folders) {
        run.current = folder;
        const count = await countFolder(connection, folder, {
          concurrency: options.concurrency,
          signal: run.controller.signal,
          onProgress: (progress) => {
            run.files = counted.files + progress.files;
            run.bytes = counted.bytes + progress.bytes;
            this.host.requestUpdate();
          },
        });
        if (generation !== this.#generation) return { kind: 'stopped' };
        counted = { files: counted.files + count.files, bytes: counted.bytes + count.bytes };
        run.done++;
        options.onCounted(folder, count);
      }
      return { kind: 'done' };
    } catch (error) {
      if (generation !== this.#generation) return { kind: 'stopped' };
      const failure = asS3Error(error, 'Counting');
      return failure.kind === 'aborted' ? { kind: 'cancelled', done: run.done } : { kind: 'failed', folder: run.current, error: failure };
    } finally {
      if (generation === this.#generation) {
        this.#run = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Cancels the running count; `count()` resolves `cancelled`. */
  cancel(): void {
    this.#run?.controller.abort();
  }

  /** Aborts the running count and forgets it; `count()` resolves `stopped`. */
  stop(): void {
    this.#generation++;
    this.#run?.controller.abort();
    this.#run = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
