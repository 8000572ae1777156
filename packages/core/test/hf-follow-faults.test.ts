// Following a Job through what the Hub can throw at it: a token that expires mid-run, a log
// stream cut at random points again and again, stage reads failing, a Job deleted under the
// follower, and rate limits with long Retry-After. Everything runs on the hub emulator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { cancelJob } from '../src/hf/cancel-job.js';
import { followJob } from '../src/hf/follow-job.js';
import { getJob } from '../src/hf/get-job.js';
import { HfApiError } from '../src/hf/hf-api-error.js';
import { listJobHardware } from '../src/hf/list-job-hardware.js';
import { runJob } from '../src/hf/run-job.js';
import { streamJobLogs } from '../src/hf/stream-job-logs.js';
import { summarizeImportResult } from '../src/job/summarize-import-result.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';

const LOG_ROUTE = 'GET /api/jobs/:ns/:id/logs';
const JOB_ROUTE = 'GET /api/jobs/:ns/:id';
// Fixed so that a failure reproduces (fast-check prints it with the counterexample).
const SEED = 4_242;
const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, index) => `line ${index + from}`);
const printLines = (count: number, pause: string) => `for i in $(seq 1 ${count}); do echo "line $i"; sleep ${pause}; done`;

describe('following Jobs under Hub faults (hub emulator)', () => {
  let hub: TestHub;
  let call: { hubUrl: string; accessToken: string; namespace: string };
  let start: (script: string) => Promise<string>;
  before(async () => {
    hub = await useTestHub();
    call = { hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice' };
    start = async (script) => (await runJob({ ...call, spec: { dockerImage: 'python:3.12', command: ['bash', '-c', script], flavor: 'cpu-basic' } })).id;
  });
  after(async () => {
    await hub.control.clearFaults();
    await hub.control.resumeScheduling();
    await hub.close();
  });

  const logConnections = async (jobId: string, since: number) =>
    (await hub.control.requests(since)).filter((entry) => entry.route === LOG_ROUTE && entry.url.startsWith(`/api/jobs/alice/${jobId}/logs`)).length;
  const lastSeq = async () => (await hub.control.requests()).at(-1)?.seq ?? 0;

  it('says the Job keeps running when the token expires mid-run, and a new token follows on from there', async () => {
    const jobId = await start(printLines(100, '0.05'));
    const shortLived = await hub.control.issueOAuthToken({ scopes: ['jobs'], expiresInSeconds: 2 });
    const firstLines: string[] = [];
    const refused = await followJob({ ...call, accessToken: shortLived, jobId, pollIntervalMs: 50, retryDelayMs: 10, onLine: ({ line }) => firstLines.push(line) }).then(
      () => assert.fail('following went on with an expired token'),
      (error: unknown) => error,
    );
    assert.ok(refused instanceof HfApiError, String(refused));
    assert.equal(refused.kind, 'unauthorized');
    assert.equal(refused.statusCode, 401);
    assert.match(refused.message, /no longer accepts the access token.*The Job keeps running on Hugging Face; sign in again/);
    assert.ok(!refused.message.includes(shortLived), 'the token is never quoted');
    assert.equal((await getJob({ ...call, jobId })).status.stage, 'RUNNING', 'the Job was not stopped');
    assert.ok(firstLines.length > 0 && firstLines.length < 100, `${firstLines.length} lines before the expiry`);

    const rest: string[] = [];
    const job = await followJob({ ...call, jobId, skipLines: firstLines.length, pollIntervalMs: 50, retryDelayMs: 10, onLine: ({ line }) => rest.push(line) });
    assert.equal(job.status.stage, 'COMPLETED');
    assert.deepEqual([...firstLines, ...rest], numbered(100), 'every line once, in order, across the two follows');
  });

  describe('log streams cut at random points', () => {
    /** Drop points for one follow: each connection is cut after that many events (the start line counts). */
    const dropPlan = (events: number) => fc.array(fc.integer({ min: 1, max: events }), { minLength: 1, maxLength: 8 });

    it('deliver every line of a finished Job exactly once (property)', async (t) => {
      const jobId = await start(printLines(40, '0'));
      await hub.control.waitForJob(jobId);
      let runs = 0;
      let drops = 0;
      await fc.assert(
        fc.asyncProperty(dropPlan(41), async (plan) => {
          await hub.control.clearFaults();
          for (const dropAfterEvents of plan) await hub.control.fault({ route: LOG_ROUTE, params: { id: jobId }, dropAfterEvents, times: 1 });
          const since = await lastSeq();
          const lines: string[] = [];
          for await (const { line } of streamJobLogs({ ...call, jobId, retryDelayMs: 1, maxRetries: plan.length })) lines.push(line);
          assert.deepEqual(lines, numbered(40));
          assert.equal(await logConnections(jobId, since), plan.length + 1, 'every planned cut happened, then one clean stream');
          runs++;
          drops += plan.length;
        }),
        { seed: SEED, numRuns: 60 },
      );
      assert.equal(runs, 60);
      t.diagnostic(`${runs} follows of a finished Job survived ${drops} random cuts (seed ${SEED})`);
    });

    it('deliver every line of running Jobs exactly once through followJob (property)', async (t) => {
      let runs = 0;
      let drops = 0;
      await fc.assert(
        fc.asyncProperty(dropPlan(31), async (plan) => {
          await hub.control.clearFaults();
          const jobId = await start(printLines(30, '0.01'));
          for (const dropAfterEvents of plan) await hub.control.fault({ route: LOG_ROUTE, params: { id: jobId }, dropAfterEvents, times: 1 });
          const lines: string[] = [];
          const job = await followJob({ ...call, jobId, pollIntervalMs: 50, retryDelayMs: 5, maxRetries: plan.length, onLine: ({ line }) => lines.push(line) });
          assert.equal(job.status.stage, 'COMPLETED');
          assert.deepEqual(lines, numbered(30));
          runs++;
          drops += plan.length;
        }),
        { seed: SEED, numRuns: 6 },
      );
      assert.equal(runs, 6);
      t.diagnostic(`${runs} follows of running Jobs survived ${drops} random cuts (seed ${SEED})`);
    });
  });

  it('keeps following through failing stage reads, telling the caller each time', async () => {
    const jobId = await start(printLines(10, '0.02'));
    await hub.control.fault({ route: JOB_ROUTE, params: { id: jobId }, status: 503, times: 3 });
    const pollErrors: HfApiError[] = [];
    const lines: string[] = [];
    const job = await followJob({ ...call, jobId, pollIntervalMs: 20, retryDelayMs: 5, onLine: ({ line }) => lines.push(line), onPollError: (error) => pollErrors.push(error) });
    assert.equal(job.status.stage, 'COMPLETED');
    assert.deepEqual(lines, numbered(10));
    assert.ok(pollErrors.length >= 1 && pollErrors.every((error) => error.kind === 'server'), `${pollErrors.length} poll errors`);
  });

  it('ends with DELETED when the Job is deleted while it runs, or before it was scheduled', async () => {
    const running = await start('echo started; sleep 30');
    const lines: string[] = [];
    let sawStart!: () => void;
    const started = new Promise<void>((resolve) => (sawStart = resolve));
    const following = followJob({ ...call, jobId: running, pollIntervalMs: 50, retryDelayMs: 5, onLine: ({ line }) => (lines.push(line), sawStart()) });
    await started;
    await hub.control.deleteJob(running);
    const job = await following;
    assert.equal(job.status.stage, 'DELETED');
    assert.deepEqual(lines, ['started']);
    assert.deepEqual(summarizeImportResult(job.status).outcome, 'canceled');
    assert.match(summarizeImportResult(job.status).reason, /deleted before it finished/);

    await hub.control.pauseScheduling();
    try {
      const waiting = await start('echo never');
      await hub.control.deleteJob(waiting);
      const never: string[] = [];
      const deleted = await followJob({ ...call, jobId: waiting, pollIntervalMs: 50, retryDelayMs: 5, onLine: ({ line }) => never.push(line) });
      assert.equal(deleted.status.stage, 'DELETED');
      assert.deepEqual(never, []);
    } finally {
      await hub.control.resumeScheduling();
    }
  });

  it('stops a follow that is cancelled by its caller without touching the Job', async () => {
    const jobId = await start('echo one; sleep 30');
    const controller = new AbortController();
    const following = followJob({ ...call, jobId, signal: controller.signal, pollIntervalMs: 50, onLine: () => controller.abort(new Error('page closed')) });
    await assert.rejects(following, /page closed/);
    assert.equal((await getJob({ ...call, jobId })).status.stage, 'RUNNING');
    await cancelJob({ ...call, jobId });
  });

  it('does not wait for a Retry-After longer than a minute: the caller hears at once', async () => {
    await hub.control.fault({ route: 'GET /api/jobs/hardware', status: 429, retryAfter: 3600, times: 1 });
    const since = await lastSeq();
    const error = await listJobHardware({ hubUrl: hub.url, accessToken: hub.tokens.write }).then(
      () => assert.fail('a one-hour Retry-After was waited for'),
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof HfApiError);
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryAfterSeconds, 3600);
    assert.match(error.message, /rate-limiting requests\. Wait 3600 s and try again/);
    const hardwareRequests = (await hub.control.requests(since)).filter((entry) => entry.url === '/api/jobs/hardware');
    assert.equal(hardwareRequests.length, 1, 'not retried');
  });
});
