// What the <hf-import-job> browser tests share: the real servers of window.__TEST_ENV__ (Ceph RGW
// + fault proxy, hub emulator), selections built with core from the seeded tree, and helpers to
// mount the element, read its shadow DOM, and take screenshots.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { SelectionTree, compileFilters, createBucket, type S3Connection } from '@s3-to-hf/core';
import '../src/index.js';
import type { HfImportJobElement } from '../src/hf-import-job-element.js';
import type { ImportJobSelection, ImportJobTarget } from '../src/types.js';
import { loadLightTheme } from '../../ui/test/load-light-theme.js';

export interface TestEnv {
  s3: {
    endpoint: string;
    proxyEndpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    corsBucket: string;
    publicBucket: string;
  };
  hub: { url: string; tokens: { write: string; read: string; noJobs: string; orgWrite: string; expired: string; bob: string } };
}

export interface FixtureObject {
  key: string;
  size: number;
  body: Uint8Array;
}

export interface HubControl {
  reset(): Promise<void>;
  fault(rule: { route: string; status?: number; drop?: boolean; loseResponse?: boolean; dropAfterEvents?: number; times?: number }): Promise<void>;
  clearFaults(): Promise<void>;
  failImportOf(glob: string): Promise<void>;
  jobs(): Promise<Array<{ id: string; labels?: Record<string, string>; status: { stage: string } }>>;
  jobLogs(id: string): Promise<string[]>;
  waitForJob(id: string): Promise<{ status: { stage: string } }>;
  issueOAuthToken(options: { user?: string; scopes?: string[] }): Promise<string>;
  revokeToken(token: string): Promise<boolean>;
  pauseScheduling(): Promise<void>;
  resumeScheduling(): Promise<void>;
}

export interface ProxyControl {
  addFault(rule: { match?: Record<string, string>; fault: string; times?: number }): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  reset(): Promise<unknown>;
}

// Computed URLs keep TypeScript out of the harness's plain JavaScript.
const harness = (file: string) => new URL(`../../../tests/${file}`, import.meta.url).href;

export function testEnv(): TestEnv {
  const env = (window as unknown as { __TEST_ENV__?: TestEnv | null }).__TEST_ENV__;
  if (!env?.s3 || !env.hub) {
    throw new Error('window.__TEST_ENV__ is missing: run these tests through `node scripts/test.mjs` or web-test-runner.config.mjs.');
  }
  return env;
}

let objects: FixtureObject[] | undefined;

/** The seeded S3 tree (deterministic, so rebuilt here rather than listed). */
export async function fixtureObjects(): Promise<FixtureObject[]> {
  if (!objects) {
    const module = (await import(harness('s3/fixture-tree.mjs'))) as { fixtureTree(): FixtureObject[] };
    objects = module.fixtureTree();
  }
  return objects;
}

export async function hubControl(): Promise<HubControl> {
  const module = (await import(harness('hub-emulator/control-client.mjs'))) as { createHubControlClient(url: string): HubControl };
  return module.createHubControlClient(testEnv().hub.url);
}

export async function proxyControl(): Promise<ProxyControl> {
  const module = (await import(harness('s3/proxy-client.mjs'))) as { createProxyClient(endpoint: string): ProxyControl };
  return module.createProxyClient(testEnv().s3.proxyEndpoint);
}

/** A bucket's files in the emulator (the control client's `buckets()` needs Node's Buffer). */
export async function bucketFiles(id: string): Promise<Map<string, Uint8Array>> {
  const response = await fetch(`${testEnv().hub.url}/__emulator/buckets`);
  const snapshot = (await response.json()) as Record<string, Record<string, string>>;
  const files = snapshot[id] ?? {};
  return new Map(Object.entries(files).map(([path, base64]) => [path, Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))]));
}

export function connection(overrides: Partial<S3Connection> & { viaProxy?: boolean } = {}): S3Connection {
  const { s3 } = testEnv();
  const { viaProxy, ...rest } = overrides;
  return {
    bucket: s3.corsBucket,
    region: s3.region,
    endpoint: viaProxy ? s3.proxyEndpoint : s3.endpoint,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    ...rest,
  };
}

/** A tree over the seeded keys with `selected` paths ticked (folders end with '/') and `unselected` unticked after. */
export async function selectionTree(selected: string[], unselected: string[] = []): Promise<SelectionTree> {
  const tree = SelectionTree.fromKeys((await fixtureObjects()).map(({ key, size }) => ({ key, size })));
  for (const path of selected) tree.setSelected(path, true);
  for (const path of unselected) tree.setSelected(path, false);
  return tree;
}

/** What `<s3-tree>` reports for this tree in tree mode, the tree included (a split is planned on it). */
export function selectionOf(tree: SelectionTree): ImportJobSelection {
  return { mode: 'tree', stats: tree.stats(), filters: compileFilters(tree), tree };
}

/** The seeded objects the tree has ticked. */
export async function selectedObjects(tree: SelectionTree): Promise<FixtureObject[]> {
  return (await fixtureObjects()).filter(({ key }) => !key.endsWith('/') && tree.state(key) === 'checked');
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export function target(bucket: string, overrides: Partial<ImportJobTarget> = {}): ImportJobTarget {
  return { namespace: 'alice', bucket, prefix: '', private: false, createIfMissing: true, exists: true, valid: true, ...overrides };
}

/** A fresh, existing bucket of alice's. */
export async function existingBucket(prefix = 'import'): Promise<string> {
  const name = uniqueName(prefix);
  await createBucket({ hubUrl: testEnv().hub.url, accessToken: testEnv().hub.tokens.write, namespace: 'alice', name });
  return name;
}

export interface MountOptions {
  selection?: ImportJobSelection;
  connection?: S3Connection;
  target?: ImportJobTarget;
  accessToken?: string;
  tokenExpiresAt?: Date;
  fetch?: typeof fetch;
  throughput?: Record<string, number>;
  startupSeconds?: number;
  maxLogLines?: number;
  maxFilesPerShard?: number;
  maxBytesPerShard?: number;
  shards?: number;
  maxFollowedJobs?: number;
  style?: string;
}

/** Mounts the element against the hub emulator, polling fast, and waits for the hardware list when signed in. */
export async function mountJob(options: MountOptions = {}): Promise<HfImportJobElement> {
  const element = await fixture<HfImportJobElement>(html`
    <hf-import-job
      hub-url=${testEnv().hub.url}
      poll-interval="200"
      style=${options.style ?? ''}
      .selection=${options.selection}
      .connection=${options.connection}
      .target=${options.target}
      .accessToken=${options.accessToken}
      .tokenExpiresAt=${options.tokenExpiresAt}
      .fetch=${options.fetch}
      .throughput=${options.throughput}
      .startupSeconds=${options.startupSeconds}
      .maxLogLines=${options.maxLogLines ?? 1000}
      .maxFilesPerShard=${options.maxFilesPerShard}
      .maxBytesPerShard=${options.maxBytesPerShard}
      .shards=${options.shards}
      .maxFollowedJobs=${options.maxFollowedJobs ?? 4}
    ></hf-import-job>
  `);
  if (options.accessToken) await waitUntil(() => part(element, 'estimate') || part(element, 'hardware')?.querySelector('.notice.error'), 'the hardware list never loaded', { timeout: 10_000 });
  return element;
}

export function part(element: HfImportJobElement, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function button(element: HfImportJobElement, label: RegExp): HTMLButtonElement {
  const found = [...element.shadowRoot!.querySelectorAll('button')].find((candidate) => label.test(textOf(candidate)));
  if (!found) throw new Error(`No button labelled ${label} in: ${textOf(element.shadowRoot!.querySelector('.base'))}`);
  return found;
}

/** Everything a person or script could read off the element: text, attributes, input values. */
export function everythingVisible(element: HfImportJobElement): string {
  const parts: string[] = [];
  for (const attribute of element.attributes) parts.push(attribute.value);
  const walk = (root: ParentNode) => {
    for (const node of root.querySelectorAll('*')) {
      for (const attribute of node.attributes) parts.push(attribute.value);
      if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(element.shadowRoot!);
  parts.push(element.shadowRoot!.textContent ?? '', element.textContent ?? '');
  return parts.join('\n');
}

/**
 * Screenshots of the page at 1280×800 and 360×740, dark and light, named `hf-import-job-<name>-…`.
 * The page background follows the theme so the element looks as it would in a real page.
 */
export async function screenshots(name: string, element: HfImportJobElement): Promise<void> {
  await loadLightTheme();
  // Still frames: no transition caught half-way.
  await emulateMedia({ reducedMotion: 'reduce' });
  const root = document.documentElement;
  for (const theme of ['dark', 'light'] as const) {
    root.classList.toggle('s3hf-light', theme === 'light');
    document.body.style.cssText = `margin: 0; padding: 24px; background: ${theme === 'light' ? '#f3f4f6' : '#0b0f19'};`;
    for (const [width, height, label] of [[1280, 800, 'desktop'], [360, 740, 'mobile']] as const) {
      document.body.style.padding = width < 600 ? '8px' : '24px';
      await setViewport({ width, height });
      await element.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await executeServerCommand('take-screenshot', { name: `hf-import-job-${name}-${label}-${theme}` });
    }
  }
  root.classList.remove('s3hf-light');
  document.body.style.cssText = '';
  await setViewport({ width: 1280, height: 800 });
  await emulateMedia({ reducedMotion: 'no-preference' });
}
