import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startHubEmulator } from '../index.mjs';
import { call, runBashJob } from '../test-support/api.mjs';

/** Polls `condition` until it returns a truthy value, failing after `timeoutMs`. */
async function waitFor(condition, { timeoutMs = 10_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function processIsGone(pid) {
  try {
    return /State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

describe('Jobs API', () => {
  /** @type {Awaited<ReturnType<typeof startHubEmulator>>} */
  let hub;
  before(async () => {
    process.env.HUB_EMULATOR_TEST_PARENT_ONLY = 'must-not-leak';
    hub = await startHubEmulator({ killGraceMs: 500 });
  });
  beforeEach(() => hub.control.reset());
  after(() => hub.close());

  const jobsUrl = (namespace = 'alice') => `${hub.url}/api/jobs/${namespace}`;
  const createJob = (json, token = hub.tokens.write, namespace = 'alice') => call(jobsUrl(namespace), { method: 'POST', token, json });
  const validBody = { dockerImage: 'python:3.12', command: ['bash', '-c', 'true'] };

  it('lists the hardware publicly, with real field names and prices', async () => {
    const { status, data } = await call(`${hub.url}/api/jobs/hardware`);
    assert.equal(status, 200);
    const byName = Object.fromEntries(data.map((entry) => [entry.name, entry]));
    assert.deepEqual(Object.keys(byName).slice(0, 4), ['cpu-basic', 'cpu-upgrade', 'cpu-performance', 'cpu-xl']);
    assert.equal(byName['cpu-basic'].cpu, '2 vCPU');
    assert.equal(byName['cpu-basic'].ram, '16 GB');
    assert.equal(byName['cpu-upgrade'].cpu, '8 vCPU');
    assert.equal(byName['cpu-upgrade'].ram, '32 GB');
    assert.equal(byName['cpu-basic'].unitLabel, 'minute');
    assert.equal(Math.round(byName['cpu-basic'].unitCostUSD * 60 * 100) / 100, 0.01);
    assert.equal(Math.round(byName['cpu-upgrade'].unitCostUSD * 60 * 100) / 100, 0.03);
    assert.equal(byName['cpu-basic'].unitCostMicroUSD, Math.round(byName['cpu-basic'].unitCostUSD * 1e6));
    assert.equal(byName['cpu-basic'].accelerator, null);
    const gpus = data.filter((entry) => entry.accelerator);
    assert.ok(gpus.length >= 1);
    for (const gpu of gpus) assert.deepEqual(Object.keys(gpu.accelerator).sort(), ['manufacturer', 'model', 'quantity', 'type', 'vram']);
  });

  it('validates job bodies like the Hub (400 with the reason)', async () => {
    const cases = [
      [{ command: ['true'] }, /exactly one of "dockerImage" or "spaceId"/],
      [{ ...validBody, spaceId: 'alice/space' }, /exactly one/],
      [{ dockerImage: 'python:3.12' }, /"command"/],
      [{ dockerImage: 'python:3.12', command: [] }, /"command"/],
      [{ dockerImage: 'python:3.12', command: ['bash', 1] }, /"command"/],
      [{ ...validBody, arguments: 'x' }, /"arguments"/],
      [{ ...validBody, flavor: 'quantum-xxl' }, /Unknown flavor "quantum-xxl".*cpu-basic/],
      [{ ...validBody, labels: { 'bad key': 'x' } }, /Label key "bad key"/],
      [{ ...validBody, labels: { ok: 'v'.repeat(101) } }, /at most 100/],
      [{ ...validBody, labels: { ['k'.repeat(101)]: 'v' } }, /1-100/],
      [{ ...validBody, labels: { ok: 'with space' } }, /Label "ok"/],
      [{ ...validBody, secrets: { TOKEN: 5 } }, /"secrets.TOKEN" must be a string/],
      [{ ...validBody, secrets: ['HF_TOKEN'] }, /"secrets" must be an object/],
      [{ ...validBody, environment: { 'BAD-NAME': 'x' } }, /"environment" key "BAD-NAME"/],
      [{ ...validBody, timeoutSeconds: 0 }, /positive integer/],
      [{ ...validBody, timeoutSeconds: 1.5 }, /positive integer/],
      [{ ...validBody, timeoutSeconds: '60' }, /positive integer/],
      [[validBody], /JSON object/],
    ];
    for (const [body, message] of cases) {
      const { status, data } = await createJob(body);
      assert.equal(status, 400, JSON.stringify(body));
      assert.match(data.error, message, JSON.stringify(body));
    }
    assert.equal(hub.control.jobs().length, 0);
  });

  it('returns JobInfo on creation and never echoes secret values', async () => {
    const secret = 'hf_super_secret_value_123';
    const { status, data } = await createJob({
      ...validBody,
      environment: { PUBLIC_VAR: 'visible' },
      secrets: { HF_TOKEN: secret, AWS_SECRET_ACCESS_KEY: 'aws-secret-value' },
      labels: { app: 's3-import', 'import-id': 'abc.123' },
      timeoutSeconds: 120,
      flavor: 'cpu-upgrade',
    });
    assert.equal(status, 200);
    assert.match(data.id, /^[0-9a-f]{24}$/);
    assert.ok(Date.parse(data.createdAt));
    assert.equal(data.dockerImage, 'python:3.12');
    assert.deepEqual(data.command, validBody.command);
    assert.deepEqual(data.arguments, []);
    assert.deepEqual(data.environment, { PUBLIC_VAR: 'visible' });
    assert.deepEqual(data.secrets, ['HF_TOKEN', 'AWS_SECRET_ACCESS_KEY']);
    assert.equal(data.flavor, 'cpu-upgrade');
    assert.deepEqual(data.labels, { app: 's3-import', 'import-id': 'abc.123' });
    assert.equal(data.timeoutSeconds, 120);
    assert.equal(data.status.stage, 'SCHEDULING');
    assert.deepEqual(data.owner, { id: '66a1a11ce0000000000000a1', name: 'alice', type: 'user' });
    const views = [data, (await call(`${jobsUrl()}/${data.id}`, { token: hub.tokens.write })).data, (await call(jobsUrl(), { token: hub.tokens.write })).data, hub.control.jobs()];
    for (const view of views) {
      const text = JSON.stringify(view);
      assert.ok(!text.includes(secret) && !text.includes('aws-secret-value'), 'secret value leaked');
    }
    await hub.control.waitForJob(data.id);
  });

  it('checks job permissions per token and namespace', async () => {
    const read = await createJob(validBody, hub.tokens.read);
    assert.equal(read.status, 403);
    assert.match(read.data.error, /"read" role/);
    const noJobs = await createJob(validBody, hub.tokens.noJobs);
    assert.equal(noJobs.status, 403);
    assert.match(noJobs.data.error, /job\.write/);
    assert.equal((await call(jobsUrl(), { token: hub.tokens.noJobs })).status, 403);
    assert.equal((await createJob(validBody, hub.tokens.orgWrite)).status, 403);
    const inAcme = await createJob(validBody, hub.tokens.orgWrite, 'acme');
    assert.equal(inAcme.status, 200);
    assert.deepEqual(inAcme.data.owner, { id: '66a1a11ce0000000000000ac', name: 'acme', type: 'org' });
    assert.equal((await createJob(validBody, hub.tokens.write, 'readonly-org')).status, 403);
    assert.equal((await createJob(validBody, hub.tokens.write, 'bob')).status, 403);
    assert.equal((await createJob(validBody, null)).status, 401);
    assert.equal((await createJob(validBody, hub.tokens.expired)).status, 401);

    const mine = (await createJob(validBody)).data;
    assert.equal((await call(`${jobsUrl()}/${mine.id}`, { token: hub.tokens.read })).status, 200);
    assert.equal((await call(`${jobsUrl()}/${mine.id}`, { token: hub.tokens.bob })).status, 403);
    assert.equal((await call(`${jobsUrl('acme')}/${mine.id}`, { token: hub.tokens.write })).status, 404);
    assert.equal((await call(`${jobsUrl()}/ffffffffffffffffffffffff`, { token: hub.tokens.write })).status, 404);
    await Promise.all(hub.control.jobs().map((job) => hub.control.waitForJob(job.id)));
  });

  it('runs a bash command for real: SCHEDULING → RUNNING → COMPLETED, with its output as log lines', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'echo "hello from $JOB_ID"; echo "to stderr" >&2; printf "no newline"');
    const done = await hub.control.waitForJob(job.id);
    assert.equal(done.status.stage, 'COMPLETED');
    assert.ok(Date.parse(done.startedAt) >= Date.parse(done.createdAt));
    assert.ok(Date.parse(done.finishedAt) >= Date.parse(done.startedAt));
    assert.deepEqual(hub.control.jobLogs(job.id).sort(), [`hello from ${job.id}`, 'no newline', 'to stderr']);
    const fetched = await call(`${jobsUrl()}/${job.id}`, { token: hub.tokens.write });
    assert.equal(fetched.data.status.stage, 'COMPLETED');
  });

  it('gives Jobs a minimal environment plus their variables, secrets, JOB_ID, HF_ENDPOINT, pip and hf', async () => {
    const script = [
      'echo "JOB_ID=$JOB_ID"', 'echo "HF_ENDPOINT=$HF_ENDPOINT"', 'echo "PUBLIC=$PUBLIC_VAR"', 'echo "SECRET=$MY_SECRET"',
      'echo "LANG=$LANG"', 'echo "LEAK=${HUB_EMULATOR_TEST_PARENT_ONLY:-absent}"', 'echo "HOME_IS_CWD=$([ "$HOME" = "$PWD" ] && echo yes)"',
      'pip install "huggingface_hub[s3]" >/dev/null && echo "PIP=ok"', 'echo "HF=$(command -v hf)"',
    ].join('\n');
    const job = await runBashJob(hub, hub.tokens.write, script, { environment: { PUBLIC_VAR: 'pub' }, secrets: { MY_SECRET: 's3cr3t' } });
    assert.equal((await hub.control.waitForJob(job.id)).status.stage, 'COMPLETED');
    const logs = Object.fromEntries(hub.control.jobLogs(job.id).map((line) => line.split(/=(.*)/s).slice(0, 2)));
    assert.equal(logs.JOB_ID, job.id);
    assert.equal(logs.HF_ENDPOINT, hub.url);
    assert.equal(logs.PUBLIC, 'pub');
    assert.equal(logs.SECRET, 's3cr3t');
    assert.equal(logs.LANG, 'C.UTF-8');
    assert.equal(logs.LEAK, 'absent');
    assert.equal(logs.HOME_IS_CWD, 'yes');
    assert.equal(logs.PIP, 'ok');
    assert.match(logs.HF, /tests\/hub-emulator\/bin\/hf$/);
  });

  it('ends in ERROR with the exit code when the command fails, or cannot start', async () => {
    const failing = await runBashJob(hub, hub.tokens.write, 'echo before; exit 3');
    const failed = await hub.control.waitForJob(failing.id);
    assert.equal(failed.status.stage, 'ERROR');
    assert.match(failed.status.message, /exit code: 3/);
    assert.deepEqual(hub.control.jobLogs(failing.id), ['before']);

    const missing = (await createJob({ dockerImage: 'python:3.12', command: ['no-such-command-anywhere'] })).data;
    const notStarted = await hub.control.waitForJob(missing.id);
    assert.equal(notStarted.status.stage, 'ERROR');
    assert.match(notStarted.status.message, /ENOENT/);
  });

  it('cancels a running Job and kills its whole process group', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'sleep 300 & echo "child=$!"; wait');
    const childLine = await waitFor(() => hub.control.jobLogs(job.id).find((line) => line.startsWith('child=')), { what: 'the child pid' });
    const childPid = Number(childLine.slice('child='.length));
    const canceled = await call(`${jobsUrl()}/${job.id}/cancel`, { method: 'POST', token: hub.tokens.write });
    assert.equal(canceled.status, 200);
    assert.equal(canceled.data.status.stage, 'CANCELED');
    const done = await hub.control.waitForJob(job.id);
    assert.equal(done.status.stage, 'CANCELED');
    assert.ok(processIsGone(childPid), 'the background sleep survived the cancel');
  });

  it('cancels a Job still SCHEDULING so that it never runs', async () => {
    hub.control.pauseScheduling();
    const job = await runBashJob(hub, hub.tokens.write, 'echo ran');
    assert.equal((await call(`${jobsUrl()}/${job.id}/cancel`, { method: 'POST', token: hub.tokens.write })).data.status.stage, 'CANCELED');
    hub.control.resumeScheduling();
    const done = await hub.control.waitForJob(job.id);
    assert.equal(done.status.stage, 'CANCELED');
    assert.equal(done.startedAt, null);
    assert.deepEqual(hub.control.jobLogs(job.id), []);
  });

  it('turns a timeout into ERROR and stops the process', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'echo started; sleep 300', { timeoutSeconds: 1 });
    const done = await hub.control.waitForJob(job.id);
    assert.equal(done.status.stage, 'ERROR');
    assert.match(done.status.message, /timed out after 1 seconds/);
    assert.deepEqual(hub.control.jobLogs(job.id), ['started']);
  });

  it('marks Jobs DELETED through the control hook, stopping running ones', async () => {
    const job = await runBashJob(hub, hub.tokens.write, 'echo up; sleep 300');
    await waitFor(() => hub.control.jobLogs(job.id).includes('up'), { what: 'the job to start' });
    hub.control.deleteJob(job.id);
    assert.equal((await hub.control.waitForJob(job.id)).status.stage, 'DELETED');
    assert.equal((await call(`${jobsUrl()}/${job.id}`, { token: hub.tokens.write })).data.status.stage, 'DELETED');
  });

  it('runs Jobs concurrently', async () => {
    const waiting = await runBashJob(hub, hub.tokens.write, 'until [ -e "$HOME/../flag-from-second" ]; do sleep 0.05; done; echo released', { timeoutSeconds: 30 });
    const releasing = await runBashJob(hub, hub.tokens.write, 'touch "$HOME/../flag-from-second"');
    const [first, second] = await Promise.all([hub.control.waitForJob(waiting.id), hub.control.waitForJob(releasing.id)]);
    assert.equal(first.status.stage, 'COMPLETED');
    assert.equal(second.status.stage, 'COMPLETED');
    assert.deepEqual(hub.control.jobLogs(waiting.id), ['released']);
  });

  it('lists Jobs newest first, filtered by label=k=v (repeatable), label=k and stage', async () => {
    const first = (await createJob({ ...validBody, labels: { app: 's3-import', run: '1' } })).data;
    const second = (await createJob({ ...validBody, labels: { app: 's3-import', run: '2' } })).data;
    const other = (await createJob({ ...validBody, labels: { app: 'other' } })).data;
    const ids = async (query) => (await call(`${jobsUrl()}${query}`, { token: hub.tokens.write })).data.map((job) => job.id);

    assert.deepEqual(await ids(''), [other.id, second.id, first.id]);
    assert.deepEqual(await ids('?label=app=s3-import'), [second.id, first.id]);
    assert.deepEqual(await ids('?label=app=s3-import&label=run=2'), [second.id]);
    assert.deepEqual(await ids('?label=run'), [second.id, first.id]);
    assert.deepEqual(await ids('?label=app=nothing'), []);
    await Promise.all([first, second, other].map((job) => hub.control.waitForJob(job.id)));
    assert.deepEqual(await ids('?stage=COMPLETED&label=app=other'), [other.id]);
    assert.deepEqual(await ids('?stage=RUNNING'), []);
    assert.equal((await call(`${jobsUrl()}?stage=BOGUS`, { token: hub.tokens.write })).status, 400);
    assert.deepEqual(await ids('?limit=2'), [other.id, second.id]);
  });
});
