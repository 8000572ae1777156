import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cancelJob } from '../src/hf/cancel-job.js';
import { followJob, type FollowJobOptions } from '../src/hf/follow-job.js';
import { HfApiError } from '../src/hf/hf-api-error.js';
import type { HfJob } from '../src/hf/hf-job.js';
import { runJob } from '../src/hf/run-job.js';
import { useTestHub, type TestHub } from './hf-test-hub.js';

const LOG_ROUTE = 'GET /api/jobs/:ns/:id/logs';
const printLines = (count: number) => `for i in $(seq 1 ${count}); do echo "line $i"; sleep 0.02; done`;
const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, index) => `line ${index + from}`);

describe('followJob against the hub emulator', () => {
  let hub: TestHub;
  let start: (script: string) => Promise<string>;
  let follow: (jobId: string, extra?: Partial<FollowJobOptions>) => Promise<{ job: HfJob; lines: string[]; stages: string[] }>;

  before(async () => {
    hub = await useTestHub();
    const call = { hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice' };
    start = async (script) => (await runJob({ ...call, spec: { dockerImage: 'python:3.12', command: ['bash', '-c', script], flavor: 'cpu-basic' } })).id;
    follow = async (jobId, extra = {}) => {
      const lines: string[] = [];
      const stages: string[] = [];
      const job = await followJob({
        ...call,
        jobId,
        pollIntervalMs: 50,
        retryDelayMs: 20,
        onLine: ({ line }) => lines.push(line),
        onJob: ({ status }) => {
          if (stages.at(-1) !== status.stage) stages.push(status.stage);
        },
        ...extra,
      });
      return { job, lines, stages };
    };
  });
  after(() => hub.close());

  it('resolves with the finished Job once every line has arrived', async () => {
    const jobId = await start(printLines(40));
    const { job, lines, stages } = await follow(jobId);
    assert.equal(job.status.stage, 'COMPLETED');
    assert.deepEqual(lines, numbered(40));
    assert.deepEqual(lines, await hub.control.jobLogs(jobId));
    assert.equal(stages.at(-1), 'COMPLETED');
  });

  it('survives dropped log streams without repeating or losing lines', async () => {
    const jobId = await start(printLines(30));
    await hub.control.fault({ route: LOG_ROUTE, dropAfterEvents: 5, times: 3 });
    const { lines } = await follow(jobId);
    assert.deepEqual(lines, numbered(30));
  });

  it('skips the lines an earlier follow delivered', async () => {
    const jobId = await start(printLines(10));
    const { lines } = await follow(jobId, { skipLines: 4 });
    assert.deepEqual(lines, numbered(6, 5));
  });

  it('reports a failed Job as finished, with its stage and message', async () => {
    const jobId = await start('echo "Error: no luck"; exit 3');
    const { job, lines } = await follow(jobId);
    assert.equal(job.status.stage, 'ERROR');
    assert.match(job.status.message ?? '', /exit code: 3/);
    assert.deepEqual(lines, ['Error: no luck']);
  });

  it('stops with an unauthorized error when the token is refused, and can be aborted', async () => {
    const jobId = await start('sleep 30');
    await assert.rejects(follow(jobId, { accessToken: hub.tokens.expired }), (error: unknown) => {
      assert.ok(error instanceof HfApiError);
      assert.equal(error.kind, 'unauthorized');
      return true;
    });
    const controller = new AbortController();
    const following = follow(jobId, { signal: controller.signal });
    controller.abort(new DOMException('Stopped by the test', 'AbortError'));
    await assert.rejects(following, { name: 'AbortError' });
    await cancelJob({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: 'alice', jobId });
  });
});
