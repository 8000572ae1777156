import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cancelJob } from '../src/hf/cancel-job.js';
import { HfApiError } from '../src/hf/hf-api-error.js';
import { getJob } from '../src/hf/get-job.js';
import { isTerminalStage } from '../src/hf/job-stages.js';
import { runJob } from '../src/hf/run-job.js';
import { streamJobLogs, type JobLogLine } from '../src/hf/stream-job-logs.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';

const LOG_ROUTE = 'GET /api/jobs/:ns/:id/logs';

/** A script printing `count` numbered lines, with pauses so the Job is still running mid-stream. */
const printLines = (count: number) => `for i in $(seq 1 ${count}); do echo "line $i"; sleep 0.02; done`;

describe('streamJobLogs against the hub emulator', () => {
  let hub: TestHub;
  let start: (script: string) => Promise<string>;
  let follow: (jobId: string, extra?: { maxRetries?: number; signal?: AbortSignal }) => AsyncGenerator<JobLogLine>;
  let collect: (lines: AsyncIterable<JobLogLine>) => Promise<string[]>;

  before(async () => {
    hub = await useTestHub();
    const call = { hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice' };
    start = async (script) => (await runJob({ ...call, spec: { dockerImage: 'python:3.12', command: ['bash', '-c', script], flavor: 'cpu-basic' } })).id;
    follow = (jobId, extra = {}) => streamJobLogs({ ...call, jobId, retryDelayMs: 20, ...extra });
    collect = async (lines) => {
      const collected: string[] = [];
      for await (const { line } of lines) collected.push(line);
      return collected;
    };
  });
  after(() => hub.close());

  it('yields every line once, without the synthetic start line, and ends when the Job is done', async () => {
    const jobId = await start(printLines(30));
    const lines = await collect(follow(jobId));
    assert.deepEqual(lines, Array.from({ length: 30 }, (_, index) => `line ${index + 1}`));
    assert.deepEqual(lines, await hub.control.jobLogs(jobId));
    const job = await getJob({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId });
    assert.ok(isTerminalStage(job.status.stage));
  });

  it('keeps timestamps and the exact text of lines', async () => {
    const jobId = await start(`printf '%s\\n' '  indented' 'tab\there' 'ünïcödé 😀' ''`);
    const entries: JobLogLine[] = [];
    for await (const entry of follow(jobId)) entries.push(entry);
    assert.deepEqual(entries.map((entry) => entry.line), ['  indented', 'tab\there', 'ünïcödé 😀', '']);
    for (const entry of entries) assert.ok(!Number.isNaN(Date.parse(entry.timestamp)), entry.timestamp);
  });

  it('reconnects after the stream drops mid-way, without repeated or lost lines', async () => {
    const jobId = await start(printLines(60));
    // The first three connections are cut after 10 events (the replay restarts each time).
    await hub.control.fault({ route: LOG_ROUTE, dropAfterEvents: 10, times: 3 });
    const lines = await collect(follow(jobId));
    assert.deepEqual(lines, Array.from({ length: 60 }, (_, index) => `line ${index + 1}`));
  });

  it('reconnects when connections drop right after the synthetic start line', async () => {
    const jobId = await start(printLines(5));
    // Only the synthetic line gets through before each of the first two connections is cut.
    await hub.control.fault({ route: LOG_ROUTE, dropAfterEvents: 1, times: 2 });
    assert.deepEqual(await collect(follow(jobId)), ['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
  });

  it('follows a Job that is still scheduled when the stream opens', async () => {
    await hub.control.pauseScheduling();
    const jobId = await start(printLines(3));
    const lines = follow(jobId);
    const first = lines.next();
    await hub.control.resumeScheduling();
    const firstLine = await first;
    assert.equal(firstLine.done, false);
    assert.equal(firstLine.value?.line, 'line 1');
    assert.deepEqual(await collect(lines), ['line 2', 'line 3']);
  });

  it('gives up with a network error after too many drops in a row', async () => {
    const jobId = await start(printLines(40));
    // Each connection replays the same 2 lines and is cut: no progress after the first drop.
    await hub.control.fault({ route: LOG_ROUTE, dropAfterEvents: 3, times: 3 });
    const received: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const { line } of follow(jobId, { maxRetries: 2 })) received.push(line);
      })(),
      (error: unknown) => {
        assert.ok(error instanceof HfApiError);
        assert.equal(error.kind, 'network');
        assert.match(error.message, /failed 3 times in a row.*The Job itself keeps running/);
        return true;
      },
    );
    assert.deepEqual(received, ['line 1', 'line 2']);
    await cancelJob({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId });
  });

  it('does not retry a refused stream (403)', async () => {
    const jobId = await start('echo hello');
    const lines = streamJobLogs({ hubUrl: hub.url, accessToken: hub.tokens.noJobs, namespace: 'alice', jobId, retryDelayMs: 20 });
    await assert.rejects(collect(lines), (error: unknown) => error instanceof HfApiError && error.kind === 'forbidden');
  });

  it('stops when aborted while the Job is still running', async () => {
    const jobId = await start('echo first; sleep 30');
    const controller = new AbortController();
    const lines = follow(jobId, { signal: controller.signal });
    assert.equal((await lines.next()).value?.line, 'first');
    const rest = lines.next();
    controller.abort(new Error('closed'));
    await assert.rejects(rest, /closed/);
    await cancelJob({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId });
  });
});
