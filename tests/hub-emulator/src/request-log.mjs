// Every request the emulator answered (method, raw URL, route, status, injected fault), so tests can
// check what reached the "Hub", e.g. that no URL ever carried a credential. Control routes
// (/__emulator/…) are test plumbing and are not logged. Bounded: the oldest entries go first.

const MAX_ENTRIES = 20_000;

/**
 * @typedef {{ seq: number, method: string, url: string, route: string | null, status: number | null,
 *   fault: string | null, receivedAt: string }} LoggedRequest
 */

export function createRequestLog() {
  /** @type {LoggedRequest[]} */
  let entries = [];
  let seq = 0;
  return {
    /**
     * Adds a request; the returned entry is completed (status, fault) as the request is answered.
     * @param {{ method: string, url: string }} request
     * @returns {LoggedRequest}
     */
    add({ method, url }) {
      seq += 1;
      const entry = { seq, method, url, route: null, status: null, fault: null, receivedAt: new Date().toISOString() };
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES);
      return entry;
    },
    /** Copies of the entries after sequence number `since` (all by default), oldest first. */
    list(since = 0) {
      return entries.filter((entry) => entry.seq > since).map((entry) => ({ ...entry }));
    },
    clear() {
      entries = [];
    },
  };
}
