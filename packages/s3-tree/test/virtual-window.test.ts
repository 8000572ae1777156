import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scrollTopToReveal, visibleWindow } from '../src/virtual-window.js';

describe('visibleWindow', () => {
  const geometry = { scrollTop: 0, viewportHeight: 280, rowHeight: 28, count: 100_000 };

  test('renders the rows in view plus a margin on each side, edges on a grid of 8 rows', () => {
    assert.deepEqual(visibleWindow(geometry), { start: 0, end: 16 });
    assert.deepEqual(visibleWindow({ ...geometry, scrollTop: 2800 }), { start: 88, end: 120 });
    // Scrolling a few rows on changes nothing, so nothing is rendered again.
    assert.deepEqual(visibleWindow({ ...geometry, scrollTop: 2800 + 28 }), { start: 88, end: 120 });
    for (let scrollTop = 0; scrollTop < 28 * 500; scrollTop += 13) {
      const { start, end } = visibleWindow({ ...geometry, scrollTop });
      const first = Math.floor(scrollTop / 28);
      const last = Math.ceil((scrollTop + 280) / 28);
      assert.ok(start <= first - 4 || start === 0, `margin above at ${scrollTop}`);
      assert.ok(end >= last + 4, `margin below at ${scrollTop}`);
    }
  });

  test('stops at the end of the list', () => {
    assert.deepEqual(visibleWindow({ ...geometry, scrollTop: 28 * 99_990 }), { start: 99_984, end: 100_000 });
    assert.deepEqual(visibleWindow({ ...geometry, count: 5 }), { start: 0, end: 5 });
    assert.deepEqual(visibleWindow({ ...geometry, count: 0 }), { start: 0, end: 0 });
  });

  test('keeps the DOM small even in a very tall viewport', () => {
    const { start, end } = visibleWindow({ ...geometry, viewportHeight: 100_000 });
    assert.equal(start, 0);
    assert.ok(end - start < 300, `${end - start} rows`);
  });

  test('assumes a screenful before the viewport is measured', () => {
    const { end } = visibleWindow({ ...geometry, viewportHeight: 0 });
    assert.ok(end > 10 && end < 50, `${end} rows`);
  });

  test('survives overscroll (negative scrollTop) and a zero row height', () => {
    assert.equal(visibleWindow({ ...geometry, scrollTop: -50 }).start, 0);
    assert.deepEqual(visibleWindow({ ...geometry, rowHeight: 0 }), { start: 0, end: 0 });
  });
});

describe('scrollTopToReveal', () => {
  const view = { scrollTop: 280, viewportHeight: 280, rowHeight: 28 };

  test('does not move for a row in view', () => {
    assert.equal(scrollTopToReveal(12, view), 280);
  });

  test('aligns a row above the view to the top, one below to the bottom', () => {
    assert.equal(scrollTopToReveal(3, view), 84);
    assert.equal(scrollTopToReveal(25, view), 26 * 28 - 280);
  });

  test('reveals a partly hidden last row fully', () => {
    assert.equal(scrollTopToReveal(19, view), 20 * 28 - 280);
  });
});
