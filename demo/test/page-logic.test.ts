// The page's logic that needs no browser: configuration, the connection policy and fetch guard,
// the S3 form checks, the mapping of listing errors to fields, names and step statuses, and token
// sign-in against the hub emulator.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { S3Error } from '@s3-to-hf/core';
import { jobStatus, selectionStatus } from '../src/app/step-status.js';
import { parseHubUrl } from '../src/config/hub-url.js';
import { DEFAULT_OAUTH_SCOPES, readPageConfig } from '../src/config/page-config.js';
import { suggestBucketName } from '../src/elements/suggest-bucket-name.js';
import { isAllowedConnection } from '../src/net/connection-policy.js';
import { BlockedConnectionError, guardFetch } from '../src/net/fetch-guard.js';
import { formFieldForS3Error } from '../src/s3/s3-error-field.js';
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
