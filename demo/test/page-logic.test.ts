// The page's logic that needs no browser: configuration, the connection policy and fetch guard,
// the S3 form checks, the mapping of listing errors to fields, names and step statuses, and token
// sign-in against the hub emulator.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { S3Error, SelectionTree, buildImportJob, compileFilters, createImportJob, groupImportJobs, resolveImportCommand, type HfJob } from '@s3-to-hf/core';
import { isJobGoing, nextJobUpdate } from '../src/app/job-update.js';
import { jobStatus, selectionStatus } from '../src/app/step-status.js';
import { parseHubUrl } from '../src/config/hub-url.js';
import { DEFAULT_OAUTH_SCOPES, readPageConfig } from '../src/config/page-config.js';
import { suggestBucketName } from '../src/elements/suggest-bucket-name.js';
import { isAllowedConnection } from '../src/net/connection-policy.js';
import { BlockedConnectionError, guardFetch } from '../src/net/fetch-guard.js';
import { importEntry } from '../src/imports/import-entry.js';
import { ImportsController } from '../src/imports/imports-controller.js';
import { importRouteOf } from '../src/imports/import-route.js';
import { formFieldForS3Error } from '../src/s3/s3-error-field.js';
import { accountStandingOf } from '../src/session/account-standing.js';
import { EMPTY_S3_FORM, connectionFromForm, normalizeS3Form, type S3FormValues } from '../src/s3/s3-form.js';
import { TokenFieldError, signInWithToken } from '../src/session/token-session.js';
// @ts-expect-error The demo's test helpers are plain JavaScript without type declarations.
import { useHub } from './support/test-hub.mjs';

describe('page configuration', () => {
  it('uses huggingface.co and token sign-in off a Space', () => {
    assert.deepEqual(readPageConfig({ href: 'http://localhost:8080/' }), { hubUrl: 'https://huggingface.co', hubIsDefault: true, onSpace: false });
  });

  it('takes ?hub= off a Space, and refuses an unsafe one', () => {
    const custom = readPageConfig({ href: 'http://localhost:8080/?hub=https%3A%2F%2Fhub.example.com%2F' });
    assert.equal(custom.hubUrl, 'https://hub.example.com');
    assert.equal(custom.hubIsDefault, false);
    const local = readPageConfig({ href: 'http://localhost:8080/?hub=http://127.0.0.1:4000' });
    assert.equal(local.hubUrl, 'http://127.0.0.1:4000');
    const unsafe = readPageConfig({ href: 'http://localhost:8080/?hub=http://hub.example.com' });
    assert.equal(unsafe.hubUrl, 'https://huggingface.co');
    assert.match(unsafe.hubUrlProblem ?? '', /must use https:\/\//);
  });

  it('on a Space: OAuth from the variables, the hub from HF_HUB_URL, and ?hub= ignored', () => {
    const config = readPageConfig({
      href: 'https://alice-importer.static.hf.space/?hub=https://evil.example',
      variables: { OAUTH_CLIENT_ID: 'abc', OAUTH_SCOPES: 'openid profile jobs', OPENID_PROVIDER_URL: 'https://huggingface.co' },
    });
    assert.deepEqual(config, { hubUrl: 'https://huggingface.co', hubIsDefault: true, onSpace: true, oauth: { clientId: 'abc', scopes: 'openid profile jobs' } });
    const selfHosted = readPageConfig({ href: 'https://x.example/', variables: { OAUTH_CLIENT_ID: 'abc', HF_HUB_URL: 'https://hub.corp.example' } });
    assert.equal(selfHosted.hubUrl, 'https://hub.corp.example');
    assert.equal(selfHosted.oauth?.scopes, DEFAULT_OAUTH_SCOPES);
    assert.equal(readPageConfig({ href: 'https://x.example/', variables: {} }).oauth, undefined, 'no client id: no OAuth, token sign-in instead');
  });

  it('accepts only clean hub addresses', () => {
    assert.deepEqual(parseHubUrl('https://hub.example.com/base/'), { hubUrl: 'https://hub.example.com/base' });
    for (const bad of ['hub.example.com', 'https://user:pw@hub.example.com', 'https://hub.example.com/?x=1', 'ftp://hub.example.com']) {
      assert.ok('problem' in parseHubUrl(bad), bad);
    }
  });

  it('never repeats the address in its problem, which may hold a password', () => {
    for (const bad of ['https://me:hunter2@hub.example.com', 'hunter2 not a url', 'https://hub.example.com/?token=hunter2', 'https://hub.example.com/#hunter2']) {
      const result = parseHubUrl(bad);
      assert.ok('problem' in result && !result.problem.includes('hunter2'), `${bad}: ${JSON.stringify(result)}`);
    }
  });
});

describe('connection policy and fetch guard', () => {
  const policy = { pageOrigin: 'https://alice-importer.static.hf.space', hubUrl: 'https://huggingface.co' };
  const allowed = (url: string, s3?: { endpoint?: string }) => isAllowedConnection(new URL(url), { ...policy, s3 });

  it('allows the page and the hub, and S3 only once the user connected it', () => {
    assert.ok(allowed('https://huggingface.co/api/whoami-v2'));
    assert.ok(allowed('https://alice-importer.static.hf.space/assets/x.js'));
    assert.ok(!allowed('https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2'));
    assert.ok(allowed('https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2', {}));
    assert.ok(allowed('https://s3.us-east-1.amazonaws.com/my.dotted.bucket', {}));
    assert.ok(allowed('https://my-bucket.s3.dualstack.us-west-2.amazonaws.com/', {}));
    assert.ok(!allowed('http://my-bucket.s3.eu-west-1.amazonaws.com/', {}), 'plain http to AWS is refused');
    assert.ok(!allowed('https://evil.example/steal', {}));
    assert.ok(!allowed('https://sts.amazonaws.com/', {}), 'only S3 hosts of AWS');
  });

  it('with an endpoint, allows exactly that origin', () => {
    const minio = { endpoint: 'https://minio.example.com:9000' };
    assert.ok(allowed('https://minio.example.com:9000/bucket?list-type=2', minio));
    assert.ok(!allowed('https://minio.example.com/bucket', minio), 'another port is another origin');
    assert.ok(!allowed('https://my-bucket.s3.amazonaws.com/', minio));
  });

  it('refuses blocked requests before they leave, and passes the others through', async () => {
    const seen: string[] = [];
    const base = (async (input: RequestInfo | URL) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return new Response('ok');
    }) as typeof fetch;
    const guarded = guardFetch(base, (url) => url.hostname === 'huggingface.co', 'https://page.example/');
    assert.equal(await (await guarded('https://huggingface.co/api/whoami-v2')).text(), 'ok');
    assert.equal(await (await guarded(new Request('https://huggingface.co/api/jobs/alice'))).text(), 'ok');
    await assert.rejects(guarded('https://evil.example/x'), (error: unknown) => {
      assert.ok(error instanceof BlockedConnectionError && error instanceof TypeError);
      assert.match(error.message, /refused to connect to https:\/\/evil\.example/);
      return true;
    });
    await assert.rejects(guarded('/relative'), BlockedConnectionError, 'relative URLs resolve against the page');
    assert.deepEqual(seen, ['https://huggingface.co/api/whoami-v2', 'https://huggingface.co/api/jobs/alice']);
  });
});

describe('S3 form', () => {
  const form = (values: Partial<S3FormValues>): S3FormValues => ({ ...EMPTY_S3_FORM, ...values });
  const keys = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' };

  it('reports every bad field at once, with core\'s messages', () => {
    const { connection, errors } = connectionFromForm(form({ bucket: 'Bad_Name', region: 'nowhere', prefix: '/abs', accessKeyId: ' AKIA', secretAccessKey: '' }));
    assert.equal(connection, undefined);
    assert.deepEqual(Object.keys(errors).sort(), ['accessKeyId', 'bucket', 'prefix', 'region', 'secretAccessKey']);
    assert.match(errors.secretAccessKey ?? '', /Enter the secret access key/);
    assert.match(errors.bucket ?? '', /may only contain lowercase letters/);
    assert.match(errors.accessKeyId ?? '', /contains spaces or line breaks/);
    const secretOnly = connectionFromForm(form({ bucket: 'good-bucket', accessKeyId: 'AKIA' }));
    assert.deepEqual(Object.keys(secretOnly.errors), ['secretAccessKey']);
    const endpoint = connectionFromForm(form({ bucket: 'good-bucket', endpoint: 'http://minio.example.com', ...keys }));
    assert.match(endpoint.errors.endpoint ?? '', /must use https:\/\//);
  });

  it('tidies pasted values: s3:// URLs, spaces around names, a missing trailing slash, an empty region', () => {
    assert.deepEqual(normalizeS3Form(form({ bucket: '  s3://my-bucket/data/2024  ', region: '  ' })), form({ bucket: 'my-bucket', prefix: 'data/2024/', region: 'us-east-1' }));
    assert.equal(normalizeS3Form(form({ bucket: 's3://my-bucket/ignored/', prefix: 'kept' })).prefix, 'kept/');
    assert.equal(normalizeS3Form(form({ secretAccessKey: ' keep me ' })).secretAccessKey, ' keep me ', 'keys are never altered');
  });

  it('builds the connection the elements get', () => {
    assert.deepEqual(connectionFromForm(form({ bucket: 'my-bucket', region: 'eu-west-3', prefix: 'in', ...keys, sessionToken: 'FwoG' })).connection, {
      bucket: 'my-bucket',
      region: 'eu-west-3',
      prefix: 'in/',
      credentials: { ...keys, sessionToken: 'FwoG' },
    });
    assert.deepEqual(connectionFromForm(form({ bucket: 'open-data', endpoint: 'https://s3.example.com', region: 'garage', anonymous: true, ...keys })).connection, {
      bucket: 'open-data',
      region: 'garage',
      endpoint: 'https://s3.example.com',
      anonymous: true,
    });
  });

  it('sends listing failures back to the field they are about', () => {
    const where = { hasEndpoint: true, hasSessionToken: false };
    const fieldOf = (kind: string, field?: string) => formFieldForS3Error(new S3Error(kind as never, 'message', { field }), where);
    assert.equal(fieldOf('bad-credentials'), 'secretAccessKey');
    assert.equal(fieldOf('access-denied'), 'accessKeyId');
    assert.equal(fieldOf('no-such-bucket'), 'bucket');
    assert.equal(fieldOf('wrong-region'), 'region');
    assert.equal(fieldOf('unreachable'), 'endpoint');
    assert.equal(formFieldForS3Error({ kind: 'unreachable', message: '' }, { ...where, hasEndpoint: false }), 'bucket');
    assert.equal(fieldOf('expired-token'), 'accessKeyId');
    assert.equal(formFieldForS3Error({ kind: 'expired-token', message: '' }, { ...where, hasSessionToken: true }), 'sessionToken');
    assert.equal(fieldOf('invalid-input', 'credentials.sessionToken'), 'sessionToken');
    assert.equal(fieldOf('cors-blocked'), undefined, 'the tree explains CORS itself');
    assert.equal(fieldOf('aborted'), undefined);
  });
});

describe('names and statuses', () => {
  it('suggests a destination bucket name the Hub accepts', () => {
    assert.equal(suggestBucketName('my-datasets'), 'my-datasets');
    assert.equal(suggestBucketName('logs..2024--raw'), 'logs.2024-raw');
    assert.equal(suggestBucketName('.hidden-'), 'hidden');
    assert.equal(suggestBucketName('x'.repeat(120)).length, 96);
    assert.equal(suggestBucketName('...'), 'imported-data');
  });

  it('summarises the selection and the Job in the step headers', () => {
    assert.equal(selectionStatus(undefined), undefined);
    assert.equal(selectionStatus({ mode: 'tree', problem: 'Nothing selected' }), undefined);
    const filters = { root: '', include: [], exclude: [] } as never;
    assert.equal(selectionStatus({ mode: 'tree', filters, stats: { files: 1204, bytes: 3_400_000, unlistedFolders: 0, uncountedFolders: 0 } }), '1,204 files · 3.4 MB');
    assert.equal(selectionStatus({ mode: 'tree', filters, stats: { files: 1, bytes: 10, unlistedFolders: 2, uncountedFolders: 1 } }), '1 file · 10 B + 1 folder');
    assert.equal(selectionStatus({ mode: 'tree', filters, stats: { files: 0, bytes: 0, unlistedFolders: 2, uncountedFolders: 2 } }), '2 folders selected');
    assert.equal(selectionStatus({ mode: 'manual', filters }), 'Patterns set');
    assert.equal(jobStatus({ jobId: 'j', namespace: 'a', stage: 'RUNNING' }), 'Import running');
    assert.equal(jobStatus({ jobId: 'j', namespace: 'a', stage: 'COMPLETED', outcome: 'partial' }), 'Finished, some files failed');
    assert.equal(jobStatus({ jobId: 'j', namespace: 'a', stage: 'PAUSED' }), 'Import paused');
  });
});

describe('token sign-in (against the hub emulator)', () => {
  let hub: { url: string; tokens: Record<string, string>; close(): Promise<void> };
  before(async () => {
    hub = await useHub();
  });
  after(() => hub.close());

  const refused = async (token: string, message: RegExp) => {
    await assert.rejects(signInWithToken({ token, hubUrl: hub.url }), (error: unknown) => {
      assert.ok(error instanceof TokenFieldError, String(error));
      assert.match(error.message, message);
      assert.ok(!error.message.includes(token.trim()) || token.trim() === '', 'the message never repeats the token');
      return true;
    });
  };

  it('signs in with a write token: user, orgs and avatars as absolute URLs', async () => {
    const session = await signInWithToken({ token: `  ${hub.tokens.write}\n`, hubUrl: hub.url });
    assert.equal(session.method, 'token');
    assert.equal(session.accessToken, hub.tokens.write, 'surrounding whitespace is dropped');
    assert.equal(session.expiresAt, undefined);
    assert.deepEqual(session.user.name, 'alice');
    assert.equal(session.user.fullname, 'Alice Liddell');
    assert.equal(session.user.avatarUrl, `${hub.url}/avatars/alice.svg`);
    assert.deepEqual(session.user.orgs?.map((org) => `${org.name}:${org.roleInOrg}`).sort(), ['acme:write', 'readonly-org:read']);
  });

  it('refuses malformed, unknown, expired and read-only tokens with what to do', async () => {
    await refused('', /Paste a Hugging Face access token/);
    await refused('hf_two parts', /spaces or line breaks/);
    await refused('ghp_notatoken', /start with "hf_"/);
    await refused('hf_unknown_token_value', /did not accept this token.*settings\/tokens/);
    await refused(hub.tokens.expired, /did not accept this token/);
    await refused(hub.tokens.read, /read-only token/);
  });

  it('reports an unreachable hub as a network problem, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(signInWithToken({ token: hub.tokens.write, hubUrl: `http://127.0.0.1:${port}` }), (error: unknown) => {
      assert.ok(!(error instanceof TokenFieldError));
      assert.match(String((error as Error).message), /could not be reached/);
      return true;
    });
  });
});

describe('account standing', () => {
  it('keeps the plan fields whoami gives, and nothing when it gives none', () => {
    assert.deepEqual(accountStandingOf({ isPro: true, canPay: false, periodEnd: '2027-02-01T00:00:00.000Z' }), {
      isPro: true,
      canPay: false,
      periodEnd: new Date('2027-02-01T00:00:00.000Z'),
    });
    assert.deepEqual(accountStandingOf({ isPro: false, canPay: true, periodEnd: null }), { isPro: false, canPay: true });
    assert.deepEqual(accountStandingOf({ periodEnd: 1_800_000_000 }), { periodEnd: new Date(1_800_000_000_000) });
    assert.equal(accountStandingOf({ name: 'alice', periodEnd: 'not a date', isPro: 'yes' }), undefined);
    assert.equal(accountStandingOf(null), undefined);
  });
});

describe('the Job updates step 4 shows', () => {
  it('keeps the outcome when a status event follows the finished one, for the same Job only', () => {
    const finished = { jobId: 'a', namespace: 'alice', stage: 'COMPLETED', outcome: 'partial' as const, reason: '2 files failed.' };
    assert.deepEqual(nextJobUpdate(finished, { jobId: 'a', namespace: 'alice', stage: 'COMPLETED' }), { ...finished });
    assert.deepEqual(nextJobUpdate(finished, { jobId: 'b', namespace: 'alice', stage: 'SCHEDULING' }), { jobId: 'b', namespace: 'alice', stage: 'SCHEDULING' });
    assert.equal(isJobGoing({ jobId: 'b', namespace: 'alice', stage: 'RUNNING' }), true);
    assert.equal(isJobGoing({ jobId: 'b', namespace: 'alice', stage: 'CANCELED' }), false);
    assert.equal(isJobGoing(finished), false);
    assert.equal(isJobGoing(undefined), false);
  });
});

describe('the list of imports', () => {
  const hostileTree = SelectionTree.fromKeys(["it's/$(x) \"q\"/a.txt", "it's/$(x) \"q\"/b.txt", 'other.txt'].map((key) => ({ key, size: 1 })));
  hostileTree.setSelected("it's/", true);
  const options = {
    source: { bucket: 'my-data', prefix: "exports/it's here/", region: 'eu-west-1' },
    filters: compileFilters(hostileTree),
    destination: { namespace: 'alice', bucket: 'imports', prefix: "copies/o'neil" },
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    hfToken: 'hf_example',
  };

  it('reads the source and destination back from the script core writes, quotes and all', async () => {
    const spec = await buildImportJob(options);
    const { sourceUri, destinationUri } = resolveImportCommand(options);
    assert.match(sourceUri, /it's here/);
    assert.deepEqual(importRouteOf(spec), { source: sourceUri, destination: destinationUri });
  });

  it('shows nothing for a command it does not know', () => {
    assert.equal(importRouteOf({ command: ['python', '-c', 'print(1)'] }), undefined);
    assert.equal(importRouteOf({ command: ['bash', '-c', "hf buckets import 'not-s3' 'hf://buckets/a/b'"] }), undefined);
    assert.equal(importRouteOf({ command: [] }), undefined);
  });

  const job = (id: string, stage: string, labels: Record<string, string>, createdAt: string, command: string[] = []): HfJob =>
    ({ id, createdAt, status: { stage }, labels, flavor: 'cpu-basic', command, owner: { id: 'u1', name: 'alice', type: 'user' } }) as unknown as HfJob;

  it('describes a single Job and a sharded import in words', async () => {
    const spec = await buildImportJob(options);
    const now = new Date('2026-12-01T12:00:00Z');
    const [sharded, single] = groupImportJobs([
      job('j1', 'COMPLETED', { app: 's3-to-hf-import', 'import-id': 'i1' }, '2026-12-01T10:00:00Z', spec.command),
      job('s1', 'COMPLETED', { app: 's3-to-hf-import', 'import-id': 's1', 'import-group': 'g1', shard: '1-of-3' }, '2026-12-01T11:57:00Z'),
      job('s2', 'RUNNING', { app: 's3-to-hf-import', 'import-id': 's2', 'import-group': 'g1', shard: '2-of-3' }, '2026-12-01T11:57:00Z'),
      job('s3', 'ERROR', { app: 's3-to-hf-import', 'import-id': 's3', 'import-group': 'g1', shard: '3-of-3' }, '2026-12-01T11:57:00Z'),
    ]);
    const one = importEntry(single, { namespace: 'alice', now });
    assert.equal(one.id, 'i1');
    assert.equal(one.stateLabel, 'Completed');
    assert.equal(one.tone, 'success');
    assert.equal(one.active, false);
    assert.equal(one.details, 'Started 2 h ago · cpu-basic');
    assert.equal(one.route?.destination, 'hf://buckets/alice/imports/copies/o\'neil/it\'s/$(x) "q"');

    const group = importEntry(sharded, { namespace: 'alice', now });
    assert.equal(group.id, 'g1');
    assert.equal(group.stateLabel, 'Running', 'one running shard makes the import running');
    assert.equal(group.tone, 'active');
    assert.equal(group.details, 'Started 3 min ago · 3 Jobs (2 done) · cpu-basic');
    assert.equal(group.route, undefined);

    const [failed] = groupImportJobs([job('s3', 'ERROR', { app: 's3-to-hf-import', 'import-id': 'x' }, '2026-11-01T10:00:00Z')]);
    assert.deepEqual([importEntry(failed, { namespace: 'acme', now }).stateLabel, importEntry(failed, { namespace: 'acme', now }).details], ['Failed', 'Started on 1 Nov 2026 · cpu-basic']);
  });
});

describe('the imports controller (against the hub emulator)', () => {
  let hub: { url: string; tokens: Record<string, string>; control: { createBucket(id: string): Promise<void> }; close(): Promise<void> };
  before(async () => {
    hub = await useHub();
  });
  after(() => hub.close());

  const host = () => {
    const updates: number[] = [];
    return { addController: () => undefined, removeController: () => undefined, requestUpdate: () => updates.push(updates.length), updateComplete: Promise.resolve(true), updates };
  };

  it('lists the imports of the user and their organisations, and says why when it cannot', async () => {
    const writer = host();
    const imports = new ImportsController(writer);
    const session = await signInWithToken({ token: hub.tokens.write, hubUrl: hub.url });
    const created = await runImportJob(hub.url, hub.tokens.write);
    imports.follow(session, hub.url);
    await imports.refresh();
    assert.equal(imports.problem, undefined);
    assert.equal(imports.loaded, true);
    assert.ok(imports.imports.some(({ namespace, record }) => namespace === 'alice' && record.jobs.some((job) => job.id === created)));
    assert.ok(writer.updates.length > 0, 'the page is told to render');
    imports.forget();
    assert.deepEqual(imports.imports, []);

    const refused = new ImportsController(host());
    refused.follow({ ...session, accessToken: hub.tokens.noJobs }, hub.url);
    await refused.refresh();
    assert.match(refused.problem ?? '', /^The list of your imports could not be read: .*jobs/i);
    refused.forget();
  });
});

/** Starts a small import Job in alice's namespace the way the page does, and returns its id. */
async function runImportJob(hubUrl: string, accessToken: string): Promise<string> {
  const tree = SelectionTree.fromKeys([{ key: 'README.md', size: 1 }]);
  tree.setSelected('README.md', true);
  const { job } = await createImportJob({
    accessToken,
    hubUrl,
    source: { bucket: 'not-read-by-this-test', anonymous: true },
    filters: compileFilters(tree),
    destination: { namespace: 'alice', bucket: 'controller-test' },
    dryRun: true,
  });
  return job.id;
}
