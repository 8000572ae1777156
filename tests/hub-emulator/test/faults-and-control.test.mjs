import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createHubControlClient } from '../control-client.mjs';
import { startHubEmulator } from '../index.mjs';
import { call, runBashJob } from '../test-support/api.mjs';

describe('fault injection', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  before(async () => {
    hub = await startHubEmulator();
  });
  beforeEach(() => hub.control.reset());
  after(() => hub.close());

  const whoami = () => call(`${hub.url}/api/whoami-v2`, { token: hub.tokens.write });

  it('answers with the fault status and Retry-After for `times` requests, then normally', async () => {
    hub.control.fault({ route: 'GET /api/whoami-v2', status: 429, retryAfter: 7, times: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const faulted = await whoami();
      assert.equal(faulted.status, 429);
      assert.equal(faulted.headers.get('retry-after'), '7');
      assert.equal(faulted.headers.get('access-control-allow-origin'), '*');
      assert.equal(typeof faulted.data.error, 'string');
    }
    assert.equal((await whoami()).status, 200);
  });

  it('applies faults before authentication and only to the named route', async () => {
    hub.control.fault({ route: 'POST /api/jobs/:ns', status: 503 });
    const job = await call(`${hub.url}/api/jobs/alice`, { method: 'POST', json: {} });
    assert.equal(job.status, 503);
    assert.equal(job.headers.get('retry-after'), null);
    assert.equal((await call(`${hub.url}/api/jobs/alice`, { token: hub.tokens.write })).status, 200);
    assert.equal((await call(`${hub.url}/api/jobs/alice`, { method: 'POST', json: {} })).status, 503);
    hub.control.clearFaults();
    assert.equal((await call(`${hub.url}/api/jobs/alice`, { method: 'POST', json: {} })).status, 401);
  });

  it('uses rules in order, each with its own count', async () => {
    hub.control.fault({ route: 'GET /api/whoami-v2', status: 500, times: 1 });
    hub.control.fault({ route: 'GET /api/whoami-v2', status: 502, times: 1 });
    assert.deepEqual([(await whoami()).status, (await whoami()).status, (await whoami()).status], [500, 502, 200]);
  });

  it('loses the answer of a handled request: the Job exists, the client sees only the fault', async () => {
    hub.control.fault({ route: 'POST /api/jobs/:ns', status: 502, loseResponse: true, times: 1 });
    const lost = await call(`${hub.url}/api/jobs/alice`, { method: 'POST', token: hub.tokens.write, json: { dockerImage: 'python:3.12', command: ['true'], labels: { run: 'lost' } } });
    assert.equal(lost.status, 502);
    assert.equal(lost.data.id, undefined, 'nothing of the real answer leaks into the fault');
    const created = hub.control.jobs().filter((job) => job.labels.run === 'lost');
    assert.equal(created.length, 1, 'the Job was created all the same');

    hub.control.fault({ route: 'POST /api/jobs/:ns', drop: true, loseResponse: true, times: 1 });
    await assert.rejects(fetch(`${hub.url}/api/jobs/alice`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.tokens.write}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dockerImage: 'python:3.12', command: ['true'], labels: { run: 'cut' } }),
    }), TypeError);
    assert.equal(hub.control.jobs().filter((job) => job.labels.run === 'cut').length, 1);
  });

  it('cuts the connection before handling with `drop` alone', async () => {
    hub.control.fault({ route: 'POST /api/jobs/:ns', drop: true, times: 1 });
    await assert.rejects(fetch(`${hub.url}/api/jobs/alice`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hub.tokens.write}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dockerImage: 'python:3.12', command: ['true'] }),
    }), TypeError);
    assert.equal(hub.control.jobs().length, 0, 'nothing was created');
    assert.equal((await whoami()).status, 200);
  });

  it('narrows a rule to route parameters', async () => {
    const first = await runBashJob(hub, hub.tokens.write, 'true');
    const second = await runBashJob(hub, hub.tokens.write, 'true');
    hub.control.fault({ route: 'GET /api/jobs/:ns/:id', params: { id: second.id }, status: 500 });
    assert.equal((await call(`${hub.url}/api/jobs/alice/${first.id}`, { token: hub.tokens.write })).status, 200);
    assert.equal((await call(`${hub.url}/api/jobs/alice/${second.id}`, { token: hub.tokens.write })).status, 500);
  });

  it('logs every request with its route, status and fault, but not the control calls', async () => {
    hub.control.fault({ route: 'GET /api/whoami-v2', status: 503, times: 1 });
    await whoami();
    await whoami();
    await call(`${hub.url}/api/nowhere?x=1`);
    const seen = hub.control.requests();
    assert.deepEqual(
      seen.map(({ method, url, route, status, fault }) => ({ method, url, route, status, fault })),
      [
        { method: 'GET', url: '/api/whoami-v2', route: 'GET /api/whoami-v2', status: 503, fault: 'status-503' },
        { method: 'GET', url: '/api/whoami-v2', route: 'GET /api/whoami-v2', status: 200, fault: null },
        { method: 'GET', url: '/api/nowhere?x=1', route: null, status: 404, fault: null },
      ],
    );
    assert.deepEqual(hub.control.requests(seen[1].seq).map((entry) => entry.url), ['/api/nowhere?x=1']);
    const remote = createHubControlClient(hub.url);
    assert.equal((await remote.requests()).length, 3, 'the control API itself is not logged');
    assert.deepEqual((await remote.requests(seen[0].seq)).map((entry) => entry.seq), [seen[1].seq, seen[2].seq]);
  });

  it('rejects rules it could never apply', () => {
    assert.throws(() => hub.control.fault({ route: 'GET /api/nope', status: 500 }), /Unknown fault route "GET \/api\/nope"/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/whoami-v2' }), /`status`, `drop` or `dropAfterEvents`/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/whoami-v2', status: 500, drop: true }), /not both/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/jobs/:ns/:id/logs', drop: true, loseResponse: true }), /dropAfterEvents/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/whoami-v2', status: 500, params: { id: 'x' } }), /has no parameter id/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/whoami-v2', status: 200 }), /400-599/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/whoami-v2', status: 500, times: 0 }), /times/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/whoami-v2', dropAfterEvents: 1 }), /only applies to event streams/);
    assert.throws(() => hub.control.fault({ route: 'GET /api/jobs/:ns/:id/logs', dropAfterEvents: 0 }), /positive integer/);
  });
});

describe('control API over HTTP (control-client.mjs)', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  /** @type {ReturnType<typeof createHubControlClient>} */
  let control;
  before(async () => {
    hub = await startHubEmulator();
    control = createHubControlClient(hub.url);
  });
  after(() => hub.close());

  it('drives faults, buckets, tokens, jobs and import failures remotely', async () => {
    await control.reset();
    await control.fault({ route: 'GET /api/jobs/hardware', status: 429, retryAfter: 1, times: 1 });
    assert.equal((await call(`${hub.url}/api/jobs/hardware`)).status, 429);
    assert.equal((await call(`${hub.url}/api/jobs/hardware`)).status, 200);
    await assert.rejects(control.fault({ route: 'GET /nowhere', status: 500 }), /Unknown fault route/);

    await control.createBucket('alice/remote', { files: { 'a/b.bin': Buffer.from([1, 2, 3]) } });
    const buckets = await control.buckets();
    assert.deepEqual(buckets.get('alice/remote')?.get('a/b.bin'), Buffer.from([1, 2, 3]));

    const token = await control.issueOAuthToken({ scopes: ['jobs'] });
    assert.equal((await call(`${hub.url}/api/whoami-v2`, { token })).status, 200);
    assert.equal(await control.revokeToken(token), true);
    assert.equal((await call(`${hub.url}/api/whoami-v2`, { token })).status, 401);

    await control.pauseScheduling();
    const job = await runBashJob(hub, hub.tokens.write, 'echo remote');
    assert.equal((await control.jobs())[0].status.stage, 'SCHEDULING');
    await control.resumeScheduling();
    assert.equal((await control.waitForJob(job.id)).status.stage, 'COMPLETED');
    assert.deepEqual(await control.jobLogs(job.id), ['remote']);
    await control.deleteJob(job.id);
    assert.equal((await control.jobs())[0].status.stage, 'DELETED');

    await control.failImportOf('*.bin');
    const upload = await call(`${hub.url}/api/buckets/alice/remote/_emulator/upload/x.bin`, { method: 'PUT', token: hub.tokens.write, body: 'x' });
    assert.equal(upload.status, 500);
    assert.deepEqual(await control.invocations(), []);
    await control.clearFaults();
    await control.reset();
    assert.equal((await control.buckets()).size, 0);
  });
});
