import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareUtf8, DEEP_LEVELS, fixtureTree, MANY_FILE_COUNT } from '../fixture-tree.mjs';

const objects = fixtureTree();
const keys = objects.map((object) => object.key);
const hostileNames = keys.filter((key) => key.startsWith('hostile/')).map((key) => key.slice('hostile/'.length));
const utf8Length = (text) => Buffer.byteLength(text, 'utf8');

describe('fixtureTree', () => {
  it('is deterministic, byte for byte', () => {
    const again = fixtureTree();
    assert.deepEqual(again.map(({ key, size }) => ({ key, size })), objects.map(({ key, size }) => ({ key, size })));
    again.forEach((object, index) => assert.deepEqual(Buffer.from(object.body), Buffer.from(objects[index].body)));
  });

  it('lists unique keys in UTF-8 byte order, as S3 does', () => {
    assert.equal(new Set(keys).size, keys.length);
    const byBytes = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    assert.deepEqual(keys, byBytes);
    assert.ok(compareUtf8('a', 'ä') < 0 && compareUtf8('Z', 'a') < 0 && compareUtf8('pre', 'pre.txt') < 0);
  });

  it('keeps every key within the S3 limit of 1,024 UTF-8 bytes', () => {
    for (const key of keys) assert.ok(utf8Length(key) <= 1024, `${key.slice(0, 40)}… is ${utf8Length(key)} bytes`);
  });

  it('has bodies of the announced size that start with their key', () => {
    for (const { key, size, body } of objects) {
      assert.equal(body.length, size);
      if (size > utf8Length(key)) assert.equal(Buffer.from(body).subarray(0, utf8Length(key)).toString('utf8'), key);
    }
    assert.ok(objects.some(({ size }) => size === 0), 'an empty object is part of the tree');
  });

  it('contains the data/ layout of contract A', () => {
    const data = keys.filter((key) => key.startsWith('data/'));
    const expected = [
      'data/meta.json',
      ...Array.from({ length: 3 }, (_, i) => `data/test/part-0000${i}.parquet`),
      ...Array.from({ length: 10 }, (_, i) => `data/train/part-0000${i}.parquet`),
    ];
    assert.deepEqual(data, expected);
    assert.ok(keys.includes('README.md'));
  });

  it(`contains exactly ${MANY_FILE_COUNT} files in many/`, () => {
    const many = keys.filter((key) => key.startsWith('many/'));
    assert.equal(many.length, MANY_FILE_COUNT);
    assert.equal(many[0], 'many/file-00000.txt');
    assert.equal(many.at(-1), 'many/file-04999.txt');
  });

  it(`contains a ${DEEP_LEVELS}-level deep path with siblings on several levels`, () => {
    const deep = keys.filter((key) => key.startsWith('deep/'));
    const leaf = deep.find((key) => key.endsWith('/leaf.txt'));
    assert.equal(leaf.split('/').length - 2, DEEP_LEVELS);
    assert.ok(leaf.startsWith('deep/l01/l02/l03/'));
    const siblingDepths = new Set(deep.filter((key) => key !== leaf).map((key) => key.split('/').length));
    assert.ok(siblingDepths.size >= 3);
  });

  const categories = {
    'spaces inside names': (name) => name === 'with space/file one.txt',
    unicode: (name) => name === 'ünïcödé/日本語.txt',
    emoji: (name) => /\p{Extended_Pictographic}/u.test(name),
    'NFC and NFD forms of one name': (name) => name.normalize('NFC') !== name && hostileNames.includes(name.normalize('NFC')),
    '[': (name) => name.includes('['),
    ']': (name) => name.includes(']'),
    '*': (name) => name.includes('*'),
    '?': (name) => name.includes('?'),
    "'": (name) => name.includes("'"),
    '"': (name) => name.includes('"'),
    '$(touch pwned)': (name) => name.includes('$(touch pwned)'),
    backticks: (name) => name.includes('`'),
    '#': (name) => name.includes('#'),
    '%': (name) => name.includes('%'),
    '+': (name) => name.includes('+'),
    'leading dash': (name) => name === '-rf',
    'option-like name': (name) => name === '--include=x',
    'trailing space': (name) => name === 'trail ',
    'leading space': (name) => name === ' lead',
    'HTML markup': (name) => name.includes('<b>html</b>'),
    'HTML entity': (name) => name.includes('&amp;'),
    backslash: (name) => name.includes('\\'),
    tab: (name) => name.includes('\t'),
    '1,000-byte name': (name) => utf8Length(name.split('/').at(-1)) === 1000,
    'folder named *': (name) => name.startsWith('*/'),
    'folder named [abc]': (name) => name.startsWith('[abc]/'),
    'empty file': (name) => name === 'empty.txt',
  };
  for (const [category, test] of Object.entries(categories)) {
    it(`has a hostile key with ${category}`, () => {
      assert.ok(hostileNames.some(test), `no hostile/ key matches "${category}"`);
    });
  }

  it('has names that are prefixes of other names (pre, pre.txt, prefix/…)', () => {
    assert.ok(hostileNames.includes('pre'));
    assert.ok(hostileNames.includes('pre.txt'));
    assert.ok(hostileNames.some((name) => name.startsWith('prefix/')));
  });
});
