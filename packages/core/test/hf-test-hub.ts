// The hub emulator (contract B) and S3 test server (contract A) for the HF tests: the ones `npm test`
// started (contract F: HUB_EMULATOR_URL + HUB_EMULATOR_TOKENS, S3_TEST_SERVER), or private ones
// started here when a test file runs on its own.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The emulator's control API; every method may return a value or a Promise of it. */
export interface HubControl {
  reset(): unknown;
  fault(rule: HubFaultRule): unknown;
  clearFaults(): unknown;
  failImportOf(pathGlob: string): unknown;
  jobs(): unknown[] | Promise<unknown[]>;
  jobLogs(id: string): string[] | Promise<string[]>;
  waitForJob(id: string): unknown;
  createBucket(id: string, options?: { files?: Record<string, string>; private?: boolean }): unknown;
  buckets(): Map<string, Map<string, Uint8Array>> | Promise<Map<string, Map<string, Uint8Array>>>;
  pauseScheduling(): unknown;
  resumeScheduling(): unknown;
  deleteJob(id: string): unknown;
  issueOAuthToken(options?: { user?: string; scopes?: string[]; expiresInSeconds?: number; orgs?: string[] }): string | Promise<string>;
  revokeToken(token: string): unknown;
  invocations(): HfInvocation[] | Promise<HfInvocation[]>;
  /** Every request the emulator answered after `since` (a `seq`), control calls excepted. */
  requests(since?: number): LoggedRequest[] | Promise<LoggedRequest[]>;
}

/** A fault of the hub emulator (see tests/hub-emulator/README.md). */
export interface HubFaultRule {
  route: string;
  /** Only requests with these route parameters, e.g. `{ id: jobId }`. */
  params?: Record<string, string>;
  status?: number;
  retryAfter?: number;
  /** Cut the connection instead of answering. */
  drop?: boolean;
  /** Handle the request for real, then lose its answer (the client gets `status` or a cut connection). */
  loseResponse?: boolean;
  dropAfterEvents?: number;
  times?: number;
}

export interface LoggedRequest {
  seq: number;
  method: string;
  url: string;
  route: string | null;
  status: number | null;
  fault: string | null;
  receivedAt: string;
}

export interface HfInvocation {
  argv: string[];
  jobId: string | null;
  envNames: string[];
  receivedAt: string;
}

/** A running emulator as the tests see it. */
export interface TestHub {
  url: string;
  tokens: { write: string; read: string; noJobs: string; orgWrite: string; expired: string };
  control: HubControl;
  close(): Promise<void>;
}

/** The S3 test server's data (contract A), as the import tests need it. */
export interface TestS3 {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  corsBucket: string;
  objects: Array<{ key: string; size: number }>;
  stop(): Promise<void>;
}

const testsDirectory = fileURLToPath(new URL('../../../tests/', import.meta.url));

// The harness is plain JavaScript without type declarations, hence the typed dynamic import.
async function importHarnessModule<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(`${testsDirectory}${file}`).href)) as T;
}

/**
 * The S3 test server `npm test` started (S3_TEST_SERVER, contract F), or a private one started
 * here (a throwaway Ceph RGW, 10–20 s). Call `stop()` when done.
 */
export async function useTestS3(): Promise<TestS3> {
  if (process.env.S3_TEST_SERVER) {
    const shared = JSON.parse(process.env.S3_TEST_SERVER) as Omit<TestS3, 'stop' | 'objects'> & { objects?: TestS3['objects'] };
    // The object list does not fit one environment variable; the seeded tree is deterministic.
    const { fixtureTree } = await importHarnessModule<{ fixtureTree(): TestS3['objects'] }>('s3/fixture-tree.mjs');
    const objects = shared.objects ?? fixtureTree().map(({ key, size }) => ({ key, size }));
    return { ...shared, objects, stop: async () => undefined };
  }
  const { startS3TestServer } = await importHarnessModule<{ startS3TestServer(): Promise<TestS3> }>('s3/index.mjs');
  return startS3TestServer();
}

/**
 * Connects to the shared emulator when `npm test` provides one, else starts a private one
 * (reading S3 from `s3Endpoint` when given). Call `close()` when done.
 */
export async function useTestHub({ s3Endpoint }: { s3Endpoint?: string } = {}): Promise<TestHub> {
  const sharedUrl = process.env.HUB_EMULATOR_URL;
  if (sharedUrl) {
    if (!process.env.HUB_EMULATOR_TOKENS) throw new Error('HUB_EMULATOR_URL is set but HUB_EMULATOR_TOKENS is not; run the tests through `npm test`.');
    const { createHubControlClient } = await importHarnessModule<{ createHubControlClient(url: string): HubControl }>('hub-emulator/control-client.mjs');
    return {
      url: sharedUrl,
      tokens: JSON.parse(process.env.HUB_EMULATOR_TOKENS) as TestHub['tokens'],
      control: createHubControlClient(sharedUrl),
      close: async () => undefined,
    };
  }
  const { startHubEmulator } = await importHarnessModule<{
    startHubEmulator(options?: { s3Endpoint?: string }): Promise<TestHub>;
  }>('hub-emulator/index.mjs');
  return startHubEmulator({ s3Endpoint });
}
