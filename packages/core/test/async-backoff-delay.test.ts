import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelayMs } from '../src/async/backoff-delay.js';

describe('backoffDelayMs', () => {
  it('doubles per retry and keeps each wait in the upper half of its step', () => {
    for (let retry = 1; retry <= 6; retry += 1) {
      const step = 1000 * 2 ** (retry - 1);
      assert.equal(backoffDelayMs(retry, 1000, Infinity, () => 0), step / 2);
      assert.equal(backoffDelayMs(retry, 1000, Infinity, () => 1), step);
      const drawn = backoffDelayMs(retry, 1000);
      assert.ok(drawn >= step / 2 && drawn <= step, `retry ${retry}: ${drawn} ms is outside [${step / 2}, ${step}]`);
    }
  });

  it('never waits past the cap', () => {
    assert.equal(backoffDelayMs(20, 1000, 30_000, () => 1), 30_000);
    assert.equal(backoffDelayMs(20, 1000, 30_000, () => 0), 15_000);
  });

  it('treats retry 0 as the first step', () => {
    assert.equal(backoffDelayMs(0, 400, Infinity, () => 1), 400);
  });

  it('spreads pages that failed together', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelayMs(3, 1000)));
    assert.ok(waits.size > 40, `50 draws gave only ${waits.size} distinct waits`);
  });
});
