// <hf-import-job> before launch: summary, command, hardware and estimate, options, warnings,
// validation at the fields, keyboard use. Against the hub emulator (hardware list, Jobs).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { describeImportCommand, formatBytes } from '@s3-to-hf/core';
import {
  button,
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
  type HubControl,
} from './test-env.js';

describe('<hf-import-job> before launch', () => {
  let control: HubControl;
  before(async () => {
    control = await hubControl();
    await control.reset();
  });

  it('summarizes source, destination, size and the exact command, and shows no secret anywhere', async () => {
    const env = testEnv();
    const tree = await selectionTree(['data/', 'hostile/$(touch pwned).txt', 'hostile/star*.txt'], ['data/test/part-00001.parquet']);
    const selection = selectionOf(tree);
    const element = await mountJob({
      selection,
      connection: connection(),
      target: target('summary-bucket', { prefix: 'runs/one/', exists: false }),
      accessToken: env.hub.tokens.write,
    });

    const summary = textOf(part(element, 'summary'));
    const files = await selectedObjects(tree);
    expect(summary).to.contain(`Source s3://${env.s3.corsBucket} Destination`);
    expect(summary).to.contain('hf://buckets/alice/summary-bucket/runs/one');
    expect(summary).to.contain('New bucket, created first');
    expect(summary).to.contain(`${files.length} files · ${formatBytes(files.reduce((total, { size }) => total + size, 0))}`);

    const command = part(element, 'command')!.querySelector('pre')!.textContent;
    expect(command).to.equal(
      describeImportCommand({
        source: { bucket: env.s3.corsBucket, prefix: '', region: env.s3.region, endpoint: env.s3.endpoint },
        filters: selection.filters!,
        destination: { namespace: 'alice', bucket: 'summary-bucket', prefix: 'runs/one/' },
      }),
    );
    // Hostile names stay single-quoted words, shown as text.
    expect(command).to.contain("'--include=hostile/$(touch pwned).txt'");
    expect(textOf(part(element, 'command'))).to.contain('AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, HF_TOKEN sent as encrypted Job secrets');

    const visible = everythingVisible(element);
    for (const secret of [env.s3.accessKeyId, env.s3.secretAccessKey, env.hub.tokens.write]) expect(visible).not.to.contain(secret);
    await expect(element).to.be.accessible();
    await screenshots('summary', element);
  });

  it('names only HF_TOKEN as a secret for an anonymous source, and explains manual patterns', async () => {
    const env = testEnv();
    const element = await mountJob({
      selection: { mode: 'manual', filters: { root: 'data/', include: ['*.parquet'], exclude: [] } },
      connection: { bucket: env.s3.publicBucket, region: env.s3.region, endpoint: env.s3.endpoint, anonymous: true },
      target: target('public-import'),
      accessToken: env.hub.tokens.write,
    });
    const commandText = textOf(part(element, 'command'));
    expect(commandText).to.contain('HF_TOKEN sent as encrypted Job secrets');
    expect(commandText).not.to.contain('AWS_');
    expect(commandText).to.contain("'--include=*.parquet'");
    expect(textOf(part(element, 'summary'))).to.contain('Manual patterns (1): file count and size unknown');
    expect(textOf(part(element, 'hardware'))).to.contain('No estimate for manual patterns');
  });

  it('lists the CPU hardware with prices and recommends the cheapest flavor that finishes in time', async () => {
    const tree = await selectionTree(['data/']);
    const element = await mountJob({ selection: selectionOf(tree), connection: connection(), target: target('hw-bucket'), accessToken: testEnv().hub.tokens.write });
    const rows = [...part(element, 'estimate')!.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('.flavor-id')!.textContent)).to.deep.equal(['cpu-basic', 'cpu-upgrade', 'cpu-performance', 'cpu-xl']);
    const basic = rows[0];
    expect(textOf(basic.querySelector('[data-label="Price"]'))).to.equal('$0.01/h');
    expect(textOf(basic.querySelector('[data-label="Est. duration"]'))).to.match(/^1 min \d+ s$/);
    expect(textOf(basic.querySelector('[data-label="Est. cost"]'))).to.equal('< $0.01');
    expect(textOf(basic)).to.contain('Recommended');
    expect(basic.querySelector<HTMLInputElement>('input[type=radio]')!.checked).to.equal(true);
    expect(textOf(part(element, 'launch'))).to.contain('Runs on CPU Basic');
  });

  it('follows overridden throughput and start-up time, and warns when the timeout is too short', async () => {
    const tree = await selectionTree(['data/']);
    const element = await mountJob({
      selection: selectionOf(tree),
      connection: connection(),
      target: target('slow-bucket'),
      accessToken: testEnv().hub.tokens.write,
      // One byte per second on cpu-basic: tens of KB take hours there.
      throughput: { 'cpu-basic': 1 },
      startupSeconds: 0,
    });
    const rowOf = (flavor: string) => [...part(element, 'estimate')!.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((row) => row.querySelector('.flavor-id')!.textContent === flavor)!;
    expect(textOf(rowOf('cpu-upgrade'))).to.contain('Recommended');
    expect(textOf(rowOf('cpu-basic').querySelector('[data-label="Est. duration"]'))).to.match(/ h /);
    expect(textOf(rowOf('cpu-upgrade').querySelector('[data-label="Est. duration"]'))).to.equal('< 1 s');
    expect(part(element, 'warnings')).to.equal(null);

    // Choosing the slow flavor anyway: the timeout cannot hold it, and the warning offers a fix.
    rowOf('cpu-basic').click();
    await element.updateComplete;
    const warning = part(element, 'warnings')!;
    expect(textOf(warning)).to.match(/The timeout \(30 min\) is shorter than the estimated duration on CPU Basic/);
    const fix = [...warning.querySelectorAll('button')].find((candidate) => /Set the timeout to \d+ hours/.test(textOf(candidate)))!;
    fix.click();
    await element.updateComplete;
    const timeout = element.shadowRoot!.querySelector<HTMLInputElement>('#timeout')!;
    expect(element.shadowRoot!.querySelector<HTMLSelectElement>('select')!.value).to.equal('hours');
    expect(Number(timeout.value)).to.be.greaterThan(1);
    expect(part(element, 'warnings')).to.equal(null);
  });

  it("warns when the token expires before the import is estimated to finish, or has expired", async () => {
    const tree = await selectionTree(['data/']);
    const element = await mountJob({
      selection: selectionOf(tree),
      connection: connection(),
      target: target('token-bucket'),
      accessToken: testEnv().hub.tokens.write,
      tokenExpiresAt: new Date(Date.now() + 20_000),
    });
    expect(textOf(part(element, 'warnings'))).to.match(/Your Hugging Face sign-in expires in \d+ s, before the import is estimated to finish/);
    element.tokenExpiresAt = new Date(Date.now() - 1000);
    await element.updateComplete;
    expect(textOf(part(element, 'warnings'))).to.contain('Your Hugging Face sign-in has expired');
    element.tokenExpiresAt = new Date(Date.now() + 8 * 3600_000);
    await element.updateComplete;
    expect(part(element, 'warnings')).to.equal(null);
  });

  it('refuses to launch with missing or invalid inputs, at each field, before any request, keeping what was typed', async () => {
    const requests: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(input instanceof Request ? input.url : String(input)).pathname}`);
      return fetch(input, init);
    };
    const element = await mountJob({
      connection: { ...connection(), credentials: undefined },
      target: { ...target('x'), valid: false },
      accessToken: testEnv().hub.tokens.write,
      fetch: countingFetch,
    });
    const timeout = element.shadowRoot!.querySelector<HTMLInputElement>('#timeout')!;
    timeout.value = '45';
    timeout.dispatchEvent(new Event('input'));
    requests.length = 0;

    expect(await element.launch()).to.equal(undefined);
    await element.updateComplete;
    const errorIn = (label: string) => {
      const term = [...element.shadowRoot!.querySelectorAll('dt')].find((dt) => dt.textContent === label)!;
      return textOf(term.nextElementSibling!.querySelector('.field-error'));
    };
    expect(errorIn('Selection')).to.contain('Select what to import in the S3 tree first');
    expect(errorIn('Source')).to.contain('Enter the S3 access key ID and secret access key');
    expect(errorIn('Destination')).to.contain('The destination is not complete yet');
    expect(requests).to.deep.equal([]);
    expect(timeout.value).to.equal('45');

    // Fixing an input clears its error; the others stay until they are fixed.
    element.selection = selectionOf(await selectionTree(['data/']));
    await element.updateComplete;
    expect(errorIn('Selection')).to.equal('');
    expect(errorIn('Destination')).to.contain('not complete');
  });

  it('names its region with `label`, so two imports on one page stay distinct landmarks', async () => {
    const env = testEnv();
    const selection = selectionOf(await selectionTree(['data/']));
    const page = await fixture<HTMLDivElement>(html`<div>
      <hf-import-job label="Import the images" hub-url=${env.hub.url} .selection=${selection} .connection=${connection()} .target=${target('labels-a')}></hf-import-job>
      <hf-import-job label="Import the captions" hub-url=${env.hub.url} .selection=${selection} .connection=${connection()} .target=${target('labels-b')}></hf-import-job>
    </div>`);
    const regions = [...page.querySelectorAll('hf-import-job')].map((element) => element.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-label'));
    expect(regions).to.deep.equal(['Import the images', 'Import the captions']);
    await expect(page).to.be.accessible();
  });

  it('asks to sign in when there is no token, at the launch button', async () => {
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/'])), connection: connection(), target: target('x') });
    expect(textOf(part(element, 'hardware'))).to.contain('Sign in with Hugging Face to see the hardware');
    button(element, /Start import/).click();
    await waitUntil(() => part(element, 'launch')!.querySelector('[role=alert]'));
    expect(textOf(part(element, 'launch'))).to.contain('Sign in with Hugging Face first');
  });

  it('rejects a bad timeout and bad workers at their fields and focuses the first', async () => {
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/'])), connection: connection(), target: target('x'), accessToken: testEnv().hub.tokens.write });
    const workers = element.shadowRoot!.querySelector<HTMLInputElement>('#workers')!;
    workers.value = '500';
    workers.dispatchEvent(new Event('input'));
    await element.launch();
    await element.updateComplete;
    expect(textOf(element.shadowRoot!.querySelector('#error-workers'))).to.contain('Workers must be a whole number from 1 to 64');
    expect(workers.getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.activeElement).to.equal(workers);
    expect(await control.jobs()).to.deep.equal([]);
  });

  it('works with the keyboard: hardware with arrow keys, options with Space, launch with Enter', async () => {
    const bucket = await existingBucket('keys');
    const element = await mountJob({ selection: selectionOf(await selectionTree(['data/train/'])), connection: connection(), target: target(bucket), accessToken: testEnv().hub.tokens.write });
    const root = element.shadowRoot!;

    root.querySelector<HTMLInputElement>('#flavor-cpu-basic')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(root.querySelector<HTMLInputElement>('#flavor-cpu-upgrade')!.checked).to.equal(true);
    expect(textOf(part(element, 'launch'))).to.contain('Runs on CPU Upgrade');

    root.querySelector<HTMLInputElement>('#workers')!.focus();
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    const command = part(element, 'command')!.querySelector('pre')!.textContent!;
    expect(command).to.contain("'--dry-run' '--skip-existing' '--workers=2'");
    expect(textOf(button(element, /Start/))).to.equal('Start dry run');

    button(element, /Start dry run/).focus();
    const created = oneEvent(element, 'hf-import-job-created');
    const finishing = oneEvent(element, 'hf-import-job-finished');
    await sendKeys({ press: 'Enter' });
    const { detail } = await created;
    expect(detail.namespace).to.equal('alice');
    const finished = await finishing;
    expect(finished.detail.outcome).to.equal('completed');
    expect(finished.detail.reason).to.contain('dry run');
    const job = (await control.jobs()).find((candidate) => candidate.id === detail.jobId) as unknown as { flavor: string };
    expect(job.flavor).to.equal('cpu-upgrade');
  });
});
