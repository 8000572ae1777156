// The Space card check `npm run deploy` runs before uploading, on demo/README.md and on broken cards.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parseFrontMatter, spaceFrontMatterProblems } from '../../scripts/space-front-matter.mjs';

const card = (lines) => `---\n${lines.join('\n')}\n---\n\n# Body\n`;
const valid = [
  'title: Importer',
  'emoji: 🪣',
  'colorFrom: yellow',
  'colorTo: gray',
  'sdk: static',
  'app_file: index.html',
  'pinned: false',
  "short_description: 'Copy S3 data, fast'",
  'hf_oauth: true',
  'hf_oauth_scopes:',
  '  - jobs',
  '  - write-repos',
  'hf_oauth_expiration_minutes: 480',
];

describe('Space front matter', () => {
  it('reads the demo card, which is valid', async () => {
    const meta = parseFrontMatter(await readFile(new URL('../README.md', import.meta.url), 'utf8'));
    assert.equal(meta.sdk, 'static');
    assert.equal(meta.hf_oauth, true);
    assert.deepEqual(meta.hf_oauth_scopes, ['jobs', 'contribute-repos', 'write-repos']);
    assert.ok(!meta.hf_oauth_scopes.includes('manage-repos'), 'the least scopes that work');
    assert.equal(typeof meta.hf_oauth_expiration_minutes, 'number');
    assert.ok(meta.short_description.length <= 60);
    assert.deepEqual(spaceFrontMatterProblems(meta), []);
  });

  it('parses scalars, quotes, booleans, numbers and block lists', () => {
    assert.deepEqual(parseFrontMatter(card(valid)), {
      title: 'Importer',
      emoji: '🪣',
      colorFrom: 'yellow',
      colorTo: 'gray',
      sdk: 'static',
      app_file: 'index.html',
      pinned: false,
      short_description: 'Copy S3 data, fast',
      hf_oauth: true,
      hf_oauth_scopes: ['jobs', 'write-repos'],
      hf_oauth_expiration_minutes: 480,
    });
  });

  it('names what is wrong', () => {
    const broken = (replace) => spaceFrontMatterProblems(parseFrontMatter(card(valid.map((line) => replace[line.split(':')[0]] ?? line))));
    assert.deepEqual(broken({ sdk: 'sdk: gradio' }), ['sdk: must be "static" (the importer is a static page)']);
    assert.match(broken({ colorTo: 'colorTo: teal' })[0], /^colorTo: use one of/);
    assert.match(broken({ hf_oauth_expiration_minutes: 'hf_oauth_expiration_minutes: 50000' })[0], /from 1 to 43200/);
    assert.match(broken({ short_description: `short_description: ${'x'.repeat(61)}` })[0], /1 to 60 characters/);
    const noJobs = spaceFrontMatterProblems(parseFrontMatter(card(valid.filter((line) => line !== '  - jobs'))));
    assert.deepEqual(noJobs, ['hf_oauth_scopes: must list "jobs" (the import runs as a Job)']);
  });

  it('refuses text that is not front matter', () => {
    assert.throws(() => parseFrontMatter('# No front matter'), /must start with a "---"/);
    assert.throws(() => parseFrontMatter('---\ntitle: x\n'), /no closing "---"/);
    assert.throws(() => parseFrontMatter('---\ntitle x\n---\n'), /line 2 is not "key: value"/);
  });
});
