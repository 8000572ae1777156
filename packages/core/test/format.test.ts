import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBytes } from '../src/format/format-bytes.js';
import { formatDuration } from '../src/format/format-duration.js';
import { messageOf } from '../src/format/message-of.js';

describe('formatBytes', () => {
  test('prints whole bytes below one kilobyte and three significant digits above', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1000), '1 KB');
    assert.equal(formatBytes(1234), '1.23 KB');
    assert.equal(formatBytes(12_345_678), '12.3 MB');
    assert.equal(formatBytes(999_600), '1 MB');
    assert.equal(formatBytes(5.5e12), '5.5 TB');
  });

  test('refuses what is not a byte count', () => {
    assert.throws(() => formatBytes(-1), RangeError);
    assert.throws(() => formatBytes(Number.NaN), RangeError);
  });
});

describe('formatDuration', () => {
  test('keeps the two largest units', () => {
    assert.equal(formatDuration(0), '0 s');
    assert.equal(formatDuration(0.2), '< 1 s');
    assert.equal(formatDuration(45), '45 s');
    assert.equal(formatDuration(200), '3 min 20 s');
    assert.equal(formatDuration(3_600), '1 h');
    assert.equal(formatDuration(7_530), '2 h 5 min');
    assert.equal(formatDuration(3 * 86_400 + 4 * 3_600 + 59), '3 d 4 h');
  });
});

describe('messageOf', () => {
  test("gives an Error's message and anything else thrown as text", () => {
    assert.equal(messageOf(new TypeError('Failed to fetch')), 'Failed to fetch');
    assert.equal(messageOf('plain string'), 'plain string');
    assert.equal(messageOf(404), '404');
    assert.equal(messageOf(undefined), 'undefined');
  });
});
