import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { listFolder, withRegionRecovery, type FolderListing, type S3Connection, type S3Error } from '@s3-to-hf/core/s3';
import { asS3Error } from './describe-error.js';

/** How one {@link FolderListings.list} call ended. */
export type ListingOutcome =
  | { kind: 'listed'; listing: FolderListing; connection: S3Connection; correctedRegion: string | undefined }
  /** A `checkOnly` call read its first page: the connection works. */
  | { kind: 'checked'; connection: S3Connection; correctedRegion: string | undefined }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: S3Error }
  /** `stop()` was called meanwhile: the answer belongs to an older tree and must be ignored. */
  | { kind: 'stopped' };

interface FolderLoad {
  controller: AbortController;
  /** Files and folders received so far. */
  entries: number;
}

/**
 * The folder listings in flight for a host element: one per folder at most, each with its page
 * progress, cancellable one by one or all at once, and retried in the bucket's real region when
 * S3 names it. The host re-renders as pages arrive.
 */
export class FolderListings implements ReactiveController {
  readonly #loads = new Map<string, FolderLoad>();
  #generation = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Entries received so far while `folder` is being listed; undefined when it is not. */
  progress(folder: string): number | undefined {
    return this.#loads.get(folder)?.entries;
  }

  get busy(): boolean {
    return this.#loads.size > 0;
  }

  /**
   * Lists one level of `folder`. With `checkOnly`, stops after the first page, which is enough to
   * know that a connection (new credentials, say) can list the bucket.
   * @returns undefined when `folder` is being listed already.
   */
  async list(connection: S3Connection, folder: string, checkOnly = false): Promise<ListingOutcome | undefined> {
    if (this.#loads.has(folder)) return undefined;
    const generation = this.#generation;
    const load: FolderLoad = { controller: new AbortController(), entries: 0 };
    this.#loads.set(folder, load);
    this.host.requestUpdate();
    let firstPage = false;
    let attempt = connection;
    try {
      const recovered = await withRegionRecovery(connection, (next) => {
        attempt = next;
        load.entries = 0;
        return listFolder(next, folder, {
          signal: load.controller.signal,
          onPage: (page) => {
            load.entries += page.files.length + page.folders.length;
            firstPage = true;
            if (checkOnly) load.controller.abort();
            this.host.requestUpdate();
          },
        });
      });
      if (generation !== this.#generation) return { kind: 'stopped' };
      const { connection: worked, correctedRegion } = recovered;
      return checkOnly
        ? { kind: 'checked', connection: worked, correctedRegion }
        : { kind: 'listed', listing: recovered.result, connection: worked, correctedRegion };
    } catch (error) {
      if (generation !== this.#generation) return { kind: 'stopped' };
      const failure = asS3Error(error, 'Listing');
      if (failure.kind !== 'aborted') return { kind: 'failed', error: failure };
      // A check aborts itself after its first page; that is a success.
      if (checkOnly && firstPage) {
        return { kind: 'checked', connection: attempt, correctedRegion: attempt === connection ? undefined : attempt.region };
      }
      return { kind: 'cancelled' };
    } finally {
      if (generation === this.#generation) {
        this.#loads.delete(folder);
        this.host.requestUpdate();
      }
    }
  }

  /** Cancels the listing of one folder; its `list()` resolves `cancelled`. */
  cancel(folder: string): void {
    this.#loads.get(folder)?.controller.abort();
  }

  /** Aborts every listing; their `list()` calls resolve `stopped`. */
  stop(): void {
    this.#generation++;
    for (const load of this.#loads.values()) load.controller.abort();
    this.#loads.clear();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
