// A full import through core with distinctive credentials (an RGW user made for this test, an
// OAuth token issued for it), plus a set of provoked failures, while everything observable is
// collected: the Job as the Hub received it (command, arguments, environment, labels, the secret
// names), every request URL the hub emulator and the S3 fault proxy saw, the Job's log, all that
// this process printed, and every error (message and full inspection, causes included). None of
// it may contain a credential, raw or encoded, whole or in part.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  buildImportJob,
  compileFilters,
  countFolder,
  createBucket,
  createImportJob,
  describeImportCommand,
  followJob,
  getJob,
  importJobSecretNames,
  listFolder,
  SelectionTree,
  streamJobLogs,
  summarizeImportResult,
  validateConnection,
  whoAmI,
  type S3Connection,
} from '@s3-to-hf/core';
import { createSeededBucket, type SeededBucket } from '../../packages/core/test/s3-seeded-bucket.js';
import { findLeaks } from './support/leak-search.js';
import { useTestServers, type TestServers } from './support/test-servers.js';

type FaultRule = { match?: Record<string, string>; fault: string; region?: string; times?: number };
interface ProxyClient {
  addFault(rule: FaultRule): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  stats(): Promise<{ recent: Array<{ path: string }> }>;
}

const harnessModule = <T>(path: string): Promise<T> => import(new URL(`../${path}`, import.meta.url).href) as Promise<T>;

/** Letters and digits only, like AWS access key ids. */
const keyId = () => `AKLK${randomBytes(12).toString('hex').toUpperCase().slice(0, 16)}`;
/** Base64 with '/' and '+', so URL-encoding would change it (and be searched for). */
const secretKey = () => {
  let value = '';
  while (!/[+/]/.test(value)) value = randomBytes(30).toString('base64');
  return value;
};

describe('credentials never leak (full import and provoked failures)', () => {
  let servers: TestServers;
  let proxy: ProxyClient;
  let source: SeededBucket;
  let removeUser: () => Promise<void>;
  const secrets: Record<string, string> = {};
  const observed = new Map<string, string>();
  const observe = (source: string, value: unknown) => observed.set(source, (observed.get(source) ?? '') + (typeof value === 'string' ? value : inspect(value, { depth: 10 })) + '\n');
  const printed: string[] = [];
  const originalWrite = { out: process.stdout.write, err: process.stderr.write };
  let hubSince = 0;
  let provoked = 0;

  before(async () => {
    // Everything this process prints from now on is kept (and still printed).
    for (const [stream, key] of [[process.stdout, 'out'], [process.stderr, 'err']] as const) {
      const write = originalWrite[key];
      stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
        printed.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof stream.write;
    }
    servers = await useTestServers();
    const { createProxyClient } = await harnessModule<{ createProxyClient(endpoint: string): ProxyClient }>('s3/proxy-client.mjs');
    proxy = createProxyClient(servers.s3.proxyEndpoint);
    const { createRgwUser } = await harnessModule<{
      createRgwUser(options: { stateDir: string; uid: string; accessKeyId: string; secretAccessKey: string }): Promise<{ remove(): Promise<void> }>;
    }>('s3/rgw-user.mjs');
    secrets.accessKeyId = keyId();
    secrets.secretAccessKey = secretKey();
    secrets.sessionToken = `FQoGZXIvYXdzE${randomBytes(40).toString('base64')}`;
    secrets.wrongSecret = secretKey();
    const user = await createRgwUser({ stateDir: servers.s3.stateDir, uid: `leak-${randomUUID().slice(0, 8)}`, accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.secretAccessKey });
    removeUser = () => user.remove();
    secrets.hfToken = await servers.hub.control.issueOAuthToken({ scopes: ['jobs', 'write-repos'] });
    secrets.readOnlyToken = await servers.hub.control.issueOAuthToken({ scopes: ['write-repos'] });
    hubSince = (await servers.hub.control.requests()).at(-1)?.seq ?? 0;
    const { endpoint, region } = servers.s3;
    source = await createSeededBucket(
      { endpoint, region, accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.secretAccessKey },
      ['data/a.txt', 'data/b [1].bin', 'data/sub/$(c).txt', 'other/skip.txt', 'top.txt'].map((key) => ({ key, body: `body of ${key}` })),
    );
  });

  after(async () => {
    process.stdout.write = originalWrite.out;
    process.stderr.write = originalWrite.err;
    await proxy?.clearFaults();
    await source?.remove();
    await removeUser?.();
    await servers?.stop();
  });

  const connection = (overrides: Partial<S3Connection> = {}): S3Connection => ({
    bucket: source.bucket,
    region: servers.s3.region,
    endpoint: servers.s3.endpoint,
    credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.secretAccessKey },
    ...overrides,
  });
  const hub = () => ({ hubUrl: servers.hub.url, accessToken: secrets.hfToken });

  /** Runs a call that must fail, and keeps its error (message, and inspected with its causes). */
  async function provoke(name: string, failing: () => Promise<unknown> | unknown): Promise<void> {
    let caught: unknown;
    try {
      await failing();
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof Error, `${name} was expected to fail`);
    provoked++;
    observe(`error: ${name}`, `${caught.message}\n${String(caught)}\n${inspect(caught, { depth: 10 })}`);
  }

  it('runs a whole import with the credentials only in the Job secrets', async () => {
    const listing = await listFolder(connection(), '');
    const tree = new SelectionTree();
    tree.addListing('', listing.files, listing.folders);
    const data = await listFolder(connection(), 'data/');
    tree.addListing('data/', data.files, data.folders);
    tree.setSelected('data/', true);
    tree.setSelected('top.txt', true);
    observe('count', await countFolder(connection(), 'data/'));
    const filters = compileFilters(tree);
    const bucket = `leak-check-${randomUUID().slice(0, 8)}`;
    await createBucket({ ...hub(), namespace: 'alice', name: bucket });
    const options = {
      source: { bucket: source.bucket, region: servers.s3.region, endpoint: servers.s3.endpoint },
      credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.secretAccessKey },
      filters,
      destination: { namespace: 'alice', bucket, prefix: 'imported/' },
    };
    observe('displayed command', describeImportCommand(options));
    const { job } = await createImportJob({ ...hub(), ...options });
    const lines: string[] = [];
    const finished = await followJob({ ...hub(), namespace: 'alice', jobId: job.id, pollIntervalMs: 100, onLine: ({ line }) => lines.push(line), onJob: (read) => observe('Job as read by the page', read) });
    const summary = summarizeImportResult(finished.status, lines.filter((line) => line.startsWith('Import completed:')).at(-1));
    assert.equal(summary.outcome, 'completed', `${summary.reason}\n${lines.join('\n')}`);
    observe('summary', summary);
    observe('Job log (followed)', lines.join('\n'));
    observe('Job log (emulator)', (await servers.hub.control.jobLogs(job.id)).join('\n'));

    const received = (await servers.hub.control.jobs()).find((entry) => (entry as { id: string }).id === job.id) as Record<string, unknown>;
    const { command, arguments: args, environment, labels, secrets: secretNames } = received;
    observe('Job as the Hub received it', { command, arguments: args, environment, labels, secretNames });
    assert.deepEqual([...(secretNames as string[])].sort(), importJobSecretNames({ anonymous: false }).sort(), 'the credentials went as secrets, by name');
    const files = (await servers.hub.control.buckets()).get(`alice/${bucket}`);
    assert.deepEqual([...(files?.keys() ?? [])].sort(), ['imported/data/a.txt', 'imported/data/b [1].bin', 'imported/data/sub/$(c).txt', 'imported/top.txt']);

    // The same with a session token, as far as a Job is built (RGW has no STS to check one).
    const withToken = await buildImportJob({ ...options, credentials: { ...options.credentials, sessionToken: secrets.sessionToken }, hfToken: secrets.hfToken });
    assert.equal(withToken.secrets.AWS_SESSION_TOKEN, secrets.sessionToken);
    observe('Job spec with a session token', { ...withToken, secrets: Object.keys(withToken.secrets) });
  });

  it('keeps them out of every error of a set of provoked failures', async () => {
    const viaProxy = (overrides: Partial<S3Connection> = {}) => connection({ endpoint: servers.s3.proxyEndpoint, ...overrides });
    const withSession = viaProxy({ credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.secretAccessKey, sessionToken: secrets.sessionToken } });
    await provoke('wrong S3 secret', () => listFolder(connection({ credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.wrongSecret } }), ''));
    await provoke('wrong S3 secret while counting', () => countFolder(connection({ credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.wrongSecret } }), ''));
    await provoke('unknown access key', () => listFolder(connection({ credentials: { accessKeyId: `${secrets.accessKeyId.slice(0, -1)}Z`, secretAccessKey: secrets.secretAccessKey } }), ''));
    // signature-mismatch-403 answers like AWS, whose error body quotes the access key id.
    for (const fault of ['signature-mismatch-403', 'expired-token-400', 'access-denied-403', 'internal-500', 'slow-down-503', 'wrong-region-301', 'drop-connection']) {
      await proxy.addFault({ match: { bucket: source.bucket }, fault });
      await provoke(`S3 ${fault}`, () => listFolder(withSession, 'data/', { maxAttempts: 2 }));
      await proxy.clearFaults();
    }
    await proxy.addFault({ match: { bucket: source.bucket }, fault: 'hang' });
    await provoke('S3 hangs', () => countFolder(withSession, '', { requestTimeoutMs: 300 }));
    await proxy.clearFaults();
    await provoke('secret with a line break', () => validateConnection(connection({ credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: `${secrets.secretAccessKey}\n` } })));
    await provoke('session token with a space', () => validateConnection(connection({ credentials: { ...connection().credentials!, sessionToken: ` ${secrets.sessionToken}` } })));
    const job = { source: { bucket: source.bucket }, filters: { root: '', include: [], exclude: [] }, destination: { namespace: 'alice', bucket: 'x' } };
    await provoke('Job with a pasted token', () => buildImportJob({ ...job, credentials: connection().credentials, hfToken: `${secrets.hfToken}\n` }));
    await provoke('Job with a pasted secret', () => buildImportJob({ ...job, credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: `${secrets.secretAccessKey} ` }, hfToken: secrets.hfToken }));
    await provoke('Job without the jobs scope', () => createImportJob({ hubUrl: servers.hub.url, accessToken: secrets.readOnlyToken, ...job, credentials: connection().credentials }));
    await servers.hub.control.fault({ route: 'POST /api/jobs/:ns', params: { ns: 'alice' }, status: 500, times: 3 });
    await provoke('Hub down while creating the Job', () => createImportJob({ ...hub(), ...job, credentials: connection().credentials, retryDelayMs: 5 }));
    await servers.hub.control.clearFaults();

    // An import that fails inside the Job: the wrong secret reaches the Job as a secret only.
    const unwritten = `leak-unwritten-${randomUUID().slice(0, 8)}`;
    await createBucket({ ...hub(), namespace: 'alice', name: unwritten });
    const failing = await createImportJob({
      ...hub(),
      ...job,
      source: { bucket: source.bucket, region: servers.s3.region, endpoint: servers.s3.endpoint },
      destination: { namespace: 'alice', bucket: unwritten },
      credentials: { accessKeyId: secrets.accessKeyId, secretAccessKey: secrets.wrongSecret },
    });
    const lines: string[] = [];
    const ended = await followJob({ ...hub(), namespace: 'alice', jobId: failing.job.id, pollIntervalMs: 100, onLine: ({ line }) => lines.push(line) });
    assert.equal(ended.status.stage, 'ERROR', lines.join('\n'));
    assert.ok(lines.some((line) => /SignatureDoesNotMatch|InvalidAccessKeyId/.test(line)), lines.join('\n'));
    observe('log of the failed Job', lines.join('\n'));

    const revoked = await servers.hub.control.issueOAuthToken({ scopes: ['jobs'] });
    secrets.revokedToken = revoked;
    await servers.hub.control.revokeToken(revoked);
    await provoke('revoked token: whoami', () => whoAmI({ hubUrl: servers.hub.url, accessToken: revoked }));
    await provoke('revoked token: follow', () => followJob({ hubUrl: servers.hub.url, accessToken: revoked, namespace: 'alice', jobId: failing.job.id }));
    await provoke('revoked token: logs', async () => {
      for await (const entry of streamJobLogs({ hubUrl: servers.hub.url, accessToken: revoked, namespace: 'alice', jobId: failing.job.id })) void entry;
    });
    await provoke('malformed token', () => getJob({ hubUrl: servers.hub.url, accessToken: `x${secrets.hfToken}`, namespace: 'alice', jobId: failing.job.id }));
    assert.ok(provoked >= 20, `${provoked} failures provoked`);
  });

  it('would notice a leak: the search finds planted secrets in every encoding, and pieces of them', () => {
    const secret = secrets.secretAccessKey;
    const planted = new Map([
      ['raw', `x ${secret} y`],
      ['url', `?k=${encodeURIComponent(secret)}`],
      ['base64', Buffer.from(secret).toString('base64')],
      ['base64url', Buffer.from(secret).toString('base64url')],
      ['hex', Buffer.from(secret).toString('hex')],
      ['piece', `…${secret.slice(10, 30)}…`],
      ['clean', 'nothing here'],
    ]);
    const found = findLeaks({ secretAccessKey: secret }, planted);
    assert.deepEqual(found.map((leak) => leak.source), ['raw', 'url', 'base64', 'base64url', 'hex', 'piece']);
    assert.ok(found.every((leak) => !leak.context.includes(secret)), 'the report masks the secret');
  });

  it('finds none of them in anything observed', async (t) => {
    const hubRequests = await servers.hub.control.requests(hubSince);
    observe('hub request URLs', hubRequests.map((entry) => `${entry.method} ${entry.url}`).join('\n'));
    observe('S3 request URLs (fault proxy)', (await proxy.stats()).recent.map((entry) => entry.path).join('\n'));
    observe('printed by this process', printed.join(''));
    const leaks = findLeaks(secrets, observed);
    const size = [...observed.values()].reduce((total, text) => total + text.length, 0);
    t.diagnostic(
      `${Object.keys(secrets).length} secrets searched (raw, URL-encoded, base64, base64url, hex, JSON, any 16-character piece) in ` +
        `${observed.size} sources (${size} characters, ${hubRequests.length} hub requests, ${provoked} provoked failures): ${leaks.length} leaks`,
    );
    assert.deepEqual(leaks, []);
    assert.ok(hubRequests.length > 20 && observed.size > provoked, 'enough was observed for the search to mean something');
  });
});
