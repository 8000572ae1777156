// <hf-import-job> launching real import Jobs in the hub emulator, whose emulated `hf buckets import`
// reads the Ceph RGW test server: what lands in the bucket, and how each outcome is reported.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { getBucket, IMPORT_ID_LABEL_KEY } from '@s3-to-hf/core';
import type { HfImportJobElement } from '../src/hf-import-job-element.js';
import {
  bucketFiles,
  connection,
  everythingVisible,
  existingBucket,
  hubControl,
  mountJob,
  part,
  screenshots,
  selectedObjects,
  selectionOf,
  selectionTree,
  target,
  testEnv,
  textOf,
  uniqueName,
  type HubControl,
} from './test-env.js';

/** Resolves with the created and finished events of the launch that `start` triggers. */
async function launchAndFinish(element: HfImportJobElement, start: () => unknown = () => element.launch()) {
  const created = oneEvent(element, 'hf-import-job-created');
  const finished = oneEvent(element, 'hf-import-job-finished');
  await start();
  return { created: (await created).detail, finished: (await finished).detail };
}

const pathOf = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input)).pathname;

describe('<hf-import-job> launching imports', () => {
  let control: HubControl;
  before(async () => {
    control = await hubControl();
    await control.reset();
  });
  afterEach(() => control.clearFaults());

  it('imports exactly the selected files under the prefix, streaming the log, and reports completed', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const prefix = `${uniqueName('run')}/`;
    const tree = await selectionTree(['data/', "hostile/it's.txt", 'hostile/[bracket].txt', 'hostile/ünïcödé/'], ['data/test/part-00001.parquet']);
    const element = await mountJob({ selection: selectionOf(tree), connection: connection(), target: target(bucket, { prefix }), accessToken: env.hub.tokens.write });

    const statuses: string[] = [];
    element.addEventListener('hf-import-job-status', (event) => statuses.push(event.detail.stage));
    const { created, finished } = await launchAndFinish(element);
    expect(created.namespace).to.equal('alice');
    expect(created.importId).to.match(/^[0-9a-f-]{36}$/);
    expect(finished).to.include({ jobId: created.jobId, namespace: 'alice', stage: 'COMPLETED', outcome: 'completed', importId: created.importId });
    expect(statuses.at(-1)).to.equal('COMPLETED');

    const expected = await selectedObjects(tree);
    const files = await bucketFiles(`alice/${bucket}`);
    expect([...files.keys()].sort()).to.deep.equal(expected.map(({ key }) => `${prefix}${key}`).sort());
    for (const { key, body } of expected) expect(files.get(`${prefix}${key}`), key).to.deep.equal(body);

    expect(element.logLines).to.deep.equal(await control.jobLogs(created.jobId));
    await element.updateComplete;
    expect(textOf(part(element, 'result'))).to.contain(`Import completed Transferred ${expected.length} file(s)`);
    expect(part(element, 'progress')!.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).to.equal('100');
    const link = part(element, 'status')!.querySelector('a')!;
    expect(link.href).to.equal(`${env.hub.url}/jobs/alice/${created.jobId}`);
    const logText = textOf(part(element, 'logs'));
    expect(logText).to.contain('Import completed: Transferred');

    const visible = everythingVisible(element);
    for (const secret of [env.s3.accessKeyId, env.s3.secretAccessKey, env.hub.tokens.write]) expect(visible).not.to.contain(secret);
    await expect(element).to.be.accessible();
    await screenshots('completed', element);
  });

  it('creates a missing bucket first, private as asked, then imports into it', async () => {
    const env = testEnv();
    const bucket = uniqueName('new');
    const tree = await selectionTree(['data/test/']);
    const element = await mountJob({
      selection: selectionOf(tree),
      connection: connection(),
      target: target(bucket, { exists: false, createIfMissing: true, private: true }),
      accessToken: env.hub.tokens.write,
    });
    expect(await getBucket({ hubUrl: env.hub.url, accessToken: env.hub.tokens.write, namespace: 'alice', name: bucket })).to.equal(undefined);
    const { finished } = await launchAndFinish(element);
    expect(finished.outcome).to.equal('completed');
    const info = await getBucket({ hubUrl: env.hub.url, accessToken: env.hub.tokens.write, namespace: 'alice', name: bucket });
    expect(info?.private).to.equal(true);
    expect([...(await bucketFiles(`alice/${bucket}`)).keys()].sort()).to.deep.equal((await selectedObjects(tree)).map(({ key }) => key).sort());
  });

  it('goes on when the bucket to create turns out to exist (409)', async () => {
    const env = testEnv();
    const bucket = await existingBucket('exists');
    const element = await mountJob({
      selection: selectionOf(await selectionTree(['data/meta.json'])),
      connection: connection(),
      target: target(bucket, { exists: false, createIfMissing: true }),
      accessToken: env.hub.tokens.write,
    });
    const { finished } = await launchAndFinish(element);
    expect(finished.outcome).to.equal('completed');
    expect([...(await bucketFiles(`alice/${bucket}`)).keys()]).to.deep.equal(['data/meta.json']);
  });

  it('reports a partial import when files fail, naming how many', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const prefix = `${uniqueName('partial')}/`;
    const tree = await selectionTree(['data/train/']);
    await control.failImportOf(`${prefix}data/train/part-0000[37].parquet`);
    const element = await mountJob({ selection: selectionOf(tree), connection: connection(), target: target(bucket, { prefix }), accessToken: env.hub.tokens.write });
    const { finished } = await launchAndFinish(element);
    const total = (await selectedObjects(tree)).length;
    expect(finished.outcome).to.equal('partial');
    expect(finished.stage).to.equal('COMPLETED');
    expect(finished.reason).to.contain(`2 of ${total} file(s) failed to import`);
    expect((await bucketFiles(`alice/${bucket}`)).size).to.equal(total - 2);
    await element.updateComplete;
    const result = part(element, 'result')!;
    expect(result.dataset.outcome).to.equal('partial');
    expect(textOf(result)).to.contain('Import partly completed');
    const stats = Object.fromEntries([...result.querySelectorAll('.result-stats div')].map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]));
    expect(stats).to.include({ Failed: '2', Skipped: '0' });
    expect(stats.Transferred).to.match(new RegExp(`^${total - 2} \\(`));
    expect(element.logLines.filter((line) => line.startsWith('Failed to import'))).to.have.length(2);
    await screenshots('partial', element);
  });

  it('reports a failed Job with the reason when S3 refuses the secret key', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const wrong = connection({ credentials: { accessKeyId: env.s3.accessKeyId, secretAccessKey: `${env.s3.secretAccessKey}-wrong` } });
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/'])), connection: wrong, target: target(bucket), accessToken: env.hub.tokens.write });
    const { finished } = await launchAndFinish(element);
    expect(finished.outcome).to.equal('failed');
    expect(finished.stage).to.equal('ERROR');
    expect(finished.reason).to.match(/exit code: 1/);
    expect(finished.reason).to.match(/Last error in the log: Error: An error occurred \(\w+\)/);
    await element.updateComplete;
    const result = part(element, 'result')!;
    expect(result.dataset.outcome).to.equal('failed');
    expect(textOf(result.querySelector('.log-error'))).to.match(/^Error: An error occurred/);
    expect(everythingVisible(element)).not.to.contain(wrong.credentials!.secretAccessKey);
    expect((await bucketFiles(`alice/${bucket}`)).size).to.equal(0);
    await screenshots('failed', element);
  });

  it('explains a 403 from a token without the jobs permission, at the launch button, and starts nothing', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/'])), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.noJobs });
    const jobsBefore = (await control.jobs()).length;
    expect(await element.launch()).to.equal(undefined);
    await element.updateComplete;
    const alert = part(element, 'launch')!.querySelector('[role=alert]');
    expect(textOf(alert)).to.contain('The token is not allowed to do this');
    expect(textOf(alert)).to.contain('"jobs" scope');
    expect((await control.jobs()).length).to.equal(jobsBefore);
    // The form is kept for another try.
    expect(part(element, 'summary')).not.to.equal(null);
  });

  it('recovers a launch whose answer was lost: the Job it started is found, not started twice', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    let loseNextJobResponse = true;
    const flakyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && pathOf(input) === '/api/jobs/alice' && loseNextJobResponse) {
        loseNextJobResponse = false;
        // The Hub did create the Job; only its answer never arrives.
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/test/'])), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.write, fetch: flakyFetch });
    const { created, finished } = await launchAndFinish(element);
    expect(loseNextJobResponse, 'the answer was lost').to.equal(false);
    const labelled = (await control.jobs()).filter((job) => job.labels?.[IMPORT_ID_LABEL_KEY] === created.importId);
    expect(labelled.map((job) => job.id)).to.deep.equal([created.jobId]);
    expect(finished.outcome).to.equal('completed');
  });

  it('keeps the import id of a launch that could not tell whether it started, so trying again finds that Job', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    let loseJobResponse = true;
    let labelChecks = 0;
    let failChecks = true;
    const flakyFetch: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const isCheck = (init?.method ?? 'GET') === 'GET' && url.pathname === '/api/jobs/alice' && url.searchParams.has('label');
      // The check before submitting passes; the ones after the lost answer do not reach the Hub.
      if (isCheck && failChecks && ++labelChecks > 1) throw new TypeError('Failed to fetch');
      const response = await fetch(input, init);
      if (init?.method === 'POST' && url.pathname === '/api/jobs/alice' && loseJobResponse) {
        loseJobResponse = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/test/'])), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.write, fetch: flakyFetch });

    const before = new Set((await control.jobs()).map((job) => job.id));
    expect(await element.launch()).to.equal(undefined);
    await element.updateComplete;
    const alert = textOf(part(element, 'launch')!.querySelector('[role=alert]'));
    expect(alert).to.contain('Whether the Job was started anyway could not be checked');
    const lost = (await control.jobs()).filter((job) => !before.has(job.id));
    expect(lost, 'the lost attempt created one Job').to.have.length(1);
    const [firstAttempt] = lost;
    expect(alert).to.contain(`import-id=${firstAttempt.labels![IMPORT_ID_LABEL_KEY]}`);

    failChecks = false;
    const { created, finished } = await launchAndFinish(element);
    expect(created.jobId).to.equal(firstAttempt.id);
    expect(created.importId).to.equal(firstAttempt.labels![IMPORT_ID_LABEL_KEY]);
    expect((await control.jobs()).filter((job) => job.labels?.[IMPORT_ID_LABEL_KEY] === created.importId)).to.have.length(1);
    expect(finished.outcome).to.equal('completed');
  });

  it('warns before leaving while the Job is being created, and refuses a second launch while one runs', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const gatedFetch: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && pathOf(input) === '/api/jobs/alice') {
        held = true;
        await released;
      }
      return fetch(input, init);
    };
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/test/'])), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.write, fetch: gatedFetch });
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave(), 'nothing to lose yet').to.equal(false);

    const finished = oneEvent(element, 'hf-import-job-finished');
    await control.pauseScheduling();
    try {
      const created = oneEvent(element, 'hf-import-job-created');
      const launching = element.launch();
      await waitUntil(() => held, 'the Job creation never started');
      expect(leave(), 'leaving while the Job is created').to.equal(true);
      await element.updateComplete;
      expect(textOf(part(element, 'launch'))).to.contain('Starting the Job on Hugging Face');
      release();
      await launching;
      await created;
      expect(leave(), 'the Job exists, leaving is safe').to.equal(false);

      expect(await element.launch()).to.equal(undefined);
      await element.updateComplete;
      expect(textOf(part(element, 'status'))).to.contain('An import is already running here');
    } finally {
      await control.resumeScheduling();
    }
    expect((await finished).detail.outcome).to.equal('completed');
  });
});
