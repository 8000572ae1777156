// <hf-import-job> following Jobs: log stream drops, attach/re-attach, expired and refused tokens,
// cancel, the log panel (auto-scroll, jump to latest, DOM cap, download), disconnecting.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createImportJob, findImportJob, runJob } from '@s3-to-hf/core';
import type { HfImportJobElement } from '../src/hf-import-job-element.js';
import {
  button,
  connection,
  existingBucket,
  hubControl,
  mountJob,
  part,
  proxyControl,
  screenshots,
  selectionOf,
  selectionTree,
  target,
  testEnv,
  textOf,
  type HubControl,
  type ProxyControl,
} from './test-env.js';

const LOG_ROUTE = 'GET /api/jobs/:ns/:id/logs';
const finishedOf = (element: HfImportJobElement) => oneEvent(element, 'hf-import-job-finished').then((event) => event.detail);

/** A Job that prints numbered lines at a steady pace (real bash in the emulator). */
async function startPrinter(lines: number): Promise<string> {
  const env = testEnv();
  const script = `for i in $(seq 1 ${lines}); do echo "line $i"; sleep 0.02; done`;
  const job = await runJob({ hubUrl: env.hub.url, accessToken: env.hub.tokens.write, namespace: 'alice', spec: { dockerImage: 'python:3.12', command: ['bash', '-c', script], flavor: 'cpu-basic' } });
  return job.id;
}

describe('<hf-import-job> following Jobs', () => {
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
  });

  it('resumes a dropped log stream without repeating or losing a line', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/'])), connection: connection(), target: target(bucket), accessToken: env.hub.tokens.write });
    await control.fault({ route: LOG_ROUTE, dropAfterEvents: 2, times: 2 });
    const created = oneEvent(element, 'hf-import-job-created');
    const finished = finishedOf(element);
    await element.launch();
    const { jobId } = (await created).detail;
    expect((await finished).outcome).to.equal('completed');
    const captured = await control.jobLogs(jobId);
    expect(captured.length).to.be.greaterThan(4);
    expect(element.logLines).to.deep.equal(captured);
    await element.updateComplete;
    expect([...part(element, 'logs')!.querySelectorAll('.lt')].map((line) => line.textContent)).to.deep.equal(captured);
  });

  it('attaches to an existing import Job found by its import id, as after a reload', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const selection = selectionOf(await selectionTree(['data/test/']));
    const importId = crypto.randomUUID();
    await createImportJob({
      hubUrl: env.hub.url,
      accessToken: env.hub.tokens.write,
      source: { bucket: env.s3.corsBucket, region: env.s3.region, endpoint: env.s3.endpoint },
      credentials: connection().credentials,
      filters: selection.filters!,
      destination: { namespace: 'alice', bucket },
      importId,
    });

    // A fresh page knows nothing but the import id it kept (e.g. in its URL): find the Job, follow it.
    const found = await findImportJob({ hubUrl: env.hub.url, accessToken: env.hub.tokens.write, namespace: 'alice', importId });
    const element = await mountJob({ accessToken: env.hub.tokens.write });
    const status = oneEvent(element, 'hf-import-job-status');
    const finished = finishedOf(element);
    await element.attach({ namespace: 'alice', jobId: found!.id });
    expect((await status).detail).to.include({ jobId: found!.id, namespace: 'alice' });
    const detail = await finished;
    expect(detail).to.include({ jobId: found!.id, outcome: 'completed', importId });
    expect(element.importId).to.equal(importId);
    expect(element.logLines).to.deep.equal(await control.jobLogs(found!.id));
    expect(textOf(part(element, 'result'))).to.contain('Import completed');
  });

  it('says so when the token expires while following; the Job keeps running and a new token re-attaches', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    const oauthToken = await control.issueOAuthToken({ user: 'alice', scopes: ['jobs', 'write-repos'] });
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/test/'])), connection: connection(), target: target(bucket), accessToken: oauthToken });
    await control.pauseScheduling();
    try {
      const created = oneEvent(element, 'hf-import-job-created');
      await element.launch();
      const { jobId } = (await created).detail;
      await control.revokeToken(oauthToken);
      await waitUntil(() => part(element, 'status')?.querySelector('[role=alert]'), 'the expired token was never reported', { timeout: 10_000 });
      const notice = textOf(part(element, 'status')!.querySelector('[role=alert]'));
      expect(notice).to.contain('no longer accepts this sign-in');
      expect(notice).to.contain('The Job keeps running on Hugging Face');
      expect((await control.jobs()).find((job) => job.id === jobId)!.status.stage).to.equal('SCHEDULING');

      element.accessToken = env.hub.tokens.write;
      const finished = finishedOf(element);
      await element.attach({ namespace: 'alice', jobId });
      await control.resumeScheduling();
      // The Job itself wrote with the revoked token, so its import fails; following it works again.
      const detail = await finished;
      expect(detail.jobId).to.equal(jobId);
      expect(['failed', 'completed']).to.include(detail.outcome);
      expect(part(element, 'status')!.querySelector('[role=alert]')).to.equal(null);
    } finally {
      await control.resumeScheduling();
    }
  });

  it('explains a 403 when attaching with a token that may not read Jobs', async () => {
    const jobId = await startPrinter(3);
    const element = await mountJob({ accessToken: testEnv().hub.tokens.noJobs });
    await element.attach({ namespace: 'alice', jobId });
    await waitUntil(() => part(element, 'status')?.querySelector('[role=alert]'), 'the 403 was never reported');
    const notice = textOf(part(element, 'status')!.querySelector('[role=alert]'));
    expect(notice).to.contain('The token is not allowed to do this');
    expect(notice).to.contain('"jobs" scope');
  });

  it('cancels a running import after confirmation, by keyboard, and reports canceled', async () => {
    const env = testEnv();
    const bucket = await existingBucket();
    // Three batches of 100; the download of file 250 never answers, so the Job stays in batch 3.
    const keys = Array.from({ length: 300 }, (_, index) => `many/file-${String(index).padStart(5, '0')}.txt`);
    await proxy.addFault({ match: { method: 'GET', bucket: env.s3.corsBucket, prefix: 'many/file-00250.txt' }, fault: 'hang' });
    const element = await mountJob({ selection: selectionOf(await selectionTree(keys)), connection: connection({ viaProxy: true }), target: target(bucket), accessToken: env.hub.tokens.write });
    const created = oneEvent(element, 'hf-import-job-created');
    const finished = finishedOf(element);
    await element.launch();
    const { jobId } = (await created).detail;
    await waitUntil(() => textOf(part(element, 'progress')).includes('200 of 300 files'), 'the import never finished its second batch', { timeout: 20_000 });
    await waitUntil(() => element.logLines.some((line) => line.startsWith('Batch 3/3: downloading')), 'the import never started its third batch');
    const bar = part(element, 'progress')!.querySelector('[role=progressbar]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('67');
    expect(textOf(part(element, 'status'))).to.contain('Running');
    await expect(element).to.be.accessible();
    await screenshots('running', element);

    // Escape keeps the Job running.
    const cancel = button(element, /Cancel import/);
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    expect(element.shadowRoot!.activeElement?.textContent).to.contain('Keep running');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the confirmation');
    expect((await control.jobs()).find((job) => job.id === jobId)!.status.stage).to.equal('RUNNING');

    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the confirmation did not open again');
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement?.textContent).to.contain('Cancel import');
    await sendKeys({ press: 'Enter' });
    const detail = await finished;
    expect(detail).to.include({ jobId, stage: 'CANCELED', outcome: 'canceled' });
    expect(detail.reason).to.contain('Files transferred before that stay in the bucket');
    await element.updateComplete;
    expect(part(element, 'result')!.dataset.outcome).to.equal('canceled');
    expect(textOf(part(element, 'result'))).to.contain('Import canceled');
  });

  it('follows the log tail until the user scrolls up, offers to jump back, caps the DOM, and resumes after a move', async () => {
    const env = testEnv();
    // The signals of the Job's requests (stage and log), to see that leaving the page stops them.
    const signals: AbortSignal[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (init?.signal && new URL(url).pathname.startsWith('/api/jobs/alice/')) signals.push(init.signal);
      return fetch(input, init);
    };
    const jobId = await startPrinter(300);
    const element = await mountJob({ accessToken: env.hub.tokens.write, fetch: recordingFetch, maxLogLines: 100, style: '--hf-import-job-log-height: 8rem' });
    const finished = finishedOf(element);
    await element.attach({ namespace: 'alice', jobId });
    const panel = () => element.shadowRoot!.querySelector<HTMLElement>('.log')!;
    const fromBottom = () => panel().scrollHeight - panel().scrollTop - panel().clientHeight;
    await waitUntil(() => element.logLines.length >= 40, 'no lines arrived', { timeout: 10_000 });
    await element.updateComplete;
    expect(fromBottom()).to.be.at.most(24);

    // Scrolling up pauses following; new lines do not move the view.
    panel().scrollTop = 0;
    await waitUntil(() => element.shadowRoot!.querySelector('.jump'), 'no "jump to latest" button');
    const seen = element.logLines.length;
    await waitUntil(() => element.logLines.length >= seen + 30, 'no more lines arrived', { timeout: 10_000 });
    await element.updateComplete;
    expect(panel().scrollTop).to.equal(0);
    expect(panel().querySelectorAll('.line').length).to.be.at.most(100);

    button(element, /Jump to latest/).click();
    await element.updateComplete;
    expect(fromBottom()).to.be.at.most(24);
    expect(element.shadowRoot!.querySelector('.jump')).to.equal(null);
    expect(element.shadowRoot!.activeElement).to.equal(panel());

    // Moving the element out of the page stops following; back in, it resumes where it was.
    element.remove();
    expect(signals.length).to.be.greaterThan(0);
    expect(signals.every((signal) => signal.aborted)).to.equal(true);
    document.body.append(element);
    expect((await finished).outcome).to.equal('completed');
    const captured = await control.jobLogs(jobId);
    expect(element.logLines).to.deep.equal(captured);
    await element.updateComplete;
    expect(panel().querySelectorAll('.line').length).to.equal(100);
    expect(textOf(part(element, 'logs'))).to.contain('Showing the latest 100 lines; 200 earlier ones are in Copy and Download.');
    const last = panel().querySelector('.line:last-child')!;
    expect([textOf(last.querySelector('.ln')), textOf(last.querySelector('.lt'))]).to.deep.equal(['300', 'line 300']);

    // Download gives the whole log, not just what the DOM shows.
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return createObjectURL.call(URL, blob);
    };
    try {
      button(element, /^Download$/).click();
    } finally {
      URL.createObjectURL = createObjectURL;
    }
    expect(await blobs[0].text()).to.equal(`${captured.join('\n')}\n`);
    button(element, /^Copy$/).click();
    await waitUntil(() => /Copied 300 lines|did not allow copying/.test(textOf(part(element, 'logs'))), 'Copy said nothing');
    element.remove();
  });
});
