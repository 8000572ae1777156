// <hf-import-job> splitting a large selection into several Jobs: the offer and its plan, the
// launch of one labelled Job per shard on the hub emulator (whose `hf buckets import` reads the
// Ceph RGW test server), following them as one import, Retry shard, re-attaching, cancel all.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { describeImportCommand, listImports, planImportShards, type SelectionTree } from '@s3-to-hf/core';
import type { HfImportJobEventDetail, HfImportJobFinishedDetail } from '../src/events.js';
import type { HfImportJobElement } from '../src/hf-import-job-element.js';
import {
  bucketFiles,
  button,
  connection,
  existingBucket,
  hubControl,
  mountJob,
  part,
  proxyControl,
  screenshots,
  selectedObjects,
  selectionOf,
  selectionTree,
  target,
  testEnv,
  textOf,
  uniqueName,
  type HubControl,
  type ProxyControl,
} from './test-env.js';

// 24 files: data/, the deep/ chain and two hostile names. At 8 files per Job that is 3 Jobs:
// data/ minus part of train/, the rest of train/ with most of deep/, and the rest.
const SELECTED = ['data/', 'deep/', "hostile/it's.txt", 'hostile/ünïcödé/'];
const FILES_PER_JOB = 8;

type EmulatedJob = { id: string; labels?: Record<string, string>; status: { stage: string } };

const shardRows = (element: HfImportJobElement) => [...part(element, 'shards')!.querySelectorAll<HTMLElement>('.shard-row')];
const rowButton = (row: HTMLElement, label: RegExp) => [...row.querySelectorAll('button')].find((candidate) => label.test(textOf(candidate)));

/** Collects every finished event, to check that the import finishes once. */
function finishedEvents(element: HfImportJobElement): HfImportJobFinishedDetail[] {
  const events: HfImportJobFinishedDetail[] = [];
  element.addEventListener('hf-import-job-finished', (event) => events.push(event.detail));
  return events;
}

async function groupJobs(control: HubControl, importGroup: string): Promise<EmulatedJob[]> {
  return ((await control.jobs()) as EmulatedJob[]).filter((job) => job.labels?.['import-group'] === importGroup);
}

/** The number of files each Job planned to import, from its log (`Importing N file(s) …`). */
async function plannedFiles(control: HubControl, jobId: string): Promise<number> {
  const line = (await control.jobLogs(jobId)).find((entry) => entry.startsWith('Importing '));
  return Number(/^Importing (\d+) file/.exec(line ?? '')?.[1] ?? Number.NaN);
}

async function expectExactlySelected(bucket: string, tree: SelectionTree, prefix = ''): Promise<void> {
  const expected = await selectedObjects(tree);
  const files = await bucketFiles(`alice/${bucket}`);
  expect([...files.keys()].sort()).to.deep.equal(expected.map(({ key }) => `${prefix}${key}`).sort());
  for (const { key, body } of expected) expect(files.get(`${prefix}${key}`), key).to.deep.equal(body);
}

describe('<hf-import-job> sharded imports', () => {
  let control: HubControl;
  let proxy: ProxyControl;
  before(async () => {
    control = await hubControl();
    proxy = await proxyControl();
    await control.reset();
  });
  afterEach(async () => {
    await control.clearFaults();
    await proxy.clearFaults();
    await control.resumeScheduling();
  });

  it('offers a split past the limit, with each Job’s size, command and the combined estimate', async () => {
    const env = testEnv();
    const tree = await selectionTree(SELECTED);
    const element = await mountJob({
      selection: selectionOf(tree),
      connection: connection(),
      target: target('split-bucket', { prefix: 'runs/' }),
      accessToken: env.hub.tokens.write,
      maxFilesPerShard: FILES_PER_JOB,
    });
    const split = part(element, 'split')!;
    expect(textOf(split)).to.contain('One Job should import at most');
    expect(textOf(split)).to.contain('this selection has 24 files');
    const checkbox = split.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    const count = split.querySelector<HTMLInputElement>('#shard-count')!;
    expect(checkbox.checked).to.equal(true);
    expect(count.value).to.equal('3');
    expect(textOf(checkbox.closest('label'))).to.equal('Split into 3 Jobs');

    const plan = planImportShards(tree, { maxFilesPerShard: FILES_PER_JOB, shards: 3 });
    const planned = [...split.querySelectorAll('.plan-list li')].map((row) => textOf(row));
    expect(planned).to.have.length(3);
    plan.forEach((shard, index) => expect(planned[index]).to.contain(`Job ${index + 1} ${shard.files} files`));
    expect(plan.reduce((total, shard) => total + shard.files, 0)).to.equal(24);
    expect(textOf(part(element, 'summary'))).to.contain('24 files');
    expect(textOf(part(element, 'summary'))).to.contain('split into 3 Jobs');
    expect(textOf(part(element, 'launch'))).to.contain('Start import (3 Jobs)');
    expect(textOf(part(element, 'hardware'))).to.contain("the duration is the slowest Job's, the cost is all of them together");

    // The command shown is the chosen Job's: its own filters.
    const commandOf = (index: number) =>
      describeImportCommand({
        source: { bucket: env.s3.corsBucket, prefix: '', region: env.s3.region, endpoint: env.s3.endpoint },
        filters: plan[index].filters,
        destination: { namespace: 'alice', bucket: 'split-bucket', prefix: 'runs/' },
      });
    const picker = part(element, 'command')!.querySelector<HTMLSelectElement>('#command-shard')!;
    expect(part(element, 'command')!.querySelector('pre')!.textContent).to.equal(commandOf(0));
    picker.value = '3';
    picker.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(part(element, 'command')!.querySelector('pre')!.textContent).to.equal(commandOf(2));

    await expect(element).to.be.accessible();
    await screenshots('split-offer', element);

    // Another count re-plans; an impossible one is refused at the field, before any request.
    count.value = '2';
    count.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(split.querySelectorAll('.plan-list li')).to.have.length(2);
    expect(textOf(part(element, 'launch'))).to.contain('Start import (2 Jobs)');
    const jobsBefore = (await control.jobs()).length;
    count.value = '0';
    count.dispatchEvent(new Event('input'));
    expect(await element.launch()).to.equal(undefined);
    await element.updateComplete;
    expect(textOf(split.querySelector('#error-shards'))).to.contain('Enter a whole number of Jobs from 1 to 24');
    expect(count.getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.activeElement).to.equal(count);
    expect((await control.jobs()).length).to.equal(jobsBefore);

    // Unticked, it is one Job again.
    checkbox.click();
    await element.updateComplete;
    expect(count.disabled).to.equal(true);
    expect(textOf(part(element, 'launch'))).not.to.contain('Jobs)');
    expect(part(element, 'command')!.querySelector('#command-shard')).to.equal(null);
  });

  it('says so when asked to split patterns typed by hand, and offers nothing for a small selection', async () => {
    const env = testEnv();
    const manual = await mountJob({
      selection: { mode: 'manual', filters: { root: '', include: ['data/*'], exclude: [] } },
      connection: connection(),
      target: target('manual-bucket'),
      accessToken: env.hub.tokens.write,
      shards: 3,
    });
    expect(textOf(part(manual, 'split'))).to.contain('Patterns typed by hand cannot be split into several Jobs');
    expect(textOf(part(manual, 'launch'))).not.to.contain('Jobs)');
    const small = await mountJob({ selection: selectionOf(await selectionTree(['data/'])), connection: connection(), target: target('b'), accessToken: env.hub.tokens.write });
    expect(part(small, 'split')).to.equal(null);
  });

  it('imports a forced split as 3 labelled Jobs, exactly the selection and each file once, with a log per Job', async function () {
    this.timeout(120_000);
    const env = testEnv();
    const bucket = await existingBucket('shards');
    const prefix = `${uniqueName('split')}/`;
    const tree = await selectionTree(SELECTED);
    const element = await mountJob({ selection: selectionOf(tree), connection: connection(), target: target(bucket, { prefix }), accessToken: env.hub.tokens.write, maxFilesPerShard: FILES_PER_JOB });
    const finished = finishedEvents(element);
    const statuses: string[] = [];
    element.addEventListener('hf-import-job-status', (event) => statuses.push(`${event.detail.shard?.index}:${event.detail.stage}`));
    const created = oneEvent(element, 'hf-import-job-created');
    const ref = await element.launch();
    const detail = (await created).detail as HfImportJobEventDetail;
    expect(detail.importGroup).to.match(/^[0-9a-f-]{36}$/);
    expect(detail.jobs).to.have.length(3);
    expect(ref).to.include({ jobId: detail.jobs![0].jobId, importGroup: detail.importGroup });

    const jobs = await groupJobs(control, detail.importGroup!);
    expect(jobs).to.have.length(3);
    const labels = jobs.map((job) => job.labels!).sort((a, b) => a.shard.localeCompare(b.shard));
    expect(labels.map((entry) => [entry.app, entry['import-group'], entry.shard])).to.deep.equal(
      [1, 2, 3].map((index) => ['s3-to-hf-import', detail.importGroup, `${index}-of-3`]),
    );
    expect(new Set(labels.map((entry) => entry['import-id'])).size, 'an import id per Job').to.equal(3);

    await waitUntil(() => finished.length > 0, 'the import never finished', { timeout: 60_000 });
    await element.updateComplete;
    expect(finished).to.have.length(1);
    expect(finished[0]).to.include({ outcome: 'completed', importGroup: detail.importGroup });
    expect(finished[0].reason).to.match(/^All 3 Jobs finished: transferred 24 file\(s\)/);
    for (const index of [1, 2, 3]) expect(statuses, `shard ${index}`).to.include(`${index}:COMPLETED`);

    await expectExactlySelected(bucket, tree, prefix);
    const planned = await Promise.all(element.jobs.map((job) => plannedFiles(control, job.jobId)));
    expect(planned.reduce((total, files) => total + files, 0), 'the Jobs planned each file once').to.equal(24);

    // Combined progress, a status line per Job, and each Job's own log.
    expect(part(element, 'progress')!.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).to.equal('100');
    const rows = shardRows(element);
    expect(rows.map((row) => textOf(row.querySelector('.shard-name')))).to.deep.equal(['Job 1 of 3', 'Job 2 of 3', 'Job 3 of 3']);
    expect(rows.every((row) => textOf(row).includes('Completed'))).to.equal(true);
    const stats = Object.fromEntries([...part(element, 'result')!.querySelectorAll('.result-stats div')].map((row) => [textOf(row.querySelector('dt')), textOf(row.querySelector('dd'))]));
    expect(stats).to.include({ Jobs: '3 completed', Failed: '0' });
    expect(stats.Transferred).to.match(/^24 \(/);
    const shownLog = () => [...part(element, 'logs')!.querySelectorAll('.lt')].map((line) => line.textContent);
    expect(shownLog()).to.deep.equal(await control.jobLogs(element.jobs[0].jobId));
    rowButton(rows[1], /^Log/)!.click();
    await element.updateComplete;
    expect(textOf(part(element, 'logs')!.querySelector('h2'))).to.equal('Log of Job 2 of 3');
    expect(shownLog()).to.deep.equal(await control.jobLogs(element.jobs[1].jobId));
    const picker = part(element, 'logs')!.querySelector<HTMLSelectElement>('#log-shard')!;
    picker.value = '3';
    picker.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(shownLog()).to.deep.equal(await control.jobLogs(element.jobs[2].jobId));
    expect(element.logLines).to.have.length(
      (await Promise.all(element.jobs.map((job) => control.jobLogs(job.jobId)))).reduce((total, lines) => total + lines.length, 0),
    );

    // listImports finds the three Jobs again as one import.
    const record = (await listImports({ hubUrl: env.hub.url, accessToken: env.hub.tokens.write, namespace: 'alice' })).find((entry) => entry.id === detail.importGroup);
    expect(record?.shardCount).to.equal(3);
    expect(record?.jobs.map((job) => job.id)).to.deep.equal(element.jobs.map((job) => job.jobId));
    await expect(element).to.be.accessible();
  });

  it('reports a Job that lost a file as partial, naming it, and Retry shard completes the import', async function () {
    this.timeout(120_000);
    const env = testEnv();
    const bucket = await existingBucket('retry');
    const tree = await selectionTree(SELECTED);
    // One download of one file is refused: its Job imports the others and counts it as failed.
    await proxy.addFault({ match: { method: 'GET', bucket: env.s3.corsBucket, prefix: "hostile/it's.txt" }, fault: 'access-denied-403', times: 1 });
    const element = await mountJob({ selection: selectionOf(tree), connection: connection({ viaProxy: true }), target: target(bucket), accessToken: env.hub.tokens.write, maxFilesPerShard: FILES_PER_JOB });
    const finished = finishedEvents(element);
    await element.launch();
    await waitUntil(() => finished.length === 1, 'the import never finished', { timeout: 60_000 });
    await element.updateComplete;
    expect(finished[0].outcome).to.equal('partial');
    const troubled = shardRows(element).find((row) => textOf(row).includes('Partly completed'))!;
    const index = Number(troubled.dataset.shard);
    expect(finished[0].reason).to.contain(`Job ${index} of 3 could not import every file; the other 2 completed.`);
    expect(textOf(part(element, 'result'))).to.contain('Import partly completed');
    expect((await bucketFiles(`alice/${bucket}`)).has("hostile/it's.txt")).to.equal(false);
    const firstJob = element.jobs[index - 1];

    const retried = oneEvent(element, 'hf-import-job-created');
    rowButton(troubled, /Retry shard/)!.click();
    const detail = (await retried).detail as HfImportJobEventDetail;
    expect(detail.shard).to.deep.equal({ index, count: 3 });
    expect(detail.importGroup).to.equal(element.importGroup);
    expect(detail.jobId).not.to.equal(firstJob.jobId);
    expect(detail.importId).not.to.equal(firstJob.importId);
    await waitUntil(() => finished.length === 2, 'the retried import never finished', { timeout: 60_000 });
    expect(finished[1].outcome).to.equal('completed');
    await expectExactlySelected(bucket, tree);

    const attempts = (await groupJobs(control, element.importGroup!)).filter((job) => job.labels?.shard === `${index}-of-3`);
    expect(attempts.map((job) => job.id).sort()).to.deep.equal([firstJob.jobId, detail.jobId].sort());
    await element.updateComplete;
    expect(textOf(shardRows(element)[index - 1])).to.contain('attempt 2');
    expect(textOf(part(element, 'result'))).to.contain('Import completed');
  });

  it('starts the Jobs it could when a create is refused, and Retry shard starts the missing one', async function () {
    this.timeout(120_000);
    const env = testEnv();
    const bucket = await existingBucket('refused');
    const tree = await selectionTree(SELECTED);
    const element = await mountJob({ selection: selectionOf(tree), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.write, maxFilesPerShard: FILES_PER_JOB });
    const finished = finishedEvents(element);
    await control.fault({ route: 'POST /api/jobs/:ns', status: 403, times: 1 });
    await element.launch();
    await element.updateComplete;
    expect(element.jobs).to.have.length(2);
    const missing = shardRows(element).find((row) => textOf(row).includes('Not started'))!;
    expect(textOf(missing)).to.contain('Use “Retry shard” to start this Job.');
    await waitUntil(() => finished.length === 1, 'the started Jobs never finished', { timeout: 60_000 });
    expect(finished[0].outcome).to.equal('partial');
    expect(finished[0].reason).to.contain(`Job ${missing.dataset.shard} of 3 failed`);

    rowButton(missing, /Retry shard/)!.click();
    await waitUntil(() => finished.length === 2, 'the retried import never finished', { timeout: 60_000 });
    expect(finished[1].outcome).to.equal('completed');
    expect(element.jobs).to.have.length(3);
    await expectExactlySelected(bucket, tree);
  });

  it('streams at most max-followed-jobs logs at once and polls the stage of the Jobs waiting', async function () {
    this.timeout(120_000);
    const env = testEnv();
    const bucket = await existingBucket('limit');
    const tree = await selectionTree(SELECTED);
    // Log streams open now: each one holds a connection until its Job ends or following stops.
    let open = 0;
    let most = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!new URL(url).pathname.endsWith('/logs') || !response.body) return response;
      open++;
      most = Math.max(most, open);
      let closed = false;
      const close = () => {
        if (!closed) open--;
        closed = true;
      };
      init?.signal?.addEventListener('abort', close);
      return new Response(response.body.pipeThrough(new TransformStream({ flush: close })), { status: response.status, headers: response.headers });
    };
    // Job 1 keeps running (one of its downloads never answers): the one place to follow a Job stays taken.
    await proxy.addFault({ match: { method: 'GET', bucket: env.s3.corsBucket, prefix: 'data/meta.json' }, fault: 'hang' });
    const element = await mountJob({
      selection: selectionOf(tree),
      connection: connection({ viaProxy: true }),
      target: target(bucket),
      accessToken: env.hub.tokens.write,
      fetch: countingFetch,
      maxFilesPerShard: FILES_PER_JOB,
      maxFollowedJobs: 1,
    });
    const finished = finishedEvents(element);
    await element.launch();
    // Jobs 2 and 3 end while Job 1 is followed: their stage comes from listing the group.
    await waitUntil(
      () => {
        const rows = shardRows(element).map((row) => textOf(row.querySelector('.stage')));
        return rows[0] === 'Running' && rows[1] === 'Completed' && rows[2] === 'Completed';
      },
      'the waiting Jobs never showed their stage',
      { timeout: 60_000 },
    );
    expect(open, 'log streams open').to.equal(1);
    // Only Job 1's log has been read so far.
    const firstLog = await control.jobLogs(element.jobs[0].jobId);
    expect(firstLog.slice(0, element.logLines.length)).to.deep.equal(element.logLines);
    // Once Job 1 ends, the others are followed in turn: their logs and results come in.
    await element.cancel();
    await waitUntil(() => finished.length === 1, 'the import never finished', { timeout: 60_000 });
    expect(most, 'log streams open at once').to.equal(1);
    expect(finished[0].outcome).to.equal('canceled');
    expect(finished[0].reason).to.contain('Job 1 of 3 was canceled; the other 2 completed.');
    await element.updateComplete;
    expect(shardRows(element).map((row) => textOf(row.querySelector('.stage')))).to.deep.equal(['Canceled', 'Completed', 'Completed']);
    const logs = await Promise.all(element.jobs.map((job) => control.jobLogs(job.jobId)));
    expect(element.logLines).to.have.length(logs.reduce((total, lines) => total + lines.length, 0));
  });

  it('re-attaches to a sharded import by its group after a reload, and from its listImports record', async function () {
    this.timeout(120_000);
    const env = testEnv();
    const bucket = await existingBucket('attach');
    const tree = await selectionTree(SELECTED);
    const first = await mountJob({ selection: selectionOf(tree), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.write, maxFilesPerShard: FILES_PER_JOB });
    await control.pauseScheduling();
    const created = oneEvent(first, 'hf-import-job-created');
    await first.launch();
    const { importGroup, jobs } = (await created).detail as HfImportJobEventDetail;
    // The page reloads: a new element knows only the group id (e.g. from its URL).
    first.remove();

    const element = await mountJob({ accessToken: env.hub.tokens.write });
    const finished = finishedEvents(element);
    const statuses: string[] = [];
    element.addEventListener('hf-import-job-status', (event) => statuses.push(`${event.detail.jobId}:${event.detail.stage}`));
    await element.attach({ namespace: 'alice', importGroup: importGroup! });
    expect(element.jobs.map((job) => job.jobId)).to.deep.equal(jobs!.map((job) => job.jobId));
    expect(element.importGroup).to.equal(importGroup);
    expect(statuses).to.deep.equal(jobs!.map((job) => `${job.jobId}:SCHEDULING`));
    expect(shardRows(element).map((row) => textOf(row.querySelector('.stage')))).to.deep.equal(['Scheduling', 'Scheduling', 'Scheduling']);
    await control.resumeScheduling();
    await waitUntil(() => finished.length === 1, 'the attached import never finished', { timeout: 60_000 });
    expect(finished[0]).to.include({ outcome: 'completed', importGroup });
    await expectExactlySelected(bucket, tree);
    await element.updateComplete;
    expect(element.logLines.length).to.be.greaterThan(0);

    // From the list of imports, as the page shows them: the same three Jobs, already finished.
    const record = (await listImports({ hubUrl: env.hub.url, accessToken: env.hub.tokens.write, namespace: 'alice' })).find((entry) => entry.id === importGroup)!;
    const again = await mountJob({ accessToken: env.hub.tokens.write });
    const finishedAgain = finishedEvents(again);
    await again.attach(record);
    await waitUntil(() => finishedAgain.length === 1, 'the listed import never finished', { timeout: 30_000 });
    expect(finishedAgain[0].outcome).to.equal('completed');
    expect(again.jobs.map((job) => job.jobId)).to.deep.equal(jobs!.map((job) => job.jobId));

    // A group nobody started is said so, at the status.
    const unknown = await mountJob({ accessToken: env.hub.tokens.write });
    await unknown.attach({ namespace: 'alice', importGroup: crypto.randomUUID() });
    await unknown.updateComplete;
    expect(textOf(part(unknown, 'status')!.querySelector('[role=alert]'))).to.contain('There is no import with group id');
  });

  it('cancels every running Job after confirmation and finishes once as canceled', async function () {
    this.timeout(120_000);
    const env = testEnv();
    const bucket = await existingBucket('cancel');
    const tree = await selectionTree(SELECTED);
    // A download in each of the first two Jobs never answers: they keep running; the third completes.
    const plan = planImportShards(tree, { maxFilesPerShard: FILES_PER_JOB, shards: 3 });
    expect(plan[0].filters.root).to.equal('data/');
    for (const key of ['data/meta.json', 'data/train/part-00009.parquet']) {
      await proxy.addFault({ match: { method: 'GET', bucket: env.s3.corsBucket, prefix: key }, fault: 'hang' });
    }
    const element = await mountJob({ selection: selectionOf(tree), connection: connection({ viaProxy: true }), target: target(bucket), accessToken: env.hub.tokens.write, maxFilesPerShard: FILES_PER_JOB });
    const finished = finishedEvents(element);
    await element.launch();
    await waitUntil(
      () => {
        const rows = shardRows(element).map((row) => textOf(row));
        return rows[2]?.includes('Completed') && [rows[0], rows[1]].every((row) => row.includes('Running') && /0 of \d+ files/.test(row));
      },
      'the first two Jobs never got stuck downloading while the third completed',
      { timeout: 60_000 },
    );
    expect(textOf(part(element, 'status'))).to.contain('Running');
    expect(textOf(part(element, 'progress'))).to.contain('1 of 3 Jobs ended');
    await expect(element).to.be.accessible();
    await screenshots('sharded-running', element);

    button(element, /Cancel import/).focus();
    await sendKeys({ press: 'Enter' });
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    expect(textOf(dialog.querySelector('h2'))).to.equal('Cancel all 2 running Jobs of this import?');
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.textContent).to.contain('Cancel all 2 Jobs');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => finished.length === 1, 'the canceled import never finished', { timeout: 30_000 });
    expect(finished[0].outcome).to.equal('canceled');
    expect(finished[0].reason).to.contain('Jobs 1 and 2 of 3 were canceled; the other one completed.');
    const stages = (await groupJobs(control, element.importGroup!)).map((job) => [job.labels?.shard, job.status.stage]).sort();
    expect(stages).to.deep.equal([
      ['1-of-3', 'CANCELED'],
      ['2-of-3', 'CANCELED'],
      ['3-of-3', 'COMPLETED'],
    ]);
    await element.updateComplete;
    expect(part(element, 'result')!.dataset.outcome).to.equal('canceled');
    expect(shardRows(element).filter((row) => rowButton(row, /Retry shard/))).to.have.length(2);
    expect(finished).to.have.length(1);
  });
});
