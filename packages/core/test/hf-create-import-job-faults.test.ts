// createImportJob when the Job creation fails: before the Hub handled it (resubmitted), after
// (the answer was lost: the Job exists, it must not be started twice), and when the check for a
// started Job fails too. The hub emulator creates the Jobs for real; its request log counts the
// submissions.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_CREATE_ATTEMPTS, createImportJob, type CreateImportJobOptions } from '../src/hf/create-import-job.js';
import { HfApiError } from '../src/hf/hf-api-error.js';
import { listJobs } from '../src/hf/list-jobs.js';
import { runJob } from '../src/hf/run-job.js';
import { useTestHub, useTestS3, type HubFaultRule, type TestHub, type TestS3 } from './hf-test-hub.js';

// Jobs run in the organisation, away from the user namespace most other tests use.
const JOB_NAMESPACE = 'acme';
const CREATE_ROUTE = 'POST /api/jobs/:ns';
const LIST_ROUTE = 'GET /api/jobs/:ns';

describe('createImportJob under Job-creation faults (hub emulator)', () => {
  let hub: TestHub;
  let s3: TestS3;
  before(async () => {
    s3 = await useTestS3();
    hub = await useTestHub({ s3Endpoint: s3.endpoint });
  });
  after(async () => {
    await hub.control.clearFaults();
    await hub.close();
    await s3.stop();
  });

  const importOptions = (importId?: string): CreateImportJobOptions => ({
    hubUrl: hub.url,
    accessToken: hub.tokens.write,
    jobNamespace: JOB_NAMESPACE,
    source: { bucket: s3.corsBucket, prefix: 'data/', region: s3.region, endpoint: s3.endpoint },
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    filters: { root: 'test/', include: [], exclude: [] },
    destination: { namespace: 'alice', bucket: 'fault-tests' },
    dryRun: true,
    retryDelayMs: 5,
    ...(importId ? { importId } : {}),
  });

  const jobsOf = (importId: string) =>
    listJobs({ hubUrl: hub.url, accessToken: hub.tokens.write, namespace: JOB_NAMESPACE, labels: { 'import-id': importId } });

  /** Runs `create` with `faults` active and returns its outcome and the submissions the emulator saw. */
  async function withFaults<T>(faults: HubFaultRule[], create: () => Promise<T>) {
    const since = (await hub.control.requests()).at(-1)?.seq ?? 0;
    for (const fault of faults) await hub.control.fault({ params: { ns: JOB_NAMESPACE }, ...fault });
    try {
      const outcome = await create().then(
        (value) => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      );
      const seen = (await hub.control.requests(since)).filter((entry) => entry.url.startsWith(`/api/jobs/${JOB_NAMESPACE}`));
      return { ...outcome, submissions: seen.filter((entry) => entry.route === CREATE_ROUTE), listings: seen.filter((entry) => entry.route === LIST_ROUTE) };
    } finally {
      await hub.control.clearFaults();
    }
  }

  it('returns the Job whose creation answer was lost (502), without submitting again', async () => {
    const importId = `lost-${randomUUID()}`;
    const { value, error, submissions } = await withFaults([{ route: CREATE_ROUTE, status: 502, loseResponse: true, times: 1 }], () =>
      createImportJob(importOptions(importId)),
    );
    assert.equal(error, undefined, String(error));
    const jobs = await jobsOf(importId);
    assert.equal(jobs.length, 1, 'exactly one Job for the import');
    assert.deepEqual({ id: value?.job.id, created: value?.created, importId: value?.importId }, { id: jobs[0].id, created: true, importId });
    assert.deepEqual(submissions.map((entry) => [entry.status, entry.fault]), [[502, 'lose-response:status-502']]);
  });

  it('returns the Job whose creation answer was cut off with the connection', async () => {
    const { value, error, submissions } = await withFaults([{ route: CREATE_ROUTE, drop: true, loseResponse: true, times: 1 }], () =>
      createImportJob(importOptions()),
    );
    assert.equal(error, undefined, String(error));
    assert.ok(value);
    const jobs = await jobsOf(value.importId);
    assert.deepEqual(jobs.map((job) => job.id), [value.job.id]);
    assert.equal(submissions.length, 1);
  });

  it('does not take an older, failed attempt of the same import for the lost one', async () => {
    const importId = `earlier-${randomUUID()}`;
    // An older, failed attempt of the same import: it must not be mistaken for the lost one.
    const earlier = await runJob({
      hubUrl: hub.url,
      accessToken: hub.tokens.write,
      namespace: JOB_NAMESPACE,
      spec: { dockerImage: 'python:3.12', command: ['bash', '-c', 'exit 1'], flavor: 'cpu-basic', labels: { app: 's3-to-hf-import', 'import-id': importId } },
    });
    await hub.control.waitForJob(earlier.id);
    const { value, error, submissions } = await withFaults([{ route: CREATE_ROUTE, status: 503, loseResponse: true, times: 1 }], () =>
      createImportJob(importOptions(importId)),
    );
    assert.equal(error, undefined, String(error));
    const jobs = await jobsOf(importId);
    assert.equal(jobs.length, 2);
    assert.notEqual(value?.job.id, earlier.id);
    assert.ok(jobs.some((job) => job.id === value?.job.id));
    assert.equal(submissions.length, 1);
  });

  it('submits again after failures the Hub answered before creating anything (503, 429, cut connection)', async () => {
    const faults: HubFaultRule[] = [
      { route: CREATE_ROUTE, status: 503, times: 1 },
      { route: CREATE_ROUTE, status: 429, retryAfter: 0, times: 1 },
    ];
    const { value, error, submissions, listings } = await withFaults(faults, () => createImportJob(importOptions()));
    assert.equal(error, undefined, String(error));
    assert.ok(value);
    assert.equal((await jobsOf(value.importId)).length, 1);
    assert.deepEqual(submissions.map((entry) => entry.status), [503, 429, 200]);
    assert.equal(listings.length, 2, 'looked for a started Job before each new submission');

    const cut = await withFaults([{ route: CREATE_ROUTE, drop: true, times: 1 }], () => createImportJob(importOptions()));
    assert.equal(cut.error, undefined, String(cut.error));
    assert.ok(cut.value);
    assert.equal((await jobsOf(cut.value.importId)).length, 1);
    assert.deepEqual(cut.submissions.map((entry) => entry.status), [null, 200]);
  });

  it(`gives up after ${MAX_CREATE_ATTEMPTS} server errors, with nothing started`, async () => {
    const importId = `down-${randomUUID()}`;
    const { error, submissions } = await withFaults([{ route: CREATE_ROUTE, status: 500 }], () => createImportJob(importOptions(importId)));
    assert.ok(error instanceof HfApiError, String(error));
    assert.equal(error.kind, 'server');
    assert.match(error.message, /Could not start a Job in acme.*server error.*Try again in a few minutes/);
    assert.equal(submissions.length, MAX_CREATE_ATTEMPTS);
    assert.deepEqual(await jobsOf(importId), []);
  });

  it('does not submit again when it cannot check whether the lost creation started the Job', async () => {
    const faults: HubFaultRule[] = [
      { route: CREATE_ROUTE, status: 502, loseResponse: true, times: 1 },
      { route: LIST_ROUTE, status: 503, times: MAX_CREATE_ATTEMPTS },
    ];
    const { error, submissions, listings } = await withFaults(faults, () => createImportJob(importOptions()));
    assert.ok(error instanceof HfApiError, String(error));
    assert.match(error.message, /Could not start a Job in acme.*Whether the Job was started anyway could not be checked \(Could not list the Jobs of acme/);
    const importId = /labelled import-id=([0-9a-f-]{36}), so that it does not run twice\.$/.exec(error.message)?.[1];
    assert.ok(importId, error.message);
    assert.equal(submissions.length, 1, 'never resubmitted blindly');
    assert.equal(listings.length, MAX_CREATE_ATTEMPTS, 'the check was retried');
    assert.equal((await jobsOf(importId)).length, 1, 'the one Job the lost creation started');
  });

  it('retries its first look for an earlier Job of the same import', async () => {
    const importId = `recheck-${randomUUID()}`;
    const { value, error, listings } = await withFaults([{ route: LIST_ROUTE, status: 500, times: 2 }], () => createImportJob(importOptions(importId)));
    assert.equal(error, undefined, String(error));
    assert.equal(value?.created, true);
    assert.deepEqual(listings.map((entry) => entry.status), [500, 500, 200]);
    assert.equal((await jobsOf(importId)).length, 1);
  });

  it('does not wait for a Retry-After beyond a minute', async () => {
    const importId = `later-${randomUUID()}`;
    const { error, submissions } = await withFaults([{ route: CREATE_ROUTE, status: 429, retryAfter: 3600, times: 1 }], () =>
      createImportJob(importOptions(importId)),
    );
    assert.ok(error instanceof HfApiError, String(error));
    assert.equal(error.kind, 'rate-limited');
    assert.equal(error.retryAfterSeconds, 3600);
    assert.match(error.message, /Wait 3600 s and try again/);
    assert.equal(submissions.length, 1);
    assert.deepEqual(await jobsOf(importId), []);
  });
});
