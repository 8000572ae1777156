import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TreeRow } from '@s3-to-hf/core';
import { treeKeyAction } from '../src/tree-key-action.js';

/** `level path` lines; a trailing `+` marks an open folder. */
function rows(...lines: string[]): TreeRow[] {
  return lines.map((line) => {
    const [level, path] = line.split(' ');
    const open = path.endsWith('+');
    const clean = open ? path.slice(0, -1) : path;
    const folder = clean.endsWith('/');
    return {
      path: clean,
      name: clean,
      kind: folder ? 'folder' : 'file',
      level: Number(level),
      posInSet: 1,
      setSize: 1,
      size: folder ? undefined : 1,
      expanded: open,
      match: false,
    };
  });
}

const tree = rows('1 data/+', '2 data/train/', '2 data/meta.json', '1 logs/', '1 README.md');
const press = (key: string, index: number, pageSize = 2) => treeKeyAction(key, tree, index, pageSize);

describe('treeKeyAction (WAI-ARIA tree view keys)', () => {
  test('Up and Down move one row and stop at the ends', () => {
    assert.deepEqual(press('ArrowDown', 0), { type: 'focus', index: 1 });
    assert.deepEqual(press('ArrowDown', 4), { type: 'focus', index: 4 });
    assert.deepEqual(press('ArrowUp', 1), { type: 'focus', index: 0 });
    assert.deepEqual(press('ArrowUp', 0), { type: 'focus', index: 0 });
  });

  test('Home, End, PageUp and PageDown jump', () => {
    assert.deepEqual(press('Home', 3), { type: 'focus', index: 0 });
    assert.deepEqual(press('End', 0), { type: 'focus', index: 4 });
    assert.deepEqual(press('PageDown', 1), { type: 'focus', index: 3 });
    assert.deepEqual(press('PageDown', 3), { type: 'focus', index: 4 });
    assert.deepEqual(press('PageUp', 1), { type: 'focus', index: 0 });
  });

  test('Right opens a closed folder, enters an open one, and does nothing on files', () => {
    assert.deepEqual(press('ArrowRight', 1), { type: 'expand', index: 1 });
    assert.deepEqual(press('ArrowRight', 0), { type: 'focus', index: 1 });
    assert.equal(press('ArrowRight', 2), undefined);
  });

  test('Right on an open but empty folder stays put', () => {
    assert.equal(treeKeyAction('ArrowRight', rows('1 empty/+', '1 next/'), 0, 1), undefined);
  });

  test('Left closes an open folder, otherwise goes to the parent', () => {
    assert.deepEqual(press('ArrowLeft', 0), { type: 'collapse', index: 0 });
    assert.deepEqual(press('ArrowLeft', 2), { type: 'focus', index: 0 });
    assert.deepEqual(press('ArrowLeft', 1), { type: 'focus', index: 0 });
    assert.equal(press('ArrowLeft', 3), undefined);
  });

  test('Space ticks any row, Enter opens or closes folders only, Escape cancels a folder listing', () => {
    assert.deepEqual(press(' ', 2), { type: 'toggle-checked', index: 2 });
    assert.deepEqual(press('Enter', 3), { type: 'toggle-expanded', index: 3 });
    assert.equal(press('Enter', 4), undefined);
    assert.deepEqual(press('Escape', 3), { type: 'cancel', index: 3 });
  });

  test('other keys are left to the browser', () => {
    assert.equal(press('Tab', 0), undefined);
    assert.equal(press('a', 0), undefined);
  });

  test('a lost focus index comes back to the first row', () => {
    assert.deepEqual(press('ArrowDown', 99), { type: 'focus', index: 0 });
    assert.equal(treeKeyAction('ArrowDown', [], 0, 1), undefined);
  });
});
