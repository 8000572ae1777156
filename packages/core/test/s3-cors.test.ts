import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { bucketUrl } from '../src/s3/bucket-url.js';
import { corsConfigurationFor } from '../src/s3/cors-configuration-for.js';
import { diagnoseFetchFailure } from '../src/s3/diagnose-fetch-failure.js';
import type { S3Connection } from '../src/s3/s3-connection.js';
import { createScratchBucket, type ScratchBucket } from './s3-scratch-bucket.js';
import { ownerConnection } from './s3-test-fixture.js';
import { useS3TestServer, type S3TestContext } from './s3-test-server.js';

/**
 * Node's fetch with the browser's CORS gate in front: real requests to the real server, but a
 * CORS-mode answer without a matching Access-Control-Allow-Origin fails like Chromium's
 * `TypeError: Failed to fetch`. (The browser tests check the same against Chromium itself.)
 */
function fetchFromOrigin(origin: string): typeof fetch {
  return async (input, init = {}) => {
    if (init.mode === 'no-cors') return fetch(input, init);
    const response = await fetch(input, { ...init, headers: { origin } });
    const allowed = response.headers.get('access-control-allow-origin');
    if (allowed !== '*' && allowed !== origin) throw new TypeError('Failed to fetch');
    return response;
  };
}

const PAGE_ORIGIN = 'https://importer.example.org';

describe('CORS: the configuration users paste, and diagnosing blocked requests', () => {
  let context: S3TestContext;
  let scratch: ScratchBucket;
  let scratchConnection: S3Connection;
  before(async () => {
    context = await useS3TestServer();
    scratch = await createScratchBucket(context.server, ['file.txt']);
    await scratch.client.send(
      new PutBucketCorsCommand({ Bucket: scratch.bucket, CORSConfiguration: { CORSRules: corsConfigurationFor(PAGE_ORIGIN) } }),
    );
    scratchConnection = ownerConnection(context.server, { bucket: scratch.bucket });
  });
  after(async () => {
    await scratch?.remove();
    await context.stop();
  });

  it('corsConfigurationFor is accepted by S3 and admits the SDK preflight from that origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${bucketUrl(scratchConnection)}?list-type=2`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'amz-sdk-invocation-id,amz-sdk-request,authorization,x-amz-content-sha256,x-amz-date,x-amz-security-token,x-amz-user-agent',
        },
      });
    const allowed = await preflight(PAGE_ORIGIN);
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
    const other = await preflight('https://elsewhere.example.org');
    assert.equal(other.headers.get('access-control-allow-origin'), null);

    const answer = await fetch(`${bucketUrl(scratchConnection)}?list-type=2`, { headers: { origin: PAGE_ORIGIN } });
    const exposed = (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
    assert.ok(exposed.includes('x-amz-bucket-region'), `exposes the bucket region (${exposed.join(',')})`);
  });

  it("says 'bad-credentials' when an unsigned request from the page can read the bucket's answers", async () => {
    const error = await diagnoseFetchFailure(scratchConnection, { fetch: fetchFromOrigin(PAGE_ORIGIN) });
    assert.equal(error.kind, 'bad-credentials');
  });

  it("says 'cors-blocked' when the server answers but not to this origin", async () => {
    const { server } = context;
    const elsewhere = await diagnoseFetchFailure(scratchConnection, { fetch: fetchFromOrigin('https://elsewhere.example.org') });
    assert.equal(elsewhere.kind, 'cors-blocked');
    const noCors = await diagnoseFetchFailure(ownerConnection(server, { bucket: server.noCorsBucket }), { fetch: fetchFromOrigin(PAGE_ORIGIN) });
    assert.equal(noCors.kind, 'cors-blocked');
    assert.match(noCors.message, /CORS rule/);
  });

  it("says 'unreachable' when nothing answers at all", async () => {
    const closed = new URL(context.server.endpoint);
    closed.hostname = '[::1]'; // RGW listens on 127.0.0.1 only
    const error = await diagnoseFetchFailure(ownerConnection(context.server, { endpoint: closed.origin }), { fetch: fetchFromOrigin(PAGE_ORIGIN) });
    assert.equal(error.kind, 'unreachable');
  });

  it("says 'aborted' when cancelled", async () => {
    const error = await diagnoseFetchFailure(scratchConnection, { fetch: fetchFromOrigin(PAGE_ORIGIN), signal: AbortSignal.abort() });
    assert.equal(error.kind, 'aborted');
  });
});
