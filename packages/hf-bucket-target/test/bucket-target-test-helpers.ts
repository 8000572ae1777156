// Shared by the browser tests of <hf-bucket-target>: the hub emulator the runner started, a
// recording fetch, and ways to drive and read the element as a user would.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { HfBucketTargetElement } from '../src/index.js';
import '../src/index.js';

export interface HubEnv {
  url: string;
  tokens: { write: string; read: string; noJobs: string; orgWrite: string; expired: string; bob: string };
}

export interface HubControl {
  reset(): Promise<void>;
  createBucket(id: string, options?: { private?: boolean }): Promise<void>;
  buckets(): Promise<Map<string, Map<string, unknown>>>;
  fault(rule: { route: string; status: number; times?: number }): Promise<void>;
}

/** One Hub request as the injected fetch saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  status?: number;
  signal?: AbortSignal;
}

export const hub = (): HubEnv => {
  const env = (window as unknown as { __TEST_ENV__?: { hub?: HubEnv } | null }).__TEST_ENV__;
  if (!env?.hub) throw new Error('window.__TEST_ENV__.hub is missing: run through `node scripts/test.mjs` or web-test-runner.config.mjs.');
  return env.hub;
};

// A computed URL keeps TypeScript out of the harness's plain JavaScript.
const harness = (file: string) => new URL(`../../../tests/hub-emulator/${file}`, import.meta.url).href;

export async function hubControl(): Promise<HubControl> {
  const { createHubControlClient } = (await import(harness('control-client.mjs'))) as { createHubControlClient(url: string): HubControl };
  return createHubControlClient(hub().url);
}

let counter = 0;
export const unique = (stem: string) => `${stem}-${Date.now().toString(36)}-${(counter += 1)}`;

/** A fetch that records every request (and its answer) before handing it to the real one. */
export function recordingFetch(): { fetch: typeof fetch; requests: SeenRequest[] } {
  const requests: SeenRequest[] = [];
  const recorded: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const seen: SeenRequest = { method: (init?.method ?? 'GET').toUpperCase(), path: decodeURIComponent(url.pathname), signal: init?.signal ?? undefined };
    requests.push(seen);
    const response = await fetch(input, init);
    seen.status = response.status;
    return response;
  };
  return { fetch: recorded, requests };
}

export const bucketRequests = (requests: SeenRequest[]) => requests.filter((request) => request.path.startsWith('/api/buckets/'));

export interface MountOptions {
  token?: string;
  bucket?: string;
  namespace?: string;
  prefix?: string;
  noCreate?: boolean;
  isPrivate?: boolean;
  fetch?: typeof fetch;
}

export async function mount(options: MountOptions = {}): Promise<HfBucketTargetElement> {
  const element = await fixture<HfBucketTargetElement>(html`<hf-bucket-target
    hub-url=${hub().url}
    namespace=${options.namespace ?? ''}
    bucket=${options.bucket ?? ''}
    prefix=${options.prefix ?? ''}
    ?no-create=${options.noCreate ?? false}
    ?private=${options.isPrivate ?? false}
    .fetch=${options.fetch}
    .accessToken=${options.token}
  ></hf-bucket-target>`);
  return element;
}

export const part = <T extends HTMLElement>(element: HfBucketTargetElement, name: string) => {
  const found = element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}"`);
  return found;
};
export const byId = (element: HfBucketTargetElement, id: string) => element.shadowRoot!.getElementById(id)!;
export const statusTone = (element: HfBucketTargetElement) => part(element, 'status').dataset.tone;
export const statusText = (element: HfBucketTargetElement) => part(element, 'status').textContent!.replace(/\s+/g, ' ').trim();
export const optionLabels = (element: HfBucketTargetElement) =>
  [...part<HTMLSelectElement>(element, 'namespace').options].map((option) => option.textContent!.trim());

export async function waitForTone(element: HfBucketTargetElement, tone: string): Promise<void> {
  await waitUntil(() => statusTone(element) === tone, `status should become "${tone}" (is "${statusTone(element)}": ${statusText(element)})`, {
    timeout: 5000,
  });
}

export async function waitForNamespaces(element: HfBucketTargetElement): Promise<void> {
  await waitUntil(() => optionLabels(element).length >= 3, 'the namespaces from whoami should be offered', { timeout: 5000 });
}

/** Types into a text field as a user would leave it: input events, then change. */
export async function fill(element: HfBucketTargetElement, name: 'bucket' | 'prefix', text: string): Promise<void> {
  const input = part<HTMLInputElement>(element, name);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

export async function choose(element: HfBucketTargetElement, namespace: string): Promise<void> {
  const select = part<HTMLSelectElement>(element, 'namespace');
  select.value = namespace;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

export { loadLightTheme } from '../../ui/test/load-light-theme.js';
