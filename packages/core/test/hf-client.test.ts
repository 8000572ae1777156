import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { cancelJob } from '../src/hf/cancel-job.js';
import { createBucket } from '../src/hf/create-bucket.js';
import { findImportJob } from '../src/hf/find-import-job.js';
import { getBucket } from '../src/hf/get-bucket.js';
import { getJob } from '../src/hf/get-job.js';
import { isTerminalStage, JOB_STAGES } from '../src/hf/job-stages.js';
import { listJobHardware } from '../src/hf/list-job-hardware.js';
import { listJobs } from '../src/hf/list-jobs.js';
import { runJob, type HfJobSpec } from '../src/hf/run-job.js';
import { whoAmI } from '../src/hf/who-am-i.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';
import { rejectsWith } from './hf-test-support.js';

/** A unique name, so tests sharing one emulator never see each other's buckets or Jobs. */
const unique = (stem: string) => `${stem}-${randomUUID().slice(0, 8)}`;

const sleepingJob = (labels: Record<string, string>): HfJobSpec => ({
  dockerImage: 'python:3.12',
  command: ['bash', '-c', 'sleep 30'],
  flavor: 'cpu-basic',
  labels,
});

describe('HF client against the hub emulator', () => {
  let hub: TestHub;
  let call: { hubUrl: string };
  before(async () => {
    hub = await useTestHub();
    call = { hubUrl: hub.url };
  });
  after(() => hub.close());

  describe('whoAmI', () => {
    it('returns the account the token belongs to', async () => {
      const me = await whoAmI({ ...call, accessToken: hub.tokens.write });
      assert.equal(me.name, 'alice');
      assert.equal(me.type, 'user');
      assert.ok(me.type === 'user' && me.orgs.some((org) => org.name === 'acme'));
    });

    it('says to sign in again for an expired token (401)', async () => {
      const error = await rejectsWith(whoAmI({ ...call, accessToken: hub.tokens.expired }), 'unauthorized', /Sign in again/);
      assert.equal(error.statusCode, 401);
      assert.equal(error.url, `${hub.url}/api/whoami-v2`);
      assert.ok(error.requestId, 'the request id is kept for support');
      assert.ok(!error.message.includes(hub.tokens.expired), 'the token never appears in the message');
    });

    it('refuses a malformed token before sending it', async () => {
      await rejectsWith(whoAmI({ ...call, accessToken: 'not-a-token' }), 'unauthorized', /start with "hf_".*Sign in again/);
    });

    it('reports an unreachable Hub as a network error', async () => {
      await rejectsWith(whoAmI({ hubUrl: 'http://127.0.0.1:1', accessToken: hub.tokens.write }), 'network', /could not be reached/);
    });
  });

  describe('buckets', () => {
    it('creates a bucket, then reports it as existing (409 → created: false)', async () => {
      const name = unique('imports');
      const first = await createBucket({ ...call, accessToken: hub.tokens.write, namespace: 'alice', name, private: true });
      assert.equal(first.created, true);
      assert.equal(first.id, `alice/${name}`);
      const info = await getBucket({ ...call, accessToken: hub.tokens.write, namespace: 'alice', name });
      assert.equal(info?.id, `alice/${name}`);
      assert.equal(info?.private, true);
      const second = await createBucket({ ...call, accessToken: hub.tokens.write, namespace: 'alice', name });
      assert.deepEqual(second, { created: false, id: `alice/${name}` });
    });

    it('returns undefined for a missing bucket (404)', async () => {
      assert.equal(await getBucket({ ...call, accessToken: hub.tokens.write, namespace: 'alice', name: unique('missing') }), undefined);
    });

    it('names the missing permission when the token may not create buckets (403)', async () => {
      const error = await rejectsWith(
        createBucket({ ...call, accessToken: hub.tokens.read, namespace: 'alice', name: unique('denied') }),
        'forbidden',
        /create the bucket alice\/denied-.*"contribute-repos" or "write-repos" scope/,
      );
      assert.equal(error.statusCode, 403);
    });

    it('treats a bucket the token cannot create but can see as existing', async () => {
      const name = unique('existing');
      await createBucket({ ...call, accessToken: hub.tokens.write, namespace: 'alice', name });
      assert.deepEqual(await createBucket({ ...call, accessToken: hub.tokens.read, namespace: 'alice', name }), { created: false, id: `alice/${name}` });
    });
  });

  describe('Jobs', () => {
    it('creates, finds by label, reads and cancels a Job', async () => {
      const importId = unique('import');
      const labels = { app: 's3-to-hf-import', 'import-id': importId };
      const created = await runJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', spec: sleepingJob(labels) });
      assert.equal(created.labels?.['import-id'], importId);
      assert.ok(JOB_STAGES.includes(created.status.stage as (typeof JOB_STAGES)[number]));

      const listed = await listJobs({ ...call, accessToken: hub.tokens.write, namespace: 'alice', labels: { 'import-id': importId } });
      assert.deepEqual(listed.map((job) => job.id), [created.id]);
      const found = await findImportJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', importId });
      assert.equal(found?.id, created.id);
      assert.equal(await findImportJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', importId: unique('other') }), undefined);

      const fetched = await getJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', jobId: created.id });
      assert.equal(fetched.id, created.id);
      assert.equal(isTerminalStage(fetched.status.stage), false);

      const canceled = await cancelJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', jobId: created.id });
      assert.equal(canceled.status.stage, 'CANCELED');
      const afterCancel = await getJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', jobId: created.id });
      assert.equal(isTerminalStage(afterCancel.status.stage), true);
      const canceledOnes = await listJobs({ ...call, accessToken: hub.tokens.write, namespace: 'alice', labels, stage: 'CANCELED' });
      assert.deepEqual(canceledOnes.map((job) => job.id), [created.id]);
      const running = await listJobs({ ...call, accessToken: hub.tokens.write, namespace: 'alice', labels, stage: 'RUNNING' });
      assert.deepEqual(running, []);
    });

    it('follows every page of a long Job list', async () => {
      const importId = unique('paged');
      const ids: string[] = [];
      const spec = { ...sleepingJob({ 'import-id': importId }), command: ['bash', '-c', 'true'] };
      for (let index = 0; index < 105; index += 1) {
        ids.push((await runJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', spec })).id);
      }
      const listed = await listJobs({ ...call, accessToken: hub.tokens.write, namespace: 'alice', labels: { 'import-id': importId } });
      assert.deepEqual(listed.map((job) => job.id).sort(), ids.sort());
    });

    it('names the "jobs" scope when the token may not run Jobs (403)', async () => {
      await rejectsWith(
        runJob({ ...call, accessToken: hub.tokens.noJobs, namespace: 'alice', spec: sleepingJob({}) }),
        'forbidden',
        /start a Job in alice.*"jobs" scope/,
      );
    });

    it('reports an unknown Job as not found (404)', async () => {
      await rejectsWith(getJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', jobId: 'no-such-job' }), 'not-found', /Check the namespace/);
    });

    it('lists the hardware with prices', async () => {
      const hardware = await listJobHardware({ ...call, accessToken: hub.tokens.write });
      const basic = hardware.find((entry) => entry.name === 'cpu-basic');
      assert.ok(basic && basic.unitCostUSD > 0 && basic.unitLabel === 'minute');
    });
  });

  describe('rate limiting (429)', () => {
    it('waits for Retry-After and retries a GET', async () => {
      await hub.control.fault({ route: 'GET /api/jobs/hardware', status: 429, retryAfter: 1, times: 1 });
      const started = Date.now();
      const hardware = await listJobHardware({ ...call, accessToken: hub.tokens.write });
      assert.ok(hardware.length > 0);
      assert.ok(Date.now() - started >= 950, 'the retry came after the Retry-After delay');
    });

    it('gives up after 3 retries, having made exactly 4 attempts', async () => {
      await hub.control.fault({ route: 'GET /api/jobs/hardware', status: 429, retryAfter: 0, times: 4 });
      const error = await rejectsWith(listJobHardware({ ...call, accessToken: hub.tokens.write }), 'rate-limited', /rate-limiting.*Wait 0 s/);
      assert.equal(error.retryAfterSeconds, 0);
      // All 4 faults were used up by the 4 attempts: the next call goes through at once.
      assert.ok((await listJobHardware({ ...call, accessToken: hub.tokens.write })).length > 0);
    });

    it('never retries a POST, which could start a Job twice', async () => {
      const importId = unique('no-retry');
      await hub.control.fault({ route: 'POST /api/jobs/:ns', status: 429, retryAfter: 0, times: 1 });
      const error = await rejectsWith(
        runJob({ ...call, accessToken: hub.tokens.write, namespace: 'alice', spec: sleepingJob({ 'import-id': importId }) }),
        'rate-limited',
        /start a Job in alice/,
      );
      assert.equal(error.statusCode, 429);
      assert.deepEqual(await listJobs({ ...call, accessToken: hub.tokens.write, namespace: 'alice', labels: { 'import-id': importId } }), []);
    });

    it('stops waiting when aborted', async () => {
      await hub.control.fault({ route: 'GET /api/jobs/hardware', status: 429, retryAfter: 30, times: 1 });
      const controller = new AbortController();
      let rateLimited!: () => void;
      const gotRateLimited = new Promise<void>((resolve) => (rateLimited = resolve));
      // The real fetch, observed: abort only once the 429 has arrived and the client is waiting.
      const observedFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 429) rateLimited();
        return response;
      };
      const pending = listJobHardware({ ...call, accessToken: hub.tokens.write, fetch: observedFetch, signal: controller.signal });
      await gotRateLimited;
      const started = Date.now();
      controller.abort(new Error('user closed the page'));
      await assert.rejects(pending, /user closed the page/);
      assert.ok(Date.now() - started < 5_000, 'the 30 s Retry-After wait was cut short');
    });
  });
});
