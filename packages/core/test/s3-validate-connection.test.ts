import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { S3Error } from '../src/s3/s3-error.js';
import type { S3Connection } from '../src/s3/s3-connection.js';
import { validateConnection, validateFolderPath } from '../src/s3/validate-connection.js';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' };
const valid: S3Connection = { bucket: 'my-data.set-1', region: 'eu-west-1', credentials };

function rejectedField(connection: S3Connection): string | undefined {
  try {
    validateConnection(connection);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof S3Error, 'validation throws S3Error');
    assert.equal(error.kind, 'invalid-input');
    return error.field;
  }
}

describe('validateConnection', () => {
  it('accepts a complete AWS connection, an anonymous one and loopback http endpoints', () => {
    assert.equal(rejectedField(valid), undefined);
    assert.equal(rejectedField({ bucket: 'open-data', region: 'us-east-1', anonymous: true }), undefined);
    for (const endpoint of ['http://localhost:9000', 'http://127.0.0.1:7480', 'http://[::1]:7480', 'https://s3.example.com/base']) {
      assert.equal(rejectedField({ ...valid, endpoint, region: 'garage' }), undefined, endpoint);
    }
  });

  it('names the bucket field for names S3 does not allow', () => {
    for (const bucket of ['ab', 'a'.repeat(64), 'Upper', 'under_score', '-dash', 'dot.', 'a..b', '192.168.5.4', 'xn--abc', 'name-s3alias']) {
      assert.equal(rejectedField({ ...valid, bucket }), 'bucket', bucket);
    }
  });

  it('accepts every name built from the allowed alphabet', () => {
    const edge = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
    const middle = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: 40 });
    fc.assert(
      fc.property(edge, middle, edge, (first, inner, last) => {
        const bucket = `${first}${inner}${last}x`.replace(/^xn--|^sthree-/, 'b');
        fc.pre(!bucket.endsWith('-s3alias') && !bucket.endsWith('--ol-s3') && !bucket.endsWith('--x-s3'));
        return rejectedField({ ...valid, bucket }) === undefined;
      }),
    );
  });

  it('allows plain http only on this machine and never credentials in the URL', () => {
    for (const endpoint of ['http://s3.example.com', 'http://10.0.0.5:9000', 'ftp://localhost', 'not a url', 'https://key:secret@s3.example.com', 'https://s3.example.com/?x=1']) {
      assert.equal(rejectedField({ ...valid, endpoint }), 'endpoint', endpoint);
    }
  });

  it('checks the region format, strictly on AWS and loosely for custom endpoints', () => {
    for (const region of ['', 'EU-WEST-1', 'eu west 1', 'europe', 'auto']) {
      assert.equal(rejectedField({ ...valid, region }), 'region', region);
    }
    assert.equal(rejectedField({ ...valid, region: 'us-gov-west-1' }), undefined);
    assert.equal(rejectedField({ ...valid, region: 'auto', endpoint: 'https://r2.example.com' }), undefined);
    assert.equal(rejectedField({ ...valid, region: 'bad region', endpoint: 'https://r2.example.com' }), 'region');
  });

  it('requires credentials unless anonymous, and rejects pasted whitespace', () => {
    assert.equal(rejectedField({ bucket: 'abc', region: 'us-east-1' }), 'credentials.accessKeyId');
    assert.equal(rejectedField({ ...valid, credentials: { ...credentials, secretAccessKey: '' } }), 'credentials.secretAccessKey');
    assert.equal(rejectedField({ ...valid, credentials: { ...credentials, accessKeyId: ' AKIA' } }), 'credentials.accessKeyId');
    assert.equal(rejectedField({ ...valid, credentials: { ...credentials, secretAccessKey: 'abc\n' } }), 'credentials.secretAccessKey');
  });

  it('never repeats a secret in its messages', () => {
    const secret = 'SECRET with space';
    try {
      validateConnection({ ...valid, credentials: { ...credentials, secretAccessKey: secret } });
      assert.fail('expected a rejection');
    } catch (error) {
      assert.ok(error instanceof S3Error);
      assert.ok(!error.message.includes(secret));
    }
  });

  it('checks the source prefix like a folder', () => {
    for (const prefix of ['data', '/data/', 'a//b/', 'a/../b/', '../']) {
      assert.equal(rejectedField({ ...valid, prefix }), 'prefix', prefix);
    }
    assert.equal(rejectedField({ ...valid, prefix: 'a/b c/ü/' }), undefined);
  });
});

describe('validateFolderPath', () => {
  const segment = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('/') && s !== '..');

  it('accepts every path of non-empty segments ending with "/"', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        validateFolderPath(segments.map((s) => `${s}/`).join(''), 'folder');
      }),
    );
  });

  it('rejects a ".." or empty segment anywhere', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.nat(), fc.constantFrom('..', ''), (segments, at, bad) => {
        const withBad = [...segments];
        withBad.splice(at % (segments.length + 1), 0, bad);
        assert.throws(() => validateFolderPath(withBad.map((s) => `${s}/`).join(''), 'folder'), { field: 'folder' });
      }),
    );
  });
});
