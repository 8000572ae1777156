// Error shapes the AWS SDK produces (as observed against RGW and a raw HTTP server) that neither
// RGW nor the fault proxy can be made to send, checked on the pure classifier.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifyS3Failure, isRetryableFailure } from '../src/s3/classify-s3-failure.js';
import { retryDelayMs } from '../src/s3/retry-delay.js';
import type { S3Connection } from '../src/s3/s3-connection.js';

const connection: S3Connection = { bucket: 'photos', region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'SECRETEXAMPLE' } };

function serviceError(code: string, status: number, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(extra.message as string | undefined ?? 'UnknownError'), {
    name: code,
    Code: code,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    ...extra,
  });
}

describe('classifyS3Failure', () => {
  it('reads the region from AuthorizationHeaderMalformed', () => {
    const error = classifyS3Failure(
      serviceError('AuthorizationHeaderMalformed', 400, { Region: 'eu-central-1', message: "the region 'us-east-1' is wrong; expecting 'eu-central-1'" }),
      connection,
      1,
    );
    assert.equal(error.kind, 'wrong-region');
    assert.equal(error.region, 'eu-central-1');
    assert.equal(error.message, 'This bucket is in eu-central-1; set the region to eu-central-1.');
  });

  it('treats AuthorizationHeaderMalformed without a region as bad credentials', () => {
    assert.equal(classifyS3Failure(serviceError('AuthorizationHeaderMalformed', 400), connection, 1).kind, 'bad-credentials');
  });

  it('reads the region of a 301 from the Endpoint of the body when the header is missing', () => {
    const error = classifyS3Failure(serviceError('PermanentRedirect', 301, { Endpoint: 'photos.s3.ap-northeast-2.amazonaws.com' }), connection, 1);
    assert.equal(error.kind, 'wrong-region');
    assert.equal(error.region, 'ap-northeast-2');
  });

  it('prefers the x-amz-bucket-region header', () => {
    const failure = serviceError('PermanentRedirect', 301, { Endpoint: 'photos.s3.ap-northeast-2.amazonaws.com' });
    Object.defineProperty(failure, '$response', { value: { statusCode: 301, headers: { 'x-amz-bucket-region': 'sa-east-1' } } });
    assert.equal(classifyS3Failure(failure, connection, 1).region, 'sa-east-1');
  });

  it('maps the remaining codes and bare statuses', () => {
    const cases: Array<[ReturnType<typeof serviceError>, string]> = [
      [serviceError('TokenRefreshRequired', 400), 'expired-token'],
      [serviceError('InvalidToken', 400), 'bad-credentials'],
      [serviceError('AllAccessDisabled', 403), 'access-denied'],
      [serviceError('Forbidden', 403), 'access-denied'],
      [serviceError('NotFound', 404), 'no-such-bucket'],
      [serviceError('TemporaryRedirect', 307), 'wrong-region'],
      [serviceError('NotImplemented', 501, { message: 'A header you provided implies functionality that is not implemented' }), 'unknown'],
    ];
    for (const [failure, kind] of cases) assert.equal(classifyS3Failure(failure, connection, 1).kind, kind, failure.name);
  });

  it('tells unreachable servers from dropped connections in Node', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: {} });
    const reset = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: {} });
    assert.equal(classifyS3Failure(refused, connection, 4).kind, 'unreachable');
    const dropped = classifyS3Failure(reset, connection, 4);
    assert.equal(dropped.kind, 'network');
    assert.match(dropped.message, /after 4 attempts/);
  });

  it('keeps the server message for unknown errors but never the credentials', () => {
    const error = classifyS3Failure(serviceError('NotImplemented', 501, { message: 'Not here' }), connection, 1);
    assert.match(error.message, /NotImplemented, HTTP 501 for bucket "photos" on AWS S3: Not here/);
    assert.ok(!error.message.includes('AKIDEXAMPLE') && !error.message.includes('SECRETEXAMPLE'));
  });
});

describe('isRetryableFailure', () => {
  it('retries throttling, server errors and failures without an answer, not client errors', () => {
    assert.equal(isRetryableFailure(serviceError('SlowDown', 503)), true);
    assert.equal(isRetryableFailure(serviceError('InternalError', 500)), true);
    assert.equal(isRetryableFailure(serviceError('RequestTimeout', 400)), true);
    assert.equal(isRetryableFailure(new TypeError('Failed to fetch')), true);
    assert.equal(isRetryableFailure(serviceError('AccessDenied', 403)), false);
    assert.equal(isRetryableFailure(serviceError('NoSuchBucket', 404)), false);
    assert.equal(isRetryableFailure(serviceError('PermanentRedirect', 301)), false);
  });
});

describe('retryDelayMs', () => {
  it('waits a random share of a window that doubles per retry up to 5 s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, random) => {
        const delay = retryDelayMs(retry, () => random);
        return delay >= 0 && delay < Math.min(5000, 250 * 2 ** (retry - 1));
      }),
    );
    const longest = (retry: number) => retryDelayMs(retry, () => 0.999);
    assert.ok(longest(2) > longest(1) && longest(3) > longest(2), 'the window grows');
    assert.ok(retryDelayMs(3, () => 0.1) < retryDelayMs(3, () => 0.9), 'jitter spreads the delays');
    assert.ok(longest(30) < 5000, 'capped');
  });
});

describe('retryDelayMs over many draws', () => {
  /** A small seeded generator (mulberry32), so the draws are the same on every run. */
  function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('spreads each retry uniformly over a window that doubles from 250 ms and stops at 5 s', () => {
    const random = seededRandom(7);
    const draws = 4000;
    for (let retry = 1; retry <= 8; retry++) {
      const window = Math.min(5000, 250 * 2 ** (retry - 1));
      const delays = Array.from({ length: draws }, () => retryDelayMs(retry, random)).sort((a, b) => a - b);
      assert.ok(delays[0] >= 0 && delays[draws - 1] < window, `retry ${retry}: within [0, ${window})`);
      const mean = delays.reduce((sum, delay) => sum + delay, 0) / draws;
      assert.ok(Math.abs(mean - window / 2) < window * 0.03, `retry ${retry}: mean ${mean.toFixed(0)} near ${window / 2}`);
      // Full jitter: as many short waits as long ones, never a lockstep value.
      assert.ok(delays[Math.floor(draws * 0.1)] < window * 0.15, `retry ${retry}: the shortest tenth waits little`);
      assert.ok(delays[Math.floor(draws * 0.9)] > window * 0.85, `retry ${retry}: the longest tenth waits nearly the window`);
    }
  });
});
