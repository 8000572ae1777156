import { listImports, type ImportRecord } from '@s3-to-hf/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PageSession } from '../session/page-session.js';
import { messageOf } from '@s3-to-hf/core/format';

/** An import found on the Hub, with the namespace whose Job list it came from. */
export interface ListedImport {
  namespace: string;
  record: ImportRecord;
}

// How often the list is read again while one of its imports is still going.
const ACTIVE_REFRESH_MS = 10_000;


/**
 * Keeps the list of this app's imports (Jobs labelled by it, grouped by listImports) for the
 * signed-in user and the organisations the session can see, read from the Hub: nothing is stored
 * in the browser, so a reload finds them again. While any of them is still going it is re-read
 * every few seconds, so the states shown stay live.
 */
export class ImportsController implements ReactiveController {
  imports: ListedImport[] = [];
  /** Why the user's own imports could not be read (organisations that refuse are left out). */
  problem?: string;
  loading = false;
  /** Whether a first answer came (so "no imports" can be told from "not read yet"). */
  loaded = false;

  #session?: PageSession;
  #hubUrl = '';
  #abort?: AbortController;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#session) void this.refresh();
  }

  hostDisconnected(): void {
    this.#cancel();
  }

  /** Starts reading the imports of this session (a new sign-in replaces the previous one). */
  follow(session: PageSession, hubUrl: string): void {
    this.#session = session;
    this.#hubUrl = hubUrl;
    this.imports = [];
    this.problem = undefined;
    this.loaded = false;
    void this.refresh();
  }

  /** Forgets the list and stops reading it (sign-out). */
  forget(): void {
    this.#cancel();
    this.#session = undefined;
    this.imports = [];
    this.problem = undefined;
    this.loading = false;
    this.loaded = false;
    this.host.requestUpdate();
  }

  /** Reads the list again now (after an import was created or finished, or on request). */
  async refresh(): Promise<void> {
    const session = this.#session;
    if (!session) return;
    this.#cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.host.requestUpdate();
    const namespaces = [session.user.name, ...(session.user.orgs ?? []).map((org) => org.name)];
    const answers = await Promise.allSettled(
      namespaces.map((namespace) => listImports({ namespace, accessToken: session.accessToken, hubUrl: this.#hubUrl, signal: abort.signal })),
    );
    if (abort.signal.aborted || this.#session !== session) return;
    const listed = answers.flatMap((answer, index) =>
      answer.status === 'fulfilled' ? answer.value.map((record) => ({ namespace: namespaces[index], record })) : [],
    );
    const own = answers[0];
    this.problem = own.status === 'rejected' ? `The list of your imports could not be read: ${messageOf(own.reason)}` : undefined;
    // A failed read keeps what was shown; a good one replaces it.
    if (own.status === 'fulfilled') this.imports = listed.sort((a, b) => b.record.createdAt.getTime() - a.record.createdAt.getTime());
    this.loading = false;
    this.loaded = true;
    this.#abort = undefined;
    if (this.imports.some(({ record }) => record.active)) this.#timer = setTimeout(() => void this.refresh(), ACTIVE_REFRESH_MS);
    this.host.requestUpdate();
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }
}
