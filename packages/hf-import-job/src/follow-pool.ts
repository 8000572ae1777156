/**
 * Follows at most `limit` Jobs at a time, the others waiting their turn in order. Each followed
 * Job holds a log stream open, and over HTTP/1.1 a browser opens only six connections per host:
 * with more streams than that, stage polls and Cancel would wait behind them.
 */
export class FollowPool<T> {
  readonly #queue: T[] = [];
  readonly #following = new Set<T>();

  constructor(
    private readonly limit: number,
    private readonly follow: (item: T) => Promise<void>,
    private readonly signal: AbortSignal,
  ) {}

  /** Follows `item` now if a place is free, else once one is. */
  add(item: T): void {
    if (this.#following.has(item) || this.#queue.includes(item)) return;
    this.#queue.push(item);
    this.#pump();
  }

  /** Whether `item` is being followed now (not waiting). */
  isFollowing(item: T): boolean {
    return this.#following.has(item);
  }

  get active(): boolean {
    return !this.signal.aborted;
  }

  #pump(): void {
    while (!this.signal.aborted && this.#following.size < this.limit && this.#queue.length > 0) {
      const item = this.#queue.shift() as T;
      this.#following.add(item);
      void this.follow(item).finally(() => {
        this.#following.delete(item);
        this.#pump();
      });
    }
  }
}
