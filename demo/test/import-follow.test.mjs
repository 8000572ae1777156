// Following import Jobs through the built demo page, against the hub emulator and the Ceph S3
// server (through its fault proxy, whose latency keeps a Job running as long as a test needs):
// cancelling one, finding a running one again after a reload (nothing stored: the Hub's Job list),
// and a sign-in that expires while the Job runs.
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
  openImporter,
  screenshotBoth,
  setTicked,
  signInOnSpace,
  startImport,
  waitForOutcome,
  waitForTree,
} from './support/importer-page.mjs';

// README.md and data/train/: their deepest common folder is the top, so the Job lists the whole
// bucket (six pages) before copying anything.
const SELECTED_KEYS = fixtureTree()
  .map((object) => object.key)
  .filter((key) => key === 'README.md' || key.startsWith('data/train/'));
// Per S3 request while a Job must stay running: its listing alone then takes about 18 s.
const HOLD_LATENCY_MS = 3000;

describe('following imports from the demo page', () => {
  let hub;
  let s3;
  let proxy;
  let server;
  let browser;
  let demo;
  before(async () => {
    demo = await startDemoServers();
    ({ hub, s3, server, browser } = demo);
    proxy = createProxyClient(s3.proxyEndpoint);
  });
  after(async () => {
    await proxy?.setLatency(0);
    await demo?.stop();
  });

  /** Signed in, connected through the proxy, README.md and `data/train/` ticked, a new destination chosen. */
  async function readyToImport(options = {}) {
    const session = await openImporter(browser, { serverUrl: server.url, hubUrl: hub.url, ...options });
    const { page } = session;
    await signInOnSpace(page);
    await connectS3(page, { bucket: s3.corsBucket, endpoint: s3.proxyEndpoint, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
    await waitForTree(page);
    await setTicked(page, 'README.md', true);
    await expandFolder(page, 'data/');
    await setTicked(page, 'data/train/', true);
    const bucket = `e2e-follow-${Date.now()}`;
    await chooseDestination(page, { bucket, prefix: 'copy/' });
    return { ...session, bucket };
  }

  const jobStage = async (jobId) => (await hub.control.jobs()).find((job) => job.id === jobId)?.status.stage;
  const importLine = (page, bucket) => page.locator('.imports .import', { hasText: `hf://buckets/alice/${bucket}` });

  it('cancels a running import after asking, and shows it canceled', async () => {
    const { page, context, bucket } = await readyToImport();
    try {
      await proxy.setLatency(HOLD_LATENCY_MS);
      const jobId = await startImport(page);
      await page.locator('#step-import-job .stage', { hasText: 'Running' }).waitFor({ timeout: 30_000 });
      await page.locator('#step-import-job').getByRole('button', { name: 'Cancel import' }).click();
      const dialog = page.locator('#step-import-job dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel import' }).click();
      assert.equal(await waitForOutcome(page), 'canceled');
      assert.equal(await jobStage(jobId), 'CANCELED');
      await page.locator('#step-import .step__status', { hasText: 'Import cancelled' }).waitFor();
      await importLine(page, bucket).locator('.pill', { hasText: 'Canceled' }).waitFor();
      await screenshotBoth(page, 'canceled', page.locator('#step-import-job'));
    } finally {
      await proxy.setLatency(0);
      await context.close();
    }
  });

  it('finds a running import again after a reload and sign-in, and follows it to the end', async () => {
    const { page, context, bucket } = await readyToImport();
    try {
      await proxy.setLatency(HOLD_LATENCY_MS);
      const jobId = await startImport(page);
      await page.locator('#step-import-job .stage', { hasText: 'Running' }).waitFor({ timeout: 30_000 });

      await page.reload();
      assert.deepEqual(await browserStorage(page), { localStorage: [], sessionStorage: [], documentCookie: '', indexedDB: [], caches: [], cookies: [] });
      await signInOnSpace(page);
      const line = importLine(page, bucket);
      await line.locator('.pill', { hasText: 'Running' }).waitFor();
      assert.equal(await jobStage(jobId), 'RUNNING', 'the Job ran on while nobody watched');
      assert.match(await page.locator('.imports__count').innerText(), /^1 running · /);
      await screenshotBoth(page, 'imports-running', page.locator('.imports'));

      await line.getByRole('button', { name: /^Follow s3:\/\// }).click();
      const followed = page.locator('#followed-import-job');
      await followed.locator('.stage', { hasText: 'Running' }).waitFor();
      await followed.locator('.log .line').first().waitFor();
      assert.equal(await followed.getByRole('button', { name: 'Cancel import' }).count(), 1, 'a followed import can be cancelled');
      await screenshotBoth(page, 'reattached-running', page.locator('.imports'));
      assert.deepEqual(await axeViolations(page), [], 'the list and the followed import pass axe');

      await proxy.setLatency(0);
      assert.equal(await waitForOutcome(page, '#followed-import-job'), 'completed');
      await line.locator('.pill', { hasText: 'Completed' }).waitFor();
      await screenshotBoth(page, 'reattached-completed', page.locator('.imports'));
      assert.deepEqual(await bucketFiles(hub.control, `alice/${bucket}`), SELECTED_KEYS.map((key) => `copy/${key}`).sort());
    } finally {
      await proxy.setLatency(0);
      await context.close();
    }
  });

  it('says so when the sign-in expires while the Job runs, which goes on; a new sign-in follows it again', async () => {
    // The page's clock is Playwright's, so eight hours can pass at once; the Job and the hub run
    // in real time, and the hub still takes the token.
    const { page, context, bucket } = await readyToImport({ clock: true });
    try {
      await proxy.setLatency(HOLD_LATENCY_MS);
      const jobId = await startImport(page);
      await page.locator('#step-import-job .stage', { hasText: 'Running' }).waitFor({ timeout: 30_000 });

      await page.clock.fastForward('08:00:00');
      const notice = page.getByText(/^Your Hugging Face sign-in expired at .+\. Your import keeps running on Hugging Face: sign in again, then follow it from “Your imports”\.$/);
      await notice.waitFor();
      assert.equal(await page.locator('.account__name').count(), 0, 'signed out');
      assert.equal(await page.locator('#step-import-job').count(), 0, 'the token and the keys are forgotten with the form');
      assert.equal(await jobStage(jobId), 'RUNNING', 'the Job goes on');
      await screenshotBoth(page, 'sign-in-expired', page.locator('#step-sign-in'));

      await signInOnSpace(page);
      const line = importLine(page, bucket);
      await line.getByRole('button', { name: /^Follow s3:\/\// }).click();
      await proxy.setLatency(0);
      assert.equal(await waitForOutcome(page, '#followed-import-job'), 'completed');
      assert.deepEqual(await bucketFiles(hub.control, `alice/${bucket}`), SELECTED_KEYS.map((key) => `copy/${key}`).sort());
    } finally {
      await proxy.setLatency(0);
      await context.close();
    }
  });
});
