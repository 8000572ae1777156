// Gives Node tests the S3 test server of contract A: the one `npm test` started (S3_TEST_SERVER),
// or a fresh one of their own when a test file runs alone.
import assert from 'node:assert/strict';
import { S3Error, type S3ErrorKind } from '../src/s3/s3-error.js';
import type { S3TestServerInfo } from './s3-test-fixture.js';

export type ProxyFault =
  | 'slow-down-503'
  | 'internal-500'
  | 'drop-connection'
  | 'drop-mid-body'
  | 'stall-mid-body'
  | 'hang'
  | 'wrong-region-301'
  | 'access-denied-403'
  | 'expired-token-400'
  | 'signature-mismatch-403';

export interface FaultRule {
  match?: { method?: string; bucket?: string; prefix?: string; query?: string };
  fault: ProxyFault;
  region?: string;
  times?: number;
  /** Matching requests let through before the rule fires. */
  skip?: number;
}

/** Control of the fault proxy; the methods may be sync (in-process) or async (over HTTP), so await them. */
export interface FaultProxyControl {
  setLatency(ms: number): void | Promise<void>;
  addFault(rule: FaultRule): void | Promise<void>;
  clearFaults(): void | Promise<void>;
  requestCount(): number | Promise<number>;
  resetCounters(): void | Promise<void>;
  /** The latest proxied requests (up to 500), oldest first, with the fault each one got. */
  stats(): ProxyStats | Promise<ProxyStats>;
}

export interface ProxyStats {
  requests: number;
  recent: Array<{ method: string; path: string; fault: string | null }>;
}

export interface S3TestContext {
  server: S3TestServerInfo;
  /** Control of the fault proxy in front of RGW (loaded on first use). */
  proxy(): Promise<FaultProxyControl>;
  stop(): Promise<void>;
}

// The SDK's notice that its 2027 releases need Node 22 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Computed paths keep TypeScript from type-checking the harness's plain JavaScript.
const harness = (file: string) => new URL(`../../../tests/s3/${file}`, import.meta.url).href;

/** What the test server seeds into every bucket (contract A), from the harness's own fixture. */
async function seededObjects(): Promise<S3TestServerInfo['objects']> {
  const { fixtureTree } = (await import(harness('fixture-tree.mjs'))) as { fixtureTree(): S3TestServerInfo['objects'] };
  return fixtureTree().map(({ key, size }) => ({ key, size }));
}

/** The running S3 test server, starting one when `npm test` did not hand one down. */
export async function useS3TestServer(): Promise<S3TestContext> {
  const shared = process.env.S3_TEST_SERVER;
  if (shared) {
    const described = JSON.parse(shared) as Omit<S3TestServerInfo, 'objects'> & Partial<Pick<S3TestServerInfo, 'objects'>>;
    // The object list makes the JSON ~200 KB, more than one environment variable may hold
    // (Linux: 128 KiB), so it may be left out; the seeded tree is deterministic anyway.
    const server = { ...described, objects: described.objects ?? (await seededObjects()) };
    const proxy = async () => {
      const { createProxyClient } = (await import(harness('proxy-client.mjs'))) as {
        createProxyClient(proxyEndpoint: string): FaultProxyControl;
      };
      return createProxyClient(server.proxyEndpoint);
    };
    return { server, proxy, stop: async () => {} };
  }
  const { startS3TestServer } = (await import(harness('index.mjs'))) as {
    startS3TestServer(): Promise<S3TestServerInfo & { proxy: FaultProxyControl; stop(): Promise<void> }>;
  };
  const started = await startS3TestServer();
  return { server: started, proxy: async () => started.proxy, stop: () => started.stop() };
}

/** Awaits a promise that must reject with an S3Error of `kind`, and returns that error. */
export async function rejectsWithKind(promise: Promise<unknown>, kind: S3ErrorKind): Promise<S3Error> {
  const error = await promise.then(
    () => assert.fail(`expected an S3Error of kind '${kind}', but the call succeeded`),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof S3Error, `expected an S3Error, got ${String(error)}`);
  assert.equal(error.kind, kind, `kind of: ${error.message}`);
  return error;
}
