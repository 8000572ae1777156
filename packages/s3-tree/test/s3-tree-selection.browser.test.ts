import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { formatBytes, matchesFilters } from '@s3-to-hf/core';
import '../src/index.js';
import type { S3TreeElement, S3TreeErrorEvent, S3TreeSelectionChangeEvent } from '../src/index.js';
import {
  button,
  has,
  hasRow,
  clickCheckbox,
  expandFolder,
  filesUnder,
  keysImportedBy,
  ownerConnection,
  proxyClient,
  rowFor,
  rowsOnScreen,
  shadowText,
  sum,
  testServer,
  waitForListing,
  type ProxyClient,
  type S3TestServer,
} from './s3-tree-test-helpers.js';

describe('<s3-tree> selection', () => {
  let server: S3TestServer;
  let proxy: ProxyClient;
  before(async () => {
    server = await testServer();
    proxy = await proxyClient(server);
  });
  afterEach(() => proxy.reset());

  // Tall enough to render every row these tests open (virtualization is tested with many/).
  async function mount(connection = ownerConnection(server)): Promise<S3TreeElement> {
    const element = await fixture<S3TreeElement>(
      html`<s3-tree style="--s3-tree-max-height: 200rem; --s3-tree-preview-max-height: 200rem" .connection=${connection}></s3-tree>`,
    );
    await waitForListing(element, '');
    return element;
  }

  const checked = (element: S3TreeElement, path: string) => rowFor(element, path)!.getAttribute('aria-checked');

  it('shows folders as mixed when part of them is ticked, with live totals', async () => {
    const element = await mount();
    await expandFolder(element, 'data/');
    const changed = oneEvent(element, 's3-tree-selection-change') as Promise<S3TreeSelectionChangeEvent>;
    await clickCheckbox(element, 'data/meta.json');
    const { detail } = await changed;
    expect(detail.mode).to.equal('tree');
    expect(detail.stats).to.deep.equal({ files: 1, bytes: 96, unlistedFolders: 0, uncountedFolders: 0 });
    expect(checked(element, 'data/meta.json')).to.equal('true');
    expect(checked(element, 'data/')).to.equal('mixed');
    expect(checked(element, 'data/train/')).to.equal('false');
    expect(shadowText(element, '[part~="totals"]')).to.contain('1 file · 96 B selected');

    // A folder ticked without being opened counts as a folder whose files are not counted yet.
    await clickCheckbox(element, 'data/train/');
    expect(checked(element, 'data/train/')).to.equal('true');
    expect(element.selection.stats).to.deep.equal({ files: 1, bytes: 96, unlistedFolders: 1, uncountedFolders: 1 });
    expect(shadowText(element, '[part~="totals"]')).to.contain('plus 1 selected folder not counted yet');

    // Opening it lists its files, which inherit the tick, and the totals become exact.
    await expandFolder(element, 'data/train/');
    const train = sum(filesUnder(server.objects, 'data/train/'));
    expect(checked(element, 'data/train/part-00003.parquet')).to.equal('true');
    expect(element.selection.stats).to.deep.equal({ files: 1 + train.files, bytes: 96 + train.bytes, unlistedFolders: 0, uncountedFolders: 0 });
    expect(shadowText(element, '[part~="totals"]')).to.contain(`${1 + train.files} files · ${formatBytes(96 + train.bytes)} selected`);

    await clickCheckbox(element, 'data/test/');
    expect(checked(element, 'data/')).to.equal('true');
    // Ticking a mixed folder ticks all of it; ticking a ticked one clears it.
    await clickCheckbox(element, 'data/train/part-00003.parquet');
    expect(checked(element, 'data/train/')).to.equal('mixed');
    await clickCheckbox(element, 'data/train/');
    expect(checked(element, 'data/train/')).to.equal('true');
    await clickCheckbox(element, 'data/');
    expect(checked(element, 'data/')).to.equal('false');
    expect(checked(element, 'data/train/part-00003.parquet')).to.equal('false');
    expect(shadowText(element, '[part~="totals"]')).to.contain('Nothing selected.');
    expect(element.selection.filters).to.equal(undefined);
    expect(element.selection.problem).to.contain('Nothing is selected');
    await expect(element).to.be.accessible();
  });

  it('selects and deselects everything', async () => {
    const element = await mount();
    await expandFolder(element, 'data/');
    button(element, 'Select all').click();
    await element.updateComplete;
    expect(rowsOnScreen(element).every((row) => row.getAttribute('aria-checked') === 'true')).to.equal(true);
    expect(element.selection.filters).to.deep.equal({ root: '', include: [], exclude: [] });
    const top = server.objects.filter(({ key }) => !key.includes('/'));
    const dataFiles = filesUnder(server.objects, 'data/').filter(({ key }) => key.split('/').length === 2);
    expect(element.selection.stats!.files).to.equal(top.length + dataFiles.length);
    button(element, 'Deselect all').click();
    await element.updateComplete;
    expect(rowsOnScreen(element).every((row) => row.getAttribute('aria-checked') === 'false')).to.equal(true);
    expect(element.selection.stats).to.deep.equal({ files: 0, bytes: 0, unlistedFolders: 0, uncountedFolders: 0 });
  });

  it('counts the selected folders that were never listed, with their sizes on the rows', async () => {
    const element = await mount();
    await clickCheckbox(element, 'many/');
    await clickCheckbox(element, 'deep/');
    expect(element.selection.stats!.uncountedFolders).to.equal(2);
    element.setAttribute('count-concurrency', '3');
    expect(element.countConcurrency).to.equal(3);
    button(element, 'Count folders').click();
    await waitUntil(() => element.selection.stats!.uncountedFolders === 0, 'both counted', { timeout: 20_000 });
    const expected = sum([...filesUnder(server.objects, 'many/'), ...filesUnder(server.objects, 'deep/')]);
    expect(element.selection.stats).to.deep.equal({ ...expected, unlistedFolders: 2, uncountedFolders: 0 });
    await element.updateComplete;
    expect(rowFor(element, 'many/')!.querySelector('[part~="size"]')!.textContent).to.equal(formatBytes(sum(filesUnder(server.objects, 'many/')).bytes));
    expect(shadowText(element, '[part~="totals"]')).not.to.contain('not counted');
    expect(element.selectionTree.isListed('many/')).to.equal(false, 'counting does not list');
  });

  it('shows counting progress and cancels a count', async () => {
    await proxy.setLatency(250);
    const element = await mount(ownerConnection(server, { viaProxy: true }));
    await clickCheckbox(element, 'many/');
    const counting = element.countSelected();
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="totals"] progress'), 'a progress bar');
    expect(shadowText(element, '[part~="totals"]')).to.match(/Counting 1 of 1 folder/);
    button(element, 'Cancel').click();
    await counting;
    await element.updateComplete;
    expect(has(element, '[part~="totals"] progress')).to.equal(false);
    expect(element.selection.stats!.uncountedFolders).to.equal(1);
    expect(shadowText(element, '[part~="totals"]')).to.contain('Counting cancelled.');
    expect(button(element, 'Count folder').disabled).to.equal(false);
  });

  it('filters the loaded rows by name, keeping the ancestors of matches', async () => {
    const element = await mount();
    await expandFolder(element, 'data/');
    await expandFolder(element, 'data/train/');
    await expandFolder(element, 'data/test/');
    rowFor(element, 'data/')!.querySelector<HTMLElement>('[part~="toggle"]')!.click();
    await waitUntil(() => !rowFor(element, 'data/train/'), 'data/ closed');
    const filter = element.shadowRoot!.querySelector<HTMLInputElement>('[part~="filter"]')!;
    filter.focus();
    await sendKeys({ type: 'PART-00002' });
    await element.updateComplete;
    expect(rowsOnScreen(element).map((row) => `${row.getAttribute('aria-level')} ${row.dataset.path}`)).to.deep.equal([
      '1 data/',
      '2 data/test/',
      '3 data/test/part-00002.parquet',
      '2 data/train/',
      '3 data/train/part-00002.parquet',
    ]);
    expect(rowFor(element, 'data/')!.getAttribute('aria-expanded')).to.equal('true');
    expect(rowFor(element, 'data/test/')!.getAttribute('aria-setsize')).to.equal('2');
    // A tick on a filtered row is a normal tick.
    await clickCheckbox(element, 'data/train/part-00002.parquet');
    expect(element.selection.stats!.files).to.equal(1);
    filter.value = 'no such name';
    filter.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(shadowText(element, '.body')).to.contain('No loaded name contains “no such name”.');
    filter.value = '';
    filter.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(rowsOnScreen(element).map((row) => row.dataset.path)).to.include.members(['data/', 'many/', 'README.md']);
    expect(hasRow(element, 'data/train/')).to.equal(false, 'data/ is closed again without the filter');
  });

  it('emits filters that import exactly the ticked keys', async () => {
    const element = await mount();
    await expandFolder(element, 'hostile/');
    await expandFolder(element, 'data/');
    const ticks = ['README.md', 'many/', 'data/', 'hostile/star*.txt', 'hostile/[bracket].txt', 'hostile/ lead', 'hostile/*/', 'hostile/trail '];
    let last: S3TreeSelectionChangeEvent | undefined;
    element.addEventListener('s3-tree-selection-change', (event) => (last = event));
    for (const path of ticks) await clickCheckbox(element, path);
    await clickCheckbox(element, 'data/meta.json');
    const expected = server.objects
      .map(({ key }) => key)
      .filter(
        (key) =>
          ['README.md', 'hostile/star*.txt', 'hostile/[bracket].txt', 'hostile/ lead', 'hostile/trail '].includes(key) ||
          key.startsWith('many/') ||
          key.startsWith('hostile/*/') ||
          (key.startsWith('data/') && key !== 'data/meta.json'),
      )
      .sort();
    const filters = last!.detail.filters!;
    expect(last!.detail).to.deep.equal(element.selection);
    expect(keysImportedBy(filters, server.objects)).to.deep.equal(expected);
  });

  it('previews exactly the listed files the filters import, and the folders it cannot know', async () => {
    const element = await mount();
    await expandFolder(element, 'hostile/');
    await clickCheckbox(element, 'hostile/');
    await clickCheckbox(element, 'hostile/-rf');
    await clickCheckbox(element, 'hostile/star*.txt');
    await clickCheckbox(element, 'README.md');
    button(element, 'Preview').click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="preview"] [role="listitem"]'), 'preview rows');
    const filters = element.selection.filters!;
    const listed = server.objects.filter(({ key }) => key === 'README.md' || (key.startsWith('hostile/') && key.split('/').length === 2));
    const expected = listed.filter(({ key }) => matchesFilters(key.slice(filters.root.length).replace(/^\/+/, ''), filters));
    const items = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="preview"] [role="listitem"]')].sort(
      (a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')),
    );
    expect(items.map((item) => item.querySelector('.name')!.textContent)).to.deep.equal(
      expected.map(({ key }) => key.replace(/\t/g, '\u2409')),
    );
    expect(items[0].getAttribute('aria-setsize')).to.equal(String(expected.length));
    const summary = shadowText(element, '.preview-summary');
    expect(summary).to.contain(`${expected.length} listed files · ${formatBytes(sum(expected).bytes)}`);
    const unlistedFolders = new Set(
      server.objects.filter(({ key }) => key.startsWith('hostile/') && key.split('/').length > 2).map(({ key }) => key.split('/')[1]),
    );
    expect(summary).to.contain(`${unlistedFolders.size} selected folders never listed`);
    expect(items.some((item) => item.textContent!.includes('hostile/-rf'))).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('keeps the selection through a wrong secret key, and through the fixed one', async () => {
    const errors: S3TreeErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @s3-tree-error=${(event: S3TreeErrorEvent) => errors.push(event)}>
      <s3-tree .connection=${ownerConnection(server)}></s3-tree>
    </div>`);
    const element = wrapper.querySelector('s3-tree')!;
    await waitForListing(element, '');
    await expandFolder(element, 'data/');
    await clickCheckbox(element, 'data/meta.json');
    await clickCheckbox(element, 'many/');
    const before = JSON.stringify(element.selection);
    const model = element.selectionTree;

    const secret = 'definitely-not-the-secret-key';
    element.connection = ownerConnection(server, { credentials: { accessKeyId: server.accessKeyId, secretAccessKey: secret } });
    await waitUntil(() => errors.length > 0, 's3-tree-error', { timeout: 20_000 });
    expect(errors.map((event) => [event.detail.error.kind, event.detail.folder])).to.deep.equal([['bad-credentials', '']]);
    await element.updateComplete;
    const notice = shadowText(element, '[part~="notices"]');
    expect(notice).to.contain('S3 rejected these credentials');
    expect(notice).to.contain('Check that the access key ID and secret access key are correct');
    expect(notice).to.contain('What you selected is kept.');
    expect(element.selectionTree === model, 'the same SelectionTree').to.equal(true);
    expect(JSON.stringify(element.selection)).to.equal(before);
    expect(checked(element, 'data/meta.json')).to.equal('true');
    // The secret is never shown or put into the DOM.
    expect(element.shadowRoot!.innerHTML).not.to.contain(secret);
    expect(element.outerHTML).not.to.contain(secret);

    element.connection = ownerConnection(server);
    await waitUntil(() => !element.shadowRoot!.querySelector('[part~="notices"]'), 'error gone', { timeout: 20_000 });
    expect(element.selectionTree === model, 'the same SelectionTree').to.equal(true);
    expect(JSON.stringify(element.selection)).to.equal(before);
  });

  it('starts a new tree for another bucket', async () => {
    const element = await mount();
    await clickCheckbox(element, 'README.md');
    const model = element.selectionTree;
    element.connection = { bucket: server.publicBucket, region: server.region, endpoint: server.endpoint, anonymous: true };
    expect(element.selectionTree !== model, 'a new SelectionTree').to.equal(true);
    await waitForListing(element, '');
    expect(element.selection.stats!.files).to.equal(0);
  });
});
