// Shared pieces of the <s3-tree> browser tests: the real S3 test server handed in by the runner,
// the seeded fixture tree, and small helpers to find and drive rows inside the shadow DOM.
import { waitUntil } from '@open-wc/testing';
import { matchesFilters, type ImportFilters, type S3Connection } from '@s3-to-hf/core';
import type { S3TreeElement } from '../src/index.js';

export interface FixtureObject {
  key: string;
  size: number;
}

export interface S3TestServer {
  endpoint: string;
  proxyEndpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  corsBucket: string;
  noCorsBucket: string;
  publicBucket: string;
  objects: FixtureObject[];
}

export interface ProxyClient {
  setLatency(ms: number): Promise<unknown>;
  addFault(rule: { match?: Record<string, string>; fault: string; region?: string; times?: number }): Promise<unknown>;
  reset(): Promise<unknown>;
}

// Computed URLs keep TypeScript out of the harness's plain JavaScript.
const harness = (file: string) => new URL(`../../../tests/s3/${file}`, import.meta.url).href;

/** The S3 test server the runner put into the page, with the seeded object list. */
export async function testServer(): Promise<S3TestServer> {
  const env = (window as unknown as { __TEST_ENV__?: { s3?: Omit<S3TestServer, 'objects'> & { objects?: FixtureObject[] } } | null })
    .__TEST_ENV__;
  if (!env?.s3) throw new Error('window.__TEST_ENV__.s3 is missing: run the browser tests through scripts/test.mjs or web-test-runner.config.mjs.');
  if (env.s3.objects) return { ...env.s3, objects: env.s3.objects };
  const { fixtureTree } = (await import(harness('fixture-tree.mjs'))) as { fixtureTree(): FixtureObject[] };
  return { ...env.s3, objects: fixtureTree().map(({ key, size }) => ({ key, size })) };
}

export async function proxyClient(server: S3TestServer): Promise<ProxyClient> {
  const { createProxyClient } = (await import(harness('proxy-client.mjs'))) as { createProxyClient(endpoint: string): ProxyClient };
  return createProxyClient(server.proxyEndpoint);
}

/** The owner's connection to the CORS bucket, directly or through the fault proxy. */
export function ownerConnection(server: S3TestServer, overrides: Partial<S3Connection> & { viaProxy?: boolean } = {}): S3Connection {
  const { viaProxy, ...rest } = overrides;
  return {
    bucket: server.corsBucket,
    region: server.region,
    endpoint: viaProxy ? server.proxyEndpoint : server.endpoint,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    ...rest,
  };
}

/** The rendered tree rows, in DOM order (which is not display order: look at `aria-posinset`). */
export function renderedRows(element: S3TreeElement): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('[role="treeitem"]')];
}

export function rowFor(element: S3TreeElement, path: string): HTMLElement | undefined {
  return renderedRows(element).find((row) => row.dataset.path === path);
}

/** Rendered rows sorted by their position on screen. */
export function rowsOnScreen(element: S3TreeElement): HTMLElement[] {
  return renderedRows(element).sort((a, b) => Number(a.style.getPropertyValue('--index')) - Number(b.style.getPropertyValue('--index')));
}

export async function waitForRow(element: S3TreeElement, path: string, message = `row ${path}`): Promise<HTMLElement> {
  await waitUntil(() => rowFor(element, path), message, { timeout: 15_000 });
  return rowFor(element, path)!;
}

export async function waitForListing(element: S3TreeElement, folder: string): Promise<void> {
  await waitUntil(() => element.selectionTree.isListed(folder), `${folder || 'the top'} is listed`, { timeout: 20_000 });
  await element.updateComplete;
}

/** Opens a folder with a click on its chevron and waits until its listing arrived. */
export async function expandFolder(element: S3TreeElement, folder: string): Promise<void> {
  const row = await waitForRow(element, folder);
  if (row.getAttribute('aria-expanded') !== 'true') row.querySelector<HTMLElement>('[part~="toggle"]')!.click();
  await waitForListing(element, folder);
  await waitUntil(() => rowFor(element, folder)?.getAttribute('aria-expanded') === 'true', `${folder} shown open`);
}

/** Ticks or unticks a row with a click on its check box. */
export async function clickCheckbox(element: S3TreeElement, path: string): Promise<void> {
  const row = await waitForRow(element, path);
  row.querySelector<HTMLElement>('[part~="checkbox"]')!.click();
  await element.updateComplete;
}

/**
 * Whether the shadow DOM has a match for `selector`. Assertions take booleans, not elements: a
 * failing assertion on a DOM node makes the runner serialise the whole node graph and hang.
 */
export function has(element: S3TreeElement, selector: string): boolean {
  return element.shadowRoot!.querySelector(selector) !== null;
}

export function hasRow(element: S3TreeElement, path: string): boolean {
  return rowFor(element, path) !== undefined;
}

export function shadowText(element: S3TreeElement, selector: string): string {
  return element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function button(element: S3TreeElement, label: string | RegExp): HTMLButtonElement {
  const found = [...element.shadowRoot!.querySelectorAll('button')].find((candidate) => {
    const text = candidate.textContent!.trim();
    return typeof label === 'string' ? text === label : label.test(text);
  });
  if (!found) throw new Error(`no button "${label}" in <s3-tree>`);
  return found;
}

/** The fixture keys `hf buckets import` copies with these filters (keys relative to the bucket top). */
export function keysImportedBy(filters: ImportFilters, objects: readonly FixtureObject[]): string[] {
  return objects
    .filter(({ key }) => !key.endsWith('/') && key.startsWith(filters.root))
    .filter(({ key }) => matchesFilters(key.slice(filters.root.length).replace(/^\/+/, ''), filters))
    .map(({ key }) => key)
    .sort();
}

/** Fixture files under a folder, at any depth. */
export function filesUnder(objects: readonly FixtureObject[], folder: string): FixtureObject[] {
  return objects.filter(({ key }) => key.startsWith(folder) && !key.endsWith('/'));
}

/** One level of the fixture as the tree shows it: subfolders first, then files, each in S3 order. */
export function expectedLevel(objects: readonly FixtureObject[], folder: string): string[] {
  const folders = new Set<string>();
  const files: string[] = [];
  for (const { key } of objects) {
    if (!key.startsWith(folder) || key === folder) continue;
    const slash = key.indexOf('/', folder.length);
    if (slash === -1) files.push(key);
    else folders.add(key.slice(0, slash + 1));
  }
  return [...folders, ...files];
}

export function sum(objects: readonly FixtureObject[]): { files: number; bytes: number } {
  return { files: objects.length, bytes: objects.reduce((total, { size }) => total + size, 0) };
}

export { loadLightTheme } from '../../ui/test/load-light-theme.js';
