import type { ListPageRequest } from './list-objects-page.js';

/** A list request still to make: a folder, and where to continue in it. */
export type PendingList = Pick<ListPageRequest, 'prefix' | 'continuationToken'>;

/**
 * The list requests a recursive count still has to make, with a bound on how many it may hold.
 * Every request in flight reserves room for the most entries its answer can add (one per key or
 * sub-folder on its page, plus its own continuation), and asks for a page no larger than the room
 * left, so the queue never outgrows `capacity` (by at most one entry per level of depth when it
 * is full and nothing is in flight, so that the count always moves on).
 *
 * Last in, first out: sub-folders are listed before their parent's next page and before their
 * siblings' sub-folders, which drains subtrees instead of widening the front.
 */
export class PendingLists {
  readonly #items: PendingList[] = [];
  #reserved = 0;

  constructor(
    readonly capacity: number,
    readonly pageSize: number,
  ) {}

  get size(): number {
    return this.#items.length;
  }

  push(item: PendingList): void {
    this.#items.push(item);
  }

  /**
   * The next request and the page size it may ask for, reserving room for its answer; undefined
   * when nothing is pending, or when there is no room and `mustMoveOn` is false.
   */
  take(mustMoveOn: boolean): { item: PendingList; pageSize: number } | undefined {
    if (this.#items.length === 0) return undefined;
    const room = this.capacity - this.#items.length - this.#reserved;
    if (room < 1 && !mustMoveOn) return undefined;
    const pageSize = Math.max(1, Math.min(this.pageSize, room));
    this.#reserved += pageSize + 1;
    return { item: this.#items.pop() as PendingList, pageSize };
  }

  /** Gives back the room reserved by `take` once its answer is in the queue (or failed). */
  release(pageSize: number): void {
    this.#reserved -= pageSize + 1;
  }
}
