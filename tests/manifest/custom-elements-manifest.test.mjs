// The custom-elements manifests are what editors and frameworks read: check that the generated
// ones describe each element's tag, events, parts and CSS properties, and no secret attribute.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const expected = {
  's3-tree': { className: 'S3TreeElement', events: ['s3-tree-selection-change', 's3-tree-error', 's3-tree-mode-change'] },
  'hf-bucket-target': { className: 'HfBucketTargetElement', events: ['hf-bucket-target-change'] },
  'hf-import-job': { className: 'HfImportJobElement', events: ['hf-import-job-created', 'hf-import-job-status', 'hf-import-job-finished'] },
};

async function elementDeclaration(tag) {
  const manifest = JSON.parse(await readFile(path.join(repo, 'packages', tag, 'custom-elements.json'), 'utf8'));
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  return declarations.find((declaration) => declaration.customElement && declaration.tagName === tag);
}

describe('custom-elements manifests', () => {
  before(async () => {
    await promisify(execFile)(process.execPath, [path.join(repo, 'scripts', 'build-manifests.mjs')], { cwd: repo });
  });

  for (const [tag, { className, events }] of Object.entries(expected)) {
    it(`describes <${tag}>: class, events, attributes, parts and CSS properties`, async () => {
      const element = await elementDeclaration(tag);
      assert.ok(element, `a custom element declaration with tagName ${tag}`);
      assert.equal(element.name, className);
      assert.ok(element.summary, 'the @summary doc comment');
      const eventNames = (element.events ?? []).map((event) => event.name);
      for (const name of events) assert.ok(eventNames.includes(name), `event ${name} in ${eventNames.join(', ')}`);
      assert.ok((element.cssParts ?? []).some((part) => part.name === 'base'), 'the base part');
      assert.ok((element.cssProperties ?? []).length > 0, 'documented CSS custom properties');
      assert.ok((element.attributes ?? []).length > 0, 'documented attributes');
      const packageJson = JSON.parse(await readFile(path.join(repo, 'packages', tag, 'package.json'), 'utf8'));
      assert.equal(packageJson.customElements, 'custom-elements.json', 'package.json points tools at the manifest');
    });

    it(`lists no credential as an attribute of <${tag}>`, async () => {
      const element = await elementDeclaration(tag);
      const attributes = (element.attributes ?? []).map((attribute) => attribute.name);
      for (const secret of ['access-token', 'accesstoken', 'token', 'credentials', 'connection', 'secret-access-key']) {
        assert.ok(!attributes.includes(secret), `${secret} must be property-only`);
      }
    });
  }
});
