// The seeded buckets, their access rules and CORS, checked against the real RADOS Gateway.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { fixtureTree } from '../fixture-tree.mjs';
import { createS3Client } from '../s3-client.mjs';
import { acquireS3TestServer, allowedOrigin } from '../test-support/acquire-s3-test-server.mjs';
import { httpRequest } from '../test-support/http-request.mjs';

const fixture = fixtureTree();
let server;
let release;
let owner;

before(async () => {
  ({ server, release } = await acquireS3TestServer());
  owner = createS3Client({ endpoint: server.endpoint, credentials: server });
});
after(async () => {
  owner?.destroy();
  await release?.();
});

async function listAll(s3, bucket) {
  const objects = [];
  let pages = 0;
  let ContinuationToken;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken }));
    pages++;
    for (const { Key, Size, ETag } of page.Contents ?? []) objects.push({ key: Key, size: Size, etag: ETag });
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return { objects, pages };
}

async function s3Error(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the S3 request was expected to fail');
}

describe('seeded buckets', () => {
  it('describes exactly the fixture tree in `objects`', () => {
    assert.deepEqual(server.objects, fixture.map(({ key, size }) => ({ key, size })));
  });

  for (const bucketField of ['corsBucket', 'noCorsBucket', 'publicBucket']) {
    it(`lists exactly the fixture, with the same content, in ${bucketField}`, async () => {
      const { objects, pages } = await listAll(owner, server[bucketField]);
      assert.ok(pages > 5, `5,000+ keys need several pages, got ${pages}`);
      assert.deepEqual(
        objects.map(({ key, size }) => ({ key, size })),
        fixture.map(({ key, size }) => ({ key, size })),
      );
      const md5 = (body) => `"${createHash('md5').update(body).digest('hex')}"`;
      assert.deepEqual(objects.map(({ etag }) => etag), fixture.map(({ body }) => md5(body)));
    });
  }

  it('serves the hostile keys byte for byte through GetObject', async () => {
    const hostile = fixture.filter(({ key }) => key.startsWith('hostile/'));
    for (const { key, body } of hostile) {
      const response = await owner.send(new GetObjectCommand({ Bucket: server.corsBucket, Key: key }));
      assert.deepEqual(Buffer.from(await response.Body.transformToByteArray()), Buffer.from(body), key);
    }
  });
});

describe('authentication and access', () => {
  it('rejects a wrong secret key with SignatureDoesNotMatch', async () => {
    const forged = createS3Client({ endpoint: server.endpoint, credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'wrong-secret' }, maxAttempts: 1 });
    const error = await s3Error(forged.send(new ListObjectsV2Command({ Bucket: server.corsBucket, MaxKeys: 1 })));
    assert.equal(error.name, 'SignatureDoesNotMatch');
    assert.equal(error.$metadata.httpStatusCode, 403);
  });

  for (const bucketField of ['corsBucket', 'noCorsBucket']) {
    it(`denies otherUser listing and reading ${bucketField}`, async () => {
      const other = createS3Client({ endpoint: server.endpoint, credentials: server.otherUser, maxAttempts: 1 });
      const listError = await s3Error(other.send(new ListObjectsV2Command({ Bucket: server[bucketField], MaxKeys: 1 })));
      assert.equal(listError.name, 'AccessDenied');
      const getError = await s3Error(other.send(new GetObjectCommand({ Bucket: server[bucketField], Key: 'README.md' })));
      assert.equal(getError.name, 'AccessDenied');
    });
  }

  it('lets anonymous clients list and read the public bucket', async () => {
    const listing = await httpRequest(`${server.endpoint}/${server.publicBucket}?list-type=2&prefix=data%2F`);
    assert.equal(listing.status, 200);
    const listedKeys = [...listing.body.toString().matchAll(/<Key>([^<]*)<\/Key>/g)].map((match) => match[1]);
    assert.deepEqual(listedKeys, fixture.map(({ key }) => key).filter((key) => key.startsWith('data/')));
    const readme = await httpRequest(`${server.endpoint}/${server.publicBucket}/README.md`);
    assert.equal(readme.status, 200);
    assert.deepEqual(readme.body, Buffer.from(fixture.find(({ key }) => key === 'README.md').body));
  });

  for (const bucketField of ['corsBucket', 'noCorsBucket']) {
    it(`refuses anonymous listing and reading of ${bucketField}`, async () => {
      const listing = await httpRequest(`${server.endpoint}/${server[bucketField]}?list-type=2`);
      assert.equal(listing.status, 403);
      assert.match(listing.body.toString(), /<Code>AccessDenied<\/Code>/);
      const readme = await httpRequest(`${server.endpoint}/${server[bucketField]}/README.md`);
      assert.equal(readme.status, 403);
    });
  }
});

describe('CORS', () => {
  const preflight = (bucket, origin) =>
    httpRequest(`${server.endpoint}/${bucket}/hostile/with%20space/file%20one.txt`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,x-amz-content-sha256,x-amz-date,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request',
      },
    });

  for (const bucketField of ['corsBucket', 'publicBucket']) {
    it(`accepts a preflight from an allowed origin on ${bucketField}`, async () => {
      const origin = allowedOrigin(server.corsOrigins);
      const response = await preflight(server[bucketField], origin);
      assert.equal(response.status, 200);
      assert.equal(response.headers['access-control-allow-origin'], origin);
      assert.match(response.headers['access-control-allow-headers'], /authorization/);
      assert.match(response.headers['access-control-expose-headers'], /ETag/i);
    });
  }

  it('refuses the same preflight on the bucket without CORS', async () => {
    const response = await preflight(server.noCorsBucket, allowedOrigin(server.corsOrigins));
    assert.equal(response.status, 403);
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });

  it('puts CORS headers on real responses of the CORS bucket only', async () => {
    const origin = allowedOrigin(server.corsOrigins);
    const withCors = await httpRequest(`${server.endpoint}/${server.publicBucket}/README.md`, { headers: { Origin: origin } });
    assert.equal(withCors.status, 200);
    assert.ok(withCors.headers['access-control-allow-origin']);
    const withoutCors = await httpRequest(`${server.endpoint}/${server.noCorsBucket}/README.md`, { headers: { Origin: origin } });
    assert.equal(withoutCors.headers['access-control-allow-origin'], undefined);
  });
});
