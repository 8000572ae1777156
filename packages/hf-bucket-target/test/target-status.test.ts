import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTargetStatus, type TargetStatus, type TargetStatusInput } from '../src/target-status.js';

const base: TargetStatusInput = { id: 'alice/data', prefix: '', private: false, createIfMissing: true, signedIn: true, check: undefined };
const text = (segments: TargetStatus['headline']) => segments.map((segment) => (typeof segment === 'string' ? segment : segment.code)).join('');
const line = (input: Partial<TargetStatusInput>) => {
  const status = describeTargetStatus({ ...base, ...input });
  return { tone: status.tone, headline: text(status.headline), detail: text(status.detail), technical: status.technical, link: status.linkToBucket };
};

describe('describeTargetStatus', () => {
  it('says nothing while the names are invalid, and asks to sign in without a token', () => {
    assert.equal(line({ id: undefined }).tone, 'none');
    assert.deepEqual(line({ signedIn: false }), {
      tone: 'neutral',
      headline: 'Not signed in',
      detail: 'Sign in with Hugging Face to check whether alice/data exists.',
      technical: undefined,
      link: false,
    });
  });

  it('describes an existing, a created and a missing bucket, and where the files go', () => {
    assert.deepEqual(line({ prefix: 'raw/', check: { state: 'exists', id: 'alice/data', private: false, created: false } }), {
      tone: 'success',
      headline: 'alice/data exists (public)',
      detail: 'Files will be added under raw/',
      technical: undefined,
      link: true,
    });
    assert.equal(line({ check: { state: 'exists', id: 'alice/data', private: undefined, created: true } }).headline, 'Created alice/data');
    assert.deepEqual(line({ private: true, check: { state: 'missing', id: 'alice/data' } }), {
      tone: 'info',
      headline: 'alice/data will be created (private)',
      detail: 'It does not exist yet. Files will be added at the top of the bucket.',
      technical: undefined,
      link: false,
    });
    assert.equal(line({ createIfMissing: false, check: { state: 'missing', id: 'alice/data' } }).tone, 'warning');
    assert.equal(line({ prefix: undefined, check: { state: 'missing', id: 'alice/data' } }).detail, 'It does not exist yet. ');
  });

  it("puts the Hub's refusal first and the server's words apart", () => {
    const failed = line({
      blocked: { headline: 'No write access in alice', message: 'Predicted.' },
      check: { state: 'failed', id: 'alice/data', kind: 'forbidden', message: 'Ask for the write role. (HTTP 403: nope (really); request id r1)' },
    });
    assert.deepEqual(failed, {
      tone: 'error',
      headline: 'No write access in alice',
      detail: 'Ask for the write role.',
      technical: 'HTTP 403: nope (really); request id r1',
      link: false,
    });
    assert.equal(line({ blocked: { headline: 'No write access in alice', message: 'Predicted.' } }).detail, 'Predicted.');
    assert.equal(line({ accountProblem: { headline: 'Sign in again', message: 'Expired.' }, id: undefined }).headline, 'Sign in again');
    assert.equal(line({ check: { state: 'failed', id: 'alice/data', kind: undefined, message: 'Odd.' } }).headline, 'Could not use alice/data');
  });
});
