// The whole import through the built demo page in Chromium, against the hub emulator (which runs
// the Job for real) and the Ceph S3 server: OAuth sign-in with PKCE as on a Space, connect S3,
// tick and untick hostile names in the tree, preview, create the destination with a prefix,
// launch, follow the log to the end, and check that the bucket holds exactly what was ticked.
// Then what the page left behind: no credential anywhere, nothing in the browser's storage.
// Also the bucket the browser may not list (no CORS): patterns typed by hand, imported exactly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createProxyClient } from '../../tests/s3/proxy-client.mjs';
import { fixtureTree } from '../../tests/s3/fixture-tree.mjs';
import { browserStorage } from './support/browser.mjs';
import { startDemoServers } from './support/demo-servers.mjs';
import {
  axeViolations,
  bucketFiles,
  chooseDestination,
  connectS3,
  expandFolder,
  keysSelectedBy,
  openImporter,
  pageStrings,
  renderedText,
  screenshotBoth,
  setTicked,
  signInOnSpace,
  startImport,
  treeRow,
  waitForOutcome,
  waitForTree,
} from './support/importer-page.mjs';

const FIXTURE = fixtureTree();
const KEYS = FIXTURE.map((object) => object.key);
const BODIES = new Map(FIXTURE.map((object) => [object.key, Buffer.from(object.body)]));
const EMPTY_STORAGE = { localStorage: [], sessionStorage: [], documentCookie: '', indexedDB: [], caches: [], cookies: [] };

// What the flow ticks and unticks, in order: files and folders, listed and never listed, with
// quotes, $(…), brackets, unicode (NFC and NFD twins), a leading dash and trailing spaces.
const TREE_OPERATIONS = [
  { path: 'README.md', ticked: true },
  { path: 'data/', ticked: true },
  { expand: 'data/' },
  { path: 'data/test/', ticked: false },
  { path: 'data/meta.json', ticked: false },
  { expand: 'data/train/' },
  { path: 'data/train/part-00003.parquet', ticked: false },
  { expand: 'hostile/' },
  { path: 'hostile/with space/', ticked: true },
  { path: 'hostile/folder with trailing space /', ticked: true },
  { path: "hostile/it's.txt", ticked: true },
  { path: 'hostile/say "hi".txt', ticked: true },
  { path: 'hostile/$(touch pwned).txt', ticked: true },
  { path: 'hostile/[bracket].txt', ticked: true },
  { path: 'hostile/-rf', ticked: true },
  { path: 'hostile/trail ', ticked: true },
  { path: 'hostile/star*.txt', ticked: true },
  { path: 'hostile/star*.txt', ticked: false },
  { path: 'hostile/ünïcödé/', ticked: true },
  { expand: 'hostile/ünïcödé/' },
  { path: 'hostile/ünïcödé/日本語.txt', ticked: false },
];
const NEVER_LISTED = ['hostile/with space/', 'hostile/folder with trailing space /'];

describe('importing through the demo page', () => {
  let hub;
  let s3;
  let server;
  let browser;
  let demo;
  before(async () => {
    demo = await startDemoServers();
    ({ hub, s3, server, browser } = demo);
  });
  after(() => demo?.stop());

  const open = () => openImporter(browser, { serverUrl: server.url, hubUrl: hub.url });
  const step = (page, id) => page.locator(`#${id}`);

  it('imports exactly the ticked files, hostile names included, and leaves no credential and nothing stored behind', async () => {
    const proxy = createProxyClient(s3.proxyEndpoint);
    const session = await open();
    const { page, context } = session;
    try {
      await page.getByRole('button', { name: 'Sign in with Hugging Face' }).waitFor();
      await screenshotBoth(page, 'sign-in');
      await signInOnSpace(page);
      const [oauthToken] = session.oauthTokens;
      assert.match(oauthToken ?? '', /^hf_oauth_/, 'the PKCE exchange gave the page an OAuth token');
      assert.match(await page.locator('#step-sign-in .summary').innerText(), /access for 7 h 59 min, until /, 'the token\'s expiry is shown');
      // alice's plan as whoami tells it: no PRO, billing set up.
      await page.locator('#step-sign-in .standing', { hasText: 'Free plan' }).waitFor();
      assert.match(await page.locator('#step-sign-in .standing').innerText(), /Free plan\s*Billing is set up/);
      await screenshotBoth(page, 'signed-in');

      // Through the fault proxy, so the Job can be slowed down long enough to be seen running.
      await page.locator('#s3-bucket').fill(s3.corsBucket);
      await page.locator('#s3-endpoint').fill(s3.proxyEndpoint);
      await screenshotBoth(page, 'connect', step(page, 'step-connect'));
      await connectS3(page, { bucket: s3.corsBucket, endpoint: s3.proxyEndpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
      await waitForTree(page);

      const ticks = [];
      for (const operation of TREE_OPERATIONS) {
        if (operation.expand) await expandFolder(page, operation.expand);
        else {
          await setTicked(page, operation.path, operation.ticked);
          ticks.push(operation);
        }
      }
      const expected = keysSelectedBy(KEYS, ticks).sort();
      assert.ok(expected.includes('hostile/trail ') && expected.includes('hostile/ünïcödé/cafe\u0301.txt') && !expected.includes('hostile/star*.txt'));
      assert.equal(await treeRow(page, 'hostile/').getAttribute('aria-checked'), 'mixed');
      await screenshotBoth(page, 'tree-selection', step(page, 'step-select'));

      await page.locator('s3-tree .preview-toggle').click();
      const listedExpected = expected.filter((key) => !NEVER_LISTED.some((folder) => key.startsWith(folder)));
      const previewSummary = page.locator('s3-tree .preview-summary');
      await previewSummary.waitFor();
      assert.match(await previewSummary.innerText(), new RegExp(`^${listedExpected.length} listed files .*2 selected folders never listed`, 's'));
      await screenshotBoth(page, 'preview', step(page, 'step-select'));

      const bucket = `e2e-flow-${Date.now()}`;
      const prefix = 'imports/run-1/';
      await chooseDestination(page, { bucket, prefix });
      await screenshotBoth(page, 'destination', page.locator('hf-bucket-target'));
      const summary = page.locator('#step-import-job [part="summary"]');
      assert.match(await summary.innerText(), new RegExp(`hf://buckets/alice/${bucket}/imports/run-1`));
      await screenshotBoth(page, 'summary', page.locator('#step-import-job'));
      assert.deepEqual(await axeViolations(page), [], 'the page with all four steps open passes axe');

      // Each S3 request of the Job now takes a moment: long enough to see it run and stream its log.
      await proxy.setLatency(800);
      const jobId = await startImport(page);
      await page.locator('#step-import-job .stage', { hasText: 'Running' }).waitFor({ timeout: 30_000 });
      await page.locator('#step-import-job .log .line').first().waitFor({ timeout: 30_000 });
      await screenshotBoth(page, 'running', step(page, 'step-import'));
      await proxy.setLatency(0);

      assert.equal(await waitForOutcome(page), 'completed');
      await step(page, 'step-import').locator('.step__status', { hasText: 'Import finished' }).waitFor();
      await screenshotBoth(page, 'completed', step(page, 'step-import'));

      const files = (await hub.control.buckets()).get(`alice/${bucket}`);
      assert.deepEqual([...files.keys()].sort(), expected.map((key) => `${prefix}${key}`).sort(), 'exactly the ticked files, under the prefix');
      for (const key of expected) assert.ok(files.get(`${prefix}${key}`).equals(BODIES.get(key)), `${JSON.stringify(key)} arrived intact`);

      // The list of imports picked the new one up when it was created and finished.
      const listed = page.locator(`.imports .import`, { hasText: `hf://buckets/alice/${bucket}` });
      await listed.locator('.pill', { hasText: 'Completed' }).waitFor();
      assert.match(await listed.innerText(), new RegExp(`s3://${s3.corsBucket}\\b`));
      assert.equal(await listed.getByRole('button', { name: /^Shown below: .*, in step 4$/ }).count(), 1, 'the import of step 4 points there');
      await screenshotBoth(page, 'imports-list', page.locator('.imports'));

      // No credential anywhere but where it belongs.
      const secrets = { 'S3 secret key': s3.secretAccessKey, 'S3 access key id': s3.accessKeyId, 'HF token': oauthToken };
      const strings = (await pageStrings(page)).join('\n');
      const text = await renderedText(page);
      for (const [name, value] of Object.entries(secrets)) {
        assert.ok(!strings.includes(value), `no DOM attribute or text holds the ${name}`);
        assert.ok(!text.includes(value), `the rendered text does not show the ${name}`);
        assert.ok(!session.consoleMessages.some((message) => message.includes(value)), `no console message holds the ${name}`);
        assert.ok(!session.requests.some((url) => url.includes(value) || url.includes(encodeURIComponent(value))), `no request URL holds the ${name}`);
      }
      const job = (await hub.control.jobs()).find((candidate) => candidate.id === jobId);
      const visibleParts = JSON.stringify([job.command, job.arguments, job.environment, job.labels]);
      for (const [name, value] of Object.entries(secrets)) assert.ok(!visibleParts.includes(value), `the Job's command, environment and labels hold no ${name}`);
      assert.deepEqual([...job.secrets].sort(), ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'HF_TOKEN']);
      const [sent] = session.jobRequests.map((body) => JSON.parse(body));
      assert.deepEqual(sent.secrets, { HF_TOKEN: oauthToken, AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey }, 'they travelled as Job secrets');
      assert.deepEqual(session.problems, []);

      assert.deepEqual(await browserStorage(page), EMPTY_STORAGE, 'nothing stored after the import');
      await page.reload();
      await page.getByRole('button', { name: 'Sign in with Hugging Face' }).waitFor();
      assert.deepEqual(await browserStorage(page), EMPTY_STORAGE, 'nothing stored after the reload either');
      assert.equal(await page.locator('.account__name').count(), 0, 'the reload forgot the session');
    } finally {
      await proxy.setLatency(0);
      await context.close();
    }
  });

  it('imports from a bucket the browser may not list, through patterns typed by hand', async () => {
    const { page, context, problems } = await open();
    try {
      await signInOnSpace(page);
      await connectS3(page, { bucket: s3.noCorsBucket, endpoint: s3.endpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
      const cors = page.locator('s3-tree [part="cors"]');
      await cors.waitFor();
      assert.match(await cors.innerText(), new RegExp(`This browser may not list “${s3.noCorsBucket}”`));
      assert.equal(await page.locator('s3-tree').getAttribute('manual'), '', 'the tree switched to patterns by itself');

      await page.locator('s3-tree #patterns-include').fill('data/train/*\nhostile/[[]bracket].txt\nhostile/say "hi".txt');
      await page.locator('s3-tree #patterns-exclude').fill('data/train/part-00001.parquet');
      await step(page, 'step-select').locator('.step__status', { hasText: 'Patterns set' }).waitFor();
      await screenshotBoth(page, 'cors-manual', step(page, 'step-select'));

      const bucket = `e2e-manual-${Date.now()}`;
      await chooseDestination(page, { bucket, prefix: 'by-pattern/' });
      assert.match(await page.locator('#step-import-job [part="summary"]').innerText(), /Manual patterns \(4\)/);
      await startImport(page);
      assert.equal(await waitForOutcome(page), 'completed');
      await screenshotBoth(page, 'cors-manual-completed', step(page, 'step-import'));

      const expected = KEYS.filter((key) => (key.startsWith('data/train/') && key !== 'data/train/part-00001.parquet') || key === 'hostile/[bracket].txt' || key === 'hostile/say "hi".txt');
      assert.equal(expected.length, 11);
      assert.deepEqual(await bucketFiles(hub.control, `alice/${bucket}`), expected.map((key) => `by-pattern/${key}`).sort());
      // Chromium reports the refused listings itself; nothing else went wrong.
      assert.deepEqual(problems.filter((text) => !/has been blocked by CORS policy/.test(text)), []);
    } finally {
      await context.close();
    }
  });
});
