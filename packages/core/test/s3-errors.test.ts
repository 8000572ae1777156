import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countFolder } from '../src/s3/count-folder.js';
import { listFolder } from '../src/s3/list-folder.js';
import type { S3Connection } from '../src/s3/s3-connection.js';
import { ownerConnection } from './s3-test-fixture.js';
import { rejectsWithKind, useS3TestServer, type S3TestContext } from './s3-test-server.js';

describe('S3 errors from Ceph RGW', () => {
  let context: S3TestContext;
  before(async () => {
    context = await useS3TestServer();
  });
  after(() => context.stop());

  function assertNoSecrets(message: string, connection: S3Connection) {
    const { accessKeyId, secretAccessKey } = connection.credentials ?? { accessKeyId: '', secretAccessKey: '' };
    assert.ok(!message.includes(secretAccessKey), 'no secret key in the message');
    assert.ok(!message.includes(accessKeyId), 'no access key id in the message');
  }

  it("reports a wrong secret as 'bad-credentials'", async () => {
    const base = ownerConnection(context.server);
    const connection = { ...base, credentials: { accessKeyId: context.server.accessKeyId, secretAccessKey: 'wrong-secret-0123456789' } };
    const error = await rejectsWithKind(listFolder(connection, ''), 'bad-credentials');
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.equal(error.status, 403);
    assert.match(error.message, /access key or secret/);
    assertNoSecrets(error.message, connection);
  });

  it("reports an unknown access key as 'bad-credentials'", async () => {
    const connection = { ...ownerConnection(context.server), credentials: { accessKeyId: 'NOSUCHKEY00000000000', secretAccessKey: 'x' } };
    const error = await rejectsWithKind(listFolder(connection, ''), 'bad-credentials');
    assert.equal(error.code, 'InvalidAccessKeyId');
  });

  it("reports a valid user without rights as 'access-denied'", async () => {
    const connection = { ...ownerConnection(context.server), credentials: context.server.otherUser };
    const error = await rejectsWithKind(listFolder(connection, 'data/'), 'access-denied');
    assert.equal(error.status, 403);
    assert.match(error.message, /s3:ListBucket/);
    assertNoSecrets(error.message, connection);
    await rejectsWithKind(countFolder(connection, ''), 'access-denied');
  });

  it("reports a missing bucket as 'no-such-bucket'", async () => {
    const error = await rejectsWithKind(listFolder(ownerConnection(context.server, { bucket: 's3hf-does-not-exist' }), ''), 'no-such-bucket');
    assert.equal(error.status, 404);
    assert.match(error.message, /s3hf-does-not-exist/);
  });

  it("refuses anonymous listing of a private bucket with 'access-denied'", async () => {
    const { server } = context;
    const connection: S3Connection = { bucket: server.corsBucket, region: server.region, endpoint: server.endpoint, anonymous: true };
    const error = await rejectsWithKind(listFolder(connection, ''), 'access-denied');
    assert.match(error.message, /anonymous/i);
  });

  it("reports a closed port as 'unreachable'", async () => {
    const closed = new URL(context.server.endpoint);
    closed.hostname = '[::1]'; // RGW listens on 127.0.0.1 only, so the same port on ::1 refuses connections
    const connection = ownerConnection(context.server, { endpoint: closed.origin });
    const error = await rejectsWithKind(listFolder(connection, '', { maxAttempts: 2 }), 'unreachable');
    assert.match(error.message, /Could not reach/);
  });

  it("rejects bad input with 'invalid-input' and the field, before any request", async () => {
    const connection = ownerConnection(context.server);
    assert.equal((await rejectsWithKind(listFolder(connection, 'no-slash'), 'invalid-input')).field, 'folder');
    assert.equal((await rejectsWithKind(listFolder({ ...connection, bucket: 'UPPER' }, ''), 'invalid-input')).field, 'bucket');
    assert.equal((await rejectsWithKind(listFolder(connection, '', { pageSize: 1001 }), 'invalid-input')).field, 'pageSize');
    assert.equal((await rejectsWithKind(countFolder(connection, '', { concurrency: 0 }), 'invalid-input')).field, 'concurrency');
    assert.equal((await rejectsWithKind(listFolder(connection, '', { maxAttempts: 0 }), 'invalid-input')).field, 'maxAttempts');
  });
});
