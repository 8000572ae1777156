// The fault proxy in front of the real RADOS Gateway. Each test file gets its own proxy instance
// (the shared server's proxy is left alone: other test files may be using it right now), and
// writes only into a scratch bucket of `otherUser`, invisible to the owner of the test buckets.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { startFaultProxy } from '../fault-proxy.mjs';
import { createProxyClient } from '../proxy-client.mjs';
import { createS3Client } from '../s3-client.mjs';
import { acquireS3TestServer, allowedOrigin } from '../test-support/acquire-s3-test-server.mjs';
import { httpRequest } from '../test-support/http-request.mjs';

const scratchBucket = `s3hf-proxy-test-${randomBytes(4).toString('hex')}`;
const bigKey = 'dir with space/big [1] ü.bin';
const bigBody = randomBytes(256 * 1024);
const smallKey = 'small.txt';
const uploadedKey = 'uploaded through the proxy [ü].bin';
let server;
let release;
let proxy;
let viaProxy;
let direct;

before(async () => {
  ({ server, release } = await acquireS3TestServer({ seed: false }));
  proxy = await startFaultProxy({ target: server.endpoint });
  direct = createS3Client({ endpoint: server.endpoint, credentials: server.otherUser });
  viaProxy = createS3Client({ endpoint: proxy.endpoint, credentials: server.otherUser, maxAttempts: 1 });
  await direct.send(new CreateBucketCommand({ Bucket: scratchBucket }));
  // Readable without a signature, so plain HTTP requests can fetch it through the proxy.
  await direct.send(new PutObjectCommand({ Bucket: scratchBucket, Key: bigKey, Body: bigBody, ACL: 'public-read' }));
  await direct.send(new PutObjectCommand({ Bucket: scratchBucket, Key: smallKey, Body: 'small' }));
});
afterEach(() => proxy.control.reset());
after(async () => {
  for (const Key of [bigKey, smallKey, uploadedKey]) {
    await direct?.send(new DeleteObjectCommand({ Bucket: scratchBucket, Key })).catch(() => {});
  }
  await direct?.send(new DeleteBucketCommand({ Bucket: scratchBucket })).catch(() => {});
  for (const client of [direct, viaProxy]) client?.destroy();
  await proxy?.close();
  await release?.();
});

async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the request was expected to fail');
}

const listScratch = (client = viaProxy) => client.send(new ListObjectsV2Command({ Bucket: scratchBucket }));
const lastProxied = () => proxy.control.stats().recent.at(-1);

describe('pass-through', () => {
  it('keeps SigV4 valid: signed uploads and reads through the proxy reach RGW byte for byte', async () => {
    await viaProxy.send(new PutObjectCommand({ Bucket: scratchBucket, Key: uploadedKey, Body: bigBody }));
    const stored = await direct.send(new GetObjectCommand({ Bucket: scratchBucket, Key: uploadedKey }));
    assert.deepEqual(Buffer.from(await stored.Body.transformToByteArray()), bigBody);
    const read = await viaProxy.send(new GetObjectCommand({ Bucket: scratchBucket, Key: uploadedKey }));
    assert.deepEqual(Buffer.from(await read.Body.transformToByteArray()), bigBody);
  });

  it('still lets RGW reject a wrong secret', async () => {
    const forged = createS3Client({ endpoint: proxy.endpoint, credentials: { ...server.otherUser, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    assert.equal((await failure(listScratch(forged))).name, 'SignatureDoesNotMatch');
  });

  it('counts the requests it sees', async () => {
    proxy.control.resetCounters();
    await listScratch();
    await viaProxy.send(new HeadBucketCommand({ Bucket: scratchBucket }));
    assert.equal(proxy.control.requestCount(), 2);
    assert.deepEqual(proxy.control.stats().recent.map(({ method }) => method), ['GET', 'HEAD']);
  });

  it("forwards to the shared server's RGW through its own proxy too", async () => {
    const shared = createS3Client({ endpoint: server.proxyEndpoint, credentials: server, maxAttempts: 1 });
    const page = await shared.send(new ListObjectsV2Command({ Bucket: server.corsBucket, MaxKeys: 1 }));
    assert.equal(page.$metadata.httpStatusCode, 200);
    const stats = await createProxyClient(server.proxyEndpoint).stats();
    assert.ok(stats.requests >= 1);
  });
});

describe('S3 error faults', () => {
  const cases = [
    ['slow-down-503', 'SlowDown', 503],
    ['internal-500', 'InternalError', 500],
    ['access-denied-403', 'AccessDenied', 403],
    ['expired-token-400', 'ExpiredToken', 400],
    ['wrong-region-301', 'PermanentRedirect', 301],
    ['signature-mismatch-403', 'SignatureDoesNotMatch', 403],
  ];
  for (const [fault, code, status] of cases) {
    it(`${fault} answers ${status} ${code} as S3 would`, async () => {
      proxy.control.addFault({ fault, times: 1 });
      const error = await failure(listScratch());
      assert.equal(error.name, code);
      assert.equal(error.$metadata.httpStatusCode, status);
      assert.match(error.$metadata.requestId, /^[0-9A-F]{16}$/);
      assert.equal(lastProxied().fault, fault);
      await listScratch(); // times: 1, so the next request goes through
    });
  }

  it('wrong-region-301 names the region in x-amz-bucket-region and <Endpoint>', async () => {
    proxy.control.addFault({ fault: 'wrong-region-301', region: 'ap-south-1', times: 1 });
    const response = await httpRequest(`${proxy.endpoint}/${scratchBucket}?list-type=2`);
    assert.equal(response.status, 301);
    assert.equal(response.headers['x-amz-bucket-region'], 'ap-south-1');
    assert.match(response.body.toString(), new RegExp(`<Endpoint>${scratchBucket}\\.s3\\.ap-south-1\\.amazonaws\\.com</Endpoint>`));
  });

  it('signature-mismatch-403 quotes the access key id and what was signed, as AWS does', async () => {
    proxy.control.addFault({ fault: 'signature-mismatch-403', times: 1 });
    const error = await failure(listScratch());
    assert.equal(error.AWSAccessKeyId, server.otherUser.accessKeyId, 'the SDK copies the body fields onto its error');
    assert.match(error.StringToSign, /^AWS4-HMAC-SHA256\n/);
    assert.match(error.SignatureProvided, /^[0-9a-f]{64}$/);
  });

  it('answers HEAD faults without a body, like S3', async () => {
    proxy.control.addFault({ fault: 'access-denied-403', times: 1 });
    const response = await httpRequest(`${proxy.endpoint}/${scratchBucket}`, { method: 'HEAD' });
    assert.equal(response.status, 403);
    assert.equal(response.body.length, 0);
  });

  it('adds the CORS headers RGW would send, only where the bucket allows the Origin', async () => {
    const origin = allowedOrigin(server.corsOrigins);
    proxy.control.addFault({ fault: 'slow-down-503', times: 2 });
    const corsBucket = await httpRequest(`${proxy.endpoint}/${server.corsBucket}?list-type=2`, { headers: { Origin: origin } });
    assert.equal(corsBucket.status, 503);
    assert.equal(corsBucket.headers['access-control-allow-origin'], origin);
    assert.match(corsBucket.headers['access-control-expose-headers'], /x-amz-request-id/);
    const noCorsBucket = await httpRequest(`${proxy.endpoint}/${server.noCorsBucket}?list-type=2`, { headers: { Origin: origin } });
    assert.equal(noCorsBucket.status, 503);
    assert.equal(noCorsBucket.headers['access-control-allow-origin'], undefined);
  });
});

describe('connection faults', () => {
  it('drop-connection closes the socket without any response', async () => {
    proxy.control.addFault({ fault: 'drop-connection', times: 1 });
    const error = await failure(httpRequest(`${proxy.endpoint}/${scratchBucket}?list-type=2`));
    assert.match(error.code ?? error.message, /ECONNRESET|socket hang up/);
    assert.equal(lastProxied().fault, 'drop-connection');
    const sdkError = await (proxy.control.addFault({ fault: 'drop-connection', times: 1 }), failure(listScratch()));
    assert.equal(sdkError.$metadata?.httpStatusCode, undefined, 'no HTTP status: the connection broke');
  });

  it('drop-mid-body sends the headers and part of the body, then cuts the connection', async () => {
    proxy.control.addFault({ match: { method: 'GET', prefix: 'dir with space/' }, fault: 'drop-mid-body', times: 1 });
    const error = await failure(httpRequest(`${proxy.endpoint}/${scratchBucket}/${encodeURIComponent(bigKey)}`));
    assert.equal(error.status, 200);
    assert.ok(error.partial.length > 0 && error.partial.length < bigBody.length, `got ${error.partial.length} bytes`);
    assert.deepEqual(error.partial, bigBody.subarray(0, error.partial.length));
  });

  it('drop-mid-body on a response without body closes the connection right after the headers', async () => {
    proxy.control.addFault({ match: { method: 'HEAD' }, fault: 'drop-mid-body', times: 1 });
    const response = await httpRequest(`${proxy.endpoint}/${scratchBucket}/${encodeURIComponent(bigKey)}`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(Number(response.headers['content-length']), bigBody.length);
    assert.equal(lastProxied().fault, 'drop-mid-body');
  });

  it('stall-mid-body sends the headers and part of the body, then nothing until the client gives up', async () => {
    proxy.control.addFault({ match: { method: 'GET', prefix: 'dir with space/' }, fault: 'stall-mid-body', times: 1 });
    const gaveUp = new AbortController();
    const pending = failure(httpRequest(`${proxy.endpoint}/${scratchBucket}/${encodeURIComponent(bigKey)}`, { signal: gaveUp.signal }));
    await waitFor(() => proxy.control.stats().fired['stall-mid-body'] === 1);
    gaveUp.abort();
    const error = await pending;
    assert.equal(error.name, 'AbortError');
    assert.equal((await listScratch()).$metadata.httpStatusCode, 200, 'the proxy keeps serving others');
  });

  it('hang never answers until the client gives up, and the proxy keeps serving others', async () => {
    proxy.control.addFault({ fault: 'hang', times: 1 });
    const gaveUp = AbortSignal.timeout(300);
    const error = await failure(httpRequest(`${proxy.endpoint}/${scratchBucket}?list-type=2`, { signal: gaveUp }));
    assert.equal(error.name, 'AbortError');
    assert.equal(lastProxied().fault, 'hang');
    assert.equal((await listScratch()).$metadata.httpStatusCode, 200);
  });

  it('closes while a request hangs', async () => {
    const extra = await startFaultProxy({ target: server.endpoint });
    extra.control.addFault({ fault: 'hang' });
    const pending = failure(httpRequest(`${extra.endpoint}/${scratchBucket}?list-type=2`));
    await waitFor(() => extra.control.requestCount() === 1);
    await extra.close();
    assert.match((await pending).message, /socket hang up|ECONNRESET|aborted/);
  });
});

describe('rule matching', () => {
  it('fires a rule only `times` times', async () => {
    proxy.control.addFault({ fault: 'internal-500', times: 2 });
    assert.equal((await failure(listScratch())).name, 'InternalError');
    assert.equal((await failure(listScratch())).name, 'InternalError');
    assert.equal((await listScratch()).$metadata.httpStatusCode, 200);
    assert.deepEqual(proxy.control.stats().fired, { 'internal-500': 2 });
  });

  it('matches on method, bucket, listing prefix and query parameters', async () => {
    proxy.control.addFault({ match: { method: 'GET', bucket: scratchBucket, prefix: 'many/', query: 'list-type=2' }, fault: 'slow-down-503' });
    const listPrefix = (Prefix, Bucket = scratchBucket) => viaProxy.send(new ListObjectsV2Command({ Bucket, Prefix }));
    assert.equal((await failure(listPrefix('many/file-1'))).name, 'SlowDown');
    assert.equal((await listPrefix('data/')).$metadata.httpStatusCode, 200);
    assert.equal((await viaProxy.send(new HeadBucketCommand({ Bucket: scratchBucket }))).$metadata.httpStatusCode, 200);
    const otherBucket = await failure(listPrefix('many/', server.corsBucket));
    assert.equal(otherBucket.name, 'AccessDenied', 'reached RGW, which denies otherUser');
  });

  it('lets `skip` matching requests through before firing, and holds later rules back meanwhile', async () => {
    proxy.control.addFault({ match: { query: 'list-type=2' }, fault: 'internal-500', skip: 2, times: 1 });
    proxy.control.addFault({ fault: 'slow-down-503', times: 1 });
    const statuses = [];
    for (let index = 0; index < 5; index++) {
      statuses.push(await listScratch().then(() => 200, (error) => error.$metadata?.httpStatusCode));
    }
    assert.deepEqual(statuses, [200, 200, 500, 503, 200]);
    assert.throws(() => proxy.control.addFault({ fault: 'hang', skip: -1 }), /"skip" must be a whole number/);
  });

  it('matches continuation pages only with query "continuation-token"', async () => {
    proxy.control.addFault({ match: { query: 'continuation-token' }, fault: 'slow-down-503' });
    const page = (ContinuationToken) => viaProxy.send(new ListObjectsV2Command({ Bucket: scratchBucket, MaxKeys: 1, ContinuationToken }));
    const first = await page();
    assert.equal(first.IsTruncated, true);
    assert.equal((await failure(page(first.NextContinuationToken))).name, 'SlowDown');
  });

  it('lets CORS preflights through unless a rule asks for OPTIONS', async () => {
    const origin = allowedOrigin(server.corsOrigins);
    const preflight = () =>
      httpRequest(`${proxy.endpoint}/${server.corsBucket}/README.md`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
    proxy.control.addFault({ fault: 'internal-500' });
    assert.equal((await preflight()).status, 200);
    proxy.control.clearFaults();
    proxy.control.addFault({ match: { method: 'OPTIONS' }, fault: 'internal-500', times: 1 });
    assert.equal((await preflight()).status, 500);
  });

  it('rejects unknown faults and bad `times` with a clear message', () => {
    assert.throws(() => proxy.control.addFault({ fault: 'explode' }), /Unknown fault "explode"; use one of: slow-down-503/);
    assert.throws(() => proxy.control.addFault({ fault: 'hang', times: 0 }), /positive integer/);
    assert.throws(() => proxy.control.setLatency(-1), /milliseconds >= 0/);
  });
});

describe('latency', () => {
  it('delays every proxied request by at least the configured time', async () => {
    proxy.control.setLatency(120);
    proxy.control.resetCounters();
    await Promise.all([listScratch(), viaProxy.send(new HeadBucketCommand({ Bucket: scratchBucket }))]);
    proxy.control.addFault({ fault: 'access-denied-403', times: 1 });
    await failure(listScratch());
    const delays = proxy.control.stats().recent.map(({ delayMs }) => delayMs);
    assert.equal(delays.length, 3);
    for (const delay of delays) assert.ok(delay >= 120, `delay ${delay} ms`);
    proxy.control.setLatency(0);
    await listScratch();
    assert.ok(lastProxied().delayMs < 120);
  });
});

describe('HTTP control API', () => {
  it('drives the same proxy through proxy-client.mjs', async () => {
    const client = createProxyClient(proxy.endpoint);
    await client.resetCounters();
    await client.setLatency(50);
    const stats = await client.addFault({ match: { method: 'GET' }, fault: 'expired-token-400', times: 1 });
    assert.deepEqual(stats.faults, [{ match: { method: 'GET' }, fault: 'expired-token-400', times: 1, remaining: 1 }]);
    assert.equal((await failure(listScratch())).name, 'ExpiredToken');
    assert.equal(await client.requestCount(), 1);
    const after = await client.stats();
    assert.equal(after.latencyMs, 50);
    assert.ok(after.recent[0].delayMs >= 50);
    assert.deepEqual(after.faults, []);
    await client.addFault({ fault: 'internal-500' });
    await client.clearFaults();
    assert.equal((await listScratch()).$metadata.httpStatusCode, 200);
    const reset = await client.reset();
    assert.deepEqual({ requests: reset.requests, latencyMs: reset.latencyMs, faults: reset.faults }, { requests: 0, latencyMs: 0, faults: [] });
  });

  it('explains invalid rules and unknown routes', async () => {
    const client = createProxyClient(proxy.endpoint);
    await assert.rejects(client.addFault({ fault: 'nope' }), /failed \(400\): Unknown fault "nope"/);
    const unknown = await httpRequest(`${proxy.endpoint}/__proxy/nothing`);
    assert.equal(unknown.status, 404);
    assert.match(JSON.parse(unknown.body).error, /No control route GET \/__proxy\/nothing/);
  });

  it('answers browser preflights so pages can call it', async () => {
    const response = await httpRequest(`${proxy.endpoint}/__proxy/faults`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.match(response.headers['access-control-allow-headers'], /content-type/);
  });
});

async function waitFor(condition, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
