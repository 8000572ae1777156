import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startHubEmulator } from '../index.mjs';
import { call, runBashJob } from '../test-support/api.mjs';
import { collectSse, dataLines, readSse } from '../test-support/sse.mjs';

const STARTED_LINE = /^===== Job started at \d{4}-\d\d-\d\dT[\d:.]+Z =====$/;

describe('Job logs over SSE', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  before(async () => {
    hub = await startHubEmulator({ keepAliveIntervalMs: 25 });
  });
  beforeEach(() => hub.control.reset());
  after(() => hub.close());

  const logsUrl = (job, query = '') => `${hub.url}/api/jobs/alice/${job.id}/logs${query}`;

  it('sends the synthetic start line first, even while SCHEDULING, then every line, then ends', async () => {
    hub.control.pauseScheduling();
    const job = await runBashJob(hub, hub.tokens.write, 'for i in 1 2 3; do echo "line $i"; done');
    const response = await fetch(logsUrl(job), { headers: { Authorization: `Bearer ${hub.tokens.write}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');

    const events = readSse(response);
    const first = await events.next();
    assert.equal(first.value?.kind, 'data');
    assert.match(first.value.value.data, STARTED_LINE);
    assert.ok(Date.parse(first.value.value.timestamp));
    assert.equal((await call(`${hub.url}/api/jobs/alice/${job.id}`, { token: hub.tokens.write })).data.status.stage, 'SCHEDULING');

    hub.control.resumeScheduling();
    const rest = [];
    for await (const item of events) rest.push(item);
    assert.deepEqual(dataLines(rest), ['line 1', 'line 2', 'line 3']);
    for (const item of rest.filter((entry) => entry.kind === 'data')) assert.ok(Date.parse(item.value.timestamp));
    assert.equal(hub.control.jobs()[0].status.stage, 'COMPLETED');
  });

  it('keeps idle streams alive with ": keep-alive" comments at the configured interval', async () => {
    hub.control.pauseScheduling();
    const job = await runBashJob(hub, hub.tokens.write, 'echo late');
    const response = await fetch(logsUrl(job), { headers: { Authorization: `Bearer ${hub.tokens.write}` } });
    let keepAlives = 0;
    for await (const item of readSse(response)) {
      if (item.kind === 'comment' && item.value === 'keep-alive') keepAlives += 1;
      if (keepAlives === 2) {
        await call(`${hub.url}/api/jobs/alice/${job.id}/cancel`, { method: 'POST', token: hub.tokens.write });
      }
    }
    assert.ok(keepAlives >= 2);
    assert.equal(hub.control.jobs()[0].status.stage, 'CANCELED');
  });

  it('replays from the first line on every connection', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'seq 1 500');
    const partial = await fetch(logsUrl(job), { headers: { Authorization: `Bearer ${hub.tokens.write}` } });
    const seen = [];
    for await (const item of readSse(partial)) {
      if (item.kind === 'data') seen.push(item.value.data);
      if (seen.length === 3) break;
    }
    await hub.control.waitForJob(job.id);
    const first = await collectSse(logsUrl(job), hub.tokens.write);
    const second = await collectSse(logsUrl(job), hub.tokens.write);
    const expected = Array.from({ length: 500 }, (_, index) => String(index + 1));
    assert.equal(first.cut, false);
    assert.deepEqual(dataLines(first.items).slice(1), expected);
    assert.deepEqual(first.items, second.items);
    assert.deepEqual(dataLines(first.items).slice(0, 3), seen);
  });

  it('honours ?tail=N after the start line', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'seq 1 10');
    await hub.control.waitForJob(job.id);
    const lines = dataLines((await collectSse(logsUrl(job, '?tail=2'), hub.tokens.write)).items);
    assert.equal(lines.length, 3);
    assert.match(lines[0], STARTED_LINE);
    assert.deepEqual(lines.slice(1), ['9', '10']);
    assert.equal(dataLines((await collectSse(logsUrl(job, '?tail=0'), hub.tokens.write)).items).length, 1);
    assert.equal((await call(logsUrl(job, '?tail=-1'), { token: hub.tokens.write })).status, 400);
  });

  it('drops the stream abruptly after N data events for `times` connections (fault)', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'seq 1 5');
    await hub.control.waitForJob(job.id);
    hub.control.fault({ route: 'GET /api/jobs/:ns/:id/logs', dropAfterEvents: 3, times: 1 });
    const dropped = await collectSse(logsUrl(job), hub.tokens.write);
    assert.equal(dropped.cut, true);
    assert.deepEqual(dataLines(dropped.items).slice(1), ['1', '2']);
    const whole = await collectSse(logsUrl(job), hub.tokens.write);
    assert.equal(whole.cut, false);
    assert.deepEqual(dataLines(whole.items).slice(1), ['1', '2', '3', '4', '5']);
  });

  it('drops live streams too, and a reconnect still gets everything', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'echo one; echo two; sleep 0.2; echo three');
    hub.control.fault({ route: 'GET /api/jobs/:ns/:id/logs', dropAfterEvents: 2, times: 2 });
    const first = await collectSse(logsUrl(job), hub.tokens.write);
    const second = await collectSse(logsUrl(job), hub.tokens.write);
    assert.equal(first.cut && second.cut, true);
    assert.equal(dataLines(second.items).length, 2);
    const third = await collectSse(logsUrl(job), hub.tokens.write);
    assert.equal(third.cut, false);
    assert.deepEqual(dataLines(third.items).slice(1), ['one', 'two', 'three']);
  });

  it('protects the stream like the other Job endpoints', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'true');
    assert.equal((await call(logsUrl(job))).status, 401);
    assert.equal((await call(logsUrl(job), { token: hub.tokens.bob })).status, 403);
    assert.equal((await call(`${hub.url}/api/jobs/alice/ffffffffffffffffffffffff/logs`, { token: hub.tokens.write })).status, 404);
    await hub.control.waitForJob(job.id);
  });
});
