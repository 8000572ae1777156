// `npm run deploy` against the hub emulator: the script runs as users run it (a child process with
// HF_TOKEN), and the test reads back what the emulator's Space holds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createRepo, uploadFiles } from '@huggingface/hub';
import { parseFrontMatter, spaceFrontMatterProblems } from '../../scripts/space-front-matter.mjs';
import { builtDemo } from './support/built-demo.mjs';
import { useHub } from './support/test-hub.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs scripts/deploy.mjs and resolves with its exit code and output. */
function runDeploy(args, { token } = {}) {
  const env = { ...process.env };
  delete env.HF_TOKEN;
  delete env.HF_ENDPOINT;
  if (token !== undefined) env.HF_TOKEN = token;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'scripts', 'deploy.mjs'), ...args], { cwd: repo, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function filesUnder(directory, prefix = '') {
  const files = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await filesUnder(path.join(directory, entry.name), relative)));
    else files.push(relative);
  }
  return files;
}

describe('npm run deploy (to the hub emulator)', () => {
  let hub;
  let dist;
  before(async () => {
    hub = await useHub();
    dist = await builtDemo();
  });
  after(() => hub?.close());

  const uniqueSpace = (stem) => `alice/${stem}-${randomUUID().slice(0, 8)}`;
  const deployArgs = (spaceId, ...extra) => [spaceId, `--hub-url=${hub.url}`, '--skip-build', `--dist=${dist}`, ...extra];

  it('creates a private static Space with the built page and a valid Space card, and says what to configure', async () => {
    const spaceId = uniqueSpace('importer');
    const { code, stdout, stderr } = await runDeploy(deployArgs(spaceId), { token: hub.tokens.write });
    assert.equal(code, 0, stderr);
    assert.ok(!`${stdout}${stderr}`.includes(hub.tokens.write), 'the token is never printed');
    assert.match(stdout, new RegExp(`Space  ${hub.url}/spaces/${spaceId}`));
    assert.match(stdout, /Created the Space .* \(private, static\)/);
    assert.match(stdout, /No secret is needed/);
    assert.match(stdout, /HF_HUB_URL/);
    assert.match(stdout, /Never add a token or S3 keys as Space variables or secrets/);
    assert.match(stdout, /The Space is private/);

    const space = (await hub.control.spaces()).get(spaceId);
    assert.ok(space, `the emulator has ${spaceId}`);
    assert.equal(space.private, true);
    assert.equal(space.sdk, 'static');
    const built = await filesUnder(dist);
    assert.deepEqual([...space.files.keys()].sort(), ['.gitattributes', 'README.md', ...built].sort());
    for (const file of built) assert.deepEqual(space.files.get(file), await readFile(path.join(dist, file)), file);

    const page = space.files.get('index.html').toString();
    const referenced = [...page.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1]);
    assert.ok(referenced.some((file) => /^assets\/main-.+\.js$/.test(file)), 'index.html loads the bundle');
    for (const file of referenced) assert.ok(space.files.has(file), `${file} referenced by index.html was uploaded`);

    const readme = space.files.get('README.md').toString();
    assert.equal(readme, await readFile(path.join(repo, 'demo', 'README.md'), 'utf8'));
    const meta = parseFrontMatter(readme);
    assert.equal(meta.sdk, 'static');
    assert.equal(meta.app_file, 'index.html');
    assert.equal(meta.hf_oauth, true);
    assert.deepEqual(meta.hf_oauth_scopes, ['jobs', 'contribute-repos', 'write-repos']);
    assert.ok(meta.hf_oauth_expiration_minutes >= 24 * 60 && meta.hf_oauth_expiration_minutes <= 43_200);
    assert.equal(meta.pinned, false);
    assert.deepEqual(spaceFrontMatterProblems(meta), []);
  });

  it('updates an existing Space: removes files of earlier deploys, keeps its visibility and .gitattributes', async () => {
    const spaceId = uniqueSpace('public-importer');
    const first = await runDeploy(deployArgs(spaceId, '--public'), { token: hub.tokens.write });
    assert.equal(first.code, 0, first.stderr);
    assert.equal((await hub.control.spaces()).get(spaceId)?.private, false);
    await uploadFiles({
      repo: { type: 'space', name: spaceId },
      accessToken: hub.tokens.write,
      hubUrl: hub.url,
      files: [{ path: 'assets/main-0ld0ld00.js', content: new Blob(['old bundle']) }],
    });

    const second = await runDeploy(deployArgs(spaceId), { token: hub.tokens.write });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /exists \(public\); updating it/);
    assert.match(second.stdout, /removed 1 from the previous deploy/);
    const space = (await hub.control.spaces()).get(spaceId);
    assert.equal(space.private, false);
    assert.equal(space.files.has('assets/main-0ld0ld00.js'), false);
    assert.ok(space.files.has('.gitattributes'));
    assert.ok(space.files.has('index.html'));
  });

  it('refuses, with what to do, without HF_TOKEN, with a bad Space id, or with a token that may not write', async () => {
    const noToken = await runDeploy(deployArgs(uniqueSpace('x')));
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /set HF_TOKEN to a Hugging Face token/);

    const badId = await runDeploy(['not-a-space-id', `--hub-url=${hub.url}`], { token: hub.tokens.write });
    assert.equal(badId.code, 2);
    assert.match(badId.stderr, /is not a Space id: use namespace\/space-name/);

    const spaceId = uniqueSpace('read-only');
    const readOnly = await runDeploy(deployArgs(spaceId), { token: hub.tokens.read });
    assert.equal(readOnly.code, 1);
    assert.match(readOnly.stderr, /HF_TOKEN may not create or write .* \(HTTP 403: This token has the "read" role/);
    assert.ok(!`${readOnly.stdout}${readOnly.stderr}`.includes(hub.tokens.read));
    assert.equal((await hub.control.spaces()).has(spaceId), false);

    const expired = await runDeploy(deployArgs(uniqueSpace('expired')), { token: hub.tokens.expired });
    assert.equal(expired.code, 1);
    assert.match(expired.stderr, /did not accept HF_TOKEN \(HTTP 401/);
  });

  it('does not overwrite a Space of another SDK', async () => {
    const spaceId = uniqueSpace('gradio-app');
    await createRepo({ repo: { type: 'space', name: spaceId }, sdk: 'gradio', accessToken: hub.tokens.write, hubUrl: hub.url });
    const { code, stderr } = await runDeploy(deployArgs(spaceId), { token: hub.tokens.write });
    assert.equal(code, 1);
    assert.match(stderr, /is a gradio Space: deploying the static importer would replace its app/);
    assert.deepEqual([...(await hub.control.spaces()).get(spaceId).files.keys()], ['.gitattributes']);
  });
});
